// The queue of commands this device has issued and the server has not yet confirmed.
// Pure functions over an array (the store holds it), plus persistence per workshop and
// participant so that a reload while offline keeps unsent work.
//
// Life of an op: queued -> sent (one at a time, in order) -> acked with a seq -> removed once
// the confirmed state has reached that seq (so the optimistic view never flickers back).
// A rejected op is removed at once. Retries reuse the clientOpId so the server dedupes.
import { commandSchema, type Command } from '@world-cafe/shared';
import { readJson, removeKey, writeJson } from '../lib/storage';
import { mayHaveReached, mergeOp } from './opMerge';

export interface PendingOp {
  cmd: Command;
  /** Set when the server acknowledged the op: the seq of the event it produced. */
  ackSeq?: number;
  /** When the ack arrived (ms), to give up waiting for an event this viewer cannot see. */
  ackedAt?: number;
  /** Emitted at least once: the server may have applied it, so it is never merged away (opMerge.ts). */
  sent?: boolean;
}

/** How long an acked op may wait for its event before we stop applying it optimistically. */
export const ACK_GRACE_MS = 15_000;

export const opsKey = (workshopId: string, participantId: string) => `wc:ops:${workshopId}:${participantId}`;

export function loadOps(workshopId: string, participantId: string): PendingOp[] {
  const raw = readJson<unknown>(opsKey(workshopId, participantId));
  if (!Array.isArray(raw)) return [];
  const ops: PendingOp[] = [];
  for (const item of raw) {
    const parsed = commandSchema.safeParse((item as { cmd?: unknown } | null)?.cmd);
    if (!parsed.success) continue;
    const ackSeq = (item as { ackSeq?: unknown }).ackSeq;
    const sent = (item as { sent?: unknown }).sent === true;
    // After a reload an acked op has either reached the state (and will be pruned on sync) or
    // will be re-sent and answered as a duplicate; either way resending is safe.
    ops.push(
      typeof ackSeq === 'number'
        ? { cmd: parsed.data, ackSeq, ackedAt: Date.now() }
        : sent
          ? { cmd: parsed.data, sent }
          : { cmd: parsed.data },
    );
  }
  return ops;
}

export function saveOps(workshopId: string, participantId: string, ops: readonly PendingOp[]): void {
  if (ops.length === 0) removeKey(opsKey(workshopId, participantId));
  else
    writeJson(
      opsKey(workshopId, participantId),
      ops.map(({ cmd, ackSeq, sent }) => (ackSeq !== undefined ? { cmd, ackSeq } : sent ? { cmd, sent } : { cmd })),
    );
}

/**
 * Adds a command, merged with the queued changes to the same note that certainly never reached
 * the server (see opMerge.ts): holding an arrow key queues one move, a note written and deleted
 * offline sends nothing.
 */
export function enqueueOp(ops: readonly PendingOp[], cmd: Command, inflightOpId: string | null): PendingOp[] {
  return mergeOp(ops, cmd, inflightOpId, (c) => ({ cmd: c }));
}

/** Marks an op as emitted: from now on the server may have it, so it is resent unchanged. */
export function markSent(ops: readonly PendingOp[], clientOpId: string): readonly PendingOp[] {
  const i = ops.findIndex((op) => op.cmd.clientOpId === clientOpId);
  if (i < 0 || mayHaveReached(ops[i]!)) return ops;
  return ops.map((op, j) => (j === i ? { ...op, sent: true } : op));
}

export function ackOp(ops: readonly PendingOp[], clientOpId: string, seq: number, now: number): PendingOp[] {
  return ops.map((op) => (op.cmd.clientOpId === clientOpId ? { ...op, ackSeq: seq, ackedAt: now } : op));
}

export function removeOp(ops: readonly PendingOp[], clientOpId: string): PendingOp[] {
  return ops.filter((op) => op.cmd.clientOpId !== clientOpId);
}

/** Drops ops whose effect is now in the confirmed state (or that waited too long for it). */
export function pruneOps(ops: readonly PendingOp[], confirmedSeq: number, now: number): readonly PendingOp[] {
  const kept = ops.filter((op) => op.ackSeq === undefined || (op.ackSeq > confirmedSeq && now - (op.ackedAt ?? now) < ACK_GRACE_MS));
  return kept.length === ops.length ? ops : kept;
}

/**
 * The next op to send: the first one not yet acknowledged, passing over the ops of notes whose
 * delete is waiting out its undo window (`held`): sending them now would show others a note, or
 * a text, that the delete is about to take back. Once the delete is queued they merge away (or,
 * if the delete is undone, go in order with the note's other ops, which were held together).
 */
export function nextToSend(ops: readonly PendingOp[], held: Readonly<Record<string, true>> = {}): PendingOp | undefined {
  return ops.find((op) => op.ackSeq === undefined && !('noteId' in op.cmd && held[op.cmd.noteId]));
}

/** What the server has not acknowledged yet, in words a delegate understands: new notes and other changes. */
export function unsentSummary(ops: readonly PendingOp[]): { notes: number; changes: number } {
  let notes = 0;
  let changes = 0;
  for (const op of ops) {
    if (op.ackSeq !== undefined) continue;
    if (op.cmd.type === 'note:create') notes++;
    else changes++;
  }
  return { notes, changes };
}

/** How many changes the user would lose if this device went away now. */
export function unsentCount(ops: readonly PendingOp[]): number {
  let n = 0;
  for (const op of ops) if (op.ackSeq === undefined) n++;
  return n;
}
