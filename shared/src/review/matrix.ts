// The chair's view of the review: goals × delegations, each stance and what is still missing.
import type { ReviewEntry, Stance, WorkshopState } from '../cafe/model';
import { reviewKey } from '../cafe/model';

export type MissingPart = 'stance' | 'national' | 'feasibility';

export interface MatrixCell {
  goalId: string;
  delegationId: string;
  stance: Stance | null;
  missing: MissingPart[];
  entry: ReviewEntry | null;
}

/** A review is complete with a stance, and, unless not applicable, national details and feasibility. */
export function missingParts(entry: ReviewEntry | undefined): MissingPart[] {
  if (!entry?.stance) return ['stance', 'national', 'feasibility'];
  if (entry.stance === 'na') return [];
  const missing: MissingPart[] = [];
  if (!(entry.situation.trim() || entry.needs.trim() || entry.resources.trim())) missing.push('national');
  if (entry.feasibility === null) missing.push('feasibility');
  return missing;
}

/** Delegations whose members take part (a delegation nobody joined for is not expected to review). */
export function reviewingDelegations(state: WorkshopState): string[] {
  // observers cannot record reviews, so a delegation is expected to review only if it has a delegate or host
  const active = new Set(
    Object.values(state.participants)
      .filter((p) => p.role === 'delegate' || p.role === 'host')
      .map((p) => p.delegationId)
      .filter((d): d is string => !!d),
  );
  return Object.keys(state.delegations).filter((d) => active.has(d));
}

export function reviewMatrix(state: WorkshopState): MatrixCell[][] {
  const delegations = reviewingDelegations(state);
  return state.goalOrder.map((goalId) =>
    delegations.map((delegationId) => {
      const entry = state.review.entries[reviewKey(goalId, delegationId)];
      return { goalId, delegationId, stance: entry?.stance ?? null, missing: missingParts(entry), entry: entry ?? null };
    }),
  );
}

export function incompleteDelegations(state: WorkshopState): string[] {
  return reviewingDelegations(state).filter((d) =>
    state.goalOrder.some((g) => missingParts(state.review.entries[reviewKey(g, d)]).length > 0),
  );
}
