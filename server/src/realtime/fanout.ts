// Scoped fan-out. Rooms: `w:ID` (everyone in the workshop), `w:ID:t:TABLE` (people seated there),
// `w:ID:d:DELEGATION`, `w:ID:p:PID` (a person's own sockets), `w:ID:fac` (facilitators: every scope)
// and `w:ID:boards` (everyone once the harvest opens every table: table scopes only).
// Events are emitted in seq order, consecutive events with the same audience in one message,
// so every socket receives its events in log order.
import type { Server, Socket } from 'socket.io';
import { randomBytes } from 'node:crypto';
import {
  type DomainEvent,
  type Envelope,
  type Scope,
  type WorkshopState,
  rescopedBy,
  changesEveryView,
  seesAllTables,
  viewFor,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SyncMessage,
} from '@world-cafe/shared';

export type IO = Server<ClientToServerEvents, ServerToClientEvents>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export interface SocketData {
  workshopId: string;
  participantId: string;
  /** Last seq the client applied, from the handshake (0: send a snapshot). */
  since: number;
}

export const rooms = {
  workshop: (w: string) => `w:${w}`,
  table: (w: string, t: string) => `w:${w}:t:${t}`,
  delegation: (w: string, d: string) => `w:${w}:d:${d}`,
  /** Facilitators: every scope. */
  facilitators: (w: string) => `w:${w}:fac`,
  /** Everyone once the harvest opens every table's board: every table scope (not ballots or reviews). */
  boards: (w: string) => `w:${w}:boards`,
  person: (w: string, p: string) => `w:${w}:p:${p}`,
};

function audience(workshopId: string, scope: Scope): string[] {
  if (scope === null) return [rooms.workshop(workshopId)];
  const id = scope.slice(2);
  if (scope[0] === 't') return [rooms.table(workshopId, id), rooms.boards(workshopId), rooms.facilitators(workshopId)];
  const own = scope[0] === 'd' ? rooms.delegation(workshopId, id) : rooms.person(workshopId, id);
  return [own, rooms.facilitators(workshopId)];
}

/** Puts a socket in the rooms its participant's current seat and role call for. */
export function joinScopes(socket: AppSocket, state: WorkshopState) {
  const { workshopId: w, participantId: p } = socket.data;
  const scoped = [rooms.facilitators(w), rooms.boards(w)];
  for (const r of socket.rooms) if (r.startsWith(`w:${w}:t:`) || r.startsWith(`w:${w}:d:`) || scoped.includes(r)) socket.leave(r);
  socket.join([rooms.workshop(w), rooms.person(w, p)]);
  const me = state.participants[p];
  if (me?.delegationId) socket.join(rooms.delegation(w, me.delegationId));
  if (me?.role === 'facilitator') socket.join(rooms.facilitators(w));
  else if (seesAllTables(me, state)) socket.join(rooms.boards(w));
  const seat = state.seats[p];
  if (seat) socket.join(rooms.table(w, seat));
}

export function snapshotFor(state: WorkshopState, workshopId: string, participantId: string): SyncMessage {
  return {
    kind: 'snapshot',
    state: viewFor(state, participantId),
    me: { workshopId, participantId, role: state.participants[participantId]?.role ?? 'delegate' },
  };
}

export function createFanout(io: IO) {
  return function publish(workshopId: string, envelopes: Envelope[], committed: WorkshopState) {
    let run: Envelope[] = [];
    let runKey = '';
    const flushRun = () => {
      if (run.length === 0) return;
      io.to(audience(workshopId, run[0]!.scope)).emit('events', run);
      run = [];
    };
    for (const env of envelopes) {
      const key = env.scope ?? '';
      if (key !== runKey) flushRun();
      runKey = key;
      run.push(env);
      const moved = rescopedBy(env.e);
      if (moved.length > 0) {
        flushRun();
        for (const p of moved) resync(io, rooms.person(workshopId, p), committed);
      } else if (changesEveryView(env.e)) {
        flushRun();
        resync(io, rooms.workshop(workshopId), committed);
      }
    }
    flushRun();
  };
}

/**
 * Previews (best effort, no seq, before the commit): the same audience as the committed events of
 * that table scope, except the author's own sockets. A normal (not volatile) emit on the same
 * sockets as the later `events`, so a receiver gets the preview first.
 */
export function createPreview(io: IO) {
  // op ids: unique within this process; the prefix keeps them from repeating across restarts
  const boot = randomBytes(4).toString('hex');
  let counter = 0;
  return function preview(workshopId: string, scope: `t:${string}`, by: string, events: DomainEvent[]) {
    const op = `${boot}.${(++counter).toString(36)}`;
    io.to(audience(workshopId, scope)).except(rooms.person(workshopId, by)).emit('preview', { op, by, events });
  };
}

/**
 * People whose table, role or phase view changed: move their sockets to the rooms the committed
 * state calls for and send each a fresh snapshot of what it may now see.
 */
function resync(io: IO, room: string, committed: WorkshopState) {
  const ids = io.sockets.adapter.rooms.get(room);
  if (!ids) return;
  for (const id of [...ids]) {
    const socket = io.sockets.sockets.get(id) as AppSocket | undefined;
    if (!socket) continue;
    joinScopes(socket, committed);
    socket.emit('sync', snapshotFor(committed, socket.data.workshopId, socket.data.participantId));
  }
}
