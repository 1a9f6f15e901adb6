// The write side of the SQLite event store, independent of the thread it runs on: the worker
// (sqliteWriter.worker.ts, the default) and the inline store (DB_WRITER=inline) both call
// write() with every append that queued up while the previous commit ran.
import type Database from 'better-sqlite3';
import type { AppendBatch } from './eventStore';
import { type BatchOutcome, checkAgainstKnownHead, contiguity, lastSeqOf, outcomeOf, seqTaken } from './appendRules';
import { INVITE_ID_LENGTH } from './credentials';
import { SNAPSHOTS_KEPT } from './migrations';

export class SqliteWriter {
  /** Transactions committed so far (one per write() call that committed). */
  commits = 0;
  /** Last stored seq per workshop, so a batch that does not continue its log is refused. */
  private lastSeq = new Map<string, number>();
  private stmts;
  private group: (batches: AppendBatch[], tentative: Map<string, number>) => BatchOutcome[];
  private one: (batch: AppendBatch) => void;

  constructor(private db: Database.Database) {
    this.stmts = {
      insertEvent: db.prepare(
        'INSERT INTO events (workshop_id, seq, at, by, scope, op_key, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
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
      maxSeq: db.prepare('SELECT MAX(seq) AS seq FROM events WHERE workshop_id = ?'),
    };
    // Nested better-sqlite3 transactions are savepoints: a failing batch is rolled back alone.
    this.one = db.transaction((batch: AppendBatch) => {
      if (batch.workshop) this.stmts.insertWorkshop.run(batch.workshop.id, batch.workshop.joinCode, batch.workshop.createdAt);
      if (batch.credential) {
        const c = batch.credential;
        this.stmts.insertCredential.run(c.tokenHash, c.workshopId, c.participantId, c.kind, c.issuedAt ?? null, c.expiresAt ?? null, c.revokedAt ?? null);
      }
      if (batch.revokeInvite) this.stmts.revokeInvite.run(batch.revokeInvite.at, batch.workshopId, batch.revokeInvite.id);
      for (const env of batch.envelopes) {
        this.stmts.insertEvent.run(batch.workshopId, env.seq, env.at, env.by, env.scope, batch.opKey, JSON.stringify(env.e));
      }
      if (batch.snapshot) {
        this.stmts.upsertSnapshot.run(batch.workshopId, batch.snapshot.seq, batch.snapshot.body);
        this.stmts.pruneSnapshots.run(batch.workshopId, batch.workshopId, SNAPSHOTS_KEPT);
      }
    });
    this.group = db.transaction((batches: AppendBatch[], tentative: Map<string, number>) =>
      batches.map((b) => this.writeOne(b, tentative)),
    );
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
    return outcomes;
  }
}
