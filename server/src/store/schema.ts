// The one place the SQLite schema and connection settings live. The main thread opens the file
// first (creating the schema) and keeps that connection for reads; the writer (a worker thread by
// default, see sqliteStore.ts) opens its own connection with openWriterConnection().
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type SyncMode = 'full' | 'normal';

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  join_code TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  workshop_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  by TEXT,
  scope TEXT,
  op_key TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (workshop_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_op ON events (workshop_id, op_key) WHERE op_key IS NOT NULL;
CREATE TABLE IF NOT EXISTS credentials (
  token_hash TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  kind TEXT NOT NULL
);
`;

/** Columns added after the first release: ALTER TABLE on files that predate them. */
const ADDED_COLUMNS: Array<{ table: string; column: string; type: string }> = [
  // delegation review links expire and can be revoked (ms since epoch; NULL = never / not revoked)
  { table: 'credentials', column: 'issued_at', type: 'INTEGER' },
  { table: 'credentials', column: 'expires_at', type: 'INTEGER' },
  { table: 'credentials', column: 'revoked_at', type: 'INTEGER' },
];

function addMissingColumns(db: Database.Database) {
  for (const { table, column, type } of ADDED_COLUMNS) {
    const cols = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>;
    if (!cols.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}

/**
 * Opens (creating if needed) the database file, switches it to WAL and creates the schema.
 * WAL lets the reader on the main thread run while the writer commits on another connection.
 */
export function openAndMigrate(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.exec(SCHEMA);
    addMissingColumns(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** The writer's connection: the file must already exist with its schema (openAndMigrate). */
export function openWriterConnection(file: string, synchronous: SyncMode): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  // FULL fsyncs the WAL at every commit (survives a power cut); NORMAL only at checkpoints
  // (survives a process kill, may lose the last commits on a power cut).
  db.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  return db;
}
