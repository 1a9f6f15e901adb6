// The signed-in account: who am I, my browser sessions (list, revoke one, sign out the others),
// sign out.
import express from 'express';
import type { AccountView, SessionView } from '@world-cafe/shared';
import type { AccountStore } from './accountStore';
import { type SignedIn, fail, requireSession } from './http';
import { type SessionConfig, clearSessionCookie, currentSession, sameOriginWrite, sessionPublicId } from './sessions';

export function accountRoutes(store: AccountStore, cfg: SessionConfig) {
  const r = express.Router();
  const signedIn = requireSession(store, cfg);

  r.get('/me', signedIn, async (req, res) => {
    const { session } = req as SignedIn;
    const account = await store.findAccount(session.accountId);
    if (!account) return fail(res, 'unauthorized', 'sign in first');
    const view: AccountView = {
      ...account,
      passkeys: (await store.listPasskeys(account.id)).map(({ id, label, createdAt, lastUsedAt }) => ({
        id,
        label,
        createdAt,
        lastUsedAt,
      })),
      recoveryCodesLeft: await store.countRecoveryCodes(account.id),
      organisationIdentities: (await store.listOidcIdentities(account.id)).map(({ issuer, email, createdAt, lastUsedAt }) => ({
        issuer,
        email,
        createdAt,
        lastUsedAt,
      })),
    };
    res.json(view);
  });

  r.get('/sessions', signedIn, async (req, res) => {
    const { session } = req as SignedIn;
    const sessions: SessionView[] = (await store.listSessions(session.accountId)).map((s) => ({
      id: sessionPublicId(s),
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      userAgent: s.userAgent,
      current: s.idHash === session.idHash,
    }));
    res.json({ sessions });
  });

  r.delete('/sessions/:id', signedIn, async (req, res) => {
    const { session } = req as SignedIn;
    const id = String(req.params.id ?? '');
    const target = (await store.listSessions(session.accountId)).find((s) => sessionPublicId(s) === id);
    if (!target) return fail(res, 'not_found', 'no such session');
    await store.deleteSession(session.accountId, target.idHash);
    if (target.idHash === session.idHash) clearSessionCookie(req, res, cfg);
    res.status(204).end();
  });

  /** "Sign out other devices": every session of the account but this one. */
  r.post('/sessions/revoke-others', signedIn, async (req, res) => {
    const { session } = req as SignedIn;
    res.json({ revoked: await store.deleteOtherSessions(session.accountId, session.idHash) });
  });

  /** Always succeeds (signed in or not): the cookie is cleared and its session deleted. */
  r.post('/logout', async (req, res) => {
    if (!sameOriginWrite(req, cfg)) return fail(res, 'forbidden', 'cross-origin request refused');
    const session = await currentSession(req, store);
    if (session) await store.deleteSession(session.accountId, session.idHash);
    clearSessionCookie(req, res, cfg);
    res.status(204).end();
  });

  return r;
}
