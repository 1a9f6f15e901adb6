// "Your workshops": the workshops an account facilitates, claiming one with its facilitator key,
// opening one on any device (a fresh facilitator key for the account's participant), archiving,
// and deleting a workshop with everything in it.
import express from 'express';
import type { Logger } from 'pino';
import { type WorkshopSummary, archiveWorkshopSchema, claimWorkshopSchema, summarise } from '@world-cafe/shared';
import type { EventStore } from '../store/eventStore';
import type { Rooms } from '../realtime/workshopRoom';
import type { IO } from '../realtime/fanout';
import { hashToken, newToken } from '../auth';
import type { AccountStore, WorkshopRole } from './accountStore';
import { type SignedIn, fail, parse, requireSession } from './http';
import type { SessionConfig } from './sessions';
import { deleteWorkshopEverywhere } from './deleteWorkshop';
import { cofacilitatorRoutes } from './cofacilitatorRoutes';

/** A home page lists at most this many workshops (the newest roles first). */
const MAX_LISTED = 200;

export interface WorkshopRoutesDeps {
  accounts: AccountStore;
  store: EventStore;
  rooms: Rooms;
  io: IO;
  logger: Logger;
  cfg: SessionConfig;
  now: () => number;
}

export type MyWorkshop = WorkshopSummary & { role: WorkshopRole['role']; archivedAt: number | null };

export function workshopRoutes({ accounts, store, rooms, io, logger, cfg, now }: WorkshopRoutesDeps) {
  const r = express.Router();
  r.use(requireSession(accounts, cfg));
  r.use(cofacilitatorRoutes({ accounts, store, rooms, io, logger, now }));

  /** The account's role in the workshop in the URL, or undefined after answering 404 (no role = not visible). */
  async function roleIn(req: express.Request, res: express.Response) {
    const { session } = req as SignedIn;
    const role = await accounts.findRole(session.accountId, String(req.params.id ?? ''));
    if (!role || !(await store.findWorkshop(role.workshopId))) {
      fail(res, 'not_found', 'no such workshop');
      return undefined;
    }
    return role;
  }

  r.get('/', async (req, res) => {
    const { session } = req as SignedIn;
    const roles = (await accounts.listRoles(session.accountId)).slice(0, MAX_LISTED);
    const workshops: MyWorkshop[] = [];
    for (const role of roles) {
      if (!(await store.findWorkshop(role.workshopId))) continue;
      const room = await rooms.get(role.workshopId);
      workshops.push({ ...summarise(room.committed), role: role.role, archivedAt: role.archivedAt });
    }
    res.json({ workshops });
  });

  /** The facilitator link in hand attaches the workshop: owner if nobody owns it yet, else co-facilitator. */
  r.post('/claim', async (req, res) => {
    const { session } = req as SignedIn;
    const body = parse(claimWorkshopSchema, req, res);
    if (!body) return;
    const cred = await store.findCredential(hashToken(body.facilitatorKey));
    // the same answer for an unknown workshop and a wrong key
    if (!cred || cred.kind !== 'facilitator' || cred.workshopId !== body.workshopId)
      return fail(res, 'forbidden', 'that is not a facilitator key of this workshop');
    const owned = (await accounts.workshopRoles(body.workshopId)).some((x) => x.role === 'owner');
    const role: WorkshopRole = {
      accountId: session.accountId,
      workshopId: body.workshopId,
      role: owned ? 'cofacilitator' : 'owner',
      participantId: cred.participantId,
      addedAt: Date.now(),
      archivedAt: null,
    };
    const added = await accounts.addRole(role);
    const now = added ? role : await accounts.findRole(session.accountId, body.workshopId);
    res.status(added ? 201 : 200).json({ workshopId: body.workshopId, role: now?.role });
  });

  /** A fresh facilitator key for this account's participant, so the workshop opens on a device that never had its link. */
  r.post('/:id/open', async (req, res) => {
    const role = await roleIn(req, res);
    if (!role) return;
    const room = await rooms.get(role.workshopId);
    if (room.committed.participants[role.participantId]?.role !== 'facilitator')
      return fail(res, 'forbidden', 'you no longer facilitate this workshop');
    const token = newToken();
    // recorded first: a key that exists is always one its account's removal can end
    await accounts.recordAccountKey(hashToken(token), role.accountId, role.workshopId, now());
    await store.append({
      workshopId: role.workshopId,
      opKey: null,
      envelopes: [],
      credential: { tokenHash: hashToken(token), workshopId: role.workshopId, participantId: role.participantId, kind: 'facilitator' },
    });
    res.status(201).json({ workshopId: role.workshopId, participantId: role.participantId, token, title: room.committed.title });
  });

  r.post('/:id/archive', async (req, res) => {
    const role = await roleIn(req, res);
    if (!role) return;
    const body = parse(archiveWorkshopSchema, req, res);
    if (!body) return;
    const at = body.archived ? Date.now() : null;
    await accounts.setArchived(role.accountId, role.workshopId, at);
    res.json({ workshopId: role.workshopId, archivedAt: at });
  });

  /** Deletes the workshop with everything in it; only its owner may. Live sockets are closed first. */
  r.delete('/:id', async (req, res) => {
    const role = await roleIn(req, res);
    if (!role) return;
    if (role.role !== 'owner') return fail(res, 'forbidden', 'only the owner deletes a workshop');
    await deleteWorkshopEverywhere({ accounts, rooms, io, logger }, role.workshopId, { by: 'owner', accountId: role.accountId });
    res.status(204).end();
  });

  return r;
}
