// The EventStore contract: what the engine relies on from any store. Run against SQLite
// (sqliteStore.contract.test.ts) and PostgreSQL (tests/integration/postgresStore.test.ts).
// Workshop ids are unique per test, so one database serves the whole suite.
import { INVITE_ID_LENGTH } from './credentials';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type Envelope, type WorkshopState, emptyState } from '@world-cafe/shared';
import { standardWorkshop } from '@world-cafe/shared/testing';
import type { AppendBatch, EventStore } from './eventStore';
import { ORPHAN_PARTS_PER_WRITE, SNAPSHOTS_KEPT } from './migrations';
import { SnapshotCapture, loadCommitted } from '../realtime/committedView';

export type ContractStore = EventStore & { readonly commits: number };

export interface ContractHarness {
  /** A store on the suite's database; called twice, it gives two writers on one database (two nodes). */
  open(): Promise<ContractStore>;
  /** How many snapshots (heads) the database holds for a workshop (read beside the store). */
  snapshotCount(workshopId: string): Promise<number>;
  /** The snapshot parts the database holds for a workshop, by seq and part (read beside the store). */
  partRows(workshopId: string): Promise<Array<{ seq: number; part: number; body: string }>>;
  /**
   * Everything the database holds, as raw as the harness can read it (SQLite: the bytes of the
   * file and its WAL; PostgreSQL: every row of events, snapshots and snapshot parts), once the store says its
   * clean-up after a redaction is done.
   */
  rawContents(store: ContractStore): Promise<Buffer>;
}

// The store does not look inside events: any JSON body will do (Thai and quotes to check the bytes).
export const env = (seq: number, text = `note ${seq} ความคิด "q"`): Envelope =>
  ({ seq, at: 1_700_000_000_000 + seq, by: 'p1', scope: 't:t1', e: { type: 'note:text', noteId: `n${seq}`, text } }) as unknown as Envelope;

export const batch = (workshopId: string, seqs: number[], opKey: string | null = `op-${workshopId}-${seqs[0]}`): AppendBatch => ({
  workshopId,
  opKey,
  envelopes: seqs.map((s) => env(s)),
});

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** A note as the log stores it, for the redaction tests. */
const storedNote = (id: string, text: string) => ({
  id,
  tableId: 't1',
  text,
  color: 'yellow',
  x: 1,
  y: 1,
  authorId: 'p1',
  delegationId: null,
  round: 1,
  createdAt: 1,
  editedAt: 1,
});
const at = (seq: number, e: object) => ({ seq, at: 1_700_000_000_000 + seq, by: 'p1', scope: 't:t1', e }) as unknown as Envelope;

export function eventStoreContract(name: string, harness: ContractHarness) {
  describe(`EventStore contract: ${name}`, () => {
    const opened: ContractStore[] = [];
    const open = async () => {
      const s = await harness.open();
      opened.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    let n = 0;
    /** A workshop id no other test (or earlier run on the same database) uses. */
    const wid = (label: string) => `${label}-${Date.now().toString(36)}-${++n}-${Math.random().toString(36).slice(2, 8)}`;

    it('keeps append order; a read after an acknowledged append sees it; readSince is ordered and exact', async () => {
      const store = await open();
      const w = wid('order');
      for (let seq = 1; seq <= 10; seq++) {
        await store.append(batch(w, [seq]));
        expect((await store.readSince(w, seq - 1)).map((e) => e.seq)).toEqual([seq]);
      }
      // many in flight at once, several events per batch: stored in append order, bodies intact
      await Promise.all(range(0, 49).map((i) => store.append(batch(w, [11 + 2 * i, 12 + 2 * i]))));
      const all = await store.readSince(w, 0);
      expect(all.map((e) => e.seq)).toEqual(range(1, 110));
      expect(all[7]).toEqual(env(8));
      expect(all[109]).toEqual(env(110));
      expect((await store.readSince(w, 100)).map((e) => e.seq)).toEqual(range(101, 110));
      expect(await store.readSince(wid('none'), 0)).toEqual([]);
    });

    it('readSince honours its limit; headSeq is the last seq (0 without events)', async () => {
      const store = await open();
      const w = wid('limit');
      await store.append(batch(w, range(1, 10)));
      expect((await store.readSince(w, 0, 3)).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect((await store.readSince(w, 3, 3)).map((e) => e.seq)).toEqual([4, 5, 6]);
      expect((await store.readSince(w, 9, 5)).map((e) => e.seq)).toEqual([10]);
      expect(await store.readSince(w, 10, 5)).toEqual([]);
      expect((await store.readStored(w, 8, 1)).map((r) => r.envelope.seq)).toEqual([9]);
      expect(await store.headSeq(w)).toBe(10);
      expect(await store.headSeq(wid('empty'))).toBe(0);
    });

    it('group-commits many concurrent appends into fewer transactions', async () => {
      const store = await open();
      await store.append(batch(wid('warm'), [1]));
      const before = store.commits;
      const ws = range(1, 8).map(() => wid('group'));
      const next = new Map<string, number>();
      const appends = range(0, 399).map((i) => {
        const w = ws[i % ws.length]!;
        const seq = (next.get(w) ?? 0) + 1;
        next.set(w, seq);
        return store.append(batch(w, [seq]));
      });
      await Promise.all(appends);
      const used = store.commits - before;
      expect(used).toBeGreaterThanOrEqual(1);
      expect(used).toBeLessThanOrEqual(20); // 400 appends; one transaction each would be 400
      for (const [w, last] of next) expect((await store.readSince(w, 0)).map((e) => e.seq)).toEqual(range(1, last));
    });

    it('refuses a batch that does not continue the log densely, and what its workshop queued behind it', async () => {
      const store = await open();
      const w = wid('dense');
      const other = wid('other');
      await store.append(batch(w, [1, 2]));
      await expect(store.append(batch(w, [4]))).rejects.toMatchObject({ code: 'SEQ_NOT_CONTIGUOUS' }); // a hole
      await expect(store.append(batch(w, [2]))).rejects.toMatchObject({ code: 'SEQ_NOT_CONTIGUOUS' }); // a repeat
      await expect(store.append(batch(w, [3, 5]))).rejects.toMatchObject({ code: 'SEQ_NOT_CONTIGUOUS' }); // a hole inside
      // one group: seq 3 breaks a constraint (a token that exists), so 4 behind it must fail too;
      // another workshop's batch in the same group commits
      const cred = { tokenHash: wid('tok'), workshopId: w, participantId: 'p1', kind: 'participant' as const };
      await store.append({ ...batch(w, [3]), credential: cred });
      const results = await Promise.allSettled([
        store.append({ ...batch(w, [4]), credential: cred }),
        store.append(batch(w, [5])),
        store.append(batch(other, [1])),
      ]);
      expect(results[0]).toMatchObject({ status: 'rejected' });
      expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: 'SEQ_NOT_CONTIGUOUS' } });
      expect(results[2]).toMatchObject({ status: 'fulfilled' });
      await store.append(batch(w, [4])); // the true continuation is fine
      expect((await store.readSince(w, 0)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect((await store.readSince(other, 0)).map((e) => e.seq)).toEqual([1]);
    });

    it('never stores one (workshop, seq) twice, even from two writers on one database', async () => {
      const a = await open();
      const b = await open();
      const w = wid('twice');
      await a.append(batch(w, [1], 'a1'));
      await b.append(batch(w, [2], 'b2')); // b reads the head from the database
      // a still believes the head is 1: its seq 2 passes its own check and hits the key
      await expect(a.append(batch(w, [2], 'a2'))).rejects.toMatchObject({ code: 'SEQ_TAKEN' });
      await a.append(batch(w, [3], 'a3')); // a re-reads the head and carries on
      await b.append(batch(w, [4], 'b4'));
      await a.append(batch(w, [5], 'a5')); // a's cached head (3) is stale: it asks before refusing
      const stored = await b.readStored(w, 0);
      expect(stored.map((r) => [r.envelope.seq, r.opKey])).toEqual([
        [1, 'a1'],
        [2, 'b2'],
        [3, 'a3'],
        [4, 'b4'],
        [5, 'a5'],
      ]);
    });

    it('stores op keys with the events: readOps gives the last seq of each, readStored each event’s', async () => {
      const store = await open();
      const w = wid('ops');
      await store.append(batch(w, [1, 2, 3], 'p1:op-a'));
      await store.append(batch(w, [4], null));
      await store.append(batch(w, [5, 6], 'p2:op-b'));
      const ops = await store.readOps(w);
      expect([...ops].sort((x, y) => x.seq - y.seq)).toEqual([
        { opKey: 'p1:op-a', seq: 3 },
        { opKey: 'p2:op-b', seq: 6 },
      ]);
      expect((await store.readStored(w, 0)).map((r) => r.opKey)).toEqual(['p1:op-a', 'p1:op-a', 'p1:op-a', null, 'p2:op-b', 'p2:op-b']);
    });

    it('stores credentials with their batch; a taken token refuses the whole batch', async () => {
      const store = await open();
      const w = wid('cred');
      const tokenHash = wid('hash');
      const cred = { tokenHash, workshopId: w, participantId: 'p1', kind: 'facilitator' as const };
      await store.append({ ...batch(w, [1]), credential: cred });
      const invite = { tokenHash: wid('hash'), workshopId: w, participantId: 'd-th', kind: 'invite' as const };
      await store.append({ workshopId: w, opKey: null, envelopes: [], credential: invite });
      expect(await store.findCredential(tokenHash)).toEqual({ workshopId: w, participantId: 'p1', kind: 'facilitator' });
      expect(await store.findCredential(wid('nope'))).toBeUndefined();
      const listed = await store.listCredentials(w);
      expect(listed).toHaveLength(2);
      // the lifetime columns read back as null when nothing was set
      const noLifetime = { issuedAt: null, expiresAt: null, revokedAt: null };
      expect(listed).toContainEqual({ ...cred, ...noLifetime });
      expect(listed).toContainEqual({ ...invite, ...noLifetime });
      await expect(store.append({ ...batch(w, [2]), credential: { ...cred, participantId: 'p2' } })).rejects.toThrow();
      expect(await store.headSeq(w)).toBe(1); // its event rolled back with it
      expect(await store.findCredential(tokenHash)).toMatchObject({ participantId: 'p1' });
    });

    it('stores review links with their lifetime, lists them without secrets, revokes once, carries all of it in listCredentials', async () => {
      const store = await open();
      const [w, other] = [wid('inv'), wid('inv')];
      const hash = () => randomBytes(32).toString('hex');
      const [h1, h2, h3, hOld, hFac] = [hash(), hash(), hash(), hash(), hash()];
      const invite = (tokenHash: string, issuedAt: number | undefined, expiresAt: number | null) => ({
        workshopId: w,
        opKey: null,
        envelopes: [],
        credential: {
          tokenHash,
          workshopId: w,
          participantId: 'd-th',
          kind: 'invite' as const,
          ...(issuedAt === undefined ? {} : { issuedAt }),
          expiresAt,
        },
      });
      await store.append(invite(h2, 20, 2_000));
      await store.append(invite(h1, 10, 1_000));
      await store.append(invite(hOld, undefined, null)); // issued before links had a lifetime
      await store.append({
        workshopId: w,
        opKey: null,
        envelopes: [],
        credential: { tokenHash: hFac, workshopId: w, participantId: 'p1', kind: 'facilitator' },
      });
      const id = (h: string) => h.slice(0, INVITE_ID_LENGTH);
      expect(await store.listInvites(w)).toEqual([
        { id: id(hOld), delegationId: 'd-th', issuedAt: null, expiresAt: null, revokedAt: null },
        { id: id(h1), delegationId: 'd-th', issuedAt: 10, expiresAt: 1_000, revokedAt: null },
        { id: id(h2), delegationId: 'd-th', issuedAt: 20, expiresAt: 2_000, revokedAt: null },
      ]);

      // revoking again keeps the first time; another workshop's batch revokes nothing of this one
      await store.append({ workshopId: w, opKey: null, envelopes: [], revokeInvite: { id: id(h2), at: 50 } });
      await store.append({ workshopId: w, opKey: null, envelopes: [], revokeInvite: { id: id(h2), at: 99 } });
      await store.append({ workshopId: other, opKey: null, envelopes: [], revokeInvite: { id: id(h1), at: 99 } });
      expect((await store.listInvites(w)).map((i) => i.revokedAt)).toEqual([null, null, 50]);
      expect(await store.listInvites(other)).toEqual([]);
      expect(await store.findCredential(h2)).toEqual({
        workshopId: w,
        participantId: 'd-th',
        kind: 'invite',
        expiresAt: 2_000,
        revokedAt: 50,
      });
      expect(await store.findCredential(h1)).toEqual({
        workshopId: w,
        participantId: 'd-th',
        kind: 'invite',
        expiresAt: 1_000,
        revokedAt: null,
      });
      // only invites have a lifetime
      expect(await store.findCredential(hFac)).toEqual({ workshopId: w, participantId: 'p1', kind: 'facilitator' });

      // a link issued and revoked in the same group commit ends up revoked
      await Promise.all([
        store.append(invite(h3, 30, 3_000)),
        store.append({ workshopId: w, opKey: null, envelopes: [], revokeInvite: { id: id(h3), at: 31 } }),
      ]);
      expect((await store.listInvites(w)).at(-1)).toEqual({
        id: id(h3),
        delegationId: 'd-th',
        issuedAt: 30,
        expiresAt: 3_000,
        revokedAt: 31,
      });

      // listCredentials carries every column (db:copy), and a copied revoked link stays revoked
      const listed = await store.listCredentials(w);
      expect(listed).toContainEqual({
        tokenHash: h2,
        workshopId: w,
        participantId: 'd-th',
        kind: 'invite',
        issuedAt: 20,
        expiresAt: 2_000,
        revokedAt: 50,
      });
      const copy = listed.find((c) => c.tokenHash === h2)!;
      const w2 = wid('inv-copy');
      await store.append({ workshopId: w2, opKey: null, envelopes: [], credential: { ...copy, tokenHash: hash(), workshopId: w2 } });
      expect(await store.listInvites(w2)).toMatchObject([{ issuedAt: 20, expiresAt: 2_000, revokedAt: 50 }]);
    });

    it('finds workshops by id and join code, lists them oldest first, refuses a taken join code', async () => {
      const store = await open();
      const [w1, w2, w3] = [wid('ws'), wid('ws'), wid('ws')];
      const code = wid('CODE').toUpperCase();
      const base = 1_700_000_000_000 + Math.floor(Math.random() * 1e9);
      await store.append({ ...batch(w1, [1]), workshop: { id: w1, joinCode: code, createdAt: base + 2 } });
      await store.append({ ...batch(w2, [1]), workshop: { id: w2, joinCode: `${code}2`, createdAt: base + 1 } });
      expect(await store.findWorkshopByCode(code)).toEqual({ id: w1, joinCode: code, createdAt: base + 2 });
      expect(await store.findWorkshop(w2)).toEqual({ id: w2, joinCode: `${code}2`, createdAt: base + 1 });
      expect(await store.findWorkshop(wid('missing'))).toBeUndefined();
      expect(await store.findWorkshopByCode(wid('missing'))).toBeUndefined();
      await expect(store.append({ ...batch(w3, [1]), workshop: { id: w3, joinCode: code, createdAt: base } })).rejects.toThrow();
      expect(await store.findWorkshop(w3)).toBeUndefined();
      expect(await store.headSeq(w3)).toBe(0);
      const mine = (await store.listWorkshops()).filter((r) => r.id === w1 || r.id === w2);
      expect(mine.map((r) => r.id)).toEqual([w2, w1]);
    });

    it('saves snapshots durably, returns the latest, keeps only the newest few', async () => {
      const store = await open();
      const w = wid('snap');
      expect(await store.latestSnapshot(w)).toBeUndefined();
      for (const seq of [10, 20, 30, 40, 50]) await store.saveSnapshot(w, seq, JSON.stringify({ at: seq, text: 'สรุป' }));
      expect(await store.latestSnapshot(w)).toEqual({ seq: 50, body: JSON.stringify({ at: 50, text: 'สรุป' }), parts: [] });
      expect(await harness.snapshotCount(w)).toBe(SNAPSHOTS_KEPT);
      await store.saveSnapshot(w, 50, '{"again":true}'); // the same seq replaces the body
      expect(await store.latestSnapshot(w)).toEqual({ seq: 50, body: '{"again":true}', parts: [] });
      // a snapshot can ride in the same transaction as events
      await store.append({ ...batch(w, [1]), snapshot: { seq: 60, body: '{}' } });
      expect(await store.latestSnapshot(w)).toEqual({ seq: 60, body: '{}', parts: [] });
      expect(await harness.snapshotCount(w)).toBe(SNAPSHOTS_KEPT);
      const other = await open(); // durable: another connection sees it
      expect((await other.latestSnapshot(w))?.seq).toBe(60);
    });

    /** Stores a snapshot of `state` as a room does (parts of `slice` entries, then the head unless not); its part bodies. */
    const saveInParts = async (
      store: EventStore,
      w: string,
      state: WorkshopState,
      { slice = 2, head = true, savePart = store.saveSnapshotPart.bind(store) } = {},
    ) => {
      const capture = new SnapshotCapture(state);
      const parts = [...capture.parts(slice)];
      for (const [i, body] of parts.entries()) await savePart(w, state.seq, i, body);
      if (head) await store.saveSnapshot(w, state.seq, capture.head(parts.length));
      return parts;
    };
    const plain = (state: WorkshopState) => JSON.parse(JSON.stringify(state)) as unknown;

    it('a snapshot in parts: the head and its parts in part order round-trip, and load as the state at its seq', async () => {
      const store = await open();
      const w = wid('parts');
      const state = standardWorkshop('cafe');
      const parts = await saveInParts(store, w, state, { slice: 1 });
      expect(parts.length).toBeGreaterThan(10); // part 10 comes after part 9, not after part 1
      const snap = await store.latestSnapshot(w);
      expect(snap).toMatchObject({ seq: state.seq, parts });
      expect(JSON.parse(snap!.body)).toMatchObject({ v: 2, parts: parts.length, state: { notes: {}, participants: {}, seats: {} } });
      const loaded = await loadCommitted(store, w);
      expect(loaded.snapshotSeq).toBe(state.seq);
      expect(plain(loaded.state)).toEqual(plain(state));
      // another connection reads the same
      expect(await (await open()).latestSnapshot(w)).toEqual(snap);
    });

    it('a head whose parts are not all there is not used (full replay); a v1 body still loads', async () => {
      const store = await open();
      const w = wid('partial');
      const state = standardWorkshop('cafe');
      const capture = new SnapshotCapture(state);
      const parts = [...capture.parts(2)];
      for (const [i, body] of parts.slice(0, -1).entries()) await store.saveSnapshotPart(w, state.seq, i, body);
      await store.saveSnapshot(w, state.seq, capture.head(parts.length));
      expect((await store.latestSnapshot(w))?.parts).toHaveLength(parts.length - 1);
      const replayed = await loadCommitted(store, w);
      expect(replayed.snapshotSeq).toBe(0); // the log (empty here) instead
      expect(plain(replayed.state)).toEqual(plain(emptyState()));
      // a whole snapshot as written before parts (format 1)
      const v1 = wid('v1');
      await store.saveSnapshot(v1, state.seq, JSON.stringify({ v: 1, state }));
      const loaded = await loadCommitted(store, v1);
      expect(loaded.snapshotSeq).toBe(state.seq);
      expect(plain(loaded.state)).toEqual(plain(state));
    });

    it('keeps SNAPSHOTS_KEPT complete snapshots; orphan parts go at most two per part written', async () => {
      const store = await open();
      const w = wid('prune');
      const base = standardWorkshop('cafe');
      const at = (seq: number) => ({ ...base, seq });
      const deletedPerWrite: number[] = [];
      // every part written through here: how many rows its commit deleted
      const savePart = async (...args: Parameters<EventStore['saveSnapshotPart']>) => {
        const before = (await harness.partRows(w)).length;
        await store.saveSnapshotPart(...args);
        deletedPerWrite.push(before + 1 - (await harness.partRows(w)).length);
      };
      const perSnapshot = (await saveInParts(store, w, at(10), { savePart })).length;
      expect(perSnapshot).toBeGreaterThanOrEqual(3);
      for (const seq of [20, 30, 40, 50]) await saveInParts(store, w, at(seq), { savePart });
      // a snapshot abandoned half-way (a crash, a deletion): parts, no head
      await saveInParts(store, w, at(60), { savePart, head: false });
      for (const seq of [70, 80, 90, 100]) await saveInParts(store, w, at(seq), { savePart });
      expect(await harness.snapshotCount(w)).toBe(SNAPSHOTS_KEPT);
      // the kept heads' parts, every one of them; and those of 70, orphaned by the last head, which
      // the next parts written take away
      const seqsOf = async () => (await harness.partRows(w)).map((r) => r.seq);
      expect(await seqsOf()).toEqual([70, 80, 90, 100].flatMap((seq) => Array<number>(perSnapshot).fill(seq)));
      await saveInParts(store, w, at(110), { savePart, head: false });
      expect(await seqsOf()).toEqual([80, 90, 100, 110].flatMap((seq) => Array<number>(perSnapshot).fill(seq)));
      // bounded: never more than two rows deleted by one part's commit (and two when there were more)
      expect(Math.max(...deletedPerWrite)).toBe(ORPHAN_PARTS_PER_WRITE);
      expect(ORPHAN_PARTS_PER_WRITE).toBe(2);
      // the orphans of 110 are invisible: loading goes by the newest head
      const loaded = await loadCommitted(store, w);
      expect(loaded.snapshotSeq).toBe(100);
      expect(plain(loaded.state)).toEqual(plain(at(100)));
    });

    it('ping resolves while open; close commits what was appended; then appends and pings reject', async () => {
      const store = await open();
      await expect(store.ping()).resolves.toBeUndefined();
      const w = wid('close');
      const p = store.append(batch(w, [1, 2]));
      await store.close();
      await p;
      await expect(store.append(batch(w, [3]))).rejects.toThrow(/closed/);
      await expect(store.ping()).rejects.toThrow(/closed/);
      const again = await open();
      expect((await again.readSince(w, 0)).map((e) => e.seq)).toEqual([1, 2]);
    });

    it('a delete takes the text it removes out of the stored events and snapshots, and out of the raw database', async () => {
      const store = await open();
      const w = wid('redact');
      const [first, edited, kept] = [`first-${w}`, `edited-${w}`, `kept-${w}`];
      const note = storedNote('n1', first);
      await store.append({ workshopId: w, opKey: 'p1:create', envelopes: [at(1, { type: 'note:created', note })] });
      await store.append({
        workshopId: w,
        opKey: 'p1:edit',
        envelopes: [at(2, { type: 'note:edited', tableId: 't1', noteId: 'n1', text: edited, editedAt: 2 })],
      });
      await store.append({
        workshopId: w,
        opKey: 'p1:other',
        envelopes: [at(3, { type: 'note:created', note: { ...note, id: 'n2', text: kept } })],
      });
      const snapshot = { v: 1, state: { seq: 3, notes: { n1: { ...note, text: edited }, n2: { ...note, id: 'n2', text: kept } } } };
      await store.saveSnapshot(w, 3, JSON.stringify(snapshot));
      expect((await harness.rawContents(store)).includes(edited)).toBe(true); // the raw read does see text

      // in one group commit: the delete, and a new note that reuses the freed id (it keeps its text)
      const reborn = `reborn-${w}`;
      await Promise.all([
        store.append({ workshopId: w, opKey: 'p1:delete', envelopes: [at(4, { type: 'note:deleted', tableId: 't1', noteId: 'n1' })] }),
        store.append({ workshopId: w, opKey: 'p1:again', envelopes: [at(5, { type: 'note:created', note: { ...note, text: reborn } })] }),
      ]);
      const stored = await store.readStored(w, 0);
      // ids, author, table, times, op keys stay: the log still folds and retries still dedupe
      expect(stored.map((r) => r.opKey)).toEqual(['p1:create', 'p1:edit', 'p1:other', 'p1:delete', 'p1:again']);
      expect(stored[4]!.envelope).toEqual(at(5, { type: 'note:created', note: { ...note, text: reborn } }));
      expect(stored[0]!.envelope).toEqual(at(1, { type: 'note:created', note: { ...note, text: '' } }));
      expect(stored[1]!.envelope).toEqual(at(2, { type: 'note:edited', tableId: 't1', noteId: 'n1', text: '', editedAt: 2 }));
      expect(stored[2]!.envelope).toEqual(at(3, { type: 'note:created', note: { ...note, id: 'n2', text: kept } }));
      const snap = await store.latestSnapshot(w);
      expect(JSON.parse(snap!.body)).toEqual({
        v: 1,
        state: { seq: 3, notes: { n1: { ...note, text: '' }, n2: { ...note, id: 'n2', text: kept } } },
      });

      const raw = await harness.rawContents(store);
      expect(raw.includes(first)).toBe(false);
      expect(raw.includes(edited)).toBe(false);
      expect(raw.includes(kept)).toBe(true);
      expect(raw.includes(reborn)).toBe(true);
    });

    it('a delete rewrites the snapshot part that holds the note, and nothing of its text stays in the parts', async () => {
      const store = await open();
      const w = wid('redact-parts');
      const [gone, kept] = [`gone-${w}`, `kept-${w}`];
      const note = storedNote;
      await store.append({ workshopId: w, opKey: 'p1:a', envelopes: [at(1, { type: 'note:created', note: note('n1', gone) })] });
      await store.append({ workshopId: w, opKey: 'p1:b', envelopes: [at(2, { type: 'note:created', note: note('n2', kept) })] });
      const part = (id: string, text: string) => JSON.stringify({ v: 2, state: { notes: { [id]: note(id, text) } } });
      await store.saveSnapshotPart(w, 2, 0, part('n1', gone));
      await store.saveSnapshotPart(w, 2, 1, part('n2', kept));
      await store.saveSnapshot(w, 2, JSON.stringify({ v: 2, parts: 2, state: { seq: 2, notes: {} } }));
      await store.saveSnapshotPart(w, 2, 2, part('n1', gone)); // as if left by an abandoned snapshot at that seq
      expect((await harness.rawContents(store)).includes(gone)).toBe(true);

      await store.append({ workshopId: w, opKey: 'p1:c', envelopes: [at(3, { type: 'note:deleted', tableId: 't1', noteId: 'n1' })] });
      const rows = await harness.partRows(w);
      expect(rows.map((r) => [r.seq, r.part])).toEqual([
        [2, 0],
        [2, 1],
        [2, 2],
      ]);
      expect(JSON.parse(rows[0]!.body)).toEqual({ v: 2, state: { notes: { n1: note('n1', '') } } });
      expect(rows[1]!.body).toBe(part('n2', kept));
      expect(JSON.parse(rows[2]!.body)).toEqual({ v: 2, state: { notes: { n1: note('n1', '') } } });
      const raw = await harness.rawContents(store);
      expect(raw.includes(gone)).toBe(false);
      expect(raw.includes(kept)).toBe(true);
    });
  });
}
