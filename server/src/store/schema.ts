// The one place the SQLite connection settings live (the schema is in migrations.ts). The main
// thread opens the file first (migrating it) and keeps that connection for reads; the writer (a worker thread by
// default, see sqliteStore.ts) opens its own connection with openWriterConnection().
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_TABLE_SQL, type MigrationResult, pendingMigrations } from './migrations';

export type SyncMode = 'full' | 'normal';

/**
 * Opens (creating if needed) the database file, switches it to WAL and applies the migrations.
 * WAL lets the reader on the main thread run while the writer commits on another connection.
 */
export function openAndMigrate(file: string): Database.Database {
  const db = openDatabase(file);
  try {
    migrateSqlite(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Opens (creating if needed) the database file in WAL mode, without touching its schema. */
export function openDatabase(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
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
  // Space freed by a rewrite or delete is overwritten with zeros, so redacted text (a deleted
  // note's) does not linger in free pages or cells of the file.
  db.pragma('secure_delete = ON');
  return db;
}

/**
 * Applies the missing migrations. BEGIN IMMEDIATE takes the write lock before reading the applied
 * versions, so two processes opening the same file apply each version once.
 */
export function migrateSqlite(db: Database.Database): MigrationResult {
  db.exec(MIGRATIONS_TABLE_SQL.sqlite);
  db.exec('BEGIN IMMEDIATE');
  try {
    const done = (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version);
    const todo = pendingMigrations(done);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of todo) {
      db.exec(m.sqlite);
      record.run(m.version, m.name, Date.now());
    }
    db.exec('COMMIT');
    return { applied: todo.map((m) => m.version), version: Math.max(0, ...done, ...todo.map((m) => m.version)) };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
