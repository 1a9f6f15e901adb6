// One way to open "the" store from a location: a postgres:// URL selects PostgreSQL, anything
// else is a SQLite file. Used by the server, `npm run migrate`, `npm run db:copy` and the export CLI.
import type { EventStore, StoreLogger } from './eventStore';
import type { MigrationResult } from './migrations';
import { createPool, isPostgresUrl, migratePostgres } from './pgSchema';
import { PostgresEventStore } from './postgresStore';
import { migrateSqlite, openDatabase, type SyncMode } from './schema';
import { SqliteEventStore, type WriterMode } from './sqliteStore';

export { isPostgresUrl } from './pgSchema';

export interface OpenOptions {
  synchronous?: SyncMode;
  writer?: WriterMode;
  logger?: StoreLogger;
  /** Tests only (SQLite): see SqliteStoreOptions.commitDelayMs. */
  commitDelayMs?: number;
}

/** Opens and migrates the store at `location` (postgres://... or a SQLite file path). */
export async function openStore(location: string, opts: OpenOptions = {}): Promise<EventStore> {
  if (isPostgresUrl(location)) return PostgresEventStore.open({ url: location, logger: opts.logger });
  return new SqliteEventStore({
    file: location,
    synchronous: opts.synchronous,
    writer: opts.writer,
    logger: opts.logger,
    commitDelayMs: opts.commitDelayMs,
  });
}

/** Applies the missing migrations only (`npm run migrate`). */
export async function migrateStore(location: string): Promise<MigrationResult> {
  if (isPostgresUrl(location)) {
    const pool = createPool({ url: location, max: 1 });
    try {
      return await migratePostgres(pool);
    } finally {
      await pool.end();
    }
  }
  const db = openDatabase(location);
  try {
    return migrateSqlite(db);
  } finally {
    db.close();
  }
}
