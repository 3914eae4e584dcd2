import { providerIds, type ProviderId } from '../../common/catalog/providerIds';

/** The variable that points a provider at another base URL: SHOTLOOM_RUNWAY_BASE_URL, … */
export function baseUrlVariable(provider: ProviderId): string {
  return `SHOTLOOM_${provider.toUpperCase()}_BASE_URL`;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * Provider base URLs from the environment, for a gateway, a proxy or a local fake. Keys travel to
 * that address, so only https URLs, or http on this machine's loopback, are taken; anything else is
 * refused with the reason (the caller reports it), never silently used.
 */
export function providerBaseUrlsFromEnv(env: NodeJS.ProcessEnv): {
  baseUrls: Partial<Record<ProviderId, string>>;
  refused: string[];
} {
  const baseUrls: Partial<Record<ProviderId, string>> = {};
  const refused: string[] = [];
  for (const provider of providerIds) {
    const name = baseUrlVariable(provider);
    const value = env[name];
    if (!value) continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      refused.push(`${name} is not a URL`);
      continue;
    }
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname)))
      baseUrls[provider] = value.replace(/\/+$/, '');
    else refused.push(`${name} must be https, or http on 127.0.0.1 / localhost`);
  }
  return { baseUrls, refused };
}
