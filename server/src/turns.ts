// Long synchronous work on the main thread holds every room of the server: no socket is read or
// written, no publication goes out, until it ends. Work that may run long on a big workshop (a
// cold load's parse, copies and op keys; a long read of the log) is cut into slices with a turn
// of the event loop between them.

/** Main-thread time a slice may take before the event loop gets a turn (inSlices). */
export const SLICE_MS = 8;

/** A turn of the event loop: I/O, timers and other rooms' work that waited run before this resolves. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs `steps` to its end and returns its result, giving the event loop a turn whenever the steps
 * since the last one have run `sliceMs` or more. A step is whatever the generator does between two
 * yields: it should be short (a part, a few thousand entries), since a slice ends only at one.
 */
export async function inSlices<T>(
  steps: Generator<unknown, T, undefined>,
  sliceMs = SLICE_MS,
  clock: () => number = () => performance.now(),
): Promise<T> {
  let started = clock();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (clock() - started >= sliceMs) {
      await nextTurn();
      started = clock();
    }
  }
}
