// The rules both stores apply to a group of appends, kept in one place so SQLite and PostgreSQL
// refuse exactly the same batches with the same codes.
import type { AppendBatch } from './eventStore';

/** null = stored; otherwise why this batch was not stored (plain data: it crosses threads). */
export type BatchOutcome = null | { message: string; code?: string };

/**
 * Whether a batch continues its workshop's log densely after `prev` (the stored head, or the last
 * seq accepted earlier in the same group). A room decides ahead of the log: when one of its batches
 * fails, the ones it queued after it fail here too, or the log would get a hole.
 */
export function contiguity(batch: AppendBatch, prev: number): BatchOutcome {
  const envs = batch.envelopes;
  const first = envs[0];
  if (!first) return null;
  const last = envs[envs.length - 1]!.seq;
  if (first.seq === prev + 1 && envs.every((e, i) => e.seq === first.seq + i)) return null;
  return {
    code: 'SEQ_NOT_CONTIGUOUS',
    message: `events ${first.seq}..${last} of workshop ${batch.workshopId} do not follow seq ${prev}`,
  };
}

/**
 * The contiguity check against the head this writer knows, or `'read-head'` when only the stored
 * head can decide. Within one group the seq accepted earlier (`tentative`) is the truth. Outside it
 * the cached head may be stale, because another writer (a process on the same SQLite file, another
 * node on PostgreSQL) may have appended since: a batch it refuses is checked again against the
 * stored head before the refusal stands, and with nothing cached the stored head is read at once.
 */
export function checkAgainstKnownHead(
  batch: AppendBatch,
  tentative: number | undefined,
  cached: number | undefined,
): BatchOutcome | 'read-head' {
  if (tentative !== undefined) return contiguity(batch, tentative);
  if (cached === undefined) return 'read-head';
  return contiguity(batch, cached) === null ? null : 'read-head';
}

/** The last seq a batch stores, if it has events. */
export function lastSeqOf(batch: AppendBatch): number | undefined {
  return batch.envelopes[batch.envelopes.length - 1]?.seq;
}

export function seqTaken(batch: AppendBatch, cause: string): NonNullable<BatchOutcome> {
  const first = batch.envelopes[0]?.seq;
  return { code: 'SEQ_TAKEN', message: `seq ${first} of workshop ${batch.workshopId} was stored by another writer (${cause})` };
}

export function outcomeOf(err: unknown): NonNullable<BatchOutcome> {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' ? { message: err.message, code } : { message: err.message };
  }
  return { message: String(err) };
}

export function errorOf(o: NonNullable<BatchOutcome>): Error {
  const err = new Error(o.message) as Error & { code?: string };
  if (o.code) err.code = o.code;
  return err;
}

/** An append waiting for its group's commit. */
export interface Pending {
  batch: AppendBatch;
  resolve: () => void;
  reject: (err: unknown) => void;
  /** performance.now() when handed to the writer (group-commit duration metric). */
  sentAt?: number;
}

/** Resolves or rejects each append of a group with its batch's outcome (same order). */
export function settle(group: Pending[], outcomes: BatchOutcome[]) {
  for (let i = 0; i < group.length; i++) {
    const o = outcomes[i];
    if (o === null) group[i]!.resolve();
    else group[i]!.reject(errorOf(o ?? { message: 'the writer returned no outcome for this append' }));
  }
}
