// "People who run this workshop": co-facilitator invitations (single use, expiring, revocable,
// bound to the signed-in account that opens the link first), removing a co-facilitator (their
// facilitator keys end and their sockets close), and handing ownership over. Who may do what is
// the pure peopleRule (shared/src/accounts/cofacilitators.ts). Mounted behind requireSession.
import express from 'express';
import { customAlphabet } from 'nanoid';
import type { Logger } from 'pino';
import {
  COFAC_INVITE_DEFAULT_DAYS,
  COFAC_INVITES_PENDING_MAX,
  type CofacInviteCreated,
  DAY_MS,
  type PeopleAction,
  type WorkshopPeople,
  acceptCofacInviteSchema,
  cofacInviteState,
  createCofacInviteSchema,
  peopleRule,
  transferOwnershipSchema,
} from '@world-cafe/shared';
import type { EventStore } from '../store/eventStore';
import type { Rooms } from '../realtime/workshopRoom';
import { type IO, rooms as socketRooms } from '../realtime/fanout';
import { hashToken, newToken } from '../auth';
import type { AccountStore, WorkshopRole } from './accountStore';
import { type SignedIn, fail, parse } from './http';

const inviteId = customAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', 16);

export interface CofacilitatorDeps {
  accounts: AccountStore;
  store: EventStore;
  rooms: Rooms;
  io: IO;
  logger: Logger;
  now: () => number;
}

/** Why an invitation admits nobody, in words the person holding the link can act on. */
const REFUSED = {
  unknown: 'this invitation is not valid; ask the workshop’s owner for a new link',
  used: 'this invitation has already been used; ask the workshop’s owner for a new link',
  revoked: 'this invitation was withdrawn; ask the workshop’s owner for a new link',
  expired: 'this invitation has expired; ask the workshop’s owner for a new link',
  already_runs: 'you already run this workshop; the invitation stays unused for someone else',
} as const;

export function cofacilitatorRoutes(d: CofacilitatorDeps) {
  const r = express.Router();

  /** The signed-in account's role in the workshop of the URL, or undefined after answering 404 (no role = not visible). */
  async function runnerIn(req: express.Request, res: express.Response) {
    const { session } = req as SignedIn;
    const role = await d.accounts.findRole(session.accountId, String(req.params.id ?? ''));
    if (!role || !(await d.store.findWorkshop(role.workshopId))) return void fail(res, 'not_found', 'no such workshop');
    return role;
  }

  /** Applies peopleRule; false after answering with its refusal. */
  function allowed(res: express.Response, role: WorkshopRole, action: PeopleAction): boolean {
    const refusal = peopleRule({ accountId: role.accountId, role: role.role }, action);
    if (refusal) fail(res, refusal.code, refusal.message);
    return !refusal;
  }

  r.post('/cofacilitator-invites/accept', async (req, res) => {
    const { session } = req as SignedIn;
    const body = parse(acceptCofacInviteSchema, req, res);
    if (!body) return;
    const out = await d.accounts.acceptCofacInvite(hashToken(body.token), session.accountId, d.now());
    if (!out.ok) {
      d.logger.info({ accountId: session.accountId, why: out.why }, 'co-facilitator invitation refused');
      const code = out.why === 'already_runs' ? 'conflict' : out.why === 'unknown' ? 'not_found' : 'forbidden';
      // `reason` lets the page say which, in the reader's language (the message is English)
      return fail(res, code, REFUSED[out.why], { reason: out.why });
    }
    const room = await d.rooms.get(out.role.workshopId);
    d.logger.info({ workshopId: out.role.workshopId, accountId: session.accountId }, 'co-facilitator invitation accepted');
    res.status(201).json({ workshopId: out.role.workshopId, title: room.committed.title, role: out.role.role });
  });

  r.get('/:id/people', async (req, res) => {
    const role = await runnerIn(req, res);
    if (!role || !allowed(res, role, { kind: 'list' })) return;
    const roles = await d.accounts.workshopRoles(role.workshopId);
    const people: WorkshopPeople['people'] = [];
    for (const x of roles) {
      const account = await d.accounts.findAccount(x.accountId);
      people.push({ accountId: x.accountId, name: account?.name ?? '', role: x.role, addedAt: x.addedAt });
    }
    const now = d.now();
    const invites =
      role.role === 'owner'
        ? (await d.accounts.listCofacInvites(role.workshopId))
            .filter((i) => cofacInviteState(i, now) === 'pending')
            .map((i) => ({ id: i.id, createdAt: i.createdAt, expiresAt: i.expiresAt }))
        : [];
    const out: WorkshopPeople = { workshopId: role.workshopId, you: { accountId: role.accountId, role: role.role }, people, invites };
    res.json(out);
  });

  r.post('/:id/cofacilitator-invites', async (req, res) => {
    const role = await runnerIn(req, res);
    if (!role || !allowed(res, role, { kind: 'invite' })) return;
    const body = parse(createCofacInviteSchema, req, res);
    if (!body) return;
    const now = d.now();
    const pending = (await d.accounts.listCofacInvites(role.workshopId)).filter((i) => cofacInviteState(i, now) === 'pending');
    if (pending.length >= COFAC_INVITES_PENDING_MAX)
      return fail(res, 'conflict', `at most ${COFAC_INVITES_PENDING_MAX} invitations may wait at once; withdraw one first`);
    const token = newToken();
    const created: CofacInviteCreated = {
      id: inviteId(),
      token,
      // the secret rides in the fragment: it never reaches a server log or a Referer
      path: `/home#cofac=${token}`,
      createdAt: now,
      expiresAt: now + (body.expiresInDays ?? COFAC_INVITE_DEFAULT_DAYS) * DAY_MS,
    };
    await d.accounts.putCofacInvite({
      id: created.id,
      tokenHash: hashToken(token),
      workshopId: role.workshopId,
      invitedBy: role.accountId,
      createdAt: now,
      expiresAt: created.expiresAt,
      acceptedBy: null,
      acceptedAt: null,
      revokedAt: null,
    });
    d.logger.info({ workshopId: role.workshopId, inviteId: created.id, expiresAt: created.expiresAt }, 'co-facilitator invitation issued');
    res.status(201).json(created);
  });

  r.delete('/:id/cofacilitator-invites/:inviteId', async (req, res) => {
    const role = await runnerIn(req, res);
    if (!role || !allowed(res, role, { kind: 'revoke-invite' })) return;
    if (!(await d.accounts.revokeCofacInvite(role.workshopId, String(req.params.inviteId ?? ''), d.now())))
      return fail(res, 'not_found', 'no such pending invitation');
    d.logger.info({ workshopId: role.workshopId, inviteId: req.params.inviteId }, 'co-facilitator invitation withdrawn');
    res.status(204).end();
  });

  /** The owner removes a co-facilitator, or a co-facilitator leaves: their keys end, their sockets close. */
  r.delete('/:id/cofacilitators/:accountId', async (req, res) => {
    const role = await runnerIn(req, res);
    if (!role) return;
    // an account without a role here gets the same answer as one that does not exist
    const target = await d.accounts.findRole(String(req.params.accountId ?? ''), role.workshopId);
    if (!target) return fail(res, 'not_found', 'no such co-facilitator');
    if (!allowed(res, role, { kind: 'remove', target: { accountId: target.accountId, role: target.role } })) return;
    const keys = await d.accounts.removeRole(role.workshopId, target.accountId);
    if (!keys) return fail(res, 'not_found', 'no such co-facilitator');
    for (const k of keys) {
      d.io.in(socketRooms.key(k)).emit('revoked', { reason: 'facilitator_removed' });
      d.io.in(socketRooms.key(k)).disconnectSockets(true);
    }
    d.logger.info(
      { workshopId: role.workshopId, accountId: target.accountId, by: role.accountId, keys: keys.length },
      'co-facilitator removed; their facilitator keys are refused',
    );
    res.status(204).end();
  });

  r.post('/:id/transfer', async (req, res) => {
    const role = await runnerIn(req, res);
    if (!role) return;
    const body = parse(transferOwnershipSchema, req, res);
    if (!body) return;
    const target = await d.accounts.findRole(body.accountId, role.workshopId);
    if (!target) return fail(res, 'not_found', 'no such co-facilitator');
    if (!allowed(res, role, { kind: 'transfer', target: { accountId: target.accountId, role: target.role } })) return;
    if (!(await d.accounts.transferOwnership(role.workshopId, role.accountId, target.accountId)))
      return fail(res, 'conflict', 'the roles changed meanwhile; reload and try again');
    d.logger.info({ workshopId: role.workshopId, from: role.accountId, to: target.accountId }, 'workshop ownership transferred');
    res.json({ workshopId: role.workshopId, owner: target.accountId });
  });

  return r;
}
