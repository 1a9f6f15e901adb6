// The café's moving parts, pure: round clock arithmetic, which question is in force, and the
// bridge between the live workshop and the seating planner (plan, late arrivals, absences).
import type { CafeState, RoundSeating, WorkshopState } from './model';
import { plan as runPlanner, PlanImpossibleError, PlanInputError, type PlanInput, type PlanResult } from '../seating';

/** Remaining milliseconds of the round as seen at `now` (server time). */
export function remainingMs(cafe: CafeState, now: number): number {
  const { clock } = cafe;
  if (clock.status === 'running' && clock.endsAt !== null) return Math.max(0, clock.endsAt - now);
  if (clock.status === 'ended') return 0;
  return clock.remainingMs;
}

export interface QuestionsInForce {
  table: string | null;
  round: string | null;
}

/** The question(s) a table's board shows this round, by the facilitator's question mode. */
export function questionsInForce(state: WorkshopState, tableId: string | null): QuestionsInForce {
  const mode = state.cafe.questionMode;
  const tableQ = tableId ? state.tables[tableId]?.question?.trim() || null : null;
  const roundQ = state.cafe.roundQuestions[state.round - 1]?.trim() || null;
  return {
    table: mode === 'round' ? null : tableQ,
    round: mode === 'table' ? null : roundQ,
  };
}

/** Who the planner seats: everyone present who is not running the session or only watching. */
export function seatablePeople(state: WorkshopState): string[] {
  return Object.values(state.participants)
    .filter((p) => (p.role === 'delegate' || p.role === 'host') && !state.cafe.absent[p.id])
    .map((p) => p.id);
}

/** A host hosts the table they sit at (or are about to move to). */
export function hostOf(state: WorkshopState, participantId: string): string | null {
  const p = state.participants[participantId];
  if (p?.role !== 'host') return null;
  return state.seats[participantId] ?? state.cafe.moves[participantId] ?? null;
}

export function hostsOfTable(state: WorkshopState, tableId: string): string[] {
  return Object.values(state.participants)
    .filter((p) => p.role === 'host' && hostOf(state, p.id) === tableId)
    .map((p) => p.id);
}

export function planInputFrom(state: WorkshopState, seed: number): PlanInput {
  const hosted = new Set<string>();
  return {
    tables: state.tableOrder.map((id) => ({ id, capacity: state.tables[id]!.capacity })),
    participants: seatablePeople(state).map((id) => {
      const p = state.participants[id]!;
      let host = hostOf(state, id);
      // two hosts at one table: the planner allows one, the other travels
      if (host && hosted.has(host)) host = null;
      if (host) hosted.add(host);
      return { id, delegation: p.delegationId ?? `solo:${id}`, hostOf: host };
    }),
    rounds: state.cafe.rounds,
    seed,
    played: state.cafe.history,
  };
}

export type PlanOutcome = { ok: true; result: PlanResult } | { ok: false; message: string };

/** Runs the planner on the live workshop; the budget keeps a facilitator's click from stalling the server. */
export function planFor(state: WorkshopState, seed: number, timeBudgetMs: number): PlanOutcome {
  if (state.tableOrder.length === 0) return { ok: false, message: 'add tables first' };
  if (state.cafe.history.length >= state.cafe.rounds) return { ok: false, message: 'every round has been played' };
  try {
    return { ok: true, result: runPlanner(planInputFrom(state, seed), { timeBudgetMs, maxEvaluations: 2_000_000 }) };
  } catch (err) {
    if (err instanceof PlanImpossibleError || err instanceof PlanInputError) return { ok: false, message: err.message };
    throw err;
  }
}

/** Where each person sits in round `round` (1-based) of a plan. */
export function seatingOfRound(seating: RoundSeating | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!seating) return out;
  for (const [table, people] of Object.entries(seating)) for (const p of people) out[p] = table;
  return out;
}

/** The seats everyone holds when a round starts: current seats with pending moves carried out. */
export function seatsAtStart(state: WorkshopState): Record<string, string> {
  const seats = { ...state.seats, ...state.cafe.moves };
  for (const id of Object.keys(state.cafe.absent)) delete seats[id];
  return seats;
}

export function groupByTable(seats: Record<string, string>): RoundSeating {
  const out: RoundSeating = {};
  for (const [p, t] of Object.entries(seats)) (out[t] ??= []).push(p);
  return out;
}

/**
 * The table that fits a late arrival best right now: room left, fewest of their own delegation,
 * then fewest people (ties by table order, so the choice is deterministic).
 */
export function bestTableFor(state: WorkshopState, delegationId: string | null, seats: Record<string, string>): string | null {
  let best: string | null = null;
  let bestKey: [number, number] = [Infinity, Infinity];
  for (const id of state.tableOrder) {
    const table = state.tables[id]!;
    const sitting = Object.entries(seats).filter(([, t]) => t === id);
    if (sitting.length >= table.capacity) continue;
    const same = delegationId ? sitting.filter(([p]) => state.participants[p]?.delegationId === delegationId).length : 0;
    const key: [number, number] = [same, sitting.length];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = id;
      bestKey = key;
    }
  }
  return best;
}

/** Seat cards after a rotation: who moves where in the next round (hosts and stayers omitted). */
export function movesForRound(state: WorkshopState, round: number): Record<string, string> {
  const planned = seatingOfRound(state.cafe.plan?.[round - 1]);
  const moves: Record<string, string> = {};
  for (const [p, t] of Object.entries(planned)) {
    if (state.cafe.absent[p] || !state.participants[p]) continue;
    if (state.seats[p] !== t) moves[p] = t;
  }
  return moves;
}
