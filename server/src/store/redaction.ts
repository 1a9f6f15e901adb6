// Redaction in the store: when a batch deletes free text (a note, a cluster's name, a goal, a goal
// item; see shared/src/redaction), the stored events and snapshots that carried it are rewritten
// with the text blanked, in the same transaction as the delete, so no read after the delete's
// commit (catch-up, a cold load, an export, db:copy) can return the text. Each store finds the
// candidate rows by a substring search for the entity's id and rewrites them; what changes and
// what goes with it is decided by the shared pure functions.
import { type BodyRow, type RedactTarget, RedactionQueue, needleOf, redactEventRows, redactSnapshotBody, redactionsOf } from '@world-cafe/shared';
import type { AppendBatch } from './eventStore';

/** The free text a batch's events delete. */
export function redactionTargetsOf(batch: AppendBatch): RedactTarget[] {
  return batch.envelopes.flatMap((env) => redactionsOf(env.e));
}

/** What to rewrite for one target, given the event and snapshot rows that contain its needle. */
export function rewritesFor(t: RedactTarget, events: readonly BodyRow[], snapshots: readonly BodyRow[]) {
  const { updates, also } = redactEventRows(events, t);
  const snaps: BodyRow[] = [];
  for (const row of snapshots) {
    const body = redactSnapshotBody(row.body, t);
    if (body !== null) snaps.push({ seq: row.seq, body });
  }
  return { events: updates, snapshots: snaps, also };
}

export type Table = 'events' | 'snapshots';

/** One thing the redaction needs done on the store's connection: find candidate rows, or rewrite one. */
export type RedactionStep = { find: Table; needle: string } | { rewrite: Table; row: BodyRow };

/**
 * The redaction of `targets` as a sequence of steps (a `find` step is answered with the rows it
 * found), so SQLite runs it synchronously inside its writer's transaction and PostgreSQL with
 * awaits inside its group's transaction, from one description. Returns how many rows changed.
 */
export function* redactionSteps(targets: readonly RedactTarget[]): Generator<RedactionStep, number, BodyRow[]> {
  let rewritten = 0;
  const q = new RedactionQueue(targets);
  for (let t = q.next(); t; t = q.next()) {
    const events = yield { find: 'events', needle: needleOf(t) };
    const snapshots = yield { find: 'snapshots', needle: needleOf(t) };
    const r = rewritesFor(t, events, snapshots);
    for (const row of r.events) yield { rewrite: 'events', row };
    for (const row of r.snapshots) yield { rewrite: 'snapshots', row };
    rewritten += r.events.length + r.snapshots.length;
    q.add(r.also);
  }
  return rewritten;
}
