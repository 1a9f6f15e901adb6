// Organisation sign-in over OpenID Connect (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET) with
// openid-client 6: authorization code + PKCE (S256) + state + nonce, the ID token checked by the
// library (signature, issuer, audience, nonce, times) and the authorization response's `iss`.
//
// Between the start and the callback the browser may land on another node: the state, nonce, PKCE
// verifier and redirect URI wait in the database (the challenges table, purpose 'oidc' or
// 'oidc-link', ten minutes, answered once), and the browser holds only a random id for them in a
// short-lived HTTP-only cookie scoped to /api/auth/oidc. The cookie binds the answer to the browser
// that asked (no login CSRF: an attacker's callback URL lands in a browser without the cookie), and
// taking the row deletes it (a replayed callback finds nothing).
//
// An account is found by (issuer, subject) only — never by e-mail, which a provider may let a user
// change — and created on the first sign-in. A signed-in account (passkey or not) can link an
// organisation identity with POST /api/auth/oidc/link.
import express, { type Request, type Response } from 'express';
import * as client from 'openid-client';
import type { Logger } from 'pino';
import { type AuthConfigView, type OidcResult, oidcCallbackQuerySchema } from '@world-cafe/shared';
import type { OidcConfig } from '../config';
import { newToken } from '../auth';
import type { AccountStore, OidcIdentity } from './accountStore';
import { type SignedIn, requireSession } from './http';
import { newAccountId } from './passkeys';
import {
  type SessionConfig,
  currentSession,
  dropPreviousSession,
  isSecure,
  newSession,
  readCookie,
  setSessionCookie,
  startSession,
} from './sessions';

const FLOW_TTL_MS = 10 * 60_000;
const FLOW_COOKIE = 'wc_oidc';
const FLOW_PATH = '/api/auth/oidc';
export const CALLBACK_PATH = '/api/auth/oidc/callback';
/** How long discovery and the token request may take before the provider counts as unreachable (seconds). */
const PROVIDER_TIMEOUT_S = 10;

/** What waits in the challenges table between the start and the callback. */
interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
}

/**
 * The provider's configuration, discovered on first use and kept; a failed discovery (provider
 * down, wrong issuer in its document) is not kept, so the next sign-in tries again.
 */
export class OidcRelyingParty {
  private discovered: Promise<client.Configuration> | undefined;
  constructor(
    readonly settings: OidcConfig,
    private logger: Logger,
  ) {}

  configuration(): Promise<client.Configuration> {
    if (!this.discovered) {
      const { issuer, clientId, clientSecret } = this.settings;
      // config.ts allows http:// only for a provider on this machine
      const insecure = new URL(issuer).protocol === 'http:';
      const p = client.discovery(new URL(issuer), clientId, clientSecret, undefined, {
        execute: insecure ? [client.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_S,
      });
      this.discovered = p;
      p.catch((err: unknown) => {
        this.discovered = undefined;
        this.logger.warn({ err: describe(err), issuer }, 'OpenID provider discovery failed');
      });
    }
    return this.discovered;
  }

  redirectUri(req: Request, cfg: SessionConfig): string {
    if (this.settings.redirectUrl) return this.settings.redirectUrl;
    const origin = cfg.publicOrigin ?? `${req.protocol}://${req.headers.host ?? 'localhost'}`;
    return new URL(CALLBACK_PATH, origin).href;
  }
}

/** An error's kind and message for the log (never a token: openid-client's messages carry none). */
function describe(err: unknown): string {
  if (err instanceof Error) return `${(err as { code?: string }).code ?? err.name}: ${err.message}`.slice(0, 300);
  return String(err).slice(0, 300);
}

/** A network failure reaching the provider (refused, reset, timed out), as opposed to a refused answer. */
function unreachable(err: unknown): boolean {
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  return e?.name === 'TimeoutError' || e?.name === 'AbortError' || (e?.name === 'TypeError' && /fetch failed/i.test(e.message ?? ''));
}

function flowCookie(req: Request, res: Response, cfg: SessionConfig, value: string, maxAgeMs: number) {
  res.cookie(FLOW_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: isSecure(req, cfg), path: FLOW_PATH, maxAge: maxAgeMs });
}

export function oidcRoutes(store: AccountStore, cfg: SessionConfig, rp: OidcRelyingParty | undefined, logger: Logger) {
  const r = express.Router();

  r.get('/config', (_req, res) => {
    const view: AuthConfigView = { oidc: Boolean(rp) };
    res.json(view);
  });
  if (!rp) return r;

  /** Where the browser goes next: the home, saying how it went. */
  const finish = (res: Response, result: OidcResult) => {
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, `/home?oidc=${result}`);
  };

  /** Saves a new flow and answers the provider's authorization URL, or undefined if the provider is unreachable. */
  async function begin(req: Request, res: Response, accountId: string | null): Promise<URL | undefined> {
    let config: client.Configuration;
    try {
      config = await rp!.configuration();
    } catch {
      return undefined;
    }
    const flow: Flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      redirectUri: rp!.redirectUri(req, cfg),
    };
    const id = newToken();
    await store.putChallenge({
      id,
      challenge: JSON.stringify(flow),
      purpose: accountId ? 'oidc-link' : 'oidc',
      accountId,
      expiresAt: Date.now() + FLOW_TTL_MS,
    });
    flowCookie(req, res, cfg, id, FLOW_TTL_MS);
    res.setHeader('Cache-Control', 'no-store');
    return client.buildAuthorizationUrl(config, {
      redirect_uri: flow.redirectUri,
      scope: 'openid profile email',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
  }

  /** "Sign in with your organisation": a plain navigation (a link works without script). */
  r.get('/oidc/start', async (req, res) => {
    const url = await begin(req, res, null);
    if (!url) return finish(res, 'provider_unavailable');
    res.redirect(303, url.href);
  });

  /** A signed-in account links its organisation identity: answers the URL to navigate to. */
  r.post('/oidc/link', requireSession(store, cfg), async (req, res) => {
    const { session } = req as SignedIn;
    const url = await begin(req, res, session.accountId);
    if (!url) return res.status(503).json({ error: { code: 'provider_unavailable', message: 'the organisation sign-in is unreachable' } });
    res.json({ url: url.href });
  });

  r.get('/oidc/callback', async (req, res) => {
    const flowId = readCookie(req, FLOW_COOKIE);
    flowCookie(req, res, cfg, '', 0);
    const taken = flowId && /^[A-Za-z0-9_-]{16,64}$/.test(flowId) ? await store.takeChallenge(flowId, Date.now()) : undefined;
    if (!taken || (taken.purpose !== 'oidc' && taken.purpose !== 'oidc-link')) return finish(res, 'expired');
    const query = oidcCallbackQuerySchema.safeParse(req.query);
    if (!query.success || req.originalUrl.length > 8192) return finish(res, 'failed');
    const flow = JSON.parse(taken.challenge) as Flow;

    let config: client.Configuration;
    try {
      config = await rp.configuration();
    } catch {
      return finish(res, 'provider_unavailable');
    }
    // the URL the provider redirected to, as registered (behind a proxy the request's own may differ)
    const current = new URL(flow.redirectUri);
    current.search = new URL(req.originalUrl, 'http://callback').search;
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (err) {
      if (err instanceof client.AuthorizationResponseError && err.error === 'access_denied') return finish(res, 'denied');
      logger.warn({ err: describe(err) }, 'OpenID Connect sign-in refused');
      return finish(res, unreachable(err) ? 'provider_unavailable' : 'failed');
    }
    if (!claims?.sub || !claims.iss) return finish(res, 'failed');

    const now = Date.now();
    const email = typeof claims.email === 'string' ? claims.email.slice(0, 200) : null;
    const existing = await store.findOidcIdentity(claims.iss, claims.sub);

    if (taken.purpose === 'oidc-link') {
      // the browser must still be signed in to the account that asked
      const session = await currentSession(req, store);
      if (!session || session.accountId !== taken.accountId) return finish(res, 'failed');
      if (existing) return finish(res, existing.accountId === session.accountId ? 'linked' : 'already_linked');
      const linked = await store.linkOidcIdentity({
        issuer: claims.iss,
        subject: claims.sub,
        accountId: session.accountId,
        email,
        createdAt: now,
        lastUsedAt: now,
      });
      logger.info({ accountId: session.accountId }, 'organisation identity linked');
      return finish(res, linked ? 'linked' : 'already_linked');
    }

    if (existing) {
      await store.touchOidcIdentity(existing.issuer, existing.subject, now);
      await startSession(req, res, store, cfg, existing.accountId);
      return finish(res, 'signed_in');
    }
    const accountId = newAccountId();
    const identity: OidcIdentity = { issuer: claims.iss, subject: claims.sub, accountId, email, createdAt: now, lastUsedAt: now };
    await dropPreviousSession(req, store);
    const { secret, session } = newSession(req, accountId);
    try {
      await store.createOidcAccount({ id: accountId, name: displayName(claims), createdAt: now }, identity, session);
    } catch {
      // the same identity's first sign-in in another tab won the race: sign in to that account
      const winner = await store.findOidcIdentity(claims.iss, claims.sub);
      if (!winner) return finish(res, 'failed');
      await startSession(req, res, store, cfg, winner.accountId);
      return finish(res, 'signed_in');
    }
    setSessionCookie(req, res, cfg, secret);
    logger.info({ accountId }, 'account created by organisation sign-in');
    finish(res, 'signed_in');
  });

  return r;
}

/** The new account's name: what the provider calls the person, capped as names typed at registration. */
export function displayName(claims: Record<string, unknown>): string {
  for (const k of ['name', 'preferred_username', 'email', 'given_name'] as const) {
    const v = claims[k];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 80);
  }
  return 'Organisation account';
}
