// Live presence, none of it stored or logged: who is online (per person, however many sockets),
// who is editing which goal field, and who is typing at a table. connection.ts calls attach()
// once per connected socket; everything else lives here.
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { ONLINE_TICK_MS, OnlineRoster, type Presence, presenceSchema, typingInputSchema } from '@world-cafe/shared';
import type { Rooms } from './workshopRoom';
import { type AppSocket, type IO, rooms as roomNames } from './fanout';

export interface PresenceOptions {
  /** Typing messages a socket may send per second (sustained; extra ones are dropped). */
  typingPerSecond?: number;
}

export function createPresence(io: IO, registry: Rooms, opts: PresenceOptions = {}) {
  /** workshop -> participant -> what they are editing. */
  const editingBy = new Map<string, Map<string, NonNullable<Presence>>>();
  /** workshop -> who is connected. */
  const rosters = new Map<string, OnlineRoster>();
  // A typing flag only needs to be refreshed every couple of seconds: a burst of keystrokes
  // must not turn into a burst of relays.
  const perSecond = opts.typingPerSecond ?? 2;
  const typingLimiter = new RateLimiterMemory({ points: perSecond * 2, duration: 2 });

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
    socket.on('presence', (raw: unknown) => {
      const parsed = presenceSchema.safeParse(raw);
      if (!parsed.success) return;
      editing = parsed.data;
      if (editing) here.set(participantId, editing);
      else here.delete(participantId);
      socket.volatile.to(everyone).emit('presence', { participantId, editing });
    });

    // ------------------------------------------------------------ typing at a table
    let typingAt: string | null = null;
    const relayTyping = (tableId: string, typing: boolean, volatile: boolean) => {
      const to = socket.to([roomNames.table(workshopId, tableId), roomNames.facilitators(workshopId)]);
      (volatile ? to.volatile : to).emit('typing', { participantId, tableId, typing });
    };
    socket.on('typing', async (raw: unknown) => {
      const parsed = typingInputSchema.safeParse(raw);
      if (!parsed.success) return;
      const { tableId, typing } = parsed.data;
      // Only where the person writes: their own seat (facilitators write at any table).
      const state = registry.loaded(workshopId)?.committed;
      const me = state?.participants[participantId];
      if (!state || !me || (me.role !== 'facilitator' && state.seats[participantId] !== tableId)) return;
      try {
        await typingLimiter.consume(socket.id);
      } catch {
        if (typing) return; // a "stopped" always goes through, so no flag is left hanging
      }
      typingAt = typing ? tableId : null;
      relayTyping(tableId, typing, true);
    });

    socket.on('disconnect', () => {
      if (editing) {
        here.delete(participantId);
        io.to(everyone).emit('presence', { participantId, editing: null });
      }
      if (typingAt) relayTyping(typingAt, false, false);
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
