// PostgreSQL connection settings and migrations (the schema itself is in migrations.ts).
import pg from 'pg';
import { MIGRATIONS_TABLE_SQL, type MigrationResult, pendingMigrations } from './migrations';

/** Any 64-bit key unique to this app: nodes starting together take turns migrating. */
const MIGRATION_LOCK = 7_411_900_109;
const INT8_OID = 20;

export interface PoolOptions {
  url: string;
  /** Connections per node (default 10): one carries the group commits, the rest serve reads. */
  max?: number;
  /** How long an append or read waits for a connection before it fails (default 5 s). */
  connectTimeoutMs?: number;
  /** How long one query may take before it fails, e.g. when the server stops answering (default 15 s). */
  queryTimeoutMs?: number;
}

export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//i.test(s);
}

export function createPool(opts: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
    query_timeout: opts.queryTimeoutMs ?? 15_000,
    keepAlive: true,
    idleTimeoutMillis: 30_000,
    // BIGINT (timestamps, counts) as a number, not pg's default string: ms timestamps fit exactly.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (v: string) => Number(v) : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client the server drops (a restart, an administrator's terminate, a dropped database)
  // emits 'error' on the pool; unheard, that kills the process. The pool replaces the client on next
  // use, and a query in progress is rejected on its own, so the default is to carry on; stores that
  // log it (the event store) add their own listener.
  pool.on('error', () => {});
  return pool;
}

/**
 * Applies the missing migrations in one transaction under an advisory lock, so nodes starting at
 * the same time apply each version once (the others wait, then find nothing to do).
 */
export async function migratePostgres(pool: pg.Pool): Promise<MigrationResult> {
  const client = await pool.connect();
  let failure: Error | undefined;
  const onLost = (err: Error) => {
    failure = err;
  };
  client.on('error', onLost); // a dropped connection also rejects the query in progress
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE_SQL.postgres);
    const done = (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version);
    const todo = pendingMigrations(done);
    for (const m of todo) {
      await client.query(m.postgres);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
    }
    await client.query('COMMIT');
    return { applied: todo.map((m) => m.version), version: Math.max(0, ...done, ...todo.map((m) => m.version)) };
  } catch (err) {
    failure ??= err instanceof Error ? err : new Error(String(err));
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.off('error', onLost);
    client.release(failure); // a failed client is closed, not pooled
  }
}
