// Keys that can be taken back: a facilitator reissues a person's link (or rotates their own key).
// The old secret is refused from the commit on (every handshake and HTTP call looks it up), and
// the person's live sockets get `revoked` and are closed on every node (the Socket.IO adapter).
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { EventStore } from '../store/eventStore';
import type { Rooms } from '../realtime/workshopRoom';
import { type IO, rooms as socketRooms } from '../realtime/fanout';
import { hashToken, newToken } from '../auth';
import type { AccountStore } from './accountStore';
import { fail } from './http';
import { type SessionConfig, currentSession, sameOriginWrite } from './sessions';

export interface ReissueDeps {
  accounts: AccountStore;
  store: EventStore;
  rooms: Rooms;
  io: IO;
  logger: Logger;
  cfg: SessionConfig;
}

/**
 * The facilitator asking, by Bearer secret (as the other workshop endpoints) or by a signed-in
 * session with a role in the workshop; undefined after answering 401/403. Reads (GET) skip the
 * origin check as every cookie-authenticated read does.
 */
export async function facilitatorIn(req: Request, res: Response, d: ReissueDeps, workshopId: string) {
  const header = req.headers.authorization ?? '';
  let participantId: string | undefined;
  if (header.startsWith('Bearer ')) {
    const cred = await d.store.findCredential(hashToken(header.slice(7).trim()));
    if (cred && cred.kind !== 'invite' && cred.workshopId === workshopId) participantId = cred.participantId;
  } else {
    if (!sameOriginWrite(req, d.cfg)) return void fail(res, 'forbidden', 'cross-origin request refused');
    const session = await currentSession(req, d.accounts);
    const role = session && (await d.accounts.findRole(session.accountId, workshopId));
    participantId = role?.participantId;
  }
  if (!participantId || !(await d.store.findWorkshop(workshopId)))
    return void fail(res, 'unauthorized', 'send the facilitator key as a Bearer token, or sign in');
  const room = await d.rooms.get(workshopId);
  if (room.committed.participants[participantId]?.role !== 'facilitator')
    return void fail(res, 'forbidden', 'only a facilitator reissues links');
  return room;
}

export function reissueRoute(d: ReissueDeps) {
  return async (req: Request, res: Response) => {
    const workshopId = String(req.params.id ?? '');
    const participantId = String(req.params.participantId ?? '');
    const room = await facilitatorIn(req, res, d, workshopId);
    if (!room) return;
    if (!Object.hasOwn(room.committed.participants, participantId)) return fail(res, 'not_found', 'no such participant');
    const token = newToken();
    await d.accounts.reissueCredential(workshopId, participantId, hashToken(token));
    const person = socketRooms.person(workshopId, participantId);
    d.io.in(person).emit('revoked', { reason: 'credential_revoked' });
    d.io.in(person).disconnectSockets(true);
    d.logger.info({ workshopId, participantId }, 'personal link reissued; the old one is refused');
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({ participantId, token, path: `/w/${workshopId}#k=${token}` });
  };
}
