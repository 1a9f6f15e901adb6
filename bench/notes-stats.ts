// Bookkeeping for `npm run bench:notes`: one record per note (send time, sender, table), ack and
// fan-out latencies, delivery counts. Every bot lives in the bench process, so one shared map
// keyed by note id is enough, and all times come from the same performance.now() clock.
import fs from 'node:fs';

export interface NoteRec {
  t0: number;
  sender: number;
  table: number;
  measured: boolean;
  /** 0 = waiting, 1 = acked ok, 2 = rejected. */
  ack: 0 | 1 | 2;
  /** Tablemates that must see it (the sender excluded). */
  expected: number;
  /** Receivers (bot indexes) that saw its committed event, sender excluded. */
  seen: number[];
  /** Receivers that saw it in any form (preview or committed event), sender excluded. */
  first: number[];
}

export class Recorder {
  readonly notes = new Map<string, NoteRec>();
  measureStart = Infinity;
  measureEnd = Infinity;
  ackLat: number[] = [];
  /** Fan-out: the first time a tablemate sees the note (a preview or the committed event). */
  fanLat: number[] = [];
  /** Fan-out of the committed event alone. */
  commitFanLat: number[] = [];
  previews = 0;
  /** Previews that reached the note's own author (must be 0). */
  previewSelf = 0;
  /** A second preview of the same note at the same receiver (must be 0). */
  previewDuplicates = 0;
  sent = 0;
  sentMeasured = 0;
  acked = 0;
  errors = 0;
  errorCodes = new Map<string, number>();
  /** Tablemate deliveries received inside the measurement window (for events/s). */
  deliveriesInWindow = 0;
  deliveries = 0;
  selfEchoes = 0;
  duplicates = 0;
  unknown = 0;
  outstandingAcks = 0;
  pendingDeliveries = 0;
  /** How late the generator sent notes compared with their schedule (ms). */
  genLag: number[] = [];

  constructor(private readonly tableSize: (table: number) => number) {}

  sentNote(id: string, sender: number, table: number, measured: boolean, t0: number) {
    const expected = this.tableSize(table) - 1;
    this.notes.set(id, { t0, sender, table, measured, ack: 0, expected, seen: [], first: [] });
    this.sent++;
    if (measured) this.sentMeasured++;
    this.outstandingAcks++;
    this.pendingDeliveries += expected;
  }

  onAck(id: string, ok: boolean, code?: string) {
    const now = performance.now();
    const n = this.notes.get(id);
    if (!n || n.ack !== 0) return;
    this.outstandingAcks--;
    if (ok) {
      n.ack = 1;
      this.acked++;
      if (n.measured) this.ackLat.push(now - n.t0);
    } else {
      n.ack = 2;
      this.errors++;
      const c = code ?? 'unknown';
      this.errorCodes.set(c, (this.errorCodes.get(c) ?? 0) + 1);
      // a rejected note is never fanned out: stop waiting for whatever has not arrived
      this.pendingDeliveries -= n.expected - n.seen.length;
    }
  }

  /** A preview (no seq, before the commit): counts for first-seen fan-out only. */
  onPreview(id: string, receiver: number) {
    const now = performance.now();
    const n = this.notes.get(id);
    if (!n) {
      this.unknown++;
      return;
    }
    this.previews++;
    if (receiver === n.sender) {
      this.previewSelf++;
      return;
    }
    if (n.first.includes(receiver)) {
      // a preview after the committed event would be a server bug; two previews likewise
      this.previewDuplicates++;
      return;
    }
    this.firstSeen(n, receiver, now);
  }

  private firstSeen(n: NoteRec, receiver: number, now: number) {
    if (n.first.includes(receiver)) return;
    n.first.push(receiver);
    if (n.measured) this.fanLat.push(now - n.t0);
  }

  /** The committed event (or the relay's forward). */
  onDeliver(id: string, receiver: number) {
    const now = performance.now();
    const n = this.notes.get(id);
    if (!n) {
      this.unknown++;
      return;
    }
    if (receiver === n.sender) {
      this.selfEchoes++;
      return;
    }
    if (n.seen.includes(receiver)) {
      this.duplicates++;
      return;
    }
    n.seen.push(receiver);
    this.deliveries++;
    if (n.ack !== 2) this.pendingDeliveries--;
    if (now >= this.measureStart && now < this.measureEnd) this.deliveriesInWindow++;
    if (n.measured) this.commitFanLat.push(now - n.t0);
    this.firstSeen(n, receiver, now);
  }

  /** Deliveries still owed to tablemates for notes that were not rejected. */
  missingDeliveries(): number {
    let missing = 0;
    for (const n of this.notes.values()) if (n.ack !== 2) missing += Math.max(0, n.expected - n.seen.length);
    return missing;
  }
}

export interface Summary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}

export function summarize(values: number[]): Summary {
  if (values.length === 0) return { p50: NaN, p95: NaN, p99: NaN, max: NaN, n: 0 };
  const a = Float64Array.from(values).sort();
  // nearest rank
  const q = (p: number) => a[Math.min(a.length - 1, Math.max(0, Math.ceil(p * a.length) - 1))]!;
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: a[a.length - 1]!, n: a.length };
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

/** User + system CPU seconds a process has used so far (from /proc, clock ticks of 10 ms). */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the parenthesised command name; utime and stime are fields 14 and 15
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / 100;
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
