// Graceful shutdown's bookkeeping: which commands are being handled right now, and whether the
// server still takes new ones. Once stopping, new commands get no ack at all: the client keeps
// them in its queue and resends them (same clientOpId) to the next server after reconnecting.
export class Drain {
  private inflight = new Set<Promise<unknown>>();
  private stoppingFlag = false;

  get stopping(): boolean {
    return this.stoppingFlag;
  }

  get size(): number {
    return this.inflight.size;
  }

  stop() {
    this.stoppingFlag = true;
  }

  /** Tracks a command from receipt until its ack has been decided (committed or refused). */
  track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    const done = () => this.inflight.delete(p);
    p.then(done, done);
    return p;
  }

  /** Resolves when every tracked command has settled, or after `timeoutMs` (false then). */
  async idle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.inflight.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.inflight]),
        new Promise((r) => {
          timer = setTimeout(r, left);
        }),
      ]);
      clearTimeout(timer);
    }
    return true;
  }
}
