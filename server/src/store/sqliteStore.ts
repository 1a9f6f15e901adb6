// SQLite event store with group commit: appends that arrive in the same turn of the event loop
// are written in one transaction, so one fsync covers many commands and durability does not
// cost throughput. With synchronous=FULL a commit survives a power cut; NORMAL survives only
// a process kill (see README).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '@world-cafe/shared';
import type { AppendBatch, Credential, EventStore, StoredOp, WorkshopRecord } from './eventStore';

export interface SqliteStoreOptions {
  file: string;
  /** 'full' (default) fsyncs every group commit; 'normal' trades power-cut safety for speed. */
  synchronous?: 'full' | 'normal';
}

const SCHEMA = `
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

interface Pending {
  batch: AppendBatch;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class SqliteEventStore implements EventStore {
  private db: Database.Database;
  private queue: Pending[] = [];
  private scheduled = false;
  private closed = false;
  private stmts;

  constructor(opts: SqliteStoreOptions) {
    fs.mkdirSync(path.dirname(opts.file), { recursive: true });
    this.db = new Database(opts.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${opts.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.stmts = {
      insertEvent: this.db.prepare(
        'INSERT INTO events (workshop_id, seq, at, by, scope, op_key, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      insertWorkshop: this.db.prepare('INSERT INTO workshops (id, join_code, created_at) VALUES (?, ?, ?)'),
      insertCredential: this.db.prepare(
        'INSERT INTO credentials (token_hash, workshop_id, participant_id, kind) VALUES (?, ?, ?, ?)',
      ),
      readSince: this.db.prepare('SELECT seq, at, by, scope, body FROM events WHERE workshop_id = ? AND seq > ? ORDER BY seq'),
      readOps: this.db.prepare(
        'SELECT op_key AS opKey, MAX(seq) AS seq FROM events WHERE workshop_id = ? AND op_key IS NOT NULL GROUP BY op_key',
      ),
      byCode: this.db.prepare('SELECT id, join_code AS joinCode, created_at AS createdAt FROM workshops WHERE join_code = ?'),
      byId: this.db.prepare('SELECT id, join_code AS joinCode, created_at AS createdAt FROM workshops WHERE id = ?'),
      credential: this.db.prepare(
        'SELECT workshop_id AS workshopId, participant_id AS participantId, kind FROM credentials WHERE token_hash = ?',
      ),
    };
  }

  append(batch: AppendBatch): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate runs after the current I/O phase: everything received meanwhile joins the group.
        setImmediate(() => this.flush());
      }
    });
  }

  private writeGroup = (group: Pending[]) => {
    for (const { batch } of group) {
      if (batch.workshop) this.stmts.insertWorkshop.run(batch.workshop.id, batch.workshop.joinCode, batch.workshop.createdAt);
      if (batch.credential) {
        const c = batch.credential;
        this.stmts.insertCredential.run(c.tokenHash, c.workshopId, c.participantId, c.kind);
      }
      for (const env of batch.envelopes) {
        this.stmts.insertEvent.run(batch.workshopId, env.seq, env.at, env.by, env.scope, batch.opKey, JSON.stringify(env.e));
      }
    }
  };

  private flush() {
    this.scheduled = false;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    try {
      this.db.transaction(this.writeGroup)(group);
    } catch (err) {
      for (const p of group) p.reject(err);
      return;
    }
    for (const p of group) p.resolve();
  }

  async readSince(workshopId: string, afterSeq: number): Promise<Envelope[]> {
    const rows = this.stmts.readSince.all(workshopId, afterSeq) as Array<{
      seq: number;
      at: number;
      by: string | null;
      scope: string | null;
      body: string;
    }>;
    return rows.map((r) => ({ seq: r.seq, at: r.at, by: r.by, scope: r.scope as Envelope['scope'], e: JSON.parse(r.body) }));
  }

  async readOps(workshopId: string): Promise<StoredOp[]> {
    return this.stmts.readOps.all(workshopId) as StoredOp[];
  }

  async findWorkshopByCode(joinCode: string): Promise<WorkshopRecord | undefined> {
    return this.stmts.byCode.get(joinCode) as WorkshopRecord | undefined;
  }

  async findWorkshop(id: string): Promise<WorkshopRecord | undefined> {
    return this.stmts.byId.get(id) as WorkshopRecord | undefined;
  }

  async findCredential(tokenHash: string): Promise<Credential | undefined> {
    return this.stmts.credential.get(tokenHash) as Credential | undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.db.close();
  }
}
