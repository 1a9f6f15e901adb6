// Scoped, coalesced fan-out. A workshop publishes committed events in batches (one per publish
// tick, see workshopRoom.ts); every socket of the workshop gets at most ONE `events` frame per
// batch, holding exactly the batch's events it may see, in seq order. Sockets that see the same
// events share one encoding: they are grouped by a key built from their Viewer (kept on the
// socket, so no state lookups here), and each group is written with one broadcast.
// Rooms: `w:ID` (every socket of the workshop: the fan-out's iteration set), `w:ID:p:PID` (a
// person's sockets, for resyncs), and table and facilitator rooms (the fan-out's shortcut for
// table-only batches, and presence's typing messages).
import type { Server, Socket } from 'socket.io';
import {
  type Envelope,
  type Viewer,
  OPEN_PHASES,
  type WorkshopState,
  viewFor,
  viewerOf,
  visibleToViewer,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SyncMessage,
} from '@world-cafe/shared';
import { metrics } from '../metrics';
import { emitSnapshot } from './snapshotWire';
import { packetFrame, writePacket } from './engineFrames';
import { meOf } from './me';
import { tableSliceOf } from './tableSlices';

export type IO = Server<ClientToServerEvents, ServerToClientEvents>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export interface SocketData {
  workshopId: string;
  participantId: string;
  /** Last seq the client applied, from the handshake (0: send a snapshot). */
  since: number;
  /** The hash of the secret the socket authenticated with (its `key` room). */
  keyHash?: string;
  /** What this socket may see; set when it joins the workshop's rooms, updated on every resync. */
  viewer?: Viewer;
  /** The seq up to which this socket holds everything it may see (its sync, then each batch). */
  delivered?: number;
  /** The device's public id in the facilitator's list (accounts/devices.ts). */
  device?: string;
}

export const rooms = {
  workshop: (w: string) => `w:${w}`,
  table: (w: string, t: string) => `w:${w}:t:${t}`,
  /** Facilitators: every scope. */
  facilitators: (w: string) => `w:${w}:fac`,
  person: (w: string, p: string) => `w:${w}:p:${p}`,
  /** The sockets opened with one secret (its hash): co-facilitators share a participant, not keys. */
  key: (tokenHash: string) => `k:${tokenHash}`,
};

/** A batch of committed events and whose view it changed. */
export interface Publication {
  envelopes: Envelope[];
  /** The committed state after the batch (what snapshots and slices are cut from). */
  committed: WorkshopState;
  /** People whose seat or role changed in the batch: they get a slice or a snapshot after it. */
  moved: ReadonlySet<string>;
  /** A phase change: every view changed, everyone gets a snapshot. */
  everyone: boolean;
}

/** Sends a batch to this node's sockets; returns how many sockets were written (frames and resyncs), which stretches the owner's tick (publishTickFor). */
export type Publish = (workshopId: string, pub: Publication) => number;

/** Puts a socket in the rooms its participant's current seat and role call for, and records its Viewer. */
export function joinScopes(socket: AppSocket, state: WorkshopState) {
  const { workshopId: w, participantId: p } = socket.data;
  const viewer = viewerOf(state, p);
  const before = socket.data.viewer;
  socket.data.viewer = viewer;
  if (before && before.table === viewer.table && before.facilitator === viewer.facilitator) return;
  // join/leave return a promise only with an adapter that awaits its own bookkeeping; the rooms are
  // used from the next broadcast on either way, so nothing here waits for it.
  for (const r of socket.rooms) if (r.startsWith(`w:${w}:t:`) || r === rooms.facilitators(w)) void socket.leave(r);
  void socket.join([rooms.workshop(w), rooms.person(w, p)]);
  if (viewer.facilitator) void socket.join(rooms.facilitators(w));
  if (viewer.table) void socket.join(rooms.table(w, viewer.table));
}

export function snapshotFor(state: WorkshopState, workshopId: string, participantId: string): SyncMessage {
  return { kind: 'snapshot', state: viewFor(state, participantId), me: meOf(state, workshopId, participantId) };
}

/** What a batch refers to, so a socket's group key holds only what matters for this batch. */
interface BatchIndex {
  tables: Set<string>;
  delegations: Set<string>;
  people: Set<string>;
  /** Some event may reach sockets outside the facilitators and the batch's tables. */
  wide: boolean;
}

function indexBatch(envelopes: Envelope[]): BatchIndex {
  const ix: BatchIndex = { tables: new Set(), delegations: new Set(), people: new Set(), wide: false };
  for (const env of envelopes) {
    const s = env.scope;
    if (s === null || s[0] !== 't' || env.e.type === 'seat:assigned') ix.wide = true;
    if (s !== null) {
      const id = s.slice(2);
      if (s[0] === 't') ix.tables.add(id);
      else if (s[0] === 'd') ix.delegations.add(id);
      else ix.people.add(id);
    }
    if (env.e.type === 'seat:assigned') {
      ix.people.add(env.e.participantId);
      if (env.e.from) ix.tables.add(env.e.from);
    }
  }
  return ix;
}

/** Two viewers with the same key see the same subset of this batch (see visibleToViewer). */
function groupKey(v: Viewer, ix: BatchIndex): string {
  if (v.facilitator) return 'F';
  let key = v.open ? 'O' : v.table === null ? 'L' : ix.tables.has(v.table) ? `t${v.table}` : '-';
  if (v.delegation !== null && ix.delegations.has(v.delegation)) key += `\u0000d${v.delegation}`;
  if (ix.people.has(v.participantId)) key += `\u0000p${v.participantId}`;
  return key;
}

const OPEN_PHASES_SET: ReadonlySet<string> = new Set(OPEN_PHASES);

export function createFanout(io: IO) {
  /**
   * The last seq this node published per workshop, whichever room (owner or replica, old or new)
   * published it. Publications continue it densely; one that does not (a room that replaced
   * another started ahead of what was sent) would leave a hole in what connected sockets received,
   * so every socket of the workshop gets a snapshot instead.
   */
  const head = new Map<string, number>();
  function publish(workshopId: string, pub: Publication): number {
    const first = pub.envelopes[0]!.seq;
    const last = pub.envelopes[pub.envelopes.length - 1]!.seq;
    const before = head.get(workshopId);
    head.set(workshopId, Math.max(before ?? 0, last));
    const ids = io.sockets.adapter.rooms.get(rooms.workshop(workshopId));
    if (!ids || ids.size === 0) return 0;
    if (before !== undefined && first > before + 1) {
      let written = 0;
      for (const id of [...ids]) if (resync(io.sockets.sockets.get(id) as AppSocket | undefined, pub.committed, true)) written++;
      if (written > 0) metrics.fanoutFrames.inc(written);
      return written;
    }
    const ix = indexBatch(pub.envelopes);
    const groups = new Map<string, { viewer: Viewer; after: number; sockets: AppSocket[] }>();
    const add = (id: string) => {
      const socket = io.sockets.sockets.get(id) as AppSocket | undefined;
      const viewer = socket?.data.viewer;
      if (!socket || !viewer) return;
      if (socket.data.delivered !== undefined && socket.data.delivered >= last) return; // holds all of it
      // a socket that already holds part of this batch (it synced from a newer state, e.g. after a
      // node took a workshop over) gets only the rest: each event reaches a socket once
      const after = socket.data.delivered !== undefined && socket.data.delivered >= first ? socket.data.delivered : 0;
      const key = after ? `${after}\u0001${groupKey(viewer, ix)}` : groupKey(viewer, ix);
      const g = groups.get(key);
      if (g) g.sockets.push(socket);
      else groups.set(key, { viewer, after, sockets: [socket] });
    };
    // A batch of table events only (the café's bulk) reaches facilitators and those tables: visit
    // just their rooms, not every socket of the workshop. Open boards see every table: visit all.
    if (ix.wide || OPEN_PHASES_SET.has(pub.committed.phase)) {
      for (const id of ids) add(id);
    } else {
      const adapterRooms = io.sockets.adapter.rooms;
      for (const id of adapterRooms.get(rooms.facilitators(workshopId)) ?? []) add(id);
      for (const t of ix.tables) for (const id of adapterRooms.get(rooms.table(workshopId, t)) ?? []) add(id);
    }
    // sockets written for this batch (event frames and resyncs), for the fan-out metric
    let written = 0;
    for (const g of groups.values()) {
      const events =
        g.viewer.facilitator && !g.after
          ? pub.envelopes
          : pub.envelopes.filter((env) => env.seq > g.after && visibleToViewer(env, g.viewer));
      for (const socket of g.sockets) socket.data.delivered = Math.max(socket.data.delivered ?? 0, last);
      if (events.length === 0) continue;
      // encoded once per group (Socket.IO's packet `2["events",[...]]` and its frame), written
      // to this node's sockets only (with the Redis adapter a broadcast would also reach the others)
      const packet = `2["events",${JSON.stringify(events)}]`;
      const frame = packetFrame(packet);
      for (const socket of g.sockets) if (writePacket(socket, packet, frame)) written++;
    }
    if (pub.everyone) {
      for (const id of [...ids]) if (resync(io.sockets.sockets.get(id) as AppSocket | undefined, pub.committed, true)) written++;
    } else {
      for (const p of pub.moved) {
        const mine = io.sockets.adapter.rooms.get(rooms.person(workshopId, p));
        if (mine)
          for (const id of [...mine]) if (resync(io.sockets.sockets.get(id) as AppSocket | undefined, pub.committed, false)) written++;
      }
    }
    if (written > 0) metrics.fanoutFrames.inc(written);
    return written;
  }
  return publish;
}

/**
 * Moves a socket whose view changed to the rooms the committed state calls for. If only its
 * seat changed, it gets its new table's slice; a role or phase change gets a whole snapshot.
 */
function resync(socket: AppSocket | undefined, committed: WorkshopState, full: boolean): boolean {
  if (!socket?.data.viewer) return false;
  // never a state older than what the socket holds (a room behind the one it synced from): its
  // view change reached it with the newer state already
  if ((socket.data.delivered ?? 0) > committed.seq) return false;
  const before = socket.data.viewer;
  joinScopes(socket, committed);
  const after = socket.data.viewer;
  const { workshopId, participantId } = socket.data;
  socket.data.delivered = committed.seq;
  if (full || before.facilitator !== after.facilitator || before.open !== after.open) {
    emitSnapshot(socket, committed, workshopId, participantId);
  } else {
    socket.emit('sync', { kind: 'table', slice: tableSliceOf(committed, participantId), me: meOf(committed, workshopId, participantId) });
  }
  return true;
}
