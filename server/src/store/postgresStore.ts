// PostgreSQL event store (DATABASE_URL=postgres://...), for several nodes on one database.
// Writes group-commit like the SQLite writer: appends that queue up while one transaction commits
// go into the next single transaction (one round of WAL flush for many commands), with the same
// dense-seq rule per workshop. The primary key on (workshop_id, seq) is the last word between
// nodes: a seq another node stored first is refused with SEQ_TAKEN, never written twice.
// A lost connection rejects the appends in flight (never resolves them); the pool opens new
// connections on the next use, so the store recovers by itself when the database is back.
import type pg from 'pg';
import type { DomainEvent, Envelope } from '@world-cafe/shared';
import type {
  AppendBatch,
  Credential,
  EventStore,
  InviteRecord,
  StoredCredential,
  StoredSnapshot,
  StoredEvent,
  StoredOp,
  WorkshopRecord,
  StoreLogger,
} from './eventStore';
import { consoleStoreLogger, eventBodies, stringField } from './eventStore';
import {
  type BatchOutcome,
  type Pending,
  checkAgainstKnownHead,
  contiguity,
  errorOf,
  lastSeqOf,
  outcomeOf,
  seqTaken,
  settle,
} from './appendRules';
import { metrics } from '../metrics';
import { INVITE_ID_LENGTH, credentialOfRow } from './credentials';
import { ORPHAN_PARTS_PER_WRITE, SNAPSHOTS_KEPT } from './migrations';
import { type PoolOptions, createPool, migratePostgres } from './pgSchema';
import { type Table, redactionSteps, redactionTargetsOf } from './redaction';
import type { BodyRow } from '@world-cafe/shared/redaction';
import { HELD_BY_SQL } from '../cluster/leases';

export interface PostgresStoreOptions extends PoolOptions {
  logger?: StoreLogger;
}

/** SQLSTATE classes 22 (data) and 23 (integrity) concern one batch; anything else the whole group. */
const isBatchError = (err: unknown) => /^2[23]/.test(stringField(err, 'code'));
const isEventKeyClash = (err: unknown) =>
  (err as { code?: unknown; constraint?: unknown }).code === '23505' && (err as { constraint?: unknown }).constraint === 'events_pkey';

const notOwner = (b: AppendBatch): NonNullable<BatchOutcome> => ({
  code: 'NOT_OWNER',
  message: `this node does not hold the lease of workshop ${b.workshopId} (another node decides for it now)`,
});

export class PostgresEventStore implements EventStore {
  /** Transactions committed so far (group commits: many appends share one). For tests and stats. */
  commits = 0;
  private pool: pg.Pool;
  private logger: StoreLogger;
  private queue: Pending[] = [];
  private scheduled = false;
  private writing: Promise<void> | null = null;
  private closed = false;
  private closing: Promise<void> | null = null;
  /** Last stored seq per workshop as this node saw it (see checkAgainstKnownHead: other nodes write too). */
  /** Stored rows rewritten by redactions so far (for tests and stats). */
  redacted = 0;
  /** The VACUUM started after a redaction, while it runs (see vacuumSoon). */
  vacuuming: Promise<void> | null = null;
  private vacuumAgain = false;
  private lastSeq = new Map<string, number>();

  /** Opens the pool and applies the missing migrations. */
  static async open(opts: PostgresStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(opts);
    try {
      await migratePostgres(store.pool);
    } catch (err) {
      await store.pool.end().catch(() => {});
      throw err;
    }
    return store;
  }

  private constructor(opts: PostgresStoreOptions) {
    this.logger = opts.logger ?? consoleStoreLogger;
    this.pool = createPool(opts);
    // An idle connection that the server drops emits here; without a listener it would crash the process.
    this.pool.on('error', (err) =>
      this.logger.error({ err: err.message }, 'PostgreSQL connection lost (idle); the pool reconnects on next use'),
    );
  }

  append(batch: AppendBatch): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
      if (!this.scheduled && !this.writing) {
        this.scheduled = true;
        // after the current I/O phase: everything received meanwhile starts in the same transaction
        setImmediate(() => {
          this.scheduled = false;
          this.kick();
        });
      }
    });
  }

  /** Starts the write loop unless it runs; it drains the queue one transaction per round. */
  private kick() {
    if (this.writing || this.queue.length === 0) return;
    // an append can land between the loop's last look at the queue and this callback (a resolved
    // append's continuation runs first): kick again so it is not stranded
    this.writing = this.drain().finally(() => {
      this.writing = null;
      this.kick();
    });
  }

  private async drain() {
    while (this.queue.length > 0) {
      const group = this.queue;
      this.queue = [];
      try {
        const started = performance.now();
        const outcomes = await this.writeGroup(group.map((p) => p.batch));
        metrics.groupCommit.observe(group.length, performance.now() - started);
        settle(group, outcomes);
      } catch (err) {
        for (const p of group) p.reject(err);
      }
    }
  }

  private async writeGroup(batches: AppendBatch[]): Promise<BatchOutcome[]> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    // a checked-out client reports a dropped connection as an event (the pool listens only to idle
    // ones); unheard it would crash the process. The query in progress rejects as well.
    const onLost = (err: Error) => this.logger.error({ err: err.message }, 'PostgreSQL connection lost during a commit');
    client.on('error', onLost);
    try {
      await client.query('BEGIN');
      const fenced = await this.fenced(client, batches);
      const tentative = new Map<string, number>();
      const outcomes: BatchOutcome[] = [];
      for (const b of batches) {
        const o = fenced.has(b) ? notOwner(b) : await this.check(client, b, tentative);
        outcomes.push(o);
        const last = lastSeqOf(b);
        if (o === null && last !== undefined) tentative.set(b.workshopId, last);
      }
      await client.query('SAVEPOINT grp');
      try {
        // the usual case: every accepted batch in one statement per table
        await insertBatches(
          client,
          batches.filter((_, i) => outcomes[i] === null),
        );
        await client.query('RELEASE SAVEPOINT grp');
      } catch (err) {
        if (!isBatchError(err)) throw err;
        await client.query('ROLLBACK TO SAVEPOINT grp');
        // a batch broke a constraint: redo one savepoint per batch so it alone (and the later
        // batches of its workshop, by the seq rule) is refused, and the others commit
        tentative.clear();
        for (const [i, b] of batches.entries()) {
          outcomes[i] = fenced.has(b) ? notOwner(b) : await this.check(client, b, tentative);
          if (outcomes[i] !== null) continue;
          await client.query('SAVEPOINT one');
          try {
            await insertBatches(client, [b]);
            await client.query('RELEASE SAVEPOINT one');
          } catch (e) {
            if (!isBatchError(e)) throw e;
            await client.query('ROLLBACK TO SAVEPOINT one');
            if (isEventKeyClash(e)) this.lastSeq.delete(b.workshopId);
            outcomes[i] = isEventKeyClash(e) ? seqTaken(b, (e as Error).message) : outcomeOf(e);
            continue;
          }
          const last = lastSeqOf(b);
          if (last !== undefined) tentative.set(b.workshopId, last);
        }
      }
      // deleted text leaves the stored events and snapshots (heads and parts) in the delete's own transaction
      let redacted = 0;
      for (const [i, b] of batches.entries()) {
        const targets = outcomes[i] === null ? redactionTargetsOf(b) : [];
        if (targets.length > 0) redacted += await redact(client, b.workshopId, targets);
      }
      await client.query('COMMIT');
      for (const [w, seq] of tentative) this.lastSeq.set(w, seq);
      this.commits++;
      if (redacted > 0) {
        this.redacted += redacted;
        this.vacuumSoon();
      }
      return outcomes;
    } catch (err) {
      failure = err instanceof Error ? err : errorOf(outcomeOf(err));
      this.lastSeq.clear(); // the database is the truth after a failed transaction
      // a COMMIT that never answered may or may not have happened: the caller reloads from the log
      throw new Error(`PostgreSQL append failed: ${failure.message}`, { cause: failure });
    } finally {
      // a failed client is destroyed (its transaction state is unknown), not returned to the pool
      client.off('error', onLost);
      client.release(failure);
    }
  }

  /**
   * The writer fence (cluster mode): the batches whose room decides under a lease session that does
   * not hold their workshop's lock now. Checked inside the transaction, so a former owner that has
   * not noticed its loss yet appends nothing; if the lease moves while this transaction runs, the
   * new owner's first append meets these rows on the primary key and it reloads.
   */
  private async fenced(client: pg.PoolClient, batches: AppendBatch[]): Promise<Set<AppendBatch>> {
    const out = new Set<AppendBatch>();
    const byPid = new Map<number, AppendBatch[]>();
    for (const b of batches) {
      if (b.fence === undefined || b.envelopes.length === 0 || b.envelopes[0]!.seq === 1) continue;
      if (b.fence === null) out.add(b);
      else byPid.set(b.fence, [...(byPid.get(b.fence) ?? []), b]);
    }
    for (const [pid, group] of byPid) {
      const { rows } = await client.query<{ w: string }>(HELD_BY_SQL, [[...new Set(group.map((b) => b.workshopId))], pid]);
      const held = new Set(rows.map((r) => r.w));
      for (const b of group) if (!held.has(b.workshopId)) out.add(b);
    }
    return out;
  }

  private async check(client: pg.PoolClient, b: AppendBatch, tentative: Map<string, number>): Promise<BatchOutcome> {
    if (b.envelopes.length === 0) return null;
    const w = b.workshopId;
    const known = checkAgainstKnownHead(b, tentative.get(w), this.lastSeq.get(w));
    return known === 'read-head' ? contiguity(b, await this.headSeqOn(client, w)) : known;
  }

  private async headSeqOn(q: pg.Pool | pg.PoolClient, workshopId: string): Promise<number> {
    const r = await q.query<{ seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM events WHERE workshop_id = $1', [workshopId]);
    return r.rows[0]!.seq;
  }

  async readSince(workshopId: string, afterSeq: number, limit?: number): Promise<Envelope[]> {
    return (await this.readStored(workshopId, afterSeq, limit)).map((r) => r.envelope);
  }

  async readStored(workshopId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    // LIMIT NULL = no limit
    const r = await this.pool.query<{
      seq: number;
      at: number;
      by: string | null;
      scope: string | null;
      op_key: string | null;
      body: string;
    }>('SELECT seq, at, by, scope, op_key, body FROM events WHERE workshop_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [
      workshopId,
      afterSeq,
      limit ?? null,
    ]);
    return r.rows.map((row) => ({
      envelope: { seq: row.seq, at: row.at, by: row.by, scope: row.scope as Envelope['scope'], e: JSON.parse(row.body) as DomainEvent },
      opKey: row.op_key,
    }));
  }

  headSeq(workshopId: string): Promise<number> {
    return this.headSeqOn(this.pool, workshopId);
  }

  async readOps(workshopId: string): Promise<StoredOp[]> {
    const r = await this.pool.query<StoredOp>(
      'SELECT op_key AS "opKey", MAX(seq) AS seq FROM events WHERE workshop_id = $1 AND op_key IS NOT NULL GROUP BY op_key ORDER BY 2',
      [workshopId],
    );
    return r.rows;
  }

  saveSnapshot(workshopId: string, seq: number, body: string): Promise<void> {
    return this.append({ workshopId, opKey: null, envelopes: [], snapshot: { seq, body } });
  }

  saveSnapshotPart(workshopId: string, seq: number, part: number, body: string): Promise<void> {
    return this.append({ workshopId, opKey: null, envelopes: [], snapshotPart: { seq, part, body } });
  }

  async latestSnapshot(workshopId: string): Promise<StoredSnapshot | undefined> {
    // one statement: the head and its parts as of one commit
    const r = await this.pool.query<StoredSnapshot>(
      `SELECT h.seq, h.body,
              COALESCE((SELECT array_agg(p.body ORDER BY p.part) FROM snapshot_parts p WHERE p.workshop_id = $1 AND p.seq = h.seq), '{}') AS parts
         FROM (SELECT seq, body FROM snapshots WHERE workshop_id = $1 ORDER BY seq DESC LIMIT 1) h`,
      [workshopId],
    );
    return r.rows[0];
  }

  async findWorkshopByCode(joinCode: string): Promise<WorkshopRecord | undefined> {
    const r = await this.pool.query<WorkshopRecord>(`${WORKSHOP_COLUMNS} WHERE join_code = $1`, [joinCode]);
    return r.rows[0];
  }

  async findWorkshop(id: string): Promise<WorkshopRecord | undefined> {
    const r = await this.pool.query<WorkshopRecord>(`${WORKSHOP_COLUMNS} WHERE id = $1`, [id]);
    return r.rows[0];
  }

  async listWorkshops(): Promise<WorkshopRecord[]> {
    return (await this.pool.query<WorkshopRecord>(`${WORKSHOP_COLUMNS} ORDER BY created_at, id`)).rows;
  }

  async findCredential(tokenHash: string): Promise<Credential | undefined> {
    const r = await this.pool.query<Credential>(
      `SELECT workshop_id AS "workshopId", participant_id AS "participantId", kind, expires_at AS "expiresAt", revoked_at AS "revokedAt"
         FROM credentials WHERE token_hash = $1`,
      [tokenHash],
    );
    return credentialOfRow(r.rows[0]);
  }

  async listCredentials(workshopId: string): Promise<StoredCredential[]> {
    const r = await this.pool.query<StoredCredential>(
      `SELECT token_hash AS "tokenHash", workshop_id AS "workshopId", participant_id AS "participantId", kind,
              issued_at AS "issuedAt", expires_at AS "expiresAt", revoked_at AS "revokedAt"
         FROM credentials WHERE workshop_id = $1 ORDER BY token_hash`,
      [workshopId],
    );
    return r.rows;
  }

  async listInvites(workshopId: string): Promise<InviteRecord[]> {
    const r = await this.pool.query<InviteRecord>(
      `SELECT substr(token_hash, 1, ${INVITE_ID_LENGTH}) AS id, participant_id AS "delegationId", issued_at AS "issuedAt",
              expires_at AS "expiresAt", revoked_at AS "revokedAt"
         FROM credentials WHERE workshop_id = $1 AND kind = 'invite' ORDER BY COALESCE(issued_at, 0), token_hash`,
      [workshopId],
    );
    return r.rows;
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('store closed');
    await this.pool.query('SELECT 1');
  }

  /**
   * The row versions a redaction replaced stay in the table as dead tuples (no query can see them,
   * but their bytes are in the data files) until VACUUM removes them. One runs after every commit
   * that redacted, one at a time (a redaction during a run queues one more). VACUUM cannot run in
   * a transaction, so it is outside the delete's; autovacuum would get there too, later.
   */
  private vacuumSoon() {
    if (this.vacuuming) {
      this.vacuumAgain = true;
      return;
    }
    this.vacuuming = (async () => {
      do {
        this.vacuumAgain = false;
        try {
          await this.pool.query('VACUUM events, snapshots, snapshot_parts');
        } catch (err) {
          this.logger.error(
            { err: (err as Error).message },
            'VACUUM after a redaction failed; autovacuum will remove the old row versions',
          );
        }
      } while (this.vacuumAgain && !this.closed);
    })().finally(() => {
      this.vacuuming = null;
    });
  }

  /** Commits everything appended so far, then closes the pool. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      this.kick();
      while (this.writing) await this.writing;
      while (this.vacuuming) await this.vacuuming;
      await this.pool.end();
    })();
    return this.closing;
  }
}

/** The key columns of a table a redaction rewrites (besides workshop_id), as BodyRow names them. */
const KEY_OF = { events: ['seq'], snapshots: ['seq'], snapshot_parts: ['seq', 'part'] } as const satisfies Record<
  Table,
  ReadonlyArray<keyof BodyRow>
>;

/** Runs the redaction of `targets` on the group's connection, inside its transaction. */
async function redact(client: pg.PoolClient, workshopId: string, targets: ReturnType<typeof redactionTargetsOf>): Promise<number> {
  const steps = redactionSteps(targets);
  let step = steps.next();
  while (!step.done) {
    const s = step.value;
    if ('find' in s) {
      // strpos on the text body: a scan of one workshop's rows (deletes are rare)
      const r = await client.query<BodyRow>(
        `SELECT ${KEY_OF[s.find].join(', ')}, body FROM ${s.find} WHERE workshop_id = $1 AND seq < $2 AND strpos(body, $3) > 0`,
        [workshopId, s.before, s.needle],
      );
      step = steps.next(r.rows);
    } else {
      const key = KEY_OF[s.rewrite];
      const where = key.map((column, i) => `${column} = $${i + 3}`).join(' AND ');
      await client.query(`UPDATE ${s.rewrite} SET body = $1 WHERE workshop_id = $2 AND ${where}`, [
        s.row.body,
        workshopId,
        ...key.map((column) => s.row[column]),
      ]);
      step = steps.next([]);
    }
  }
  return step.value;
}

const WORKSHOP_COLUMNS = 'SELECT id, join_code AS "joinCode", created_at AS "createdAt" FROM workshops';

/** One multi-row INSERT per table (unnest of arrays) for all the batches. */
async function insertBatches(client: pg.PoolClient, batches: AppendBatch[]): Promise<void> {
  const workshops = batches.flatMap((b) => (b.workshop ? [b.workshop] : []));
  if (workshops.length > 0) {
    await client.query('INSERT INTO workshops (id, join_code, created_at) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])', [
      workshops.map((w) => w.id),
      workshops.map((w) => w.joinCode),
      workshops.map((w) => w.createdAt),
    ]);
  }
  const creds = batches.flatMap((b) => (b.credential ? [b.credential] : []));
  if (creds.length > 0) {
    await client.query(
      `INSERT INTO credentials (token_hash, workshop_id, participant_id, kind, issued_at, expires_at, revoked_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[])`,
      [
        creds.map((c) => c.tokenHash),
        creds.map((c) => c.workshopId),
        creds.map((c) => c.participantId),
        creds.map((c) => c.kind),
        creds.map((c) => c.issuedAt ?? null),
        creds.map((c) => c.expiresAt ?? null),
        creds.map((c) => c.revokedAt ?? null),
      ],
    );
  }
  // after the credentials: a batch may revoke a link issued earlier in the same group
  for (const b of batches) {
    if (!b.revokeInvite) continue;
    await client.query(
      `UPDATE credentials SET revoked_at = $1
        WHERE workshop_id = $2 AND kind = 'invite' AND substr(token_hash, 1, ${INVITE_ID_LENGTH}) = $3 AND revoked_at IS NULL`,
      [b.revokeInvite.at, b.workshopId, b.revokeInvite.id],
    );
  }
  const rows = batches.flatMap((b) => {
    const bodies = eventBodies(b);
    return b.envelopes.map((env, i) => ({ w: b.workshopId, opKey: b.opKey, env, body: bodies[i]! }));
  });
  if (rows.length > 0) {
    await client.query(
      'INSERT INTO events (workshop_id, seq, at, by, scope, op_key, body) SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[])',
      [
        rows.map((r) => r.w),
        rows.map((r) => r.env.seq),
        rows.map((r) => r.env.at),
        rows.map((r) => r.env.by),
        rows.map((r) => r.env.scope),
        rows.map((r) => r.opKey),
        rows.map((r) => r.body),
      ],
    );
  }
  for (const b of batches) {
    if (!b.snapshot) continue;
    await client.query(
      'INSERT INTO snapshots (workshop_id, seq, body) VALUES ($1, $2, $3) ON CONFLICT (workshop_id, seq) DO UPDATE SET body = excluded.body',
      [b.workshopId, b.snapshot.seq, b.snapshot.body],
    );
    await client.query(
      'DELETE FROM snapshots WHERE workshop_id = $1 AND seq NOT IN (SELECT seq FROM snapshots WHERE workshop_id = $1 ORDER BY seq DESC LIMIT $2)',
      [b.workshopId, SNAPSHOTS_KEPT],
    );
  }
  for (const b of batches) {
    if (!b.snapshotPart) continue;
    const p = b.snapshotPart;
    await client.query(
      'INSERT INTO snapshot_parts (workshop_id, seq, part, body) VALUES ($1, $2, $3, $4) ON CONFLICT (workshop_id, seq, part) DO UPDATE SET body = excluded.body',
      [b.workshopId, p.seq, p.part, p.body],
    );
    // orphan parts (of no kept head) go a few at a time, so no commit deletes MBs at once; only
    // below this part's seq, since a snapshot in progress has no head yet (see sqliteWriter.ts)
    await client.query(
      `DELETE FROM snapshot_parts WHERE (workshop_id, seq, part) IN (
         SELECT workshop_id, seq, part FROM snapshot_parts WHERE workshop_id = $1 AND seq < $2
            AND seq NOT IN (SELECT seq FROM snapshots WHERE workshop_id = $1) LIMIT ${ORPHAN_PARTS_PER_WRITE})`,
      [b.workshopId, p.seq],
    );
  }
}
