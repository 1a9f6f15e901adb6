// Who sits where, for the console's overview and the projector's map: between rounds the seating
// the coming round starts with (seat cards carried out), during a round the plan's next round
// (or the current seating when there is no plan). The room's screen ('room') keeps the current
// seating while the round runs and shows where to go next only once its time is up.
import { useMemo } from 'react';
import { hostsOfTable, seatingOfRound, seatsAtStart, type WorkshopState } from '@world-cafe/shared';
import { useView } from './selectors';

export type SeatTag = 'stays' | 'arrived' | 'moving' | 'planned' | 'seated';

export interface SeatingView {
  /** 'next': where people go for `round`; 'now': who sits where in `round`. */
  kind: 'next' | 'now';
  round: number;
  tables: Array<{ tableId: string; hosts: string[]; people: Array<{ id: string; tag: SeatTag }> }>;
  /** Seat cards not yet confirmed: person -> table. */
  pending: Array<{ id: string; tableId: string }>;
}

type Slice = Pick<WorkshopState, 'seats' | 'cafe' | 'tables' | 'tableOrder' | 'participants' | 'round' | 'phase'>;

/** 'console': the plan ahead as soon as a round starts; 'room': the next round only after time-up. */
export type SeatingAudience = 'console' | 'room';

export function seatingView(state: Slice, audience: SeatingAudience = 'console'): SeatingView {
  const { cafe, round } = state;
  const full = state as WorkshopState;
  const pending = Object.entries(cafe.moves).map(([id, tableId]) => ({ id, tableId }));
  let kind: SeatingView['kind'];
  let shownRound: number;
  let seating: Record<string, string>;
  let tagOf: (id: string, tableId: string) => SeatTag;
  const prevSeating = seatingOfRound(cafe.history[round - 2]);
  if (cafe.clock.status === 'idle') {
    kind = 'next';
    shownRound = round;
    seating = seatsAtStart(full);
    tagOf = (id, tableId) =>
      cafe.moves[id] ? 'moving' : round > 1 && prevSeating[id] && prevSeating[id] !== tableId ? 'arrived' : round > 1 ? 'stays' : 'seated';
  } else if (cafe.plan?.[round] && round < cafe.rounds && (audience === 'console' || cafe.clock.status === 'ended')) {
    kind = 'next';
    shownRound = round + 1;
    seating = seatingOfRound(cafe.plan[round]);
    tagOf = (id, tableId) => (state.seats[id] === tableId ? 'stays' : 'planned');
  } else {
    kind = 'now';
    shownRound = round;
    seating = state.seats;
    tagOf = () => 'seated';
  }
  const byTable: Record<string, Array<{ id: string; tag: SeatTag }>> = {};
  for (const [id, tableId] of Object.entries(seating)) {
    if (!state.participants[id] || cafe.absent[id]) continue;
    (byTable[tableId] ??= []).push({ id, tag: tagOf(id, tableId) });
  }
  const joined = (id: string) => state.participants[id]?.joinedAt ?? 0;
  return {
    kind,
    round: shownRound,
    pending,
    tables: state.tableOrder.map((tableId) => ({
      tableId,
      hosts: hostsOfTable(full, tableId),
      people: (byTable[tableId] ?? []).sort((a, b) => {
        const ha = state.participants[a.id]?.role === 'host' ? 0 : 1;
        const hb = state.participants[b.id]?.role === 'host' ? 0 : 1;
        return ha - hb || joined(a.id) - joined(b.id);
      }),
    })),
  };
}

/** The seating view of the live workshop, recomputed only when seats, café or people change. */
export function useSeatingView(audience: SeatingAudience = 'console'): SeatingView {
  const seats = useView((s) => s.seats);
  const cafe = useView((s) => s.cafe);
  const tables = useView((s) => s.tables);
  const tableOrder = useView((s) => s.tableOrder);
  const participants = useView((s) => s.participants);
  const round = useView((s) => s.round);
  const phase = useView((s) => s.phase);
  return useMemo(
    () => seatingView({ seats, cafe, tables, tableOrder, participants, round, phase }, audience),
    [seats, cafe, tables, tableOrder, participants, round, phase, audience],
  );
}
