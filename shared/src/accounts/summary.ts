// What the facilitator's home page shows of a workshop: computed from its committed state.
import type { Phase, WorkshopState } from '../cafe/model';
import { reviewingDelegations } from '../review/matrix';
import { reviewKey } from '../cafe/model';

export interface WorkshopSummary {
  workshopId: string;
  title: string;
  phase: Phase;
  joinCode: string;
  createdAt: number;
  /** Everyone who joined, facilitators included. */
  people: number;
  notes: number;
  /** Goals × reviewing delegations with a stance recorded, of all such pairs. */
  review: { done: number; total: number };
}

export function summarise(state: WorkshopState): WorkshopSummary {
  const delegations = reviewingDelegations(state);
  let done = 0;
  for (const g of state.goalOrder) for (const d of delegations) if (state.review.entries[reviewKey(g, d)]?.stance) done++;
  return {
    workshopId: state.id,
    title: state.title,
    phase: state.phase,
    joinCode: state.joinCode,
    createdAt: state.createdAt,
    people: Object.keys(state.participants).length,
    notes: Object.keys(state.notes).length,
    review: { done, total: state.goalOrder.length * delegations.length },
  };
}
