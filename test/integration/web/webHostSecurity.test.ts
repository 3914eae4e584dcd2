import { request } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/tempDir';
import { startTestWebHost, type RunningWebHost } from '../../helpers/webHostFixture';
import { invokeOver, openSocket } from '../../helpers/wsClient';

function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += String(chunk)));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host security', () => {
  let web: RunningWebHost;
  let staticDir: Awaited<ReturnType<typeof makeTempDir>>;
  let origin: string;
  let hostHeader: string;

  beforeAll(async () => {
    staticDir = await makeTempDir();
    await writeFile(join(staticDir.path, 'index.html'), '<!doctype html><title>shell</title>');
    await writeFile(join(staticDir.path, '..', 'secret.txt'), 'outside').catch(() => undefined);
    web = await startTestWebHost({ staticDir: staticDir.path });
    hostHeader = `127.0.0.1:${web.host.port}`;
    origin = `http://${hostHeader}`;
  });
  afterAll(async () => {
    await web.stop();
    await staticDir.remove();
  });

  it('binds to loopback and prints a URL with the token', () => {
    expect(web.host.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${web.host.port}/\\?token=[0-9a-f]{48}$`),
    );
  });

  it('serves the page with the right token, sets an HttpOnly cookie and a CSP', async () => {
    const response = await get(web.host.port, `/?token=${web.host.token}`);
    expect(response.status).toBe(200);
    expect(response.body).toContain('shell');
    expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(String(response.headers['content-security-policy'])).toContain("default-src 'self'");
    const withCookie = await get(web.host.port, '/', { cookie: `shotloom_token=${web.host.token}` });
    expect(withCookie.status).toBe(200);
  });

  it('refuses a missing or wrong token', async () => {
    expect((await get(web.host.port, '/')).status).toBe(401);
    expect((await get(web.host.port, '/?token=0000')).status).toBe(401);
    expect((await get(web.host.port, `/?token=${web.host.token.replace(/.$/, 'x')}`)).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const response = await get(web.host.port, `/?token=${web.host.token}`, {
      host: `evil.example:${web.host.port}`,
    });
    expect(response.status).toBe(421);
  });

  it('does not serve files outside the renderer folder', async () => {
    const response = await get(web.host.port, `/..%2Fsecret.txt?token=${web.host.token}`);
    expect(response.status).toBe(404);
  });

  it('carries the contract over the WebSocket with the same validation', async () => {
    const ws = await openSocket(`ws://${hostHeader}/ws?token=${web.host.token}`, { origin });
    expect(await invokeOver(ws, 'app:info', {})).toMatchObject({ ok: true, value: { host: 'web' } });
    expect(await invokeOver(ws, 'app:info', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await invokeOver(ws, 'fs:read', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    ws.close();
  });

  it('refuses WebSocket upgrades with a foreign Origin, no Origin, a wrong token or a foreign Host', async () => {
    const url = `ws://${hostHeader}/ws?token=${web.host.token}`;
    await expect(openSocket(url, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(openSocket(url, {})).rejects.toThrow('HTTP 403');
    await expect(openSocket(`ws://${hostHeader}/ws?token=nope`, { origin })).rejects.toThrow('HTTP 401');
    await expect(openSocket(url, { origin, host: 'evil.example' })).rejects.toThrow('HTTP 421');
  });
});
