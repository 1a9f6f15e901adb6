// What each chart shows, derived from the workshop state alone (no labels, no geometry), so the
// tests can check the figures against the state and every renderer draws the same numbers.
import type { RoundSeating, Stance, Vote, VoteKind, WorkshopState } from '../cafe/model';
import { ranked } from '../harvest/votes';
import { reviewMatrix, reviewingDelegations, type MissingPart } from '../review/matrix';
import { evaluate } from '../seating/metrics';
import { planInputFrom } from '../cafe/clock';

/** A delegation as the charts name it; id '-' stands for people without one. */
export interface DelegationRef {
  id: string;
  code: string;
  name: string;
}

export const NO_DELEGATION = '-';

function delegationRef(state: WorkshopState, id: string): DelegationRef {
  const d = state.delegations[id];
  return { id, code: d?.code ?? id, name: d?.name ?? id };
}

/** Delegations in set-up order, then '-' if anyone without a delegation appears in `used`. */
function delegationsUsed(state: WorkshopState, used: Set<string>): DelegationRef[] {
  const refs = Object.keys(state.delegations)
    .filter((d) => used.has(d))
    .map((d) => delegationRef(state, d));
  if (used.has(NO_DELEGATION)) refs.push({ id: NO_DELEGATION, code: NO_DELEGATION, name: NO_DELEGATION });
  return refs;
}

// ---------------------------------------------------------------- dot votes

export function voteItemLabel(state: WorkshopState, kind: VoteKind, id: string): string {
  if (kind === 'cluster') return state.harvest.clusters[id]?.name ?? id;
  if (kind === 'goal') return state.goals[id]?.title ?? id;
  return state.notes[id]?.text ?? id;
}

export interface VoteBars {
  voteId: string;
  kind: VoteKind;
  per: Vote['per'];
  total: number;
  /** Series of the stacked bars: the delegations that gave any dot. */
  delegations: DelegationRef[];
  /** One bar per item, ranked by dots (ties in ballot order); byDelegation follows `delegations`. */
  bars: Array<{ itemId: string; label: string; dots: number; byDelegation: number[] }>;
}

/** The revealed tally as bars; null before the facilitator reveals (the room must not see it). */
export function voteBars(state: WorkshopState, voteId: string): VoteBars | null {
  const vote = state.harvest.votes[voteId];
  if (!vote?.results) return null;
  const results = vote.results;
  const used = new Set<string>();
  for (const row of Object.values(results.byDelegation)) for (const [d, n] of Object.entries(row)) if (n > 0) used.add(d);
  const delegations = delegationsUsed(state, used);
  const bars = ranked(vote).map(({ item, dots }) => ({
    itemId: item,
    label: voteItemLabel(state, vote.kind, item),
    dots,
    byDelegation: delegations.map((d) => results.byDelegation[item]?.[d.id] ?? 0),
  }));
  return { voteId, kind: vote.kind, per: vote.per, total: bars.reduce((a, b) => a + b.dots, 0), delegations, bars };
}

// ---------------------------------------------------------------- participation

export interface Participation {
  rounds: number;
  /** The round a facilitator is looking at: the current one during the café, else the last. */
  focusRound: number;
  tables: Array<{ tableId: string; name: string; counts: number[] }>;
  delegations: Array<DelegationRef & { notes: number; people: number }>;
}

export function participation(state: WorkshopState): Participation {
  const notes = Object.values(state.notes);
  const rounds = Math.max(
    state.phase === 'setup' ? 0 : Math.min(state.round, state.cafe.rounds),
    state.cafe.history.length,
    ...notes.map((n) => n.round),
  );
  const tableIds = state.tableOrder.filter((id) => state.tables[id]);
  const index = new Map(tableIds.map((id, i) => [id, i]));
  const counts = tableIds.map(() => new Array<number>(rounds).fill(0));
  const byDelegation = new Map<string, number>();
  for (const n of notes) {
    const t = index.get(n.tableId);
    if (t !== undefined && n.round >= 1) counts[t]![n.round - 1]! += 1;
    const d = n.delegationId && state.delegations[n.delegationId] ? n.delegationId : NO_DELEGATION;
    byDelegation.set(d, (byDelegation.get(d) ?? 0) + 1);
  }
  // every delegation with people counts, so a silent one shows as a zero rather than vanishing
  const people = new Map<string, number>();
  for (const p of Object.values(state.participants)) {
    if (p.role === 'facilitator' || p.role === 'observer') continue;
    const d = p.delegationId && state.delegations[p.delegationId] ? p.delegationId : NO_DELEGATION;
    people.set(d, (people.get(d) ?? 0) + 1);
  }
  const used = new Set([...people.keys(), ...byDelegation.keys()]);
  return {
    rounds,
    focusRound: state.phase === 'cafe' ? Math.min(state.round, Math.max(rounds, 1)) : rounds,
    tables: tableIds.map((id, i) => ({ tableId: id, name: state.tables[id]!.name, counts: counts[i]! })),
    delegations: delegationsUsed(state, used).map((d) => ({ ...d, notes: byDelegation.get(d.id) ?? 0, people: people.get(d.id) ?? 0 })),
  };
}

// ---------------------------------------------------------------- seating mix

export interface SeatingMix {
  delegations: DelegationRef[];
  tables: Array<{ tableId: string; name: string }>;
  /** Per round: counts[delegation][table] of people seated, and delegations per table. */
  rounds: Array<{ round: number; counts: number[][]; mix: number[] }>;
  /** Per person: how many different people they share a table with over the plan. */
  met: Array<{ participantId: string; name: string; delegation: string; newPeople: number }>;
  /** From the seating metrics (shared/src/seating): pairs meeting again, and same-delegation pairs. */
  repeats: number;
  sameDelegationPairs: number;
}

/** The mix a seating plan produces (played rounds as they were, planned rounds as planned). */
export function seatingMix(state: WorkshopState): SeatingMix | null {
  const plan: RoundSeating[] | null = state.cafe.plan;
  if (!plan || plan.length === 0) return null;
  const tableIds = state.tableOrder.filter((id) => state.tables[id]);
  const tIndex = new Map(tableIds.map((id, i) => [id, i]));
  const delegationOf = (pid: string): string => {
    const d = state.participants[pid]?.delegationId;
    return d && state.delegations[d] ? d : NO_DELEGATION;
  };
  const people = new Set<string>();
  for (const round of plan)
    for (const members of Object.values(round)) for (const pid of members) if (state.participants[pid]) people.add(pid);
  const delegations = delegationsUsed(state, new Set([...people].map(delegationOf)));
  const dIndex = new Map(delegations.map((d, i) => [d.id, i]));
  const met = new Map<string, Set<string>>([...people].map((p) => [p, new Set<string>()]));
  const rounds = plan.map((round, r) => {
    const counts = delegations.map(() => new Array<number>(tableIds.length).fill(0));
    const mix = new Array<number>(tableIds.length).fill(0);
    for (const [tableId, members] of Object.entries(round)) {
      const t = tIndex.get(tableId);
      const present = members.filter((p) => people.has(p));
      if (t !== undefined) {
        for (const pid of present) counts[dIndex.get(delegationOf(pid))!]![t]! += 1;
        mix[t] = new Set(present.map(delegationOf)).size;
      }
      for (const a of present) for (const b of present) if (a !== b) met.get(a)!.add(b);
    }
    return { round: r + 1, counts, mix };
  });
  const metrics = evaluate(planInputFrom(state, state.cafe.planSeed), plan);
  return {
    delegations,
    tables: tableIds.map((id) => ({ tableId: id, name: state.tables[id]!.name })),
    rounds,
    met: [...people].map((pid) => ({
      participantId: pid,
      name: state.participants[pid]!.name,
      delegation: delegationRef(state, delegationOf(pid)).code,
      newPeople: met.get(pid)!.size,
    })),
    repeats: metrics.repeats,
    sameDelegationPairs: metrics.sameDelegationPairs,
  };
}

// ---------------------------------------------------------------- review stances

export interface ReviewStances {
  delegations: DelegationRef[];
  goals: Array<{ goalId: string; number: number; title: string; cells: Array<{ stance: Stance | null; missing: MissingPart[] }> }>;
  /** Per delegation (same order): goals whose review is not complete. */
  missing: number[];
}

export function reviewStances(state: WorkshopState): ReviewStances {
  const delegations = reviewingDelegations(state).map((d) => delegationRef(state, d));
  const rows = reviewMatrix(state);
  const goals = state.goalOrder
    .map((goalId, i) => ({ goalId, row: rows[i] ?? [] }))
    .filter(({ goalId }) => state.goals[goalId])
    .map(({ goalId, row }, i) => ({
      goalId,
      number: i + 1,
      title: state.goals[goalId]!.title,
      cells: row.map((c) => ({ stance: c.stance, missing: c.missing })),
    }));
  const missing = delegations.map((_, j) => goals.filter((g) => (g.cells[j]?.missing.length ?? 0) > 0).length);
  return { delegations, goals, missing };
}
