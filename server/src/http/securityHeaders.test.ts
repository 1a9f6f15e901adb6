import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_HELMET_OPTIONS, helmetOutput, securityHeaders } from './securityHeaders';

const servers: http.Server[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r)))));

/** A real server with `headers` in front of a GET and a POST route; its response headers per route, minus the per-response ones. */
async function headersWith(headers: RequestHandler) {
  const app = express();
  app.use(headers);
  app.get('/page', (_req, res) => void res.send('<p>hi</p>'));
  app.post('/api/thing', express.json(), (_req, res) => void res.status(201).json({ ok: true }));
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = await fetch(`${base}/page`);
  const post = await fetch(`${base}/api/thing`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const kept = (res: Response) =>
    Object.fromEntries([...res.headers].filter(([name]) => !['date', 'etag', 'content-length', 'connection', 'keep-alive'].includes(name)));
  return { get: kept(get), post: kept(post) };
}

describe('securityHeaders: helmet worked out once', () => {
  it.each<[string, HelmetOptions]>([
    ["the app's policy", APP_HELMET_OPTIONS],
    ["helmet's defaults", {}],
    ['a frame policy of its own', { frameguard: { action: 'deny' }, referrerPolicy: { policy: 'no-referrer' } }],
  ])('answers real requests with the same headers as helmet itself: %s', async (_name, options) => {
    const replayed = await headersWith(securityHeaders(options));
    expect(replayed).toEqual(await headersWith(helmet(options)));
    expect(replayed.get['content-security-policy']).toBeDefined();
  });

  it("the app's policy: same origin only, no https upgrade, no HSTS or COOP (venue wifi is often plain http)", () => {
    const { set } = helmetOutput(APP_HELMET_OPTIONS);
    const csp = String(set.get('Content-Security-Policy'));
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(set.has('Strict-Transport-Security')).toBe(false);
    expect(set.has('Cross-Origin-Opener-Policy')).toBe(false);
    expect(set.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it.each<[string, unknown]>([
    ['one that reads the request', (req: { nonce: string }) => `'nonce-${req.nonce}'`],
    ['one that does not (a fresh random value each time)', () => `'nonce-${Math.random()}'`],
  ])('refuses, at startup, a policy with a directive computed per request: %s', (_name, nonce) => {
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", nonce as never] } } })).toThrow(
      /computed per request/,
    );
  });
});
