import { describe, expect, it } from 'vitest';
import type { Logger } from 'pino';
import type { AccountStore, DeviceSighting } from './accountStore';
import type { AppSocket } from '../realtime/fanout';
import { DEVICE_ROWS_PER_COMMIT, DeviceTracker } from './devices';

/** A store that records each commit of sightings; `fail(n)` makes the n-th commit (1-based) throw. */
function recordingStore(fail: (commit: number) => boolean = () => false) {
  const commits: DeviceSighting[][] = [];
  /** For each commit after the first: did a turn of the event loop pass since the one before? */
  const turnedBefore: boolean[] = [];
  let turned = false;
  const store = {
    async recordDevices(batch: DeviceSighting[]) {
      if (commits.length > 0) turnedBefore.push(turned);
      commits.push(batch);
      turned = false;
      setImmediate(() => (turned = true));
      if (fail(commits.length)) throw new Error('disk I/O error');
    },
  } as unknown as AccountStore;
  return { store, commits, turnedBefore };
}

const quiet = { warn: () => {} } as unknown as Logger;

function connect(tracker: DeviceTracker, n: number, from = 0) {
  for (let i = from; i < from + n; i++) {
    const socket = { data: { workshopId: 'w1', participantId: `p${i}` } } as unknown as AppSocket;
    tracker.identify(socket, `hash${i}`, `device${i}`, 'Mozilla/5.0');
    tracker.seen(socket, true);
  }
}

const written = (commits: DeviceSighting[][]) => commits.flat().map((d) => d.participantId);

describe('DeviceTracker.flush', () => {
  it.each([
    { sightings: 1, commits: [1] },
    { sightings: DEVICE_ROWS_PER_COMMIT, commits: [DEVICE_ROWS_PER_COMMIT] },
    { sightings: 2 * DEVICE_ROWS_PER_COMMIT + 30, commits: [DEVICE_ROWS_PER_COMMIT, DEVICE_ROWS_PER_COMMIT, 30] },
    {
      sightings: 1010,
      commits: [...Array<number>(Math.floor(1010 / DEVICE_ROWS_PER_COMMIT)).fill(DEVICE_ROWS_PER_COMMIT), 1010 % DEVICE_ROWS_PER_COMMIT],
    },
  ])('writes $sightings sightings in commits of $commits.length, a turn of the event loop apart', async ({ sightings, commits: sizes }) => {
    const { store, commits, turnedBefore } = recordingStore();
    const tracker = new DeviceTracker(store, quiet, 60_000);
    connect(tracker, sightings);
    await tracker.flush();
    expect(commits.map((c) => c.length)).toEqual(sizes);
    expect(turnedBefore).toEqual(sizes.slice(1).map(() => true));
    expect(new Set(written(commits)).size).toBe(sightings);
    await tracker.close();
  });

  it('keeps what a failed commit held, and the rest, for the next flush: nothing is lost or written twice', async () => {
    const { store, commits } = recordingStore((n) => n === 2);
    const tracker = new DeviceTracker(store, quiet, 60_000);
    const n = 2 * DEVICE_ROWS_PER_COMMIT + 30;
    connect(tracker, n);
    await tracker.flush(); // commit 1 stored, commit 2 failed: the flush stops there
    expect(commits.map((c) => c.length)).toEqual([DEVICE_ROWS_PER_COMMIT, DEVICE_ROWS_PER_COMMIT]);
    await tracker.flush();
    const stored = [...commits[0]!, ...commits.slice(2).flat()].map((d) => d.participantId);
    expect(stored.length).toBe(n);
    expect(new Set(stored).size).toBe(n);
    await tracker.close();
  });

  it('answers a flush asked for while one runs with that one, which also writes what came meanwhile', async () => {
    const { store, commits } = recordingStore();
    const tracker = new DeviceTracker(store, quiet, 60_000);
    connect(tracker, DEVICE_ROWS_PER_COMMIT + 10);
    const first = tracker.flush();
    connect(tracker, 5, DEVICE_ROWS_PER_COMMIT + 10); // arrives while the first commit is under way
    const second = tracker.flush();
    expect(second).toBe(first);
    await second;
    expect(new Set(written(commits)).size).toBe(DEVICE_ROWS_PER_COMMIT + 15);
    expect(commits.every((c) => c.length <= DEVICE_ROWS_PER_COMMIT)).toBe(true);
    await tracker.close();
    expect(commits.length).toBe(2);
  });
});
