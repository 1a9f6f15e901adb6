// A fresh PostgreSQL database per suite, as vitest hooks (kept apart from postgres.ts, which the
// chaos runner imports outside vitest).
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type TestDatabase, createTestDatabase } from './postgres';

export interface SuiteDatabase {
  /** The suite's database (valid inside tests, after beforeAll). */
  readonly url: string;
  /** A one-connection pool on it, for reading rows behind the store's back. */
  readonly reader: pg.Pool;
}

/** A fresh database for the calling suite: created in beforeAll, dropped (with its reader) in afterAll. */
export function useTestDatabase(): SuiteDatabase {
  let db: TestDatabase | undefined;
  let reader: pg.Pool | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    reader = new pg.Pool({ connectionString: db.url, max: 1 });
    // an idle client dropped with the database must not become an unhandled 'error'
    reader.on('error', () => {});
  });
  afterAll(async () => {
    await reader?.end();
    await db?.drop();
  });
  const must = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('useTestDatabase: used before beforeAll ran');
    return v;
  };
  return {
    get url() {
      return must(db).url;
    },
    get reader() {
      return must(reader);
    },
  };
}
