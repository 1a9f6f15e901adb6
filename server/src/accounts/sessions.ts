// Browser sessions of facilitator accounts: an HTTP-only, SameSite=Lax cookie holding a random
// secret; the database keeps only its hash (so every node accepts it, and a leaked database opens
// nothing). A new secret is minted at every sign-in and any session the browser carried before
// is deleted (no fixation). Writes authenticated by the cookie must come from the app's own
// origin (CSRF); requests with a Bearer token are not affected (a token is not sent by the browser on its own).
import type { Request, Response } from 'express';
import { hashToken, newToken } from '../auth';
import type { AccountStore, AuthSession } from './accountStore';
import { originAllowed } from '../http/origin';

/** A session unused this long is refused (and the cookie expires with it). */
export const SESSION_IDLE_MS = 30 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often per session. */
const TOUCH_EVERY_MS = 60_000;

/** `__Host-` pins the cookie to this host, path / and HTTPS; on plain http (venue wifi, tests) it cannot be used. */
export const SECURE_COOKIE = '__Host-wc_session';
export const PLAIN_COOKIE = 'wc_session';

export interface SessionConfig {
  /** PUBLIC_ORIGIN: the app's address as browsers see it (https://cafe.example.org); undefined = the request's. */
  publicOrigin?: string;
  /** Extra origins allowed (ALLOWED_ORIGINS), as for sockets. */
  allowedOrigins: readonly string[];
}

export function isSecure(req: Request, cfg: SessionConfig): boolean {
  return cfg.publicOrigin ? cfg.publicOrigin.startsWith('https:') : req.secure;
}

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

/** The session secret the browser sent, if any (the secure name is preferred when both are there). */
export function sessionSecret(req: Request): string | undefined {
  const v = readCookie(req, SECURE_COOKIE) ?? readCookie(req, PLAIN_COOKIE);
  return v && /^[A-Za-z0-9_-]{16,64}$/.test(v) ? v : undefined;
}

function setCookie(res: Response, req: Request, cfg: SessionConfig, value: string, maxAgeMs: number) {
  const secure = isSecure(req, cfg);
  const name = secure ? SECURE_COOKIE : PLAIN_COOKIE;
  res.cookie(name, value, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeMs });
}

/** Ends the session the browser carried before a sign-in (if any): a planted cookie never becomes signed in. */
export async function dropPreviousSession(req: Request, store: AccountStore): Promise<void> {
  const old = sessionSecret(req);
  if (!old) return;
  const prev = await store.findSession(hashToken(old));
  if (prev) await store.deleteSession(prev.accountId, prev.idHash);
}

/** A new session's secret and row (the caller stores the row, perhaps in the same commit as the account). */
export function newSession(req: Request, accountId: string): { secret: string; session: AuthSession } {
  const secret = newToken();
  const now = Date.now();
  return { secret, session: { idHash: hashToken(secret), accountId, createdAt: now, lastSeenAt: now, userAgent: userAgentOf(req) } };
}

/** Signs the browser in to an existing account: a fresh session, its cookie, the previous one gone. */
export async function startSession(
  req: Request,
  res: Response,
  store: AccountStore,
  cfg: SessionConfig,
  accountId: string,
): Promise<AuthSession> {
  await dropPreviousSession(req, store);
  const { secret, session } = newSession(req, accountId);
  await store.createSession(session);
  setSessionCookie(req, res, cfg, secret);
  return session;
}

export function setSessionCookie(req: Request, res: Response, cfg: SessionConfig, secret: string) {
  setCookie(res, req, cfg, secret, SESSION_IDLE_MS);
}

export function clearSessionCookie(req: Request, res: Response, cfg: SessionConfig) {
  setCookie(res, req, cfg, '', 0);
}

export function userAgentOf(req: Request): string {
  return String(req.headers['user-agent'] ?? '').slice(0, 200);
}

/** The signed-in session of a request, or undefined (unknown, revoked or idle too long). */
export async function currentSession(req: Request, store: AccountStore): Promise<AuthSession | undefined> {
  const secret = sessionSecret(req);
  if (!secret) return undefined;
  const s = await store.findSession(hashToken(secret));
  if (!s) return undefined;
  const now = Date.now();
  if (now - s.lastSeenAt > SESSION_IDLE_MS) {
    await store.deleteSession(s.accountId, s.idHash);
    return undefined;
  }
  if (now - s.lastSeenAt > TOUCH_EVERY_MS) {
    await store.touchSession(s.idHash, now);
    s.lastSeenAt = now;
  }
  return s;
}

/**
 * CSRF: a browser sends Origin with every POST/PUT/PATCH/DELETE made by fetch or a form. A write
 * riding on the cookie is accepted only from the app's own origin (or PUBLIC_ORIGIN / ALLOWED_ORIGINS);
 * a missing Origin is refused too, since only a browser carries the cookie.
 */
export function sameOriginWrite(req: Request, cfg: SessionConfig): boolean {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  if (cfg.publicOrigin && origin === cfg.publicOrigin) return true;
  return originAllowed(origin, req.headers.host, cfg.allowedOrigins);
}

/** The public id of a session in lists (never the secret, not even the whole hash). */
export const sessionPublicId = (s: AuthSession) => s.idHash.slice(0, 16);
