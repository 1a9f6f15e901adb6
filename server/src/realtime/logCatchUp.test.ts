import { describe, expect, it } from 'vitest';
import type { Envelope } from '@world-cafe/shared';
import { readMissed } from './logCatchUp';

/** A log of `stored` events (seq 1..stored) that records each read and whether the loop turned before it. */
function fakeLog(stored: number) {
  const log: Envelope[] = Array.from({ length: stored }, (_, i) => ({
    seq: i + 1,
    at: 0,
    by: null,
    scope: null,
    e: { type: 'round:timeup' } as unknown as Envelope['e'],
  }));
  const reads: Array<{ after: number; limit: number | undefined; turnedBefore: boolean }> = [];
  let turned = true;
  return {
    reads,
    store: {
      readSince: async (_w: string, after: number, limit?: number) => {
        reads.push({ after, limit, turnedBefore: turned });
        turned = false;
        setImmediate(() => (turned = true));
        return log.filter((e) => e.seq > after).slice(0, limit ?? Infinity);
      },
    },
  };
}

describe('readMissed', () => {
  it.each([
    { stored: 10, since: 0, head: 10, page: 3, reads: [0, 3, 6, 9], got: 10 },
    { stored: 9, since: 0, head: 9, page: 3, reads: [0, 3, 6], got: 9 },
    { stored: 10, since: 4, head: 10, page: 100, reads: [4], got: 6 },
    // stored after the read began: pages go on only up to the head the caller knew
    { stored: 20, since: 0, head: 6, page: 3, reads: [0, 3], got: 6 },
    { stored: 5, since: 5, head: 5, page: 3, reads: [], got: 0 },
  ])('stored $stored, since $since, head $head, pages of $page: reads after $reads', async ({ stored, since, head, page, reads, got }) => {
    const log = fakeLog(stored);
    const missed = await readMissed(log.store, 'w1', since, head, () => true, page);
    expect(missed!.map((e) => e.seq)).toEqual(Array.from({ length: got }, (_, i) => since + i + 1));
    expect(log.reads.map((r) => r.after)).toEqual(reads);
    expect(log.reads.every((r) => r.limit === page && r.turnedBefore)).toBe(true);
  });

  it('stops, with null, once nobody waits for the events any more', async () => {
    const log = fakeLog(10);
    let connected = true;
    const missed = readMissed(log.store, 'w1', 0, 10, () => connected, 3);
    connected = false;
    expect(await missed).toBeNull();
    expect(log.reads.length).toBe(1);
  });
});
