// Café client state that is not part of the workshop state: the server clock offset (for the
// round clock) and the planner's metrics of the last plan:set (they travel in the event only).
// A small store of its own, so the main store's slices stay as they are.
import { create } from 'zustand';
import type { CommandType, Envelope } from '@world-cafe/shared';

export interface PlanMetrics {
  repeats: number;
  repeatsLowerBound: number;
  sameDelegationPairs: number;
  sameDelegationLowerBound: number;
  violations: number;
}

interface CafeClientState {
  /** serverNow - Date.now(), estimated from `time` pings. */
  offset: number;
  /** Round trip of the ping the offset came from (ms), or null before the first estimate. */
  offsetRtt: number | null;
  /** Metrics of the last plan:set this client saw, with the plan's seed; null after a clear. */
  planMetrics: (PlanMetrics & { seed: number }) | null;
  setOffset(offset: number, rtt: number): void;
}

export const useCafeStore = create<CafeClientState>()((set) => ({
  offset: 0,
  offsetRtt: null,
  planMetrics: null,
  setOffset(offset, rtt) {
    set({ offset, offsetRtt: rtt });
  },
}));

/** Called with every batch of envelopes the main store applies: keeps the last plan's metrics. */
export function notePlanEvents(events: readonly Envelope[]): void {
  for (const env of events) {
    const e = env.e;
    if (e.type !== 'plan:set') continue;
    if (!e.plan) useCafeStore.setState({ planMetrics: null });
    else if (e.metrics) {
      const m = e.metrics;
      useCafeStore.setState({
        planMetrics: {
          seed: e.seed,
          repeats: m.repeats ?? 0,
          repeatsLowerBound: m.repeatsLowerBound ?? 0,
          sameDelegationPairs: m.sameDelegationPairs ?? 0,
          sameDelegationLowerBound: m.sameDelegationLowerBound ?? 0,
          violations: m.violations ?? 0,
        },
      });
    }
  }
}

/**
 * Commands the UI does not apply optimistically: the café's control commands wait for the
 * server. plan:generate and participant:set-absent would run the seating planner in the browser,
 * round commands take their times from the server's clock, and a confirmed move switches the
 * board only when the server's fresh snapshot of the new table arrives.
 */
export const SERVER_ONLY: ReadonlySet<CommandType> = new Set<CommandType>([
  'cafe:configure',
  'plan:generate',
  'plan:clear',
  'round:start',
  'round:pause',
  'round:resume',
  'round:extend',
  'round:end',
  'round:rotate',
  'seat:confirm-move',
  'participant:set-absent',
  'message:broadcast',
]);

/** Commands whose decide() runs the seating planner: never decided in the browser. */
export const RUNS_PLANNER: ReadonlySet<CommandType> = new Set<CommandType>(['plan:generate', 'participant:set-absent']);

/**
 * What the browser checks before queueing a planner command, instead of decide() (which would
 * run the planner here): only facilitators run the café; the server decides the rest.
 */
export function plannerPrecheck(
  state: { participants: Record<string, { role: string } | undefined> },
  meId: string,
): { ok: true } | { ok: false; error: { code: 'forbidden' } } {
  return state.participants[meId]?.role === 'facilitator' ? { ok: true } : { ok: false, error: { code: 'forbidden' } };
}
