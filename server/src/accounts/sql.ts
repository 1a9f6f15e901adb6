// One small query surface over both dialects, so the account store is written once: `?`
// placeholders (rewritten to $1, $2, ... for PostgreSQL), rows as plain objects, and
// transactions that nothing else on the same connection can interleave with.
import type Database from 'better-sqlite3';
import type pg from 'pg';

export type Param = string | number | null;
export type Row = Record<string, unknown>;

export interface Sql {
  all<T extends Row>(sql: string, params?: Param[]): Promise<T[]>;
  /** Rows changed. */
  run(sql: string, params?: Param[]): Promise<number>;
  tx<T>(fn: (q: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function one<T extends Row>(q: Sql, sql: string, params?: Param[]): Promise<T | undefined> {
  return (await q.all<T>(sql, params))[0];
}

/** Prepared statements kept per SQLite connection (the account store's SQL is a fixed set of strings; the cap only guards). */
export const SQLITE_STATEMENTS_KEPT = 256;

/**
 * better-sqlite3 is synchronous, but a transaction body awaits between statements: every call
 * goes through one queue, so another caller's statement never lands inside someone's transaction.
 * Statements are prepared once per SQL text: preparing costs more than running (~35 µs against
 * 3–10 for the device-sighting upsert; 1,010 sightings took 38 ms prepared each time, 3–10 ms with
 * one statement), and on SQLite all of it runs on the main thread.
 */
export function sqliteSql(db: Database.Database): Sql {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => {});
    return next;
  };
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      if (statements.size >= SQLITE_STATEMENTS_KEPT) statements.clear();
      statements.set(sql, (stmt = db.prepare(sql)));
    }
    return stmt;
  };
  const direct: Sql = {
    all: async <T extends Row>(sql: string, params: Param[] = []) => prepared(sql).all(...params) as T[],
    run: async (sql, params = []) => prepared(sql).run(...params).changes,
    tx: (fn) => fn(direct),
    close: async () => {},
  };
  return {
    all: (sql, params) => serial(() => direct.all(sql, params)),
    run: (sql, params) => serial(() => direct.run(sql, params)),
    tx: (fn) =>
      serial(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const out = await fn(direct);
          db.exec('COMMIT');
          return out;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      }),
    close: () => serial(async () => void db.close()),
  };
}

const numbered = (sql: string) => {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
};

export function postgresSql(pool: pg.Pool): Sql {
  const over = (c: pg.Pool | pg.PoolClient): Omit<Sql, 'tx' | 'close'> => ({
    all: async <T extends Row>(sql: string, params: Param[] = []) => (await c.query(numbered(sql), params)).rows as T[],
    run: async (sql, params = []) => (await c.query(numbered(sql), params)).rowCount ?? 0,
  });
  return {
    ...over(pool),
    async tx(fn) {
      const client = await pool.connect();
      let failure: Error | undefined;
      try {
        await client.query('BEGIN');
        const inner: Sql = { ...over(client), tx: (f) => f(inner), close: async () => {} };
        const out = await fn(inner);
        await client.query('COMMIT');
        return out;
      } catch (err) {
        failure = err instanceof Error ? err : new Error(String(err));
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release(failure);
      }
    },
    close: () => pool.end(),
  };
}
