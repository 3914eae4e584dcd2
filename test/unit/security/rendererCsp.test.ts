import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicyDirectives } from '../../../main/security/contentSecurityPolicy';

// In the desktop app the page loads from file://, where only the <meta> policy applies; the
// browser host sends the header too. Both must say the same, or one host breaks (or opens up).
describe('the renderer page CSP', () => {
  it('matches the policy main sends, directive by directive (frame-ancestors is header-only)', () => {
    const html = readFileSync(join(process.cwd(), 'renderer', 'index.html'), 'utf8');
    const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(content).toBeDefined();
    const meta = Object.fromEntries(
      content!
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .map(([directive, ...sources]) => [directive!, sources.sort()]),
    );
    const expected = Object.fromEntries(
      Object.entries(contentSecurityPolicyDirectives)
        .filter(([directive]) => directive !== 'frame-ancestors')
        .map(([directive, sources]) => [directive, [...sources].sort()]),
    );
    expect(meta).toEqual(expected);
  });
});
