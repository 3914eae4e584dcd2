/** The CSP of the app's pages: only the app itself and the media scheme, no remote content at all. */
import { mediaScheme } from '../../common/contract';

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${mediaScheme}:`,
  `media-src 'self' blob: ${mediaScheme}:`,
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
