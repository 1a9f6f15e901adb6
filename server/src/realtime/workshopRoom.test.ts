import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { largeExport, smallCreateCommand } from '@world-cafe/shared/testing';
import {
  type Ack,
  type Command,
  type Envelope,
  type SystemCommand,
  type WorkshopState,
  applyEnvelopesOwned,
  emptyState,
  parseExport,
} from '@world-cafe/shared';
import type { AppendBatch, EventStore } from '../store/eventStore';
import { PARTS_PAGE, SqliteEventStore } from '../store/sqliteStore';
import { loadCommitted, snapshotState } from './committedView';
import type { Publication } from './fanout';
import { OpWindow, SNAPSHOT_EVERY, WorkshopRoom, encodedWith } from './workshopRoom';
import { MAX_PUBLISH_TICK_MS, PUBLISH_TICK_MS } from './publishTick';
import { admission, configureAdmission } from './admission';

/** A store whose appends complete only when the test says so. */
class ManualStore {
  queue: Array<{ batch: AppendBatch; resolve: () => void; reject: (e: Error) => void }> = [];
  /** Seqs of the snapshots saved (their heads). */
  snapshots: number[] = [];
  /** Seqs of the snapshot parts saved. */
  parts: number[] = [];
  saveSnapshot(_w: string, seq: number): Promise<void> {
    this.snapshots.push(seq);
    return Promise.resolve();
  }
  saveSnapshotPart(_w: string, seq: number): Promise<void> {
    this.parts.push(seq);
    return Promise.resolve();
  }
  append(batch: AppendBatch): Promise<void> {
    return new Promise((resolve, reject) => this.queue.push({ batch, resolve, reject }));
  }
  /** Lets a held hand-over reach the store, commits everything appended so far, in order, and lets it publish. */
  async commitAll() {
    // a busy room hands what it decided to the store a tick after its last hand-over
    await new Promise((r) => setTimeout(r, PUBLISH_TICK_MS + 2));
    const q = this.queue;
    this.queue = [];
    for (const a of q) a.resolve();
    await new Promise((r) => setTimeout(r, PUBLISH_TICK_MS * 2 + 5));
  }
}

async function setup() {
  const store = new ManualStore();
  const log: Publication[] = [];
  /** `written`: how many sockets the fan-out says each publication wrote to (what stretches the tick). */
  const hooks = { written: 0, onPublish: (pub: Publication): number => (log.push(pub), hooks.written) };
  const room = new WorkshopRoom('w1', store as unknown as EventStore, (_w, pub) => hooks.onPublish(pub), emptyState(), []);
  const run = async (cmd: Command | SystemCommand, who: string | null = null) => {
    const p = room.execute(cmd, who ? { kind: 'participant', participantId: who } : { kind: 'system' }, null);
    await store.commitAll();
    expect(await p).toMatchObject({ ok: true });
  };
  await run(smallCreateCommand({ delegations: [] }));
  for (const id of ['ann', 'ben']) {
    await run({ type: 'participant:join', participantId: id, name: id, delegationId: null, role: 'delegate' });
    await run({ type: 'seat:assign', clientOpId: `seat-${id}-xxxx`, participantId: id, tableId: 't1' }, id);
  }
  log.length = 0;
  return { room, store, log, hooks };
}

const note = (id: string, text = 'hi'): Command => ({
  type: 'note:create',
  clientOpId: `op-${id}-xxxx`,
  noteId: id,
  tableId: 't1',
  text,
  color: 'yellow',
  x: 0,
  y: 0,
});
const ann = { kind: 'participant', participantId: 'ann' } as const;
const seqs = (log: Publication[]) => log.flatMap((p) => p.envelopes.map((e: Envelope) => e.seq));

describe('WorkshopRoom publication', () => {
  it('publishes nothing before the commit, then the event, then the ack', async () => {
    const { room, store, log } = await setup();
    let acked = false;
    const ack = room.execute(note('n1'), ann, 'ann:op-n1-xxxx').then((a) => {
      acked = true;
      expect(log).toHaveLength(1); // published before the ack resolves
      return a;
    });
    await new Promise((r) => setTimeout(r, PUBLISH_TICK_MS * 3));
    expect(log).toEqual([]);
    expect(acked).toBe(false);
    expect(room.committed.notes.n1).toBeUndefined(); // decided, not yet committed: nobody is shown it
    await store.commitAll();
    expect(await ack).toMatchObject({ ok: true });
    expect(room.committed.notes.n1).toBeDefined();
    // a retry is answered from the first result and publishes nothing more
    expect(await room.execute(note('n1'), ann, 'ann:op-n1-xxxx')).toMatchObject({ ok: true, duplicate: true });
    expect(log).toHaveLength(1);
  });

  it('coalesces everything committed within a tick into one batch, in seq order, each ack after it', async () => {
    const { room, store, log } = await setup();
    const first = room.committed.seq;
    const acks = Array.from({ length: 50 }, (_, i) => room.execute(note(`g${i}`), ann, null));
    await store.commitAll();
    const results = await Promise.all(acks);
    expect(log).toHaveLength(1);
    expect(seqs(log)).toEqual(Array.from({ length: 50 }, (_, i) => first + 1 + i));
    expect(results.map((a) => a.ok && a.seq)).toEqual(seqs(log));
    expect(room.committed.seq).toBe(first + 50);
  });

  it('spaces hand-overs to the store by the tick, and publishes each as soon as it is durable', async () => {
    const { room, store, log } = await setup();
    const handed: number[] = [];
    const append = store.append.bind(store);
    let appended = 0;
    store.append = (batch: AppendBatch) => {
      appended++;
      // appends handed over in one step are one hand-over
      if (handed.length === 0 || performance.now() - handed.at(-1)! > 1) handed.push(performance.now());
      return append(batch);
    };
    const commitNow = () => {
      for (const a of store.queue.splice(0)) a.resolve();
    };
    // a note every 2 ms for 40 ms, whatever reaches the store committed at once
    const acks: Array<Promise<Ack>> = [];
    for (let i = 0; i < 20; i++) {
      acks.push(room.execute(note(`s${i}`), ann, null));
      commitNow();
      await new Promise((r) => setTimeout(r, 2));
      commitNow();
    }
    // the last hand-over may still be held (or may have gone already, on a slow machine)
    let settled = false;
    const all = Promise.all(acks).finally(() => (settled = true));
    while (!settled) {
      commitNow();
      await new Promise((r) => setTimeout(r, 1));
    }
    expect((await all).every((a) => a.ok)).toBe(true);
    expect(seqs(log)).toHaveLength(20);
    // the first at once, then at most one hand-over per tick, each published on its own once durable
    for (let i = 1; i < handed.length; i++) expect(handed[i]! - handed[i - 1]!).toBeGreaterThanOrEqual(PUBLISH_TICK_MS - 0.5);
    expect(appended).toBe(20); // each note once
    // one publication per hand-over (two committed in the same turn, on a slow machine, make one)
    expect(log.length).toBeGreaterThan(1);
    expect(log.length).toBeLessThanOrEqual(handed.length);
  });

  it('a quiet room hands a command to the store at once; a busy one holds its commands until the tick since the last hand-over is up, then hands them over together', async () => {
    const { room, store, log } = await setup();
    // quiet: appended in the same step as the decision; the two decided in that same step are held
    // (the room is busy from that hand-over on, whatever the machine's speed)
    const first = room.execute(note('q1'), ann, null);
    const firstHanded = performance.now();
    expect(store.queue).toHaveLength(1);
    const held = [room.execute(note('q2'), ann, null), room.execute(note('q3'), ann, null)];
    expect(store.queue).toHaveLength(1);
    store.queue.shift()!.resolve();
    expect(await first).toMatchObject({ ok: true });
    // handed over in one go when the tick since the last hand-over is up
    while (store.queue.length === 0) await new Promise((r) => setTimeout(r, 0.5));
    expect(performance.now() - firstHanded).toBeGreaterThanOrEqual(PUBLISH_TICK_MS - 0.5);
    expect(store.queue).toHaveLength(2);
    // published as soon as durable, both in one batch
    for (const a of store.queue.splice(0)) a.resolve();
    const acks = await Promise.all(held);
    expect(acks.map((a) => a.ok)).toEqual([true, true]);
    expect(log.at(-1)!.envelopes.map((e) => (e.e.type === 'note:created' ? e.e.note.id : ''))).toEqual(['q2', 'q3']);
    // a tick after the last hand-over the room is quiet again: a command goes at once
    await new Promise((r) => setTimeout(r, PUBLISH_TICK_MS + 1));
    const late = room.execute(note('q4'), ann, null);
    expect(store.queue).toHaveLength(1);
    store.queue.shift()!.resolve();
    expect(await late).toMatchObject({ ok: true });
  });

  it('a publication that wrote to many sockets (a lobby seeing every seat change) spaces the next hand-over further, then the tick comes back', async () => {
    const { room, store, hooks } = await setup();
    const spacing = async (written: number) => {
      hooks.written = written;
      // read before the hand-over, never after it: a thread switch in between would shorten the gap seen
      const handed = performance.now();
      const first = room.execute(note(`w${written}a`), ann, null);
      expect(store.queue).toHaveLength(1); // quiet: at once
      store.queue.shift()!.resolve();
      await first;
      // decided right after that publication: held for the tick it set
      const next = room.execute(note(`w${written}b`), ann, null);
      expect(store.queue).toHaveLength(0);
      while (store.queue.length === 0) await new Promise((r) => setTimeout(r, 0.5));
      const gap = performance.now() - handed;
      store.queue.shift()!.resolve();
      await next;
      hooks.written = 0;
      await new Promise((r) => setTimeout(r, MAX_PUBLISH_TICK_MS + 2)); // quiet again
      return gap;
    };
    expect(await spacing(1_000)).toBeGreaterThanOrEqual(MAX_PUBLISH_TICK_MS - 0.5);
    // the publication of that second note wrote to none: the tick is back to PUBLISH_TICK_MS
    const gap = await spacing(0);
    expect(gap).toBeGreaterThanOrEqual(PUBLISH_TICK_MS - 0.5);
    expect(gap).toBeLessThan(MAX_PUBLISH_TICK_MS);

    // held while the tick was stretched, then a publication that wrote to none: released by the 10 ms tick
    hooks.written = 1_000;
    const big = room.execute(note('big'), ann, null);
    store.queue.shift()!.resolve();
    await big;
    await new Promise((r) => setTimeout(r, MAX_PUBLISH_TICK_MS + 2));
    hooks.written = 0;
    const handed = performance.now();
    const a = room.execute(note('a'), ann, null);
    expect(store.queue).toHaveLength(1);
    const b = room.execute(note('b'), ann, null); // held: the tick is still 40 ms
    expect(store.queue).toHaveLength(1);
    store.queue.shift()!.resolve();
    await a;
    while (store.queue.length === 0) await new Promise((r) => setTimeout(r, 0.5));
    const shrunk = performance.now() - handed;
    store.queue.shift()!.resolve();
    await b;
    expect(shrunk).toBeGreaterThanOrEqual(PUBLISH_TICK_MS - 0.5);
    expect(shrunk).toBeLessThan(MAX_PUBLISH_TICK_MS);
  });

  it('a room replaced while commands are held for the next hand-over stores none of them and answers them unavailable', async () => {
    const { room, store } = await setup();
    // r1 goes to the store at once; r2, decided in the same step, is held for the next hand-over
    const first = room.execute(note('r1'), ann, null);
    const waiting = room.execute(note('r2'), ann, 'ann:op-r2-xxxx');
    expect(store.queue).toHaveLength(1);
    room.dispose();
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(store.queue).toHaveLength(1); // r1 only
    store.queue.shift()!.resolve();
    expect(await first).toMatchObject({ ok: false, error: { code: 'unavailable' } }); // committed, never published by a replaced room
  });

  it('marks seat moves and phase changes so the fan-out can resync those people', async () => {
    const { room, store, log } = await setup();
    const p = room.execute(
      { type: 'seat:assign', clientOpId: 'seat-ben-2xxx', participantId: 'ben', tableId: 't2' },
      { kind: 'participant', participantId: 'ben' },
      null,
    );
    await store.commitAll();
    expect(await p).toMatchObject({ ok: true });
    expect([...log[0]!.moved]).toEqual(['ben']);
    expect(log[0]!.everyone).toBe(false);
    expect(log[0]!.envelopes[0]!.e).toMatchObject({ type: 'seat:assigned', tableId: 't2', from: 't1' });
    expect(log[0]!.envelopes[0]!.scope).toBe('t:t2');
  });

  it.each([undefined, 25])(
    'refuses commands quickly with overloaded past the pending bound (%s), with a retry hint, and accepts again once published',
    async (maxUnpublished) => {
      configureAdmission(maxUnpublished ? { maxUnpublished } : {});
      const { room, store } = await setup();
      expect(admission.maxUnpublished).toBe(maxUnpublished ?? 400);
      const accepted = Array.from({ length: admission.maxUnpublished }, (_, i) => room.execute(note(`o${i}`), ann, null));
      expect(room.saturated).toBe(true);
      const refused = await room.execute(note('over'), ann, 'ann:over');
      expect(refused).toMatchObject({ ok: false, error: { code: 'overloaded', retryAfterMs: expect.any(Number) } });
      expect(room.committed.notes.over).toBeUndefined();
      await store.commitAll();
      expect((await Promise.all(accepted)).every((a) => a.ok)).toBe(true);
      expect(room.saturated).toBe(false);
      // the refused op was not remembered: its retry (same clientOpId) is applied now, once
      const retry = room.execute(note('over'), ann, 'ann:over');
      await store.commitAll();
      expect(await retry).toMatchObject({ ok: true });
      expect(room.committed.notes.over).toBeDefined();
      configureAdmission();
    },
  );

  it('a failed commit publishes nothing and leaves the room broken', async () => {
    const { room, store, log } = await setup();
    const p = room.execute(note('n1'), ann, null);
    store.queue.shift()!.reject(new Error('disk full'));
    // never `internal`: the outcome is unknown, the client resends the same op to the reloaded room
    expect(await p).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(room.broken).toBe(true);
    await new Promise((r) => setTimeout(r, PUBLISH_TICK_MS * 2));
    expect(log).toEqual([]);
  });

  it('after a failed append, a later one that commits is neither published nor acknowledged (its view would skip a seq)', async () => {
    const { room, store, log } = await setup();
    const first = room.execute(note('n1'), ann, 'ann:n1');
    const second = room.execute(note('n2'), ann, 'ann:n2');
    const head = room.committed.seq;
    // n1's commit is slow: n2 reaches the store a tick later, behind it
    while (store.queue.length < 2) await new Promise((r) => setTimeout(r, 1));
    store.queue.shift()!.reject(new Error('Connection terminated unexpectedly')); // n1: outcome unknown
    store.queue.shift()!.resolve(); // n2 committed behind it (n1 did commit after all)
    expect(await first).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await second).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await new Promise((r) => setTimeout(r, PUBLISH_TICK_MS * 2));
    expect(log).toEqual([]);
    expect(room.committed.seq).toBe(head);
  });

  it('a disposed (replaced) room decides nothing and answers what it had in flight with unavailable', async () => {
    const { room, store, log } = await setup();
    const inFlight = room.execute(note('n1'), ann, 'ann:n1');
    room.dispose();
    await store.commitAll();
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await room.execute(note('n2'), ann, 'ann:n2')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(store.queue).toEqual([]);
    expect(log).toEqual([]);
  });
});

describe('OpWindow', () => {
  it.each([
    { limit: 4, ops: 4, kept: ['p:0', 'p:1', 'p:2', 'p:3'] },
    { limit: 4, ops: 5, kept: ['p:0', 'p:1', 'p:2', 'p:3', 'p:4'] }, // amortised: trims past 1.25x
    { limit: 4, ops: 6, kept: ['p:2', 'p:3', 'p:4', 'p:5'] },
  ])('keeps the most recent $limit settled ops of a participant ($ops sent)', ({ limit, ops, kept }) => {
    const w = new OpWindow(limit);
    for (let i = 0; i < ops; i++) w.settle(`p:${i}`, i + 1);
    for (let i = 0; i < ops; i++) expect(w.get(`p:${i}`) !== undefined, `p:${i}`).toBe(kept.includes(`p:${i}`));
  });

  it('never forgets a pending op and counts each participant apart', () => {
    const w = new OpWindow(2);
    w.pending('a:0', new Promise(() => {}));
    for (let i = 1; i < 10; i++) w.settle(`a:${i}`, i);
    w.settle('b:0', 1);
    expect(w.get('a:0')).toBeInstanceOf(Promise);
    expect(w.get('b:0')).toBe(1);
    expect(w.get('a:9')).toBe(9);
    expect(w.get('a:1')).toBeUndefined();
  });
});

describe('WorkshopRoom snapshots', () => {
  it('saves a snapshot of the committed state, but drops one that a deletion queued before it would miss', async () => {
    const { room, store } = await setup();
    for (const id of ['n1', 'n2']) {
      const p = room.execute(note(id), ann, `ann:op-${id}-xxxx`);
      await store.commitAll();
      await p;
    }
    await room.snapshotNow();
    expect(store.snapshots).toEqual([room.committed.seq]);
    const n3 = room.execute(note('n3'), ann, 'ann:op-n3-xxxx');
    await store.commitAll();
    await n3;
    // the snapshot is cut from the committed state; a deletion decided meanwhile is appended first,
    // so its redaction would run before this snapshot is stored: the snapshot is dropped
    const snapshot = room.snapshotNow();
    const deleted = room.execute({ type: 'note:delete', clientOpId: 'op-del-xxxx', noteId: 'n1' }, ann, 'ann:op-del-xxxx');
    await snapshot;
    expect(store.snapshots).toHaveLength(1);
    expect(store.parts.filter((seq) => seq > store.snapshots[0]!)).toEqual([]); // not one part of it either
    await store.commitAll();
    expect(await deleted).toMatchObject({ ok: true });
    // once the deletion is committed, a snapshot (which no longer holds the text) is saved
    await room.snapshotNow();
    expect(store.snapshots).toEqual([store.snapshots[0], room.committed.seq]);
  });
});

describe('WorkshopRoom snapshot interval', () => {
  /** A room whose committed state is the standard one with `notes` extra notes, at `seq`, never snapshotted. */
  async function roomWith(notes: number, seq: number) {
    const { room: small } = await setup();
    const base = small.committed;
    const filler = Object.fromEntries(Array.from({ length: notes }, (_, i) => [`f${i}`, { id: `f${i}` }])) as WorkshopState['notes'];
    const store = new ManualStore();
    const room = new WorkshopRoom('w1', store as unknown as EventStore, () => 0, { ...base, seq, notes: filler }, []);
    // one command, committed and published: the publication checks whether a snapshot is due
    const ack = room.execute(note('x1'), ann, null);
    await store.commitAll();
    expect(await ack).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 20)); // a snapshot started would be stored by now
    return { room, store };
  }

  it.each([
    // [records beyond the standard workshop's, seq: events since the (absent) last snapshot, a snapshot?]
    ['a small state, SNAPSHOT_EVERY events on', 10, SNAPSHOT_EVERY, true],
    ['a small state, fewer events', 10, SNAPSHOT_EVERY - 2, false],
    ['a big state, SNAPSHOT_EVERY events on: fewer events than its records', 2 * SNAPSHOT_EVERY, SNAPSHOT_EVERY, false],
    ['a big state, as many events as its records', 2 * SNAPSHOT_EVERY, 2 * SNAPSHOT_EVERY + 100, true],
  ] as const)('%s', async (_name, notes, seq, expected) => {
    const { store } = await roomWith(notes, seq);
    expect(store.snapshots.length > 0 || store.parts.length > 0).toBe(expected);
  });
});

describe('WorkshopRoom snapshots in parts, on a real SQLite store', () => {
  const dirs: string[] = [];
  const stores: SqliteEventStore[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  /** A room on a fresh SQLite file with `notes` notes of ann's (text `text-<id>`), and its store's appends. */
  async function realRoom(notes: number) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-room-snap-'));
    dirs.push(dir);
    const file = path.join(dir, 'room.db');
    const store = new SqliteEventStore({ file, synchronous: 'normal' });
    stores.push(store);
    // every snapshot part appended: its part number and the store's commits when it was appended
    const partAppends: Array<{ part: number; commitsBefore: number }> = [];
    // partDelayMs: a part's append resolves that long after its commit (longer than a publish
    // tick, so the events of the commands that arrive meanwhile are folded before the next part)
    const hooks = { afterPart: (_part: number) => {}, partDelayMs: 0 };
    const append = store.append.bind(store);
    store.append = (batch: AppendBatch) => {
      const p = append(batch);
      if (!batch.snapshotPart) return p;
      partAppends.push({ part: batch.snapshotPart.part, commitsBefore: store.commits });
      hooks.afterPart(batch.snapshotPart.part);
      return p.then(() => new Promise((r) => setTimeout(r, hooks.partDelayMs)));
    };
    const room = new WorkshopRoom('w1', store, () => 0, emptyState(), []);
    const ok = async (p: Promise<Ack>) => expect(await p).toMatchObject({ ok: true });
    await ok(room.execute(smallCreateCommand({ delegations: [] }), { kind: 'system' }, null));
    await ok(
      room.execute(
        { type: 'participant:join', participantId: 'ann', name: 'ann', delegationId: null, role: 'delegate' },
        { kind: 'system' },
        null,
      ),
    );
    await ok(room.execute({ type: 'seat:assign', clientOpId: 'seat-ann-xxxx', participantId: 'ann', tableId: 't1' }, ann, null));
    await Promise.all(Array.from({ length: notes }, (_, i) => ok(room.execute(note(`n${i}`, `text-n${i}`), ann, null))));
    return { room, store, file, partAppends, hooks, ok };
  }

  it('a snapshot taken while notes keep arriving loads back to the committed state at its seq, one part per group commit', async () => {
    const { room, store, partAppends, hooks, ok } = await realRoom(40);
    hooks.partDelayMs = PUBLISH_TICK_MS * 2;
    let done = false;
    const snapshot = room.snapshotNow(5).then(() => (done = true));
    // edits and moves of notes in the parts still to come, and new notes, keep arriving (each
    // awaited: committed and published) while it runs
    let i = 0;
    while (!done) {
      const target = `n${39 - (i % 20)}`;
      const cmd: Command =
        i % 3 === 0
          ? { type: 'note:edit', clientOpId: `edit-${i}-xxxx`, noteId: target, text: `edited ${i}` }
          : i % 3 === 1
            ? { type: 'note:move', clientOpId: `move-${i}-xxxx`, noteId: target, x: i, y: i }
            : note(`late${i}`);
      await ok(room.execute(cmd, ann, null));
      i++;
    }
    await snapshot;
    const snap = (await store.latestSnapshot('w1'))!;
    expect(i).toBeGreaterThanOrEqual(5);
    expect(room.committed.seq).toBeGreaterThan(snap.seq);
    // 40 notes in parts of 5, then the participants and the seats
    expect(snap.parts.length).toBeGreaterThanOrEqual(10);
    expect(JSON.parse(snap.body)).toMatchObject({ v: 2, parts: snap.parts.length });
    // each part in its own append, appended only once the one before was committed
    expect(partAppends.map((a) => a.part)).toEqual(snap.parts.map((_, k) => k));
    for (let k = 1; k < partAppends.length; k++) expect(partAppends[k]!.commitsBefore).toBeGreaterThan(partAppends[k - 1]!.commitsBefore);
    // exactly the state at its seq (the log replayed up to it), and with the events after it the room's state
    const log = await store.readSince('w1', 0);
    const atSeq = applyEnvelopesOwned(
      emptyState(),
      log.filter((e) => e.seq <= snap.seq),
    );
    expect(plain((await snapshotState(snap))!)).toEqual(plain(atSeq));
    const loaded = await loadCommitted(store, 'w1');
    expect(loaded.snapshotSeq).toBe(snap.seq);
    expect(plain(loaded.state)).toEqual(plain(room.committed));
  });

  it('a cold load across pages of parts: the committed state, the op keys, two states of its own, turns of the loop meanwhile', async () => {
    const { room, store, ok } = await realRoom(0);
    // parts of 5 notes: more than two pages of them
    const notes = 2 * PARTS_PAGE * 5 + 7;
    await Promise.all(Array.from({ length: notes }, (_, i) => ok(room.execute(note(`n${i}`), ann, `ann:op-n${i}-xxxx`))));
    await room.snapshotNow(5);
    await ok(room.execute(note('after'), ann, 'ann:op-after-xxxx')); // an event after the snapshot
    let turns = 0;
    let loading = true;
    const tick = () => {
      if (!loading) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const loaded = await WorkshopRoom.load('w1', store, () => 0);
    loading = false;
    expect(turns).toBeGreaterThanOrEqual(2); // at least the pages' turns: in one go there would be none
    expect(plain(loaded.committed)).toEqual(plain(room.committed));
    // a command decided before the load is answered from the op keys, not decided again
    expect(await loaded.execute(note('n3'), ann, 'ann:op-n3-xxxx')).toMatchObject({ ok: true, duplicate: true });
    expect(await loaded.execute(note('after'), ann, 'ann:op-after-xxxx')).toMatchObject({ ok: true, duplicate: true });
    // what it decides reaches its committed state only once stored: the two states are apart
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const append = store.append.bind(store);
    store.append = (b: AppendBatch) => append(b).then(() => held);
    const fresh = loaded.execute(note('fresh'), ann, 'ann:op-fresh-xxxx');
    await new Promise((r) => setTimeout(r, 5 * PUBLISH_TICK_MS));
    expect(loaded.committed.notes.fresh).toBeUndefined();
    release();
    await ok(fresh);
    expect(loaded.committed.notes.fresh).toMatchObject({ id: 'fresh' });
    expect(Object.keys(loaded.committed.notes)).toHaveLength(notes + 2);
  });

  it('a deletion decided mid-snapshot stops it: no more parts, no head, and the stored parts lose the text', async () => {
    const { room, store, file, partAppends, hooks, ok } = await realRoom(12);
    let deleted: Promise<Ack> | undefined;
    // right after part 0 (which holds n0) was queued: a deletion of n0 is decided and queued behind it
    hooks.afterPart = (part) => {
      if (part === 0) deleted = room.execute({ type: 'note:delete', clientOpId: 'del-n0-xxxx', noteId: 'n0' }, ann, null);
    };
    await room.snapshotNow(5);
    await ok(deleted!);
    expect(partAppends.map((a) => a.part)).toEqual([0]);
    expect(await store.latestSnapshot('w1')).toBeUndefined();
    const db = new Database(file, { readonly: true });
    try {
      const bodies = db.prepare('SELECT body FROM snapshot_parts').pluck().all() as string[];
      expect(bodies).toHaveLength(1);
      expect(bodies[0]).toContain('text-n1'); // the part is there, with the text of the notes still alive
      expect(bodies[0]).not.toContain('text-n0');
    } finally {
      db.close();
    }
    // a later snapshot (not within a second of the abandoned one) is complete, without the note
    hooks.afterPart = () => {};
    await new Promise((r) => setTimeout(r, 1000));
    await room.snapshotNow(5);
    const snap = (await store.latestSnapshot('w1'))!;
    expect(snap.seq).toBe(room.committed.seq);
    expect(plain((await snapshotState(snap))!)).toEqual(plain(room.committed));
  });
});

const plain = (state: WorkshopState) => JSON.parse(JSON.stringify(state)) as unknown;

describe('WorkshopRoom import', () => {
  async function imported() {
    const store = new ManualStore();
    const room = new WorkshopRoom('w9', store as unknown as EventStore, () => 0, emptyState(), []);
    const parsed = parseExport(JSON.parse(largeExport(0)));
    if (!parsed.ok) throw new Error(parsed.message);
    const ack = room.execute(
      { type: 'workshop:import', workshopId: 'w9', joinCode: 'ABCD2345', facilitatorId: 'fac', state: parsed.state },
      { kind: 'system' },
      null,
    );
    await store.commitAll();
    expect(await ack).toMatchObject({ ok: true });
    return { room, store };
  }

  it("keeps the committed state's records apart from the decided one's: a decided note is not shown before its commit", async () => {
    const { room, store } = await imported();
    const ack = room.execute(note('after-import'), { kind: 'participant', participantId: 'del1' }, null);
    await new Promise((r) => setTimeout(r, PUBLISH_TICK_MS * 2));
    expect(room.committed.notes['after-import']).toBeUndefined();
    await store.commitAll();
    expect(await ack).toMatchObject({ ok: true });
    expect(room.committed.notes['after-import']).toBeDefined();
  });

  it("hands the store the import's event with the state's JSON given by the caller spliced in, not serialised again", async () => {
    const store = new ManualStore();
    const room = new WorkshopRoom('w9', store as unknown as EventStore, () => 0, emptyState(), []);
    const parsed = parseExport(JSON.parse(largeExport(2)));
    if (!parsed.ok) throw new Error(parsed.message);
    const json = '{"given":"by the caller"}';
    const cmd: SystemCommand = {
      type: 'workshop:import',
      workshopId: 'w9',
      joinCode: 'ABCD2345',
      facilitatorId: 'fac',
      state: parsed.state,
    };
    const ack = room.execute(cmd, { kind: 'system' }, null, { preEncoded: { value: parsed.state, json } });
    await new Promise((r) => setTimeout(r, PUBLISH_TICK_MS * 2));
    const [appended] = store.queue;
    expect(appended!.batch.encodedEvents).toEqual([
      [1, expect.stringMatching(/^\{"type":"workshop:imported",.*"state":\{"given":"by the caller"\}\}$/)],
    ]);
    await store.commitAll();
    expect(await ack).toMatchObject({ ok: true });
  });

  it('stores a snapshot as soon as the import is published, so a cold load does not parse the import', async () => {
    const { room, store } = await imported();
    // the snapshot's parts are serialised a turn apart: wait for its head, however busy the machine
    await vi.waitFor(() => expect(store.snapshots).toEqual([room.committed.seq]), { timeout: 5000, interval: 5 });
    expect(store.parts.length).toBeGreaterThan(0);
  });
});

describe('encodedWith', () => {
  const value = { notes: { n1: { text: 'a $& b' } } };
  const json = JSON.stringify(value);
  const envelope = (seq: number, e: unknown) => ({ seq, at: 0, by: null, scope: null, e }) as unknown as Envelope;
  it.each([
    [
      'an event holding the value: its JSON, the value spliced in',
      [envelope(1, { type: 'x', workshop: { id: 'w' }, state: value })],
      [[1, 0]],
    ],
    ['deeper, and next to events without it', [envelope(1, { type: 'y' }), envelope(2, { type: 'x', a: { b: value } })], [[2, 1]]],
    ['an equal copy is not the value: nothing', [envelope(1, { type: 'x', state: structuredClone(value) })], []],
  ] as const)('%s', (_name, envelopes, expected) => {
    const out = encodedWith(envelopes, { value, json });
    expect(out).toEqual(expected.map(([seq, i]) => [seq, JSON.stringify(envelopes[i]!.e)]));
  });
});
