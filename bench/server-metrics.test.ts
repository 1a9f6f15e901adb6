import { describe, expect, it } from 'vitest';
import { windowOf } from './server-metrics';

const H = 'worldcafe_group_commit_duration_seconds';
/** A scrape: cumulative bucket counts by bound, the count and the appends. */
function sample(buckets: Record<string, number>, appends: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const [le, n] of Object.entries(buckets)) m.set(`${H}_bucket{le="${le}"}`, n);
  m.set(`${H}_count`, buckets['+Inf'] ?? 0);
  m.set('worldcafe_group_commit_appends_sum', appends);
  return m;
}

describe('windowOf: the server side of a measured window, from two scrapes', () => {
  it.each([
    // 100 commits in the window: 60 ≤ 5 ms, 99 ≤ 25 ms, 1 at 100 ms
    ['app bounds (0.05 among them)', { '0.005': 60, '0.025': 99, '0.05': 99, '0.1': 100, '+Inf': 100 }, 5, 25, 100, 1],
    ['no 0.05 bound: counted from the largest bound below it', { '0.005': 60, '0.025': 99, '0.1': 100, '+Inf': 100 }, 5, 25, 100, 1],
    ['nothing slow', { '0.005': 100, '0.05': 100, '0.1': 100, '+Inf': 100 }, 5, 5, 5, 0],
  ])('%s', (_name, after, p50, p99, max, slow) => {
    const before = sample(Object.fromEntries(Object.keys(after).map((k) => [k, 0])), 0);
    const w = windowOf(before, sample(after, 300))!;
    expect(w).toMatchObject({ commits: 100, appendsPerCommit: 3, commitP50Ms: p50, commitP99Ms: p99, commitMaxMs: max, slowCommits: slow });
  });

  it('only what happened between the scrapes counts', () => {
    const before = sample({ '0.005': 10, '0.05': 10, '0.1': 15, '+Inf': 15 }, 30);
    const after = sample({ '0.005': 20, '0.05': 20, '0.1': 25, '+Inf': 25 }, 60);
    expect(windowOf(before, after)).toMatchObject({ commits: 10, appendsPerCommit: 3, slowCommits: 0, commitMaxMs: 5 });
  });

  it('no window without both scrapes', () => {
    expect(windowOf(null, sample({ '+Inf': 1 }, 1))).toBeNull();
  });
});
