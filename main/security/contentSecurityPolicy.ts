/** The CSP of the app's pages: only the app itself and the media scheme, no remote content at all. */
import { mediaScheme } from '../../common/contract';

const media = `${mediaScheme}:`;

/**
 * Directive by directive. `data:` and `blob:` are content the page made itself (thumbnails drawn
 * on a canvas, audio decoded in memory), never fetched; `'unsafe-inline'` is for styles only
 * (React style attributes, wavesurfer's shadow-DOM styles); scripts come from the app alone.
 */
export const contentSecurityPolicyDirectives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', media],
  'media-src': ["'self'", 'blob:', media],
  'connect-src': ["'self'", media],
  'font-src': ["'self'"],
  'worker-src': ["'self'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const contentSecurityPolicy = Object.entries(contentSecurityPolicyDirectives)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
