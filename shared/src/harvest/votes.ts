// Dot votes: who holds a budget, and the tally published when the facilitator reveals.
import type { Vote, VoteResults, WorkshopState } from '../cafe/model';

/** The budget holder: the person, or their delegation in a vote by delegation. */
export function voterKey(state: WorkshopState, vote: Vote, participantId: string): string | null {
  if (vote.per === 'participant') return `p:${participantId}`;
  const d = state.participants[participantId]?.delegationId;
  return d ? `d:${d}` : null;
}

export function dotsSpent(vote: Vote, key: string): number {
  return Object.values(vote.ballots[key] ?? {}).reduce((a, b) => a + b, 0);
}

export function voteTally(state: WorkshopState, vote: Vote): VoteResults {
  const totals: Record<string, number> = Object.fromEntries(vote.items.map((i) => [i, 0]));
  const byDelegation: Record<string, Record<string, number>> = {};
  for (const [key, ballot] of Object.entries(vote.ballots)) {
    const delegation = key.startsWith('d:') ? key.slice(2) : (state.participants[key.slice(2)]?.delegationId ?? '-');
    for (const [item, dots] of Object.entries(ballot)) {
      if (dots <= 0) continue;
      totals[item] = (totals[item] ?? 0) + dots;
      const row = (byDelegation[item] ??= {});
      row[delegation] = (row[delegation] ?? 0) + dots;
    }
  }
  return { totals, byDelegation };
}

/** Items ranked by dots, ties in ballot order. */
export function ranked(vote: Vote): Array<{ item: string; dots: number }> {
  if (!vote.results) return [];
  const totals = vote.results.totals;
  return vote.items.map((item) => ({ item, dots: totals[item] ?? 0 })).sort((a, b) => b.dots - a.dots);
}
