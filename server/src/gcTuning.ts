// Garbage-collector tuning for latency. A busy room keeps every note (and its idempotency key) for
// good, so V8's old generation grows by ~2 MB/s at 1,000 notes/s. V8 sizes the next major GC's
// limit for throughput and memory: when its collector is fast next to the program, it grows the
// heap by only 1.1–1.5× the live size, and a 60–70 MB heap then got a major GC every 4–6 s. Each
// one (a 5–20 ms pause plus incremental marking steps on the main thread, on a machine whose other
// core runs the SQLite writer) held ~100 notes past 25 ms: the p99 of a 10 s window at 1,000 notes/s
// was 20–45 ms with one, 13–15 ms without (bench:notes, issue 19). With the factor at 4 (300 %) the
// next major GC waits until the old generation is 4× what the last one kept: one every minute or
// two at that rate, for a heap up to ~4× the live data (a 1,000-person workshop with 50,000 notes
// keeps ~60–100 MB live: a few hundred MB of heap, which a server has).
import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT_DEFAULT = 300;

/**
 * Sets the factor before the heap holds anything of a workshop. V8 reads it at every major GC to
 * set the next limit, so setting it at startup takes effect from the first one (checked with
 * --trace-gc: major GCs at 33 s and 91 s of a bench run instead of every 4–6 s).
 */
export function tuneGc(heapGrowingPercent: number) {
  if (heapGrowingPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}
