// The per-person command allowance: a fixed window per key (`points` commands per `durationMs`,
// the window starting at the key's first command), the rule rate-limiter-flexible's
// RateLimiterMemory applied here before. Synchronous and timer-free: it is asked once per command,
// and the promise plus the expiry timer per key that the library needed cost more than the check.

export class WindowLimiter {
  private windows = new Map<string, { start: number; used: number }>();
  private sweepAt: number;

  constructor(
    private readonly points: number,
    private readonly durationMs: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.sweepAt = this.clock() + durationMs;
  }

  /** Takes one point from `key`'s allowance: false when the window's points are used up. */
  consume(key: string): boolean {
    const now = this.clock();
    if (now >= this.sweepAt) this.sweep(now);
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.durationMs) this.windows.set(key, (w = { start: now, used: 0 }));
    if (w.used >= this.points) return false;
    w.used++;
    return true;
  }

  /** Keys with a window still open (for tests). */
  get size(): number {
    return this.windows.size;
  }

  /** Forgets windows that have ended, at most once per window length (amortised, no timers). */
  private sweep(now: number) {
    for (const [key, w] of this.windows) if (now - w.start >= this.durationMs) this.windows.delete(key);
    this.sweepAt = now + this.durationMs;
  }
}
