// WebAuthn ceremonies with @simplewebauthn/server: register (a new account), sign in, add a
// passkey, and one-time recovery codes. Challenges live in the database (any node finishes what
// another began) and answer once. The relying party is PUBLIC_ORIGIN when set, else the request's host.
import express, { type Request, type Response } from 'express';
import { customAlphabet } from 'nanoid';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { passkeyVerifySchema, recoverySchema, registerOptionsSchema, registerVerifySchema } from '@world-cafe/shared';
import type { Logger } from 'pino';
import { hashToken, newToken } from '../auth';
import type { AccountStore, ChallengePurpose, Passkey } from './accountStore';
import { type SignedIn, fail, parse, requireSameOrigin, requireSession } from './http';
import { type SessionConfig, dropPreviousSession, newSession, setSessionCookie, startSession } from './sessions';

const CHALLENGE_TTL_MS = 5 * 60_000;
export const RECOVERY_CODES = 10;
const recoveryPart = customAlphabet('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 4);
export const newAccountId = customAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', 20);

/** Ten fresh codes like `K7PQ-2MXA-9RTD` (about 60 random bits each) and their hashes. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODES }, () => `${recoveryPart()}-${recoveryPart()}-${recoveryPart()}`);
  return { codes, hashes: codes.map(recoveryHash) };
}

/** Typed with or without dashes, in any case. */
export const recoveryHash = (code: string) => hashToken(code.toUpperCase().replace(/[^A-Z0-9]/g, ''));

export function relyingParty(req: Request, cfg: SessionConfig): { rpID: string; origin: string } {
  const origin = cfg.publicOrigin ?? `${req.protocol}://${req.headers.host ?? 'localhost'}`;
  const u = new URL(origin);
  return { rpID: u.hostname, origin: u.origin };
}

const RP_NAME = 'World Café';

export function passkeyRoutes(store: AccountStore, cfg: SessionConfig, logger: Logger) {
  const r = express.Router();
  const signedIn = requireSession(store, cfg);
  const sameOrigin = requireSameOrigin(cfg);

  async function challenge(purpose: ChallengePurpose, value: string, accountId: string | null) {
    const id = newToken();
    await store.putChallenge({ id, challenge: value, purpose, accountId, expiresAt: Date.now() + CHALLENGE_TTL_MS });
    return id;
  }
  /** The stored challenge for this purpose, spent; undefined = answered 400 (expired, unknown, reused). */
  async function spend(res: Response, id: string, purpose: ChallengePurpose) {
    const c = await store.takeChallenge(id, Date.now());
    if (c && c.purpose === purpose) return c;
    fail(res, 'invalid_payload', 'the sign-in request expired; start again');
    return undefined;
  }

  r.post('/passkey/register/options', sameOrigin, async (req, res) => {
    const body = parse(registerOptionsSchema, req, res);
    if (!body) return;
    const { rpID } = relyingParty(req, cfg);
    const accountId = newAccountId();
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID,
      userName: body.name,
      userID: new TextEncoder().encode(accountId),
      attestationType: 'none',
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    res.json({ challengeId: await challenge('register', options.challenge, accountId), options });
  });

  r.post('/passkey/register/verify', sameOrigin, async (req, res) => {
    const body = parse(registerVerifySchema, req, res);
    if (!body) return;
    const c = await spend(res, body.challengeId, 'register');
    if (!c || !c.accountId) return;
    const passkey = await verifyNew(req, res, body.response as unknown as RegistrationResponseJSON, c.challenge, c.accountId, 'Passkey');
    if (!passkey) return;
    const { codes, hashes } = newRecoveryCodes();
    await dropPreviousSession(req, store);
    const { secret, session } = newSession(req, c.accountId);
    const now = Date.now();
    try {
      await store.createAccount({ id: c.accountId, name: body.name, createdAt: now }, passkey, hashes, session);
    } catch {
      return fail(res, 'conflict', 'this passkey is already registered; sign in with it');
    }
    setSessionCookie(req, res, cfg, secret);
    logger.info({ accountId: c.accountId }, 'account created');
    res.status(201).json({ account: { id: c.accountId, name: body.name, createdAt: now }, recoveryCodes: codes });
  });

  r.post('/passkey/login/options', sameOrigin, async (req, res) => {
    const { rpID } = relyingParty(req, cfg);
    // no allowCredentials: the browser offers the passkeys it has for this site, and the server
    // never says whether an account exists
    const options = await generateAuthenticationOptions({ rpID, userVerification: 'preferred' });
    res.json({ challengeId: await challenge('login', options.challenge, null), options });
  });

  r.post('/passkey/login/verify', sameOrigin, async (req, res) => {
    const body = parse(passkeyVerifySchema, req, res);
    if (!body) return;
    const c = await spend(res, body.challengeId, 'login');
    if (!c) return;
    const response = body.response as unknown as AuthenticationResponseJSON;
    const passkey = await store.findPasskey(response.id);
    const { rpID, origin } = relyingParty(req, cfg);
    let verified = false;
    let newCounter = 0;
    if (passkey) {
      try {
        const v = await verifyAuthenticationResponse({
          response,
          expectedChallenge: c.challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          credential: {
            id: passkey.id,
            publicKey: isoBase64URL.toBuffer(passkey.publicKey),
            counter: passkey.counter,
            transports: passkey.transports,
          },
          requireUserVerification: false,
        });
        verified = v.verified;
        newCounter = v.authenticationInfo.newCounter;
      } catch (err) {
        logger.info({ err: (err as Error).message }, 'passkey sign-in refused');
      }
    }
    // one answer for an unknown passkey and a wrong signature: no account enumeration
    if (!passkey || !verified) return fail(res, 'unauthorized', 'sign-in failed');
    await store.usePasskey(passkey.id, newCounter, Date.now());
    await startSession(req, res, store, cfg, passkey.accountId);
    const account = await store.findAccount(passkey.accountId);
    res.json({ account });
  });

  r.post('/passkey/add/options', signedIn, async (req, res) => {
    const { session } = req as SignedIn;
    const account = await store.findAccount(session.accountId);
    if (!account) return fail(res, 'unauthorized', 'sign in first');
    const { rpID } = relyingParty(req, cfg);
    const existing = await store.listPasskeys(account.id);
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID,
      userName: account.name,
      userID: new TextEncoder().encode(account.id),
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    res.json({ challengeId: await challenge('add', options.challenge, account.id), options });
  });

  r.post('/passkey/add/verify', signedIn, async (req, res) => {
    const { session } = req as SignedIn;
    const body = parse(passkeyVerifySchema, req, res);
    if (!body) return;
    const c = await spend(res, body.challengeId, 'add');
    if (!c) return;
    if (c.accountId !== session.accountId) return fail(res, 'forbidden', 'this request belongs to another account');
    const passkey = await verifyNew(
      req,
      res,
      body.response as unknown as RegistrationResponseJSON,
      c.challenge,
      session.accountId,
      body.label || 'Passkey',
    );
    if (!passkey) return;
    try {
      await store.addPasskey(passkey);
    } catch {
      return fail(res, 'conflict', 'this passkey is already registered');
    }
    res.status(201).json({ id: passkey.id, label: passkey.label, createdAt: passkey.createdAt, lastUsedAt: null });
  });

  /** A recovery code signs in once (then add a passkey); the code is gone afterwards. */
  r.post('/recovery', sameOrigin, async (req, res) => {
    const body = parse(recoverySchema, req, res);
    if (!body) return;
    const accountId = await store.spendRecoveryCode(recoveryHash(body.code));
    if (!accountId) return fail(res, 'unauthorized', 'sign-in failed');
    await startSession(req, res, store, cfg, accountId);
    logger.info({ accountId }, 'signed in with a recovery code');
    res.json({ account: await store.findAccount(accountId), recoveryCodesLeft: await store.countRecoveryCodes(accountId) });
  });

  /** New recovery codes (shown once); the old ones stop working. */
  r.post('/recovery-codes', signedIn, async (req, res) => {
    const { session } = req as SignedIn;
    const { codes, hashes } = newRecoveryCodes();
    await store.replaceRecoveryCodes(session.accountId, hashes);
    res.status(201).json({ recoveryCodes: codes });
  });

  async function verifyNew(
    req: Request,
    res: Response,
    response: RegistrationResponseJSON,
    expectedChallenge: string,
    accountId: string,
    label: string,
  ): Promise<Passkey | undefined> {
    const { rpID, origin } = relyingParty(req, cfg);
    try {
      const v = await verifyRegistrationResponse({
        response,
        expectedChallenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: false,
      });
      if (v.verified && v.registrationInfo) {
        const cred = v.registrationInfo.credential;
        return {
          id: cred.id,
          accountId,
          publicKey: isoBase64URL.fromBuffer(cred.publicKey),
          counter: cred.counter,
          transports: (cred.transports ?? []).slice(0, 6),
          label: label.slice(0, 60),
          createdAt: Date.now(),
          lastUsedAt: null,
        };
      }
    } catch (err) {
      logger.info({ err: (err as Error).message }, 'passkey registration refused');
    }
    fail(res, 'invalid_payload', 'the passkey could not be verified');
    return undefined;
  }

  return r;
}
