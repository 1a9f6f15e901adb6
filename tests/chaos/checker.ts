// The chaos checker: judges one trial from the clients' logs and the database's log alone.
import { type Envelope, type WorkshopState, applyEnvelopes, emptyState, viewerOf, visibleToViewer } from '@world-cafe/shared';
import type { ChaosClient } from './client';

export interface LogRow extends Envelope {
  opKey: string | null;
}

export interface Violation {
  kind: string;
  detail: string;
}

/** Reference times the nemesis recorded: writes must be acknowledged again within 5 s of each. */
export interface FaultMark {
  kind: string;
  /** When writes should be possible again (a kill: at once; a service stop: when it is back). */
  from: number;
}

export const RESUME_WITHIN_MS = 5000;

export function check(
  log: LogRow[],
  clients: ChaosClient[],
  faults: FaultMark[],
  opts: { trialEnd: number; roundDue: boolean },
): Violation[] {
  const out: Violation[] = [];
  const v = (kind: string, detail: string) => out.push({ kind, detail });

  // the log: gapless, each op key once
  log.forEach((row, i) => {
    if (row.seq !== i + 1) v('log-gap', `row ${i} has seq ${row.seq}`);
  });
  const byOp = new Map<string, LogRow[]>();
  for (const row of log) if (row.opKey) byOp.set(row.opKey, [...(byOp.get(row.opKey) ?? []), row]);

  // states before each event (for who may see it) and the round each event belongs to
  const before: WorkshopState[] = [];
  let s = emptyState();
  const endedByRound = new Map<number, number>();
  const rotatedFrom = new Map<number, number>();
  for (const row of log) {
    before.push(s);
    if (row.e.type === 'round:ended' && !row.e.early) endedByRound.set(s.round, (endedByRound.get(s.round) ?? 0) + 1);
    if (row.e.type === 'round:rotated') rotatedFrom.set(s.round, (rotatedFrom.get(s.round) ?? 0) + 1);
    s = applyEnvelopes(s, [row]);
  }
  for (const [round, n] of endedByRound) if (n > 1) v('timeup-repeated', `round ${round} timed up ${n} times`);
  for (const [round, n] of rotatedFrom) if (n > 1) v('rotation-repeated', `round ${round} rotated ${n} times`);
  if (opts.roundDue && (endedByRound.get(1) ?? 0) === 0) v('timeup-missing', 'round 1 never timed up');

  for (const c of clients) {
    // commands: every acknowledged one in the log exactly once, at the acknowledged seq
    for (const cmd of c.commands) {
      for (const a of cmd.attempts) {
        if (a.ack !== 'timeout' && !a.ack.ok && a.ack.error.code === 'internal')
          v('internal', `${c.name} ${cmd.type} got internal: ${a.ack.error.message}`);
      }
      const ok = cmd.attempts.find((a) => a.ack !== 'timeout' && a.ack.ok);
      const rows = byOp.get(cmd.opKey) ?? [];
      if (rows.length > 1 && cmd.type === 'note:create') v('op-repeated', `${cmd.opKey} stored ${rows.length} times`);
      if (!ok) continue;
      if (rows.length === 0) v('acked-lost', `${c.name} ${cmd.type} ${cmd.opKey} acknowledged but not in the log`);
      else if (ok.ack !== 'timeout' && ok.ack.ok && rows.at(-1)!.seq !== ok.ack.seq)
        v('ack-seq', `${cmd.opKey} acked at ${ok.ack.seq}, stored at ${rows.at(-1)!.seq}`);
    }
    for (const conn of c.conns)
      if (conn.error && /internal/.test(conn.error)) v('internal', `${c.name} connection ${conn.conn}: ${conn.error}`);

    // delivery: per client, events strictly after what it holds, never twice, never a state older
    // than the one it holds; every event it may see either arrives or is covered by a newer sync
    let h = 0;
    let firstSync: number | null = null;
    const received = new Set<number>();
    const covers: Array<[number, number]> = [];
    let lastConn = -1;
    let connLast = 0;
    for (const f of c.frames) {
      if (f.conn !== lastConn) {
        lastConn = f.conn;
        connLast = 0;
      }
      if (f.kind === 'snapshot' || f.kind === 'table') {
        if (firstSync === null) firstSync = f.seq;
        if (f.seq < h) v('backwards', `${c.name} conn ${f.conn}: ${f.kind} at ${f.seq} while holding ${h}`);
        else covers.push([h, f.seq]);
        h = Math.max(h, f.seq);
        connLast = Math.max(connLast, f.seq);
        continue;
      }
      if (firstSync === null) {
        v('no-base', `${c.name} got events before any snapshot`);
        firstSync = 0;
      }
      for (const seq of (f as Extract<typeof f, { seqs: number[] }>).seqs) {
        if (seq <= connLast) v('reordered', `${c.name} conn ${f.conn}: seq ${seq} after ${connLast} on one connection`);
        else if (received.has(seq) || seq <= h) v('repeated', `${c.name} conn ${f.conn}: seq ${seq} again (holds ${h})`);
        received.add(seq);
        h = Math.max(h, seq);
        connLast = Math.max(connLast, seq);
      }
    }
    if (firstSync === null) continue;
    const missed: number[] = [];
    for (const row of log) {
      if (row.seq <= firstSync || row.seq > h) continue;
      if (received.has(row.seq)) continue;
      if (!visibleToViewer(row, viewerOf(before[row.seq - 1]!, c.participantId))) continue;
      if (covers.some(([from, to]) => row.seq > from && row.seq <= to)) continue;
      missed.push(row.seq);
    }
    if (missed.length > 0) v('missed', `${c.name} never got ${missed.length} event(s) of its scope: ${missed.slice(0, 8).join(',')}`);
  }

  // availability: after each fault, a write is acknowledged again within RESUME_WITHIN_MS
  for (const r of resumeTimes(faults, clients)) {
    if (r.from + RESUME_WITHIN_MS > opts.trialEnd) continue;
    if (r.ms === null || r.ms > RESUME_WITHIN_MS)
      v(
        'no-progress',
        `${r.kind}: no write acknowledged within ${RESUME_WITHIN_MS} ms (next after ${r.ms === null ? 'never' : `${r.ms} ms`})`,
      );
  }
  return out;
}

/** For each fault mark, how long until any client's write was acknowledged again (null: never). */
export function resumeTimes(faults: FaultMark[], clients: ChaosClient[]): Array<FaultMark & { ms: number | null }> {
  const acks = clients.flatMap((c) => c.commands.flatMap((cmd) => cmd.attempts.filter((a) => a.ack !== 'timeout' && a.ack.ok)));
  return faults.map((f) => {
    const next = acks.filter((a) => a.ackAt >= f.from).reduce((m, a) => Math.min(m, a.ackAt), Infinity);
    return { ...f, ms: next === Infinity ? null : next - f.from };
  });
}

/** Whether every client that is connected holds every event of its scope in the log (settled). */
export function settled(log: LogRow[], clients: ChaosClient[]): boolean {
  const head = log.length;
  return clients.every((c) => !c.synced || c.seq >= lastVisibleSeq(log, c.participantId, head));
}

function lastVisibleSeq(log: LogRow[], pid: string, head: number): number {
  let s = emptyState();
  let last = 0;
  for (const row of log.slice(0, head)) {
    if (visibleToViewer(row, viewerOf(s, pid))) last = row.seq;
    s = applyEnvelopes(s, [row]);
  }
  return last;
}
