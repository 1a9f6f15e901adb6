// The publish tick of a busy workshop and its stretch: no imports, so that the bench's relay
// (bench/notes-relay.ts) batches by the same rule without loading the room and its store.

/**
 * The tick of a busy workshop: its decided commands go to the store together at most this often,
 * and each such group is published as soon as it is durable (see WorkshopRoom.toStore). Its audiences so get
 * one frame per tick instead of one per note; a quiet workshop stores and publishes a command at
 * once (the tick spaces hand-overs, it never delays the first one).
 */
export const PUBLISH_TICK_MS = 10;

/** The longest a busy workshop's tick is stretched to (see publishTickFor). */
export const MAX_PUBLISH_TICK_MS = 40;

/**
 * Socket writes a publication may cost per millisecond of its tick. A write (a frame to one
 * socket, and its share of the fan-out around it) costs ~10 µs of the main thread on a 2-core VM,
 * so this keeps one workshop's fan-out near a quarter of it.
 */
export const WRITES_PER_TICK_MS = 25;

/**
 * The tick after a publication that wrote to `written` sockets. The fan-out's cost is per socket
 * written, not per event: while 1,000 unseated people each get every seat change (PROTOCOL), a
 * tick's publication costs ~10 ms of writes however few seats it carries, and at a 10 ms tick
 * seating a room would keep the main thread busy with the lobby alone. A publication that wrote
 * to more than WRITES_PER_TICK_MS × 10 sockets so spaces the next hand-over further, up to
 * MAX_PUBLISH_TICK_MS: the next batch is larger, and its writes are shared by more events. Table
 * traffic stays at 10 ms (at 1,000 notes/s over 125 tables a tick writes ~100 sockets).
 */
export function publishTickFor(written: number): number {
  return Math.min(MAX_PUBLISH_TICK_MS, Math.max(PUBLISH_TICK_MS, written / WRITES_PER_TICK_MS));
}
