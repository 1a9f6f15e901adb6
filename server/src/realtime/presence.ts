// Live presence, none of it stored or logged: who is online (per person, however many sockets),
// who is editing which goal field, and who is typing at a table. connection.ts calls attach()
// once per connected socket; everything else lives here.
import { ONLINE_TICK_MS, OnlineRoster, type Presence, presenceSchema, typingInputSchema } from '@world-cafe/shared';
import type { Rooms } from './workshopRoom';
import { type AppSocket, type IO, rooms as roomNames } from './fanout';
import { type Coalescer, createCoalescer } from './coalesce';
import { metrics } from '../metrics';

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
  /** workshop -> who is connected. */
  const rosters = new Map<string, OnlineRoster>();
  // A typing flag only needs to be refreshed every couple of seconds, and an editing marker a few
  // times a second: a burst of keystrokes (or a flooding client) must not turn into a burst of
  // relays to everyone else. Over the allowance the newest state waits its turn (last state wins).
  const typingRate = opts.typing ?? TYPING_RATE;
  const presenceRate = opts.presence ?? PRESENCE_RATE;

  /** workshop -> online changes not yet sent (a later change of the same person wins). */
  const pending = new Map<string, Map<string, boolean>>();
  function announce(workshopId: string, participantId: string, online: boolean) {
    let changes = pending.get(workshopId);
    if (!changes) {
      pending.set(workshopId, (changes = new Map<string, boolean>()));
      setTimeout(() => {
        pending.delete(workshopId);
        const on: string[] = [];
        const off: string[] = [];
        for (const [id, isOn] of changes!) (isOn ? on : off).push(id);
        io.to(roomNames.workshop(workshopId)).emit('online', { kind: 'changes', online: on, offline: off });
      }, ONLINE_TICK_MS).unref();
    }
    changes.set(participantId, online);
  }

  function attach(socket: AppSocket): void {
    const { workshopId, participantId } = socket.data;
    const everyone = roomNames.workshop(workshopId);

    // ------------------------------------------------------------ online
    let roster = rosters.get(workshopId);
    if (!roster) rosters.set(workshopId, (roster = new OnlineRoster()));
    const nowOnline = roster.add(participantId, socket.id);
    socket.emit('online', { kind: 'all', participantIds: roster.online() });
    if (nowOnline) announce(workshopId, participantId, true);

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
      socket
        .to([roomNames.table(workshopId, tableId), roomNames.facilitators(workshopId)])
        .emit('typing', { participantId, tableId, typing });
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
      if (roster.remove(participantId, socket.id)) announce(workshopId, participantId, false);
      // The last socket of the workshop: nothing else holds these maps any more.
      if (roster.size === 0) {
        rosters.delete(workshopId);
        editingBy.delete(workshopId);
      }
    });
  }

  return { attach };
}
