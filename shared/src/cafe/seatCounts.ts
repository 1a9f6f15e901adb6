// How many people sit at a table, asked by every seat:assign (a table's capacity). Counting the
// seats record each time made seating a plenary quadratic: with 1,000 people connected, 13 % of the
// main thread's CPU while they seated themselves (bench:notes' setup, 2026-12-08). The count per
// table is kept per seats record instead, built on the first ask. A seats record is only ever
// changed in place by applyEnvelopesOwned (every other change makes a new record), which tells
// this index through seatChangedInPlace.
import type { WorkshopState } from './model';

type Seats = WorkshopState['seats'];

const countsBySeats = new WeakMap<Seats, Map<string, number>>();

function countsOf(seats: Seats): Map<string, number> {
  let counts = countsBySeats.get(seats);
  if (!counts) {
    counts = new Map();
    for (const pid in seats) {
      const table = seats[pid]!;
      counts.set(table, (counts.get(table) ?? 0) + 1);
    }
    countsBySeats.set(seats, counts);
  }
  return counts;
}

export function tableCount(state: WorkshopState, tableId: string): number {
  return countsOf(state.seats).get(tableId) ?? 0;
}

/** `seats` was changed in place: someone's table went from `before` to `after` (undefined: none). */
export function seatChangedInPlace(seats: Seats, before: string | undefined, after: string | undefined) {
  const counts = countsBySeats.get(seats);
  if (!counts || before === after) return;
  if (before !== undefined) counts.set(before, counts.get(before)! - 1);
  if (after !== undefined) counts.set(after, (counts.get(after) ?? 0) + 1);
}
