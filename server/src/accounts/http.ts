// Shared bits of the account endpoints: the error shape (as the rest of the API), per-address
// limits, zod parsing, and the signed-in guard with its CSRF check.
import type { NextFunction, Request, Response } from 'express';
import type { ZodType } from 'zod';
import type { RejectionLog } from '../rejections';
import { perMinute } from '../http/limits';
import type { AccountStore, AuthSession } from './accountStore';
import { type SessionConfig, currentSession, sameOriginWrite } from './sessions';

export type Code = 'invalid_payload' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'internal';
const STATUS: Record<Code, number> = {
  invalid_payload: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

export function fail(res: Response, code: Code, message: string, extra: { reason?: string } = {}) {
  res.status(STATUS[code]).json({ error: { code, message, ...extra } });
}

/** Requests per address per minute on the account endpoints: sign-in attempts are cheap to try, so few. */
export const ACCOUNT_LIMITS = { authPerMinute: 60, mePerMinute: 600, templatesPerMinute: 300 };

export function addressLimit(points: number, rejections: RejectionLog) {
  const allowed = perMinute(points);
  return async (req: Request, res: Response, next: NextFunction) => {
    const address = req.ip ?? 'unknown';
    if (await allowed(address)) return next();
    rejections.record('http', 'rate_limited', { type: req.path.slice(0, 60), address });
    res.setHeader('Retry-After', '60');
    fail(res, 'rate_limited', 'too many requests from this address; wait a minute and retry');
  };
}

/** The body parsed by `schema`, or undefined after answering 400 with the first problems. */
export function parse<T>(schema: ZodType<T>, req: Request, res: Response): T | undefined {
  const r = schema.safeParse(req.body ?? {});
  if (r.success) return r.data;
  fail(
    res,
    'invalid_payload',
    r.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`)
      .join('; '),
  );
  return undefined;
}

export type SignedIn = Request & { session: AuthSession };

/** Refuses cross-origin cookie writes (403) and requests without a valid session (401). */
export function requireSession(store: AccountStore, cfg: SessionConfig) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!sameOriginWrite(req, cfg)) return fail(res, 'forbidden', 'cross-origin request refused');
    const session = await currentSession(req, store);
    if (!session) return fail(res, 'unauthorized', 'sign in first');
    (req as SignedIn).session = session;
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}

/** Cookie-less endpoints that set a cookie (sign-in) must come from the app's own pages as well. */
export function requireSameOrigin(cfg: SessionConfig) {
  return (req: Request, res: Response, next: NextFunction) =>
    sameOriginWrite(req, cfg) ? next() : fail(res, 'forbidden', 'cross-origin request refused');
}
