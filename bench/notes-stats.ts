// Statistics for `npm run bench:notes` and `bench:cluster`: folds the generator workers' raw logs into the figures of
// one run (latency percentiles per audience, delivery accounting, frames per note), and reads the
// server's CPU and memory from /proc (plus the small async helpers both sides use). The workers
// record, this file judges.
import fs from 'node:fs';
import type { Ack } from '@world-cafe/shared';
import { ACK, type WorkerLog } from './notes-wire.ts';

export interface Summary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}

export function summarize(values: ArrayLike<number>): Summary {
  if (values.length === 0) return { p50: NaN, p95: NaN, p99: NaN, max: NaN, n: 0 };
  const a = Float64Array.from(values).sort();
  // nearest rank
  const q = (p: number) => a[Math.min(a.length - 1, Math.max(0, Math.ceil(p * a.length) - 1))]!;
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: a[a.length - 1]!, n: a.length };
}

/** Who is where: delegates 0..D-1 at tableOf(i), facilitators D..D+F-1 (they receive every note). */
export interface Layout {
  delegates: number;
  facilitators: number;
  tableOf: (delegate: number) => number;
  /** Recipients of a note written at table t (tablemates + facilitators, the author excluded). */
  recipients: (table: number) => number;
  /** Several server nodes (bench/cluster.ts): how many, and which one bot i is connected to. */
  nodes?: { count: number; of: (bot: number) => number };
}

export interface Delivery {
  sent: number;
  /** Notes scheduled inside the measured window. */
  sentMeasured: number;
  accepted: number;
  /** Refused with `overloaded` (not an error: the client retries later). */
  refused: number;
  /** Rejected with any other code. */
  rejected: number;
  otherCodes: Record<string, number>;
  neverAcked: number;
  ack: Summary;
  refusal: Summary;
  /** Committed fan-out, note sent -> note received, one sample per recipient of a measured note. */
  tablemates: Summary;
  facilitators: Summary;
  all: Summary;
  /** Every recipient on the author's node / on another node (all same-node without `layout.nodes`). */
  sameNode: Summary;
  crossNode: Summary;
  /** Per node: the ack of the authors connected there, and fan-out by path: `fanout[r]` to recipients on node r. */
  byNode: Array<{ ack: Summary; fanout: Summary[] }>;
  /** Receipts owed (recipients of every accepted note) and what arrived of them. */
  owed: number;
  delivered: number;
  missing: number;
  duplicates: number;
  /** The author's own note coming back in its table's frame (free in the app: its table gets the frame anyway). */
  echoes: number;
  /** A note at a delegate of another table: a scoping bug. */
  strays: number;
  /** Receipts of notes that were refused or rejected: a client shown a change that did not happen. */
  phantoms: number;
  /** Frames with notes received by all bots, per note sent. */
  framesPerNote: number;
  /** How late notes left compared with their schedule (generator lag), ms. */
  lag: Summary;
  /** When the slow notes were sent: one stall or a spread (see slowNotes). */
  slow: SlowNotes;
}

/** Notes with a delivery slower than `overMs`, by 100 ms of sending time: a stall puts them in few buckets. */
export interface SlowNotes {
  overMs: number;
  notes: number;
  buckets: number;
  /** The busiest buckets: seconds after the first measured send, and how many slow notes were sent in it. */
  worst: Array<{ atS: number; notes: number }>;
  /** The first measured send on the bench's one clock (performance.timeOrigin + now(): ms since the epoch), to line the buckets up with a server log. */
  startEpochMs: number;
}

export const SLOW_NOTE_MS = 25;

export function slowNotes(worstLatency: Float64Array, sentAt: Float64Array, from: number, overMs = SLOW_NOTE_MS): SlowNotes {
  const start = sentAt[from] ?? NaN;
  const byBucket = new Map<number, number>();
  let notes = 0;
  for (let k = from; k < worstLatency.length; k++) {
    if (!(worstLatency[k]! > overMs)) continue;
    notes++;
    const b = Math.floor((sentAt[k]! - start) / 100);
    byBucket.set(b, (byBucket.get(b) ?? 0) + 1);
  }
  const worst = [...byBucket]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([b, n]) => ({ atS: b / 10, notes: n }));
  return { overMs, notes, buckets: byBucket.size, worst, startEpochMs: start };
}

/**
 * Folds the logs of one run. Note k is written by delegate k % D at that delegate's table; a note
 * is measured when it was due at or after `measuredFrom` (a note index).
 */
export function analyse(logs: WorkerLog[], layout: Layout, total: number, measuredFrom: number): Delivery {
  const sentAt = new Float64Array(total).fill(NaN);
  const code = new Uint8Array(total); // ACK.*
  const nodes = layout.nodes ?? { count: 1, of: () => 0 };
  const ackLat: number[] = [];
  const ackByNode: number[][] = Array.from({ length: nodes.count }, () => []);
  const refusalLat: number[] = [];
  const otherCodes: Record<string, number> = {};
  let sent = 0;
  for (const log of logs) {
    for (const [c, n] of Object.entries(log.otherCodes)) otherCodes[c] = (otherCodes[c] ?? 0) + n;
    const s = log.sent;
    for (let i = 0; i < s.length; i += 4) {
      const k = s[i]!;
      sent++;
      sentAt[k] = s[i + 1]!;
      code[k] = s[i + 3]!;
      if (k < measuredFrom) continue;
      if (code[k] === ACK.ok) {
        ackLat.push(s[i + 2]! - s[i + 1]!);
        ackByNode[nodes.of(k % layout.delegates)]!.push(s[i + 2]! - s[i + 1]!);
      } else if (code[k] === ACK.overloaded) refusalLat.push(s[i + 2]! - s[i + 1]!);
    }
  }
  const D = layout.delegates;
  const got = new Uint16Array(total);
  const worstLatency = new Float64Array(total);
  const seen = new Set<number>();
  const receivers = D + layout.facilitators;
  const tm: number[] = [];
  const fac: number[] = [];
  const same: number[] = [];
  const cross: number[] = [];
  /** [author's node][recipient's node] */
  const paths: number[][][] = Array.from({ length: nodes.count }, () => Array.from({ length: nodes.count }, () => []));
  let echoes = 0;
  let duplicates = 0;
  let strays = 0;
  let phantoms = 0;
  let frames = 0;
  for (const log of logs) {
    frames += log.frames;
    const r = log.receipts;
    for (let i = 0; i < r.length; i += 3) {
      const k = r[i]!;
      const receiver = r[i + 1]!;
      const author = k % D;
      if (receiver === author) {
        echoes++;
        continue;
      }
      if (receiver < D && layout.tableOf(receiver) !== layout.tableOf(author)) {
        strays++;
        continue;
      }
      const key = k * receivers + receiver;
      if (seen.has(key)) {
        duplicates++;
        continue;
      }
      seen.add(key);
      if (code[k] !== ACK.ok) {
        phantoms++;
        continue;
      }
      got[k]!++;
      if (k >= measuredFrom) {
        const ms = r[i + 2]! - sentAt[k]!;
        (receiver < D ? tm : fac).push(ms);
        if (ms > worstLatency[k]!) worstLatency[k] = ms;
        const from = nodes.of(author);
        const to = nodes.of(receiver);
        (to === from ? same : cross).push(ms);
        paths[from]![to]!.push(ms);
      }
    }
  }
  let accepted = 0;
  let refused = 0;
  let rejected = 0;
  let neverAcked = 0;
  let owed = 0;
  let delivered = 0;
  for (let k = 0; k < total; k++) {
    if (Number.isNaN(sentAt[k]!)) continue;
    if (code[k] === ACK.ok) {
      accepted++;
      owed += layout.recipients(layout.tableOf(k % D));
      delivered += got[k]!;
    } else if (code[k] === ACK.overloaded) refused++;
    else if (code[k] === ACK.other) rejected++;
    else neverAcked++;
  }
  const lags: number[] = [];
  for (const log of logs) for (const l of log.lags) lags.push(l);
  return {
    sent,
    sentMeasured: Math.max(0, total - measuredFrom),
    accepted,
    refused,
    rejected,
    otherCodes,
    neverAcked,
    ack: summarize(ackLat),
    refusal: summarize(refusalLat),
    tablemates: summarize(tm),
    facilitators: summarize(fac),
    all: summarize(tm.concat(fac)),
    sameNode: summarize(same),
    crossNode: summarize(cross),
    byNode: paths.map((to, n) => ({ ack: summarize(ackByNode[n]!), fanout: to.map(summarize) })),
    owed,
    delivered,
    missing: owed - delivered,
    duplicates,
    echoes,
    strays,
    phantoms,
    framesPerNote: sent > 0 ? frames / sent : NaN,
    lag: summarize(lags),
    slow: slowNotes(worstLatency, sentAt, measuredFrom),
  };
}

/**
 * Sends a command until it is accepted, as the client does: an `overloaded` refusal is retried with
 * the same clientOpId after a random back-off (`onRefused` counts it); any other refusal, or the
 * 50th `overloaded`, throws with `what` in the message.
 */
export async function untilAccepted(
  send: () => Promise<Ack>,
  what: string,
  onRefused: () => void = () => {},
  backoffMs = { min: 50, spread: 200 },
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const ack = await send();
    if (ack.ok) return;
    if (ack.error.code !== 'overloaded' || attempt === 50) throw new Error(`${what}: ${ack.error.code} ${ack.error.message}`);
    onRefused();
    await new Promise((r) => setTimeout(r, backoffMs.min + Math.random() * backoffMs.spread));
  }
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Rejects with "timed out: what" when `p` takes longer than `ms`. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
    }),
  ]);
}

/** Peak (VmHWM) and current (VmRSS) resident set of a process, in MB; NaN when unavailable. */
export function rssOf(pid: number): { peakMb: number; rssMb: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return { peakMb: NaN, rssMb: NaN };
  }
}

/** utime + stime (seconds) of a /proc stat file: a process, or one thread with /proc/PID/task/TID/stat. */
function cpuOfStat(file: string): number {
  try {
    const stat = fs.readFileSync(file, 'utf8');
    // fields after the parenthesised command name; utime and stime are fields 14 and 15 (clock ticks of 10 ms)
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / 100;
  } catch {
    return NaN;
  }
}

/** CPU seconds used so far by a whole process, and by its main thread (whose tid is the pid). */
export function cpuOf(pid: number): { process: number; main: number } {
  return { process: cpuOfStat(`/proc/${pid}/stat`), main: cpuOfStat(`/proc/${pid}/task/${pid}/stat`) };
}

/**
 * Write-type syscalls of a process so far (`syscw` in /proc/PID/io: write, writev, pwrite ...), NaN
 * where unreadable. For the relay they are its socket writes; the app adds its SQLite writer's WAL
 * writes (a few per group commit), so the difference is durability, not a different job on the wire.
 */
export function writeSyscallsOf(pid: number): number {
  try {
    const m = /^syscw:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'));
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

/** CPU seconds the whole machine has been busy (all cores, from /proc/stat), to spot other load. */
export function machineBusySeconds(): number {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    const [user, nice, system, , , irq, softirq, steal] = f as [number, number, number, number, number, number, number, number];
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return NaN;
  }
}
