import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '@world-cafe/shared';
import type { AppendBatch } from './eventStore';
import { OPS_PAGE, PARTS_PAGE, READ_PAGE, SqliteEventStore, type WriterMode } from './sqliteStore';

const dirs: string[] = [];
const stores: SqliteEventStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-store-'));
  dirs.push(dir);
  return path.join(dir, 'test.db');
}

function open(writer: WriterMode, file = tempFile()): SqliteEventStore {
  const store = new SqliteEventStore({ file, writer, synchronous: 'normal', logger: { error: () => {} } });
  stores.push(store);
  return store;
}

// The store does not look inside events: any JSON body will do.
const env = (seq: number, text = `note ${seq}`): Envelope =>
  ({ seq, at: 1_700_000_000_000 + seq, by: 'p1', scope: 't:t1', e: { type: 'note:text', noteId: `n${seq}`, text } }) as unknown as Envelope;

const batch = (workshopId: string, seqs: number[], opKey: string | null = `op-${workshopId}-${seqs[0]}`): AppendBatch => ({
  workshopId,
  opKey,
  envelopes: seqs.map((s) => env(s)),
});

describe.each(['worker', 'inline'] as const)('SqliteEventStore (writer: %s)', (mode) => {
  it('appends made in one turn share one commit; each turn after goes at once', async () => {
    const store = open(mode);
    const nextTurn = () => new Promise<void>((r) => setImmediate(r));
    await store.append(batch('w1', [1])); // creates the writer: not measured
    let before = store.commits;
    await Promise.all([store.append(batch('w2', [1])), store.append(batch('w2', [2])), store.append(batch('w2', [3]))]);
    expect(store.commits - before).toBe(1);
    // nothing waits for company: an append a turn later is its own commit
    await new Promise((r) => setTimeout(r, 30));
    before = store.commits;
    const apart = [store.append(batch('w3', [1]))];
    await nextTurn();
    await nextTurn();
    apart.push(store.append(batch('w3', [2])));
    await Promise.all(apart);
    expect(store.commits - before).toBe(2);
  });

  it('writes an event already encoded (encodedEvents) as given, the others as serialised', async () => {
    const file = tempFile();
    const store = open(mode, file);
    const b = batch('w1', [1, 2]);
    // the same event in another key order: the stored row is the given text, not a serialisation
    const given = '{"text":"note 1","noteId":"n1","type":"note:text"}';
    await store.append({ ...b, encodedEvents: [[1, given]] });
    expect(b.envelopes[0]!.e).toEqual(env(1).e); // the caller's envelope is left as it was
    expect(await store.readSince('w1', 0)).toEqual([env(1), env(2)]);
    const db = new Database(file, { readonly: true });
    const bodies = db.prepare('SELECT seq, body FROM events WHERE workshop_id = ? ORDER BY seq').all('w1') as Array<{
      seq: number;
      body: string;
    }>;
    db.close();
    expect(bodies).toEqual([
      { seq: 1, body: given },
      { seq: 2, body: JSON.stringify(env(2).e) },
    ]);
  });

  it('keeps append order and a read after an acknowledged append sees it', async () => {
    const store = open(mode);
    expect(store.writerMode).toBe(mode);
    for (let seq = 1; seq <= 20; seq++) {
      await store.append(batch('w1', [seq]));
      const after = await store.readSince('w1', seq - 1);
      expect(after.map((e) => e.seq)).toEqual([seq]);
    }
    // many in flight at once, several events per batch: stored in append order, bodies intact
    const pending = [];
    for (let seq = 21; seq <= 220; seq += 2) pending.push(store.append(batch('w1', [seq, seq + 1])));
    await Promise.all(pending);
    const all = await store.readSince('w1', 0);
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 220 }, (_, i) => i + 1));
    expect(all[7]).toEqual(env(8));
    const ops = await store.readOps('w1');
    expect(ops).toContainEqual({ opKey: 'op-w1-21', seq: 22 });
  });

  it('group-commits many concurrent appends into few transactions', async () => {
    const store = open(mode);
    await store.append(batch('warm', [1]));
    const before = store.commits;
    const n = 600;
    const next = new Map<string, number>();
    const all = Array.from({ length: n }, (_, i) => {
      const w = `w${i % 12}`;
      const seq = (next.get(w) ?? 0) + 1;
      next.set(w, seq);
      return store.append(batch(w, [seq]));
    });
    await Promise.all(all);
    const used = store.commits - before;
    expect(used).toBeGreaterThanOrEqual(1);
    expect(used).toBeLessThanOrEqual(mode === 'inline' ? 1 : 10);
    for (const [w, last] of next) expect((await store.readSince(w, 0)).length).toBe(last);
  });

  it('rejects a batch that violates a constraint, alone, and keeps the log dense', async () => {
    const store = open(mode);
    const workshop = { id: 'w1', joinCode: 'ABCD', createdAt: 1 };
    await store.append({ ...batch('w1', [1]), workshop });
    // same turn: a duplicate join code (UNIQUE), a good batch elsewhere, a duplicate token (PRIMARY KEY)
    const cred = { tokenHash: 'h1', workshopId: 'w2', participantId: 'p1', kind: 'participant' as const };
    await store.append({ ...batch('w2', [1]), credential: cred });
    const results = await Promise.allSettled([
      store.append({ ...batch('w3', [1]), workshop: { id: 'w3', joinCode: 'ABCD', createdAt: 2 } }),
      store.append(batch('w2', [2])),
      store.append({ ...batch('w4', [1]), credential: cred }),
    ]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { code: 'SQLITE_CONSTRAINT_UNIQUE' } });
    expect(results[1]).toMatchObject({ status: 'fulfilled' });
    expect(results[2]).toMatchObject({ status: 'rejected', reason: { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' } });
    expect(await store.readSince('w3', 0)).toEqual([]); // rolled back with its batch
    expect(await store.findWorkshop('w3')).toBeUndefined();
    expect(await store.findCredential('h1')).toEqual({ workshopId: 'w2', participantId: 'p1', kind: 'participant' });

    // a duplicate (workshop, seq) fails; a batch that fails on a constraint fails alone, but what
    // was queued behind it for the same workshop fails too, as it would leave a hole in the log
    const dup = await Promise.allSettled([
      store.append(batch('w2', [2])),
      store.append({ ...batch('w2', [3]), credential: cred }),
      store.append(batch('w2', [4])),
      store.append(batch('w5', [1])),
    ]);
    expect(dup[0]).toMatchObject({ status: 'rejected', reason: { code: 'SEQ_NOT_CONTIGUOUS' } });
    expect(dup[1]).toMatchObject({ status: 'rejected', reason: { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' } });
    expect(dup[2]).toMatchObject({ status: 'rejected', reason: { code: 'SEQ_NOT_CONTIGUOUS' } });
    expect(dup[3]).toMatchObject({ status: 'fulfilled' });
    await store.append(batch('w2', [3])); // the true continuation is fine
    expect((await store.readSince('w2', 0)).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('close() commits what was appended and the next open reads it; appends after close reject', async () => {
    const file = tempFile();
    const store = open(mode, file);
    const p = store.append({ ...batch('w1', [1, 2]), workshop: { id: 'w1', joinCode: 'XYZ', createdAt: 5 } });
    await store.close();
    await p;
    await expect(store.append(batch('w1', [3]))).rejects.toThrow(/closed/);
    const again = open(mode, file);
    expect(await again.findWorkshopByCode('XYZ')).toEqual({ id: 'w1', joinCode: 'XYZ', createdAt: 5 });
    expect((await again.readSince('w1', 0)).map((e) => e.seq)).toEqual([1, 2]);
    await again.append(batch('w1', [3]));
  });
});

describe('SqliteEventStore worker crash', () => {
  it('rejects the appends in flight, logs, and starts a new writer for the next append', async () => {
    const logged: string[] = [];
    const store = new SqliteEventStore({ file: tempFile(), writer: 'worker', logger: { error: (_o, msg) => logged.push(msg) } });
    stores.push(store);
    await store.append(batch('w1', [1]));
    const inFlight = Array.from({ length: 50 }, (_, i) => store.append(batch('w1', [i + 2])));
    await new Promise((r) => setImmediate(r)); // handed to the worker
    await store.crashWriterForTests();
    const settled = await Promise.allSettled(inFlight);
    // whatever was not confirmed before the crash is rejected (its commit is unknown to the caller)
    expect(settled.some((s) => s.status === 'rejected')).toBe(true);
    expect(logged.some((m) => /writer thread died/.test(m))).toBe(true);
    // the log is the truth: continue from what it holds, on a fresh writer
    const head = (await store.readSince('w1', 0)).length;
    await store.append(batch('w1', [head + 1]));
    expect((await store.readSince('w1', 0)).length).toBe(head + 1);
  });
});

// Review links' lifetime and revocation are in the EventStore contract (eventStore.contract.ts).

it('opens a database made before review links expired: migration 3 adds the columns, old links have no lifetime', async () => {
  const file = tempFile();
  const Database = (await import('better-sqlite3')).default;
  const old = new Database(file);
  old.exec(`CREATE TABLE credentials (token_hash TEXT PRIMARY KEY, workshop_id TEXT NOT NULL, participant_id TEXT NOT NULL, kind TEXT NOT NULL);
    INSERT INTO credentials VALUES ('old-invite-hash-xxxxxxxx', 'w1', 'th', 'invite');`);
  old.close();
  const store = open('inline', file);
  expect(await store.findCredential('old-invite-hash-xxxxxxxx')).toEqual({
    workshopId: 'w1',
    participantId: 'th',
    kind: 'invite',
    expiresAt: null,
    revokedAt: null,
  });
  expect(await store.listInvites('w1')).toEqual([
    { id: 'old-invite-hash-', delegationId: 'th', issuedAt: null, expiresAt: null, revokedAt: null },
  ]);
});

/** A turn of the loop happened while `work` ran (a read in one go resolves before any). */
async function turnsDuring(work: Promise<unknown>): Promise<boolean> {
  let turned = false;
  setImmediate(() => (turned = true));
  await work;
  return turned;
}

describe('SqliteEventStore reads', () => {
  const stored = 2 * READ_PAGE + 500;
  /** A store holding `stored` events of one workshop, appended READ_PAGE at a time. */
  async function filled() {
    const store = open('worker');
    for (let first = 1; first <= stored; first += READ_PAGE) {
      const seqs = Array.from({ length: Math.min(READ_PAGE, stored - first + 1) }, (_, i) => first + i);
      await store.append(batch('w1', seqs, null));
    }
    return store;
  }
  const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

  it.each([
    { after: 0, limit: undefined, seqs: range(1, stored) },
    { after: READ_PAGE - 1, limit: undefined, seqs: range(READ_PAGE, stored - READ_PAGE + 1) },
    { after: 0, limit: READ_PAGE + 7, seqs: range(1, READ_PAGE + 7) },
    { after: 10, limit: 2 * READ_PAGE, seqs: range(11, 2 * READ_PAGE) },
    { after: stored - 3, limit: READ_PAGE, seqs: range(stored - 2, 3) },
    { after: stored, limit: undefined, seqs: [] },
    { after: 0, limit: 0, seqs: [] },
  ])('after $after, limit $limit: every event in order, across pages', async ({ after, limit, seqs }) => {
    const store = await filled();
    expect((await store.readSince('w1', after, limit)).map((e) => e.seq)).toEqual(seqs);
  });

  it('lets the event loop turn between pages of a long read', async () => {
    const store = await filled();
    expect(await turnsDuring(store.readSince('w1', 0))).toBe(true);
    expect(await turnsDuring(store.readSince('w1', stored - 10))).toBe(false); // one page: no turn needed
  });
});

describe('SqliteEventStore paged loads', () => {
  async function saveSnapshot(store: SqliteEventStore, seq: number, parts: number) {
    for (let part = 0; part < parts; part++) await store.saveSnapshotPart('w1', seq, part, `{"seq":${seq},"part":${part}}`);
    await store.saveSnapshot('w1', seq, `{"head":${seq}}`);
  }

  it.each([
    { parts: 1, turns: false },
    { parts: PARTS_PAGE - 1, turns: false },
    { parts: 3 * PARTS_PAGE + 2, turns: true },
  ])('latestSnapshot of $parts parts: every part in part order; a turn of the loop between pages: $turns', async ({ parts, turns }) => {
    const store = open('worker');
    await saveSnapshot(store, 5, 2);
    await saveSnapshot(store, 9, parts);
    const read = store.latestSnapshot('w1');
    expect(await turnsDuring(read)).toBe(turns);
    const snap = (await read)!;
    expect(snap.seq).toBe(9);
    expect(snap.body).toBe('{"head":9}');
    expect(snap.parts).toEqual(Array.from({ length: parts }, (_, part) => `{"seq":9,"part":${part}}`));
  });

  it('latestSnapshot whose head is pushed out while its pages are read reads the newest instead, whole', async () => {
    const store = open('inline');
    const parts = 10 * PARTS_PAGE;
    await saveSnapshot(store, 10, parts);
    const read = store.latestSnapshot('w1');
    // three newer snapshots while the pages are read: the first is no longer among the kept ones,
    // and the orphan pruning (two parts per part written) deletes some of its parts
    await saveSnapshot(store, 20, 1);
    await saveSnapshot(store, 30, 1);
    await saveSnapshot(store, 40, 1);
    // without the head's check after the last page, this was the old head with only some of its parts
    const snap = (await read)!;
    expect(snap.seq).toBe(40);
    expect(snap.parts).toEqual(['{"seq":40,"part":0}']);
    // and a read that starts now gets the same
    expect((await store.latestSnapshot('w1'))!.seq).toBe(40);
  });

  it('readOps across pages: the last seq of each key, in seq order, with turns of the loop between pages', async () => {
    const store = open('worker');
    const keys = 2 * OPS_PAGE + 300;
    // one key per batch of two events (its last seq is the second), and a key used again later
    // whose first use falls in the first page and its last in the last
    for (let first = 0; first < keys; first += 500) {
      const batches = [];
      for (let k = first; k < Math.min(keys, first + 500); k++)
        batches.push(store.append(batch('w1', [2 * k + 1, 2 * k + 2], `p1:op-${k}`)));
      await Promise.all(batches);
    }
    await store.append(batch('w1', [2 * keys + 1], 'p1:op-3'));
    const read = store.readOps('w1');
    expect(await turnsDuring(read)).toBe(true);
    const ops = await read;
    expect(ops).toHaveLength(keys);
    expect(ops.find((o) => o.opKey === 'p1:op-3')).toEqual({ opKey: 'p1:op-3', seq: 2 * keys + 1 });
    expect(ops.find((o) => o.opKey === `p1:op-${keys - 1}`)).toEqual({ opKey: `p1:op-${keys - 1}`, seq: 2 * keys });
    // the order of first use: what the op window keeps the newest of
    expect(ops.slice(0, 5).map((o) => o.opKey)).toEqual(['p1:op-0', 'p1:op-1', 'p1:op-2', 'p1:op-3', 'p1:op-4']);
    expect(await turnsDuring(open('worker').readOps('w1'))).toBe(false);
  });
});
