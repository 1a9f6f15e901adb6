// helmet's headers, worked out once. helmet runs a chain of twelve small middlewares per request
// (each a closure call and a `next`), ~11 % of the main thread's CPU for a POST /api/join while a
// plenary joins (bench:notes' setup, 2026-12-08); with options that name no per-request value
// (no CSP nonce, no function directive) its output is the same for every request, so it is
// recorded once at startup and replayed.
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** The app's policy (app.ts). */
export const APP_HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      'default-src': ["'self'"],
      'connect-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'style-src': ["'self'", "'unsafe-inline'"],
      'font-src': ["'self'", 'data:'],
      // venue wifi is often plain http: upgrading the app's own requests to https would break it
      'upgrade-insecure-requests': null,
    },
  },
  // venue wifi is often plain http: HSTS would break it, and COOP is ignored (with a console error) there
  strictTransportSecurity: false,
  crossOriginOpenerPolicy: false,
};

type HeaderValue = string | number | readonly string[];

/** What helmet(options) does to a response: the headers it sets and those it removes. */
export function helmetOutput(options: HelmetOptions): { set: Map<string, HeaderValue>; removed: string[] } {
  const set = new Map<string, HeaderValue>();
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: HeaderValue) => void set.set(name, value),
    removeHeader: (name: string) => void removed.push(name),
  };
  // a directive computed per response (a function: a CSP nonce) would be frozen at its first
  // value, which every response would then share: refused at startup
  const csp = options.contentSecurityPolicy;
  const directives = csp && typeof csp === 'object' ? Object.values(csp.directives ?? {}) : [];
  if (directives.some((d) => typeof d === 'function' || (Array.isArray(d) && d.some((v) => typeof v === 'function'))))
    throw new Error('a Content-Security-Policy directive computed per request (a nonce) cannot be worked out once');
  let done = false;
  helmet(options)({} as never, recorder as never, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error('helmet refused its options');
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be computed once');
  return { set, removed };
}

/** helmet(options) as a middleware that sets the recorded headers. */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const { set, removed } = helmetOutput(options);
  const headers = [...set];
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
