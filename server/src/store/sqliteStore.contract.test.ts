// The EventStore contract against SQLite: one temporary file for the suite.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { eventStoreContract } from './eventStore.contract';
import { SqliteEventStore } from './sqliteStore';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-contract-'));
const file = path.join(dir, 'contract.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

eventStoreContract('SQLite', {
  open: async () => new SqliteEventStore({ file, synchronous: 'normal' }),
  snapshotCount: async (workshopId) => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM snapshots WHERE workshop_id = ?').get(workshopId) as { n: number }).n;
    } finally {
      db.close();
    }
  },
  partRows: async (workshopId) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT seq, part, body FROM snapshot_parts WHERE workshop_id = ? ORDER BY seq, part').all(workshopId) as Array<{
        seq: number;
        part: number;
        body: string;
      }>;
    } finally {
      db.close();
    }
  },
  // the bytes on disk: the main file and its WAL (the writer checkpoints after a redaction)
  rawContents: async () => Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f))),
});
