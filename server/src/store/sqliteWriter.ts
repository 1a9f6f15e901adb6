// The write side of the SQLite event store, independent of the thread it runs on: the worker
// (sqliteWriter.worker.ts, the default) and the inline store (DB_WRITER=inline) both call
// write() with every append that queued up while the previous commit ran.
import type Database from 'better-sqlite3';
import { type AppendBatch, eventBodies } from './eventStore';
import { type BatchOutcome, checkAgainstKnownHead, contiguity, lastSeqOf, outcomeOf, seqTaken } from './appendRules';
import { INVITE_ID_LENGTH } from './credentials';
import { ORPHAN_PARTS_PER_WRITE, SNAPSHOTS_KEPT } from './migrations';
import { type Table, redactionSteps, redactionTargetsOf } from './redaction';
import type { BodyRow } from '@world-cafe/shared/redaction';

/** The fields of an AppendBatch with a body that travels to the writer thread beside the batch's JSON. */
export const SNAPSHOT_FIELDS = ['snapshot', 'snapshotPart'] as const;
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

export class SqliteWriter {
  /** Transactions committed so far (one per write() call that committed). */
  commits = 0;
  /** Stored rows rewritten by redactions so far (for tests and stats). */
  redacted = 0;
  /** Set while a group's transaction redacted something: the WAL is checkpointed after its commit. */
  private redactedInGroup = false;
  /** Last stored seq per workshop, so a batch that does not continue its log is refused. */
  private lastSeq = new Map<string, number>();
  private stmts;
  private group: (batches: AppendBatch[], tentative: Map<string, number>) => BatchOutcome[];
  private one: (batch: AppendBatch) => void;

  constructor(private db: Database.Database) {
    this.stmts = {
      insertEvent: db.prepare('INSERT INTO events (workshop_id, seq, at, by, scope, op_key, body) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      insertWorkshop: db.prepare('INSERT INTO workshops (id, join_code, created_at) VALUES (?, ?, ?)'),
      insertCredential: db.prepare(
        'INSERT INTO credentials (token_hash, workshop_id, participant_id, kind, issued_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      revokeInvite: db.prepare(
        `UPDATE credentials SET revoked_at = ?
          WHERE workshop_id = ? AND kind = 'invite' AND substr(token_hash, 1, ${INVITE_ID_LENGTH}) = ? AND revoked_at IS NULL`,
      ),
      upsertSnapshot: db.prepare(
        'INSERT INTO snapshots (workshop_id, seq, body) VALUES (?, ?, ?) ON CONFLICT (workshop_id, seq) DO UPDATE SET body = excluded.body',
      ),
      pruneSnapshots: db.prepare(
        'DELETE FROM snapshots WHERE workshop_id = ? AND seq NOT IN (SELECT seq FROM snapshots WHERE workshop_id = ? ORDER BY seq DESC LIMIT ?)',
      ),
      upsertPart: db.prepare(
        'INSERT INTO snapshot_parts (workshop_id, seq, part, body) VALUES (?, ?, ?, ?) ON CONFLICT (workshop_id, seq, part) DO UPDATE SET body = excluded.body',
      ),
      // Orphan parts (of no kept head: older snapshots, or one abandoned by a crash or a deletion)
      // go two at a time with each part written, so no commit deletes MBs of them at once
      // (secure_delete zeroes what it frees). Only below the part's seq: a snapshot in progress
      // has no head yet, and its own parts must stay.
      pruneOrphanParts: db.prepare(
        `DELETE FROM snapshot_parts WHERE rowid IN (
           SELECT rowid FROM snapshot_parts WHERE workshop_id = ? AND seq < ?
              AND seq NOT IN (SELECT seq FROM snapshots WHERE workshop_id = ?) LIMIT ${ORPHAN_PARTS_PER_WRITE})`,
      ),
      maxSeq: db.prepare('SELECT MAX(seq) AS seq FROM events WHERE workshop_id = ?'),
      // a full scan of one workshop's rows: deletes are rare, and the id is in no column of its own
      findEvents: db.prepare('SELECT seq, body FROM events WHERE workshop_id = ? AND seq < ? AND instr(body, ?) > 0 ORDER BY seq'),
      findSnapshots: db.prepare('SELECT seq, body FROM snapshots WHERE workshop_id = ? AND seq < ? AND instr(body, ?) > 0'),
      findSnapshotParts: db.prepare('SELECT seq, part, body FROM snapshot_parts WHERE workshop_id = ? AND seq < ? AND instr(body, ?) > 0'),
      rewriteEvent: db.prepare('UPDATE events SET body = ? WHERE workshop_id = ? AND seq = ?'),
      rewriteSnapshot: db.prepare('UPDATE snapshots SET body = ? WHERE workshop_id = ? AND seq = ?'),
      rewritePart: db.prepare('UPDATE snapshot_parts SET body = ? WHERE workshop_id = ? AND seq = ? AND part = ?'),
    };
    // Nested better-sqlite3 transactions are savepoints: a failing batch is rolled back alone.
    this.one = db.transaction((batch: AppendBatch) => {
      if (batch.workshop) this.stmts.insertWorkshop.run(batch.workshop.id, batch.workshop.joinCode, batch.workshop.createdAt);
      if (batch.credential) {
        const c = batch.credential;
        this.stmts.insertCredential.run(
          c.tokenHash,
          c.workshopId,
          c.participantId,
          c.kind,
          c.issuedAt ?? null,
          c.expiresAt ?? null,
          c.revokedAt ?? null,
        );
      }
      if (batch.revokeInvite) this.stmts.revokeInvite.run(batch.revokeInvite.at, batch.workshopId, batch.revokeInvite.id);
      const bodies = eventBodies(batch);
      batch.envelopes.forEach((env, i) =>
        this.stmts.insertEvent.run(batch.workshopId, env.seq, env.at, env.by, env.scope, batch.opKey, bodies[i]),
      );
      if (batch.snapshot) {
        this.stmts.upsertSnapshot.run(batch.workshopId, batch.snapshot.seq, batch.snapshot.body);
        this.stmts.pruneSnapshots.run(batch.workshopId, batch.workshopId, SNAPSHOTS_KEPT);
      }
      if (batch.snapshotPart) {
        const p = batch.snapshotPart;
        this.stmts.upsertPart.run(batch.workshopId, p.seq, p.part, p.body);
        this.stmts.pruneOrphanParts.run(batch.workshopId, p.seq, batch.workshopId);
      }
      // deleted text leaves the stored events and snapshots (heads and parts) in the delete's own transaction
      const targets = redactionTargetsOf(batch);
      if (targets.length > 0) this.redact(batch.workshopId, targets);
    });
    this.group = db.transaction((batches: AppendBatch[], tentative: Map<string, number>) =>
      batches.map((b) => this.writeOne(b, tentative)),
    );
  }

  private redact(workshopId: string, targets: ReturnType<typeof redactionTargetsOf>) {
    const find = {
      events: this.stmts.findEvents,
      snapshots: this.stmts.findSnapshots,
      snapshot_parts: this.stmts.findSnapshotParts,
    } satisfies Record<Table, unknown>;
    const rewrite = {
      events: (row: BodyRow) => this.stmts.rewriteEvent.run(row.body, workshopId, row.seq),
      snapshots: (row: BodyRow) => this.stmts.rewriteSnapshot.run(row.body, workshopId, row.seq),
      snapshot_parts: (row: BodyRow) => this.stmts.rewritePart.run(row.body, workshopId, row.seq, row.part),
    } satisfies Record<Table, unknown>;
    const steps = redactionSteps(targets);
    let step = steps.next();
    while (!step.done) {
      const s = step.value;
      if ('find' in s) step = steps.next(find[s.find].all(workshopId, s.before, s.needle) as BodyRow[]);
      else {
        rewrite[s.rewrite](s.row);
        step = steps.next([]);
      }
    }
    this.redacted += step.value;
    this.redactedInGroup = true;
  }

  private storedSeq(workshopId: string): number {
    return (this.stmts.maxSeq.get(workshopId) as { seq: number | null }).seq ?? 0;
  }

  private writeOne(batch: AppendBatch, tentative: Map<string, number>): BatchOutcome {
    const w = batch.workshopId;
    const known = checkAgainstKnownHead(batch, tentative.get(w), this.lastSeq.get(w));
    const refused = known === 'read-head' ? contiguity(batch, this.storedSeq(w)) : known;
    if (refused) return refused;
    try {
      this.one(batch);
    } catch (err) {
      // Some errors (disk full, I/O) make SQLite roll back the whole transaction: the rest of the
      // group must not go on in autocommit mode, so fail the group (write() reports it to all).
      if (!this.db.inTransaction) throw err;
      const code = (err as { code?: unknown }).code;
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && /events\./.test((err as Error).message)) {
        this.lastSeq.delete(w);
        return seqTaken(batch, (err as Error).message);
      }
      return outcomeOf(err);
    }
    const last = lastSeqOf(batch);
    if (last !== undefined) tentative.set(w, last);
    return null;
  }

  /**
   * Writes all batches in ONE transaction (one fsync), each in its own savepoint: a batch that
   * violates a constraint is reported alone, the others commit. If the commit itself fails, every
   * batch gets the error and nothing was stored.
   */
  write(batches: AppendBatch[]): BatchOutcome[] {
    if (batches.length === 0) return [];
    const tentative = new Map<string, number>();
    this.redactedInGroup = false;
    let outcomes: BatchOutcome[];
    try {
      outcomes = this.group(batches, tentative);
    } catch (err) {
      this.lastSeq.clear(); // re-read from the file: it is the truth after a failed commit
      const o = outcomeOf(err);
      return batches.map(() => o);
    }
    for (const [w, seq] of tentative) this.lastSeq.set(w, seq);
    this.commits++;
    if (this.redactedInGroup) this.checkpoint();
    return outcomes;
  }

  /**
   * After a redaction the WAL still holds the pages as they were before it (the frames of the
   * commits that wrote the text). A TRUNCATE checkpoint copies the current pages into the main
   * file (where secure_delete zeroes freed space) and empties the WAL file. It waits for readers
   * (busy_timeout); if one holds it longer, the WAL is emptied at a later redaction or checkpoint.
   */
  private checkpoint() {
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // best effort: the commit itself stands, and the next checkpoint empties the WAL
    }
  }
}
