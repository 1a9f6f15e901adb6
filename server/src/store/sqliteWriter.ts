// The write side of the SQLite event store, independent of the thread it runs on: the worker
// (sqliteWriter.worker.ts, the default) and the inline store (DB_WRITER=inline) both call
// write() with every append that queued up while the previous commit ran.
import type Database from 'better-sqlite3';
import type { AppendBatch } from './eventStore';

/** null = stored; otherwise why this batch was not stored (plain data: it crosses threads). */
export type BatchOutcome = null | { message: string; code?: string };

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
        'INSERT INTO credentials (token_hash, workshop_id, participant_id, kind, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      revokeInvite: db.prepare(
        "UPDATE credentials SET revoked_at = ? WHERE workshop_id = ? AND kind = 'invite' AND substr(token_hash, 1, 16) = ? AND revoked_at IS NULL",
      ),
      maxSeq: db.prepare('SELECT MAX(seq) AS seq FROM events WHERE workshop_id = ?'),
    };
    // Nested better-sqlite3 transactions are savepoints: a failing batch is rolled back alone.
    this.one = db.transaction((batch: AppendBatch) => {
      if (batch.workshop) this.stmts.insertWorkshop.run(batch.workshop.id, batch.workshop.joinCode, batch.workshop.createdAt);
      if (batch.credential) {
        const c = batch.credential;
        this.stmts.insertCredential.run(c.tokenHash, c.workshopId, c.participantId, c.kind, c.issuedAt ?? null, c.expiresAt ?? null);
      }
      if (batch.revokeInvite) this.stmts.revokeInvite.run(batch.revokeInvite.at, batch.workshopId, batch.revokeInvite.id);
      for (const env of batch.envelopes) {
        this.stmts.insertEvent.run(batch.workshopId, env.seq, env.at, env.by, env.scope, batch.opKey, JSON.stringify(env.e));
      }
    });
    this.group = db.transaction((batches: AppendBatch[], tentative: Map<string, number>) =>
      batches.map((b) => this.writeOne(b, tentative)),
    );
  }

  private storedSeq(workshopId: string): number {
    let seq = this.lastSeq.get(workshopId);
    if (seq === undefined) {
      seq = ((this.stmts.maxSeq.get(workshopId) as { seq: number | null }).seq ?? 0);
      this.lastSeq.set(workshopId, seq);
    }
    return seq;
  }

  private writeOne(batch: AppendBatch, tentative: Map<string, number>): BatchOutcome {
    const envs = batch.envelopes;
    const first = envs[0];
    let last: number | undefined;
    if (first) {
      // A room decides ahead of the log: when one of its batches fails, the ones it queued after
      // it must fail too, or the log would get a hole. Seqs must continue the stored log densely.
      const prev = tentative.get(batch.workshopId) ?? this.storedSeq(batch.workshopId);
      last = envs[envs.length - 1]!.seq;
      if (first.seq !== prev + 1 || last !== first.seq + envs.length - 1) {
        return {
          code: 'SEQ_NOT_CONTIGUOUS',
          message: `events ${first.seq}..${last} of workshop ${batch.workshopId} do not follow seq ${prev}`,
        };
      }
    }
    try {
      this.one(batch);
    } catch (err) {
      // Some errors (disk full, I/O) make SQLite roll back the whole transaction: the rest of the
      // group must not go on in autocommit mode, so fail the group (write() reports it to all).
      if (!this.db.inTransaction) throw err;
      return outcomeOf(err);
    }
    if (last !== undefined) tentative.set(batch.workshopId, last);
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
