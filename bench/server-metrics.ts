// What the World Café server says about itself during a measured window (its /metrics, bench only):
// group commits (how many, appends per commit, time to durable) and event-loop delay. These say
// where a latency tail comes from — the writer, or the main thread — which the clients cannot see.

export interface ServerWindow {
  commits: number;
  appendsPerCommit: number;
  /** Time to durable per commit, from the histogram's buckets (upper bound of the bucket holding it). */
  commitP50Ms: number;
  commitP99Ms: number;
  /** Commits that took over 50 ms, and the bucket bound of the slowest: a rare slow commit holds every note behind it. */
  slowCommits: number;
  commitMaxMs: number;
  /** Event-loop delay over the window (prom-client resets it at every scrape). */
  loopP99Ms: number;
  loopMaxMs: number;
}

type Sample = Map<string, number>;

function parse(text: string): Sample {
  const out: Sample = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const sp = line.lastIndexOf(' ');
    out.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  return out;
}

export async function scrape(url: string, token: string): Promise<Sample | null> {
  try {
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    return res.ok ? parse(await res.text()) : null;
  } catch {
    return null;
  }
}

const BUCKET = /^worldcafe_group_commit_duration_seconds_bucket\{le="([^"]+)"\}$/;

function bucketsOf(before: Sample, after: Sample): Array<[number, number]> {
  const buckets: Array<[number, number]> = [];
  for (const [k, v] of after) {
    const m = BUCKET.exec(k);
    if (m) buckets.push([m[1] === '+Inf' ? Infinity : Number(m[1]), v - (before.get(k) ?? 0)]);
  }
  return buckets.sort((a, b) => a[0] - b[0]);
}

/** Quantile q of the commits in the buckets (cumulative counts), as the upper bound of its bucket. */
function quantileOf(buckets: Array<[number, number]>, q: number): number {
  const total = buckets.at(-1)?.[1] ?? 0;
  if (total === 0) return NaN;
  for (const [le, n] of buckets) if (n >= q * total) return le * 1000;
  return Infinity;
}

/**
 * Commits slower than `seconds`: all of them minus those within the largest bucket bound at or below
 * it (with the app's bounds, 0.05 is one: exact; otherwise it counts a few faster ones too).
 */
function slowerThan(buckets: Array<[number, number]>, seconds: number): number {
  let within = 0;
  for (const [le, n] of buckets) if (le <= seconds) within = n;
  return (buckets.at(-1)?.[1] ?? 0) - within;
}

export function windowOf(before: Sample | null, after: Sample | null): ServerWindow | null {
  if (!before || !after) return null;
  const d = (k: string) => (after.get(k) ?? 0) - (before.get(k) ?? 0);
  const commits = d('worldcafe_group_commit_duration_seconds_count');
  const buckets = bucketsOf(before, after);
  return {
    commits,
    appendsPerCommit: commits ? d('worldcafe_group_commit_appends_sum') / commits : 0,
    commitP50Ms: quantileOf(buckets, 0.5),
    commitP99Ms: quantileOf(buckets, 0.99),
    slowCommits: slowerThan(buckets, 0.05),
    commitMaxMs: quantileOf(buckets, 1),
    loopP99Ms: (after.get('nodejs_eventloop_lag_p99_seconds') ?? NaN) * 1000,
    loopMaxMs: (after.get('nodejs_eventloop_lag_max_seconds') ?? NaN) * 1000,
  };
}
