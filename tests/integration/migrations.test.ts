// Versioned migrations on real databases: a SQLite file from before versions existed upgrades in
// place with its data, `npm run migrate` is idempotent on both dialects, nodes migrating at once
// apply each version once, and a database newer than the code is refused.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { MIGRATIONS } from '../../server/src/store/migrations';
import { migrateStore, openStore } from '../../server/src/store/openStore';
import { runCli } from '../helpers/cli';
import { type TestDatabase, createTestDatabase } from '../helpers/postgres';

// the newest version (versions may skip numbers reserved by work merged later)
const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));
const ALL = MIGRATIONS.map((m) => m.version);

// The schema SQLite files were created with before versioned migrations (server/src/store/schema.ts
// until then), kept here verbatim: files in the field look like this.
const LEGACY_SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (id TEXT PRIMARY KEY, join_code TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  workshop_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, by TEXT, scope TEXT, op_key TEXT, body TEXT NOT NULL,
  PRIMARY KEY (workshop_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_op ON events (workshop_id, op_key) WHERE op_key IS NOT NULL;
CREATE TABLE IF NOT EXISTS credentials (token_hash TEXT PRIMARY KEY, workshop_id TEXT NOT NULL, participant_id TEXT NOT NULL, kind TEXT NOT NULL);
`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-migrate-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SQLite migrations', () => {
  it('upgrades a file from before versions in place, keeping its data; npm run migrate is then a no-op', async () => {
    const dataDir = path.join(dir, 'legacy');
    fs.mkdirSync(dataDir);
    const file = path.join(dataDir, 'worldcafe.db');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec(LEGACY_SQLITE_SCHEMA);
    old.prepare('INSERT INTO workshops VALUES (?, ?, ?)').run('w1', 'ABCD2345', 1_700_000_000_000);
    old.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)').run('w1', 1, 1_700_000_000_001, 'p1', null, 'p1:op1', '{"type":"x"}');
    old.prepare('INSERT INTO credentials VALUES (?, ?, ?, ?)').run('hash1', 'w1', 'p1', 'facilitator');
    old.close();

    const first = runCli('server/src/cli/migrate.ts', [], { DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`applied ${ALL.join(', ')}; schema version ${LATEST}`);
    const again = runCli('server/src/cli/migrate.ts', [], { DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`already up to date; schema version ${LATEST}`);

    const store = await openStore(file, { writer: 'inline' });
    try {
      expect(await store.findWorkshopByCode('ABCD2345')).toEqual({ id: 'w1', joinCode: 'ABCD2345', createdAt: 1_700_000_000_000 });
      expect(await store.readOps('w1')).toEqual([{ opKey: 'p1:op1', seq: 1 }]);
      expect(await store.findCredential('hash1')).toEqual({ workshopId: 'w1', participantId: 'p1', kind: 'facilitator' });
      await store.saveSnapshotPart('w1', 1, 0, '{"part":0}'); // a table of version 8
      await store.saveSnapshot('w1', 1, '{}'); // a table of version 2
      expect(await store.latestSnapshot('w1')).toEqual({ seq: 1, body: '{}', parts: ['{"part":0}'] });
    } finally {
      await store.close();
    }
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(ALL.map((version) => ({ version })));
    db.close();
  });

  it('refuses a file migrated by a newer server', async () => {
    const file = path.join(dir, 'newer.db');
    expect((await migrateStore(file)).applied).toEqual(ALL);
    const db = new Database(file);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(LATEST + 1, 'from the future', Date.now());
    db.close();
    await expect(migrateStore(file)).rejects.toThrow(`schema version ${LATEST + 1}`);
    await expect(openStore(file, { writer: 'inline' })).rejects.toThrow(/upgrade the server/);
  });
});

describe('PostgreSQL migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('nodes migrating at once apply each version once; npm run migrate is idempotent; a newer database is refused', async () => {
    const results = await Promise.all([migrateStore(db.url), migrateStore(db.url), migrateStore(db.url)]);
    expect(results.map((r) => r.version)).toEqual([LATEST, LATEST, LATEST]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(ALL);

    const cli = runCli('server/src/cli/migrate.ts', [], { DATABASE_URL: db.url });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`already up to date; schema version ${LATEST}`);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const rows = (await client.query('SELECT version FROM schema_migrations ORDER BY version')).rows;
      expect(rows).toEqual(ALL.map((version) => ({ version })));
      await client.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [LATEST + 1, 'from the future', Date.now()]);
    } finally {
      await client.end();
    }
    await expect(migrateStore(db.url)).rejects.toThrow(/upgrade the server/);
  });
});
