// A catch-up's missed events read from the log a page at a time (connection.ts, catchUp).
import type { Envelope } from '@world-cafe/shared';
import type { EventStore } from '../store/eventStore';

/**
 * Events read per page. On SQLite the log is read on the main thread (better-sqlite3 is
 * synchronous): a 50,000-event gap read in one go held the event loop for ~420 ms (10,000: ~84 ms),
 * every live room of the server waiting behind one client back from a long absence. A page of
 * 1,000 takes ~8 ms, and the next one waits for a turn of the event loop.
 */
export const CATCHUP_PAGE = 1000;

/**
 * The events after `since`, through `head` at least (more if stored meanwhile: the caller keeps
 * what its view reached), in seq order; null once `wanted()` says nobody waits for them any more.
 */
export async function readMissed(
  store: Pick<EventStore, 'readSince'>,
  workshopId: string,
  since: number,
  head: number,
  wanted: () => boolean,
  page = CATCHUP_PAGE,
): Promise<Envelope[] | null> {
  const missed: Envelope[] = [];
  for (let after = since; after < head;) {
    const rows = await store.readSince(workshopId, after, page);
    for (const env of rows) missed.push(env);
    if (rows.length < page) break;
    after = rows[rows.length - 1]!.seq;
    if (after >= head) break;
    await new Promise((resolve) => setImmediate(resolve));
    if (!wanted()) return null;
  }
  return missed;
}
