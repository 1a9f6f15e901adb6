// Per-socket rate limit for state-like messages (presence, typing): a token bucket that never
// drops the *last* state. A message within the allowance goes out at once; one over it waits,
// and a newer message for the same key replaces it (counted as coalesced), so a flooding socket
// costs everyone else at most `perSecond` relays a second and its final state still arrives.

export interface CoalescerOptions<V> {
  /** Sustained relays per second. */
  perSecond: number;
  /** Relays allowed at once before the rate applies. */
  burst: number;
  /** Sends one state. */
  send: (key: string, value: V) => void;
  /** Called for each message replaced by a newer one before it was sent. */
  onCoalesced?: () => void;
}

export interface Coalescer<V> {
  push(key: string, value: V): void;
  /** Drops whatever waits (the socket is gone) and stops the timer. */
  cancel(): void;
  /** Keys with a state not yet sent. */
  readonly waiting: ReadonlyMap<string, V>;
}

export function createCoalescer<V>({ perSecond, burst, send, onCoalesced }: CoalescerOptions<V>): Coalescer<V> {
  let tokens = burst;
  let refilledAt = performance.now();
  const waiting = new Map<string, V>();
  let timer: NodeJS.Timeout | null = null;

  const refill = () => {
    const now = performance.now();
    tokens = Math.min(burst, tokens + ((now - refilledAt) / 1000) * perSecond);
    refilledAt = now;
  };

  const drain = () => {
    timer = null;
    refill();
    // oldest key first (Map order); each send costs a token
    for (const [key, value] of waiting) {
      if (tokens < 1) break;
      tokens -= 1;
      waiting.delete(key);
      send(key, value);
    }
    schedule();
  };

  const schedule = () => {
    if (timer || waiting.size === 0) return;
    const ms = Math.max(1, Math.ceil(((1 - tokens) / perSecond) * 1000));
    timer = setTimeout(drain, ms);
    timer.unref();
  };

  return {
    push(key, value) {
      refill();
      if (waiting.size === 0 && tokens >= 1) {
        tokens -= 1;
        send(key, value);
        return;
      }
      if (waiting.has(key)) onCoalesced?.();
      waiting.set(key, value); // an existing key keeps its turn, with the newest state
      schedule();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      waiting.clear();
    },
    waiting,
  };
}
