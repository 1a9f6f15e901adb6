// Process-wide admission control: when the event loop falls behind (every socket's commands wait
// behind it), new commands are refused at the edge with `overloaded` before any parsing, so the
// commands already accepted get the CPU. Rooms add their own bound (MAX_UNPUBLISHED, workshopRoom.ts).
export interface LoadGate {
  /** True while the event loop is lagging; refuse new commands. */
  readonly overloaded: boolean;
}

export interface LoadGateOptions {
  /** Probe period (ms). */
  intervalMs?: number;
  /** A probe this late (ms) marks the loop as lagging. */
  lagMs?: number;
  /** How long (ms) one late probe keeps the gate closed. */
  holdMs?: number;
}

export function createLoadGate({ intervalMs = 20, lagMs = 250, holdMs = 250 }: LoadGateOptions = {}): LoadGate {
  let expected = performance.now() + intervalMs;
  let closedUntil = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - expected > lagMs) closedUntil = now + holdMs;
    expected = now + intervalMs;
  }, intervalMs);
  timer.unref();
  return {
    get overloaded() {
      return performance.now() < closedUntil;
    },
  };
}
