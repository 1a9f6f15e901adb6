// The AccountStore contract on SQLite: one temporary file, opened by the event store (which migrates it) first.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { SqliteEventStore } from '../store/sqliteStore';
import { openAccountStore } from './accountStore';
import { accountStoreContract } from './accountStore.contract';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-accounts-'));
const file = path.join(dir, 'accounts.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

accountStoreContract('SQLite', {
  open: async () => {
    const events = new SqliteEventStore({ file, synchronous: 'normal' });
    return { events, accounts: openAccountStore(file) };
  },
  rowsOf: async (table, workshopId) => {
    const db = new Database(file, { readonly: true });
    try {
      return (
        db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${table === 'workshops' ? 'id' : 'workshop_id'} = ?`).get(workshopId) as {
          n: number;
        }
      ).n;
    } finally {
      db.close();
    }
  },
});
