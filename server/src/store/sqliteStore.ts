// SQLite event store. Writes go to a writer with its own connection, by default on a worker
// thread (sqliteWriter.worker.ts): the fsync of a commit (ms on ordinary disks) then blocks that
// thread and not the event loop that serves every socket. The writer group-commits naturally:
// everything that queued up while the previous commit ran is written in one transaction, so one
// fsync covers many commands. An append resolves only after its transaction committed, and reads
// (on this thread's own connection: WAL lets it read while the writer writes) see it from then on.
// With synchronous=FULL a commit survives a power cut; NORMAL survives only a process kill.
// DB_WRITER=inline commits on the main thread instead (the previous design, kept for comparison).
import Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import type { DomainEvent, Envelope } from '@world-cafe/shared';
import type {
  AppendBatch,
  Credential,
  EventStore,
  InviteRecord,
  Snapshot,
  StoredCredential,
  StoredSnapshot,
  StoredEvent,
  StoredOp,
  WorkshopRecord,
  StoreLogger,
} from './eventStore';
import { consoleStoreLogger } from './eventStore';
import { openAndMigrate, openWriterConnection, type SyncMode } from './schema';
import { metrics } from '../metrics';
import { startModuleWorker } from '../moduleWorker';
import { nextTurn } from '../turns';
import { INVITE_ID_LENGTH, credentialOfRow } from './credentials';
import { SNAPSHOT_FIELDS, type SnapshotField, SqliteWriter } from './sqliteWriter';
import { type BatchOutcome, type Pending, errorOf, outcomeOf, settle } from './appendRules';
import type { FromWriter, ToWriter, WriterInit } from './sqliteWriter.worker';

export type WriterMode = 'worker' | 'inline';

export interface SqliteStoreOptions {
  file: string;
  /** 'full' (default) fsyncs every group commit; 'normal' trades power-cut safety for speed. */
  synchronous?: SyncMode;
  /** 'worker' (default): commit on a worker thread; 'inline': on the main thread. Default from DB_WRITER. */
  writer?: WriterMode;
  /** Where writer crashes are reported (default: console.error). */
  logger?: StoreLogger;
  /**
   * Tests only: hold every group this long before writing it, so a test can kill the process
   * between a command's decision and its commit (WC_TEST_COMMIT_DELAY_MS). 0 in production.
   */
  commitDelayMs?: number;
}

/** DB_WRITER=worker|inline (default worker). */
export function writerModeFromEnv(env: NodeJS.ProcessEnv = process.env): WriterMode {
  const raw = (env.DB_WRITER ?? 'worker').toLowerCase();
  if (raw !== 'worker' && raw !== 'inline') throw new Error(`DB_WRITER must be worker or inline, got ${env.DB_WRITER}`);
  return raw;
}

const CLOSE_TIMEOUT_MS = 10_000;

/** Rows per page of a log read (readStored): ~8 ms of the main thread each. */
export const READ_PAGE = 1000;

/** Snapshot parts per page of latestSnapshot (each up to SNAPSHOT_SLICE records, ~60 KB): ~2 ms a page. */
export const PARTS_PAGE = 20;

/** Op keys per page of readOps: ~3 ms of the main thread a page (60,000-event log, warm cache). */
export const OPS_PAGE = 2000;

interface EventRow {
  seq: number;
  at: number;
  by: string | null;
  scope: string | null;
  opKey: string | null;
  body: string;
}

/**
 * The pages of a long synchronous read, by keyset: `read(after, size)` gives up to `size` rows
 * whose cursor is past `after`, in cursor order; each page starts after the last row of the one
 * before, so rows stored meanwhile are read too. better-sqlite3 reads on the main thread: the
 * event loop gets a turn between pages. Ends at a short page, or once `limit` rows were read.
 */
async function* keysetPages<R>(
  read: (after: number, size: number) => R[],
  cursorOf: (row: R) => number,
  after: number,
  size: number,
  limit = Infinity,
): AsyncGenerator<R[]> {
  for (let left = limit, first = true; left > 0; first = false) {
    if (!first) await nextTurn();
    const want = Math.min(size, left);
    const rows = read(after, want);
    yield rows;
    if (rows.length < want) return;
    left -= rows.length;
    after = cursorOf(rows[rows.length - 1]!);
  }
}

export class SqliteEventStore implements EventStore {
  private db: Database.Database;
  private queue: Pending[] = [];
  private scheduled = false;
  private closed = false;
  private closing: Promise<void> | null = null;
  private readonly mode: WriterMode;
  private readonly init: WriterInit;
  private readonly logger: StoreLogger;
  private inline: { db: Database.Database; writer: SqliteWriter } | null = null;
  private thread: WriterThread | null = null;
  private threadCommitsBefore = 0;
  private stmts;
  private readonly commitDelayMs: number;

  constructor(opts: SqliteStoreOptions) {
    this.commitDelayMs = opts.commitDelayMs ?? 0;
    this.mode = opts.writer ?? writerModeFromEnv();
    this.init = { file: opts.file, synchronous: opts.synchronous ?? 'full' };
    this.logger = opts.logger ?? consoleStoreLogger;
    this.db = openAndMigrate(opts.file);
    if (this.mode === 'inline') {
      const db = openWriterConnection(opts.file, this.init.synchronous);
      this.inline = { db, writer: new SqliteWriter(db) };
    } else {
      this.db.pragma('query_only = ON'); // this connection only reads; the worker writes
      this.thread = this.spawn();
    }
    const db = this.db;
    this.stmts = {
      // LIMIT -1 = no limit
      readSince: db.prepare(
        'SELECT seq, at, by, scope, op_key AS opKey, body FROM events WHERE workshop_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      ),
      headSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM events WHERE workshop_id = ?'),
      latestSnapshot: db.prepare('SELECT seq, body FROM snapshots WHERE workshop_id = ? ORDER BY seq DESC LIMIT 1'),
      snapshotParts: db.prepare(
        'SELECT part, body FROM snapshot_parts WHERE workshop_id = ? AND seq = ? AND part > ? ORDER BY part LIMIT ?',
      ),
      hasSnapshot: db.prepare('SELECT 1 FROM snapshots WHERE workshop_id = ? AND seq = ?').pluck(),
      workshops: db.prepare('SELECT id, join_code AS joinCode, created_at AS createdAt FROM workshops ORDER BY created_at, id'),
      credentials: db.prepare(
        `SELECT token_hash AS tokenHash, workshop_id AS workshopId, participant_id AS participantId, kind,
                issued_at AS issuedAt, expires_at AS expiresAt, revoked_at AS revokedAt
           FROM credentials WHERE workshop_id = ? ORDER BY token_hash`,
      ),
      ping: db.prepare('SELECT 1'),
      readOps: db.prepare(
        'SELECT op_key AS opKey, seq FROM events WHERE workshop_id = ? AND seq > ? AND op_key IS NOT NULL ORDER BY seq LIMIT ?',
      ),
      byCode: db.prepare('SELECT id, join_code AS joinCode, created_at AS createdAt FROM workshops WHERE join_code = ?'),
      byId: db.prepare('SELECT id, join_code AS joinCode, created_at AS createdAt FROM workshops WHERE id = ?'),
      credential: db.prepare(
        'SELECT workshop_id AS workshopId, participant_id AS participantId, kind, expires_at AS expiresAt, revoked_at AS revokedAt FROM credentials WHERE token_hash = ?',
      ),
      invites: db.prepare(
        `SELECT substr(token_hash, 1, ${INVITE_ID_LENGTH}) AS id, participant_id AS delegationId, issued_at AS issuedAt,
                expires_at AS expiresAt, revoked_at AS revokedAt
           FROM credentials WHERE workshop_id = ? AND kind = 'invite' ORDER BY COALESCE(issued_at, 0), token_hash`,
      ),
    };
  }

  /** Transactions committed so far (group commits: many appends share one). For tests and stats. */
  get commits(): number {
    if (this.inline) return this.inline.writer.commits;
    return this.threadCommitsBefore + (this.thread?.commits ?? 0);
  }

  get writerMode(): WriterMode {
    return this.mode;
  }

  append(batch: AppendBatch): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate runs after the current I/O phase: everything received meanwhile goes in one
        // message. A busy workshop hands its commands over together once per publish tick
        // (WorkshopRoom.toStore in realtime/workshopRoom.ts), so they share this group commit.
        if (this.commitDelayMs > 0) setTimeout(this.flush, this.commitDelayMs);
        else setImmediate(this.flush);
      }
    });
  }

  private flush = () => {
    this.scheduled = false;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    if (this.inline) {
      const started = performance.now();
      const outcomes = this.inline.writer.write(group.map((p) => p.batch));
      metrics.groupCommit.observe(group.length, performance.now() - started);
      settle(group, outcomes);
      return;
    }
    try {
      this.thread ??= this.spawn();
      this.thread.send(group);
    } catch (err) {
      this.logger.error({ err }, 'could not hand appends to the SQLite writer thread');
      for (const p of group) p.reject(err);
    }
  };

  private spawn(): WriterThread {
    const t = new WriterThread(this.init, (thread, err) => {
      this.logger.error({ err: err.message, pending: thread.pendingCount }, 'SQLite writer thread died; its pending appends are rejected');
      if (this.thread === thread) {
        this.threadCommitsBefore += thread.commits;
        this.thread = null; // the next append starts a new writer
      }
    });
    return t;
  }

  async readSince(workshopId: string, afterSeq: number, limit?: number): Promise<Envelope[]> {
    return (await this.readStored(workshopId, afterSeq, limit)).map((r) => r.envelope);
  }

  /**
   * Read READ_PAGE rows at a time with a turn of the event loop between pages: better-sqlite3 reads
   * on the main thread, and a 50,000-event read in one go (a long catch-up, a cold load without a
   * snapshot) held every room of the server for ~420 ms (10,000: ~84 ms). Events stored while the
   * pages are read are returned too (each page starts after the last seq read).
   */
  async readStored(workshopId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    const stored: StoredEvent[] = [];
    const read = (after: number, size: number) => this.stmts.readSince.all(workshopId, after, size) as EventRow[];
    for await (const rows of keysetPages(read, (r) => r.seq, afterSeq, READ_PAGE, limit))
      for (const r of rows)
        stored.push({
          envelope: { seq: r.seq, at: r.at, by: r.by, scope: r.scope as Envelope['scope'], e: JSON.parse(r.body) as DomainEvent },
          opKey: r.opKey,
        });
    return stored;
  }

  async headSeq(workshopId: string): Promise<number> {
    return (this.stmts.headSeq.get(workshopId) as { seq: number }).seq;
  }

  /** Goes through the writer like an append (this connection only reads). */
  saveSnapshot(workshopId: string, seq: number, body: string): Promise<void> {
    return this.append({ workshopId, opKey: null, envelopes: [], snapshot: { seq, body } });
  }

  saveSnapshotPart(workshopId: string, seq: number, part: number, body: string): Promise<void> {
    return this.append({ workshopId, opKey: null, envelopes: [], snapshotPart: { seq, part, body } });
  }

  /**
   * The head, then its parts PARTS_PAGE at a time with a turn of the event loop between pages: a
   * 60,000-note snapshot's 302 parts (18 MB) read in one go held the main thread for ~140 ms. The
   * pages are one snapshot's as long as its head stays: parts are written before their head and
   * never after, and only parts whose head is gone are deleted (sqliteWriter's pruneOrphanParts).
   * So the head is looked up again after the last page; if newer snapshots pushed it out meanwhile
   * (three of them, SNAPSHOTS_KEPT), the newest is read instead.
   */
  async latestSnapshot(workshopId: string): Promise<StoredSnapshot | undefined> {
    for (;;) {
      const head = this.stmts.latestSnapshot.get(workshopId) as Snapshot | undefined;
      if (!head) return undefined;
      const parts: string[] = [];
      const read = (after: number, size: number) =>
        this.stmts.snapshotParts.all(workshopId, head.seq, after, size) as Array<{ part: number; body: string }>;
      for await (const rows of keysetPages(read, (r) => r.part, -1, PARTS_PAGE)) for (const r of rows) parts.push(r.body);
      if (this.stmts.hasSnapshot.get(workshopId, head.seq)) return { ...head, parts };
    }
  }

  async listWorkshops(): Promise<WorkshopRecord[]> {
    return this.stmts.workshops.all() as WorkshopRecord[];
  }

  async listCredentials(workshopId: string): Promise<StoredCredential[]> {
    return this.stmts.credentials.all(workshopId) as StoredCredential[];
  }

  /** The file answers a query, and in worker mode a writer thread can be (re)started. */
  async ping(): Promise<void> {
    if (this.closed) throw new Error('store closed');
    this.stmts.ping.get();
  }

  /**
   * Read OPS_PAGE rows at a time in seq order, with a turn of the event loop between pages (the
   * whole log's keys in one query held the main thread for 45-140 ms at 60,000 events); the last
   * seq of each key is its greatest.
   */
  async readOps(workshopId: string): Promise<StoredOp[]> {
    const last = new Map<string, number>();
    const read = (after: number, size: number) => this.stmts.readOps.all(workshopId, after, size) as StoredOp[];
    for await (const rows of keysetPages(read, (r) => r.seq, 0, OPS_PAGE)) for (const r of rows) last.set(r.opKey, r.seq);
    return Array.from(last, ([opKey, seq]) => ({ opKey, seq }));
  }

  async findWorkshopByCode(joinCode: string): Promise<WorkshopRecord | undefined> {
    return this.stmts.byCode.get(joinCode) as WorkshopRecord | undefined;
  }

  async findWorkshop(id: string): Promise<WorkshopRecord | undefined> {
    return this.stmts.byId.get(id) as WorkshopRecord | undefined;
  }

  async findCredential(tokenHash: string): Promise<Credential | undefined> {
    return credentialOfRow(this.stmts.credential.get(tokenHash) as Credential | undefined);
  }

  async listInvites(workshopId: string): Promise<InviteRecord[]> {
    return this.stmts.invites.all(workshopId) as InviteRecord[];
  }

  /** Commits everything appended so far, stops the writer, closes the connections. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      this.flush();
      if (this.inline) {
        this.inline.db.close();
      } else if (this.thread) {
        const t = this.thread;
        await t.close(CLOSE_TIMEOUT_MS);
        this.threadCommitsBefore += t.commits;
        this.thread = null;
      }
      this.db.close();
    })();
    return this.closing;
  }

  /** Tests only: kill the writer thread as a crash would. */
  async crashWriterForTests(): Promise<void> {
    await this.thread?.terminate();
  }
}

/** One writer worker and the appends it has been sent, in order (its replies come in the same order). */
class WriterThread {
  private worker: Worker;
  private inflight: Pending[] = [];
  private head = 0;
  private dead = false;
  private closeRequested = false;
  private exited: Promise<void>;
  commits = 0;

  constructor(
    init: WriterInit,
    private onDeath: (t: WriterThread, err: Error) => void,
  ) {
    this.worker = startWorker(init);
    this.worker.unref(); // referenced only while appends are in flight (see send)
    this.worker.on('message', (msg: FromWriter) => {
      if (msg.t === 'done') this.onDone(msg.outcomes, msg.commits);
    });
    this.worker.on('error', (err) => this.die(err));
    this.worker.on('messageerror', (err) => this.die(err));
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        if (!this.closeRequested || this.pendingCount > 0) this.die(new Error(`SQLite writer thread exited with code ${code}`));
        this.dead = true;
        resolve();
      });
    });
  }

  get pendingCount(): number {
    return this.inflight.length - this.head + this.waiting.length;
  }

  send(group: Pending[]) {
    if (this.dead) throw new Error('SQLite writer thread is not running');
    if (this.pendingCount === 0) this.worker.ref();
    // One message in flight: what arrives while the writer commits waits here and goes as ONE
    // message when that commit is done (the writer would merge it into one transaction anyway),
    // instead of one message per turn of the event loop, each costing a postMessage and a wake-up.
    if (this.posted) {
      for (const p of group) this.waiting.push(p);
      return;
    }
    this.post(group);
  }

  /** Appends held while a message was in flight (they are pending too). */
  private waiting: Pending[] = [];
  /** Whether a message awaits its `done`. */
  private posted = false;

  private post(group: Pending[]) {
    // Snapshot bodies (a head, a part of hundreds of KB) travel beside the JSON, not escaped into it.
    const bodies: Array<[number, SnapshotField, string]> = [];
    const events: Array<[number, Array<[number, string]>]> = [];
    const batches = group.map((p, i) => {
      let b = p.batch;
      for (const field of SNAPSHOT_FIELDS) {
        const snap = b[field];
        if (!snap) continue;
        bodies.push([i, field, snap.body]);
        b = { ...b, [field]: { ...snap, body: '' } };
      }
      const encoded = b.encodedEvents;
      if (encoded) {
        // the events' JSON goes beside, and the events themselves as their type alone (see ToWriter)
        events.push([i, encoded]);
        const seqs = new Set(encoded.map(([seq]) => seq));
        const envelopes = b.envelopes.map((env) => (seqs.has(env.seq) ? { ...env, e: { type: env.e.type } as Envelope['e'] } : env));
        b = { ...b, envelopes, encodedEvents: undefined };
      }
      return b;
    });
    // A JSON string crosses threads at about half the main-thread cost of a structured clone of
    // the same objects (measured: ~6 vs ~12 us per note), and the worker re-serializes bodies anyway.
    const json = JSON.stringify(batches);
    const beside = bodies.length > 0 || events.length > 0;
    this.worker.postMessage((beside ? { t: 'append', json, bodies, ...(events.length > 0 ? { events } : {}) } : json) satisfies ToWriter);
    this.posted = true;
    const now = performance.now();
    for (const p of group) {
      p.sentAt = now;
      this.inflight.push(p);
    }
  }

  private onDone(outcomes: BatchOutcome[], commits: number) {
    this.commits = commits;
    const n = Math.min(outcomes.length, this.inflight.length - this.head);
    const group = this.inflight.slice(this.head, this.head + n);
    this.head += n;
    // Compacted often: an answered append (its batch, its envelopes) kept here for a second or
    // more outlives two scavenges and dies in the old generation, where it feeds the major GCs
    // whose pauses are the latency tail (promotion measured with --trace-gc: -17 % at 1,000 notes/s).
    if (this.head > 64 && this.head * 2 > this.inflight.length) {
      this.inflight = this.inflight.slice(this.head);
      this.head = 0;
    }
    // a `done` answers every message the writer had (one transaction): none is in flight now
    this.posted = this.inflight.length > this.head;
    if (!this.posted && this.waiting.length > 0) {
      const next = this.waiting;
      this.waiting = [];
      this.post(next);
    }
    if (this.pendingCount === 0) this.worker.unref();
    if (group.length > 0) metrics.groupCommit.observe(group.length, performance.now() - (group[0]!.sentAt ?? performance.now()));
    settle(group, outcomes);
  }

  /** Rejects everything in flight (their commit is unknown: the room reloads from the log). */
  private die(err: unknown) {
    const wasDead = this.dead;
    this.dead = true;
    const e = err instanceof Error ? err : errorOf(outcomeOf(err));
    const pending = this.inflight.slice(this.head).concat(this.waiting);
    if (!wasDead || pending.length > 0) this.onDeath(this, e);
    this.inflight = [];
    this.waiting = [];
    this.head = 0;
    const failure = new Error(`SQLite writer failed: ${e.message}`, { cause: e });
    for (const p of pending) p.reject(failure);
    void this.worker.terminate();
  }

  async close(timeoutMs: number) {
    if (!this.dead) {
      this.closeRequested = true;
      this.worker.ref();
      // messages are ordered: what waits goes before `close`, and the writer commits it first
      if (this.waiting.length > 0) {
        const rest = this.waiting;
        this.waiting = [];
        this.post(rest);
      }
      this.worker.postMessage({ t: 'close' } satisfies ToWriter);
      const timer = setTimeout(() => void this.worker.terminate(), timeoutMs);
      await this.exited;
      clearTimeout(timer);
    }
  }

  async terminate() {
    await this.worker.terminate();
    await this.exited;
  }
}

/** The writer thread, on sqliteWriter.worker beside this module. */
function startWorker(init: WriterInit): Worker {
  return startModuleWorker(import.meta.url, './sqliteWriter.worker', init);
}
