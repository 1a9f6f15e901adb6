// Live presence, none of it stored or logged: who is online (per person, however many sockets),
// who is editing which goal field, and who is typing at a table. connection.ts calls attach()
// once per connected socket; everything else lives here.
//
// Online, in cluster mode: every node keeps a ClusterRoster per workshop (its own sockets plus what
// the other nodes last reported) and tells its own sockets about changes of that merged view (so
// `online` goes out with io.local: each node speaks for itself). A node publishes its own people of
// a workshop (the whole list) on the workshop's channel when they change (coalesced) and every
// ROSTER_REFRESH_MS; another node's list lapses after ROSTER_TTL_MS without renewal, so the people
// of a killed node go offline within TTL + one refresh + one online tick. While this node's Redis
// link is down nothing can be renewed, so nothing lapses: the others stay as last known until
// Redis is back (then a node killed meanwhile lapses within the TTL).
import {
  ClusterRoster,
  ONLINE_TICK_MS,
  type OnlineChanges,
  type Presence,
  ROSTER_REFRESH_MS,
  presenceSchema,
  typingInputSchema,
} from '@world-cafe/shared';
import type { Rooms } from './workshopRoom';
import { type AppSocket, type IO, rooms as roomNames } from './fanout';
import { type Coalescer, createCoalescer } from './coalesce';
import { metrics } from '../metrics';
import { emitJson } from './engineFrames';

/** Per-socket allowances: sustained relays per second and burst (see coalesce.ts). */
export const TYPING_RATE = { perSecond: 2, burst: 4 };
export const PRESENCE_RATE = { perSecond: 4, burst: 8 };

export interface PresenceOptions {
  typing?: { perSecond: number; burst: number };
  presence?: { perSecond: number; burst: number };
}

export function createPresence(io: IO, registry: Rooms, opts: PresenceOptions = {}) {
  /** workshop -> participant -> what they are editing. */
  const editingBy = new Map<string, Map<string, NonNullable<Presence>>>();
  /** workshop -> who is connected, here and (cluster mode) on the other nodes. */
  const rosters = new Map<string, ClusterRoster>();
  const link = registry.roster;
  // A typing flag only needs to be refreshed every couple of seconds, and an editing marker a few
  // times a second: a burst of keystrokes (or a flooding client) must not turn into a burst of
  // relays to everyone else. Over the allowance the newest state waits its turn (last state wins).
  const typingRate = opts.typing ?? TYPING_RATE;
  const presenceRate = opts.presence ?? PRESENCE_RATE;

  /** workshop -> online changes not yet sent (a later change of the same person wins). */
  const pending = new Map<string, Map<string, boolean>>();
  function announce(workshopId: string, changes: OnlineChanges) {
    if (changes.online.length + changes.offline.length === 0) return;
    let queued = pending.get(workshopId);
    if (!queued) {
      pending.set(workshopId, (queued = new Map<string, boolean>()));
      const q = queued;
      setTimeout(() => {
        pending.delete(workshopId);
        const on: string[] = [];
        const off: string[] = [];
        for (const [id, isOn] of q) (isOn ? on : off).push(id);
        // local: every node tells its own sockets what its merged roster says
        io.local.to(roomNames.workshop(workshopId)).emit('online', { kind: 'changes', online: on, offline: off });
      }, ONLINE_TICK_MS).unref();
    }
    for (const id of changes.online) queued.set(id, true);
    for (const id of changes.offline) queued.set(id, false);
  }

  /** Workshops whose roster this node should publish at the next tick (coalesced like `online`). */
  const toPublish = new Set<string>();
  function publishSoon(workshopId: string) {
    if (!link || toPublish.has(workshopId)) return;
    toPublish.add(workshopId);
    setTimeout(() => {
      toPublish.delete(workshopId);
      link.publish(workshopId, rosters.get(workshopId)?.localOnline() ?? []);
    }, ONLINE_TICK_MS).unref();
  }

  if (link) {
    link.onRemote = (workshopId, node, online) => {
      const roster = rosters.get(workshopId);
      if (!roster) return; // no socket of it here: nobody to tell
      // a node heard for the first time may not know this node's people yet
      if (!roster.knows(node) && online.length > 0) publishSoon(workshopId);
      announce(workshopId, roster.setRemote(node, online, Date.now()));
    };
    link.onWanted = (workshopId) => {
      for (const id of workshopId === null ? rosters.keys() : [workshopId]) publishSoon(id);
    };
    const refresh = setInterval(() => {
      const now = Date.now();
      const up = link.linkUp();
      for (const [workshopId, roster] of rosters) {
        if (roster.localSize > 0) link.publish(workshopId, roster.localOnline());
        if (up) announce(workshopId, roster.expire(now));
        else roster.extend(now);
      }
    }, ROSTER_REFRESH_MS);
    refresh.unref();
  }

  function attach(socket: AppSocket): void {
    const { workshopId, participantId } = socket.data;
    const everyone = roomNames.workshop(workshopId);

    // ------------------------------------------------------------ online
    let roster = rosters.get(workshopId);
    if (!roster) rosters.set(workshopId, (roster = new ClusterRoster()));
    const changes = roster.addLocal(participantId, socket.id);
    announce(workshopId, changes);
    publishSoon(workshopId);

    // ------------------------------------------------------------ goal field editing
    // Who is editing what right now is kept in memory so a newcomer sees it at once.
    const here = editingBy.get(workshopId) ?? new Map<string, NonNullable<Presence>>();
    editingBy.set(workshopId, here);
    for (const [pid, what] of here) socket.emit('presence', { participantId: pid, editing: what });
    let editing: Presence = null;
    /** What the others were last told (a newer state may still be waiting its turn). */
    let relayed: Presence = null;
    // The relays are made on a socket's first message of their kind: most sockets never send one,
    // and a thousand idle sockets need not hold two timers' worth of state each.
    let editingRelay: Coalescer<Presence> | null = null;
    socket.on('presence', (raw: unknown) => {
      const parsed = presenceSchema.safeParse(raw);
      if (!parsed.success) return;
      editing = parsed.data;
      if (editing) here.set(participantId, editing);
      else here.delete(participantId);
      editingRelay ??= createCoalescer<Presence>({
        ...presenceRate,
        send: (_key, what) => {
          relayed = what;
          socket.to(everyone).emit('presence', { participantId, editing: what });
        },
        onCoalesced: () => metrics.presenceCoalesced.inc('presence'),
      });
      editingRelay.push('', editing);
    });

    // ------------------------------------------------------------ typing at a table
    /** Tables where the others were last told this socket is typing. */
    const typingAt = new Set<string>();
    const relayTyping = (tableId: string, typing: boolean) => {
      if (typing) typingAt.add(tableId);
      else typingAt.delete(tableId);
      // one room per emit: the Redis adapter gives a single room its own channel (only nodes with
      // a socket in it hear it), while a broadcast to two rooms goes to every node
      const msg = { participantId, tableId, typing };
      socket.to(roomNames.table(workshopId, tableId)).except(roomNames.facilitators(workshopId)).emit('typing', msg);
      socket.to(roomNames.facilitators(workshopId)).emit('typing', msg);
    };
    let typingRelay: Coalescer<boolean> | null = null;
    socket.on('typing', (raw: unknown) => {
      const parsed = typingInputSchema.safeParse(raw);
      if (!parsed.success) return;
      const { tableId, typing } = parsed.data;
      // Only where the person writes: their own seat (facilitators write at any table).
      const state = registry.loaded(workshopId)?.committed;
      const me = state?.participants[participantId];
      if (!state || !me || (me.role !== 'facilitator' && state.seats[participantId] !== tableId)) return;
      // keyed by table: a facilitator's `false` at one table is never replaced by a `true` at another
      typingRelay ??= createCoalescer<boolean>({
        ...typingRate,
        send: relayTyping,
        onCoalesced: () => metrics.presenceCoalesced.inc('typing'),
      });
      typingRelay.push(tableId, typing);
    });

    socket.on('disconnect', () => {
      editingRelay?.cancel();
      typingRelay?.cancel();
      if (editing) here.delete(participantId);
      if (relayed) io.to(everyone).emit('presence', { participantId, editing: null });
      for (const tableId of [...typingAt]) relayTyping(tableId, false);
      const gone = roster.removeLocal(participantId, socket.id);
      announce(workshopId, gone);
      // The last socket of the workshop here: nothing else holds these maps any more, and the
      // other nodes are told at once that nobody is here (rather than waiting for a lapse).
      if (roster.localSize === 0) {
        rosters.delete(workshopId);
        editingBy.delete(workshopId);
        link?.publish(workshopId, []);
      } else publishSoon(workshopId);
    });
  }

  /**
   * The socket's first `online`: the whole roster, right after its catch-up's `sync` (PROTOCOL),
   * which connection.ts calls this after. From memory that is the same step, so the two leave in
   * one write (emitJson); after a read of the log, the roster is read when the socket joins the
   * workshop's rooms, so no `changes` in between can be missed.
   */
  function greet(socket: AppSocket): void {
    const roster = rosters.get(socket.data.workshopId);
    if (!roster || !socket.connected) return;
    // the roster keeps its list encoded, a crowd connecting adds to it
    emitJson(socket, 'online', '{"kind":"all","participantIds":' + roster.onlineJson() + '}');
  }

  return { attach, greet };
}
