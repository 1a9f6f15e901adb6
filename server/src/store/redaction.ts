// Redaction in the store: when a batch deletes free text (a note, a cluster's name, a goal, a goal
// item; see shared/src/redaction), the stored events and snapshots (heads and parts) that carried
// it are rewritten with the text blanked, in the same transaction as the delete, so no read after
// the delete's commit (catch-up, a cold load, an export, db:copy) can return the text. Each store
// finds the candidate rows by a substring search for the entity's id and rewrites them; what
// changes and what goes with it is decided by the shared pure functions.
//
// Imported from the subpath, not the package root: this runs in the SQLite writer thread, which
// should not load (and, from source, transpile) all of shared to start.
import {
  type BodyRow,
  type RedactTarget,
  RedactionQueue,
  needleOf,
  redactEventRows,
  redactSnapshotBody,
  redactionsOf,
} from '@world-cafe/shared/redaction';
import type { AppendBatch } from './eventStore';

/**
 * A delete in a batch: what it takes away, and its seq. Only rows before that seq are redacted:
 * an id can be used again after its entity was deleted (a later batch of the same group may
 * already hold a new note with the same id, and must keep its text).
 */
export interface Deletion {
  before: number;
  targets: RedactTarget[];
}

/** The deletes of free text in a batch's events. */
export function redactionTargetsOf(batch: AppendBatch): Deletion[] {
  return batch.envelopes.flatMap((env) => {
    const targets = redactionsOf(env.e);
    return targets.length > 0 ? [{ before: env.seq, targets }] : [];
  });
}

/** Snapshot rows (heads, v1 snapshots or parts: each a `{"v":…,"state":…}` body) with the target's text blanked. */
function redactSnapshotRows(rows: readonly BodyRow[], t: RedactTarget): BodyRow[] {
  const out: BodyRow[] = [];
  for (const row of rows) {
    const body = redactSnapshotBody(row.body, t);
    if (body !== null) out.push({ ...row, body });
  }
  return out;
}

/** What to rewrite for one target, given the event, snapshot and snapshot part rows that contain its needle. */
export function rewritesFor(t: RedactTarget, events: readonly BodyRow[], snapshots: readonly BodyRow[], parts: readonly BodyRow[]) {
  const { updates, also } = redactEventRows(events, t);
  return { events: updates, snapshots: redactSnapshotRows(snapshots, t), snapshot_parts: redactSnapshotRows(parts, t), also };
}

/**
 * The tables a redaction searches. A snapshot's head holds everything but the notes, participants
 * and seats (cluster names, goals); its parts hold those records (note texts). A row of
 * snapshot_parts is keyed by seq and part (BodyRow.part), the others by seq.
 */
export type Table = 'events' | 'snapshots' | 'snapshot_parts';

/** One thing the redaction needs done on the store's connection: find candidate rows, or rewrite one. */
export type RedactionStep = { find: Table; needle: string; before: number } | { rewrite: Table; row: BodyRow };

/**
 * The redaction of `targets` as a sequence of steps (a `find` step is answered with the rows it
 * found), so SQLite runs it synchronously inside its writer's transaction and PostgreSQL with
 * awaits inside its group's transaction, from one description. Returns how many rows changed.
 */
export function* redactionSteps(deletions: readonly Deletion[]): Generator<RedactionStep, number, BodyRow[]> {
  let rewritten = 0;
  for (const { before, targets } of deletions) {
    const q = new RedactionQueue(targets);
    for (let t = q.next(); t; t = q.next()) {
      const needle = needleOf(t);
      const events = yield { find: 'events', needle, before };
      const snapshots = yield { find: 'snapshots', needle, before };
      const parts = yield { find: 'snapshot_parts', needle, before };
      const r = rewritesFor(t, events, snapshots, parts);
      const tables = ['events', 'snapshots', 'snapshot_parts'] as const satisfies readonly Table[];
      for (const table of tables) {
        for (const row of r[table]) yield { rewrite: table, row };
        rewritten += r[table].length;
      }
      q.add(r.also);
    }
  }
  return rewritten;
}
