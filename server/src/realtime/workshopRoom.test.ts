import { describe, expect, it } from 'vitest';
import { smallCreateCommand } from '@world-cafe/shared/testing';
import { emptyState, type Command, type Envelope, type SystemCommand } from '@world-cafe/shared';
import type { AppendBatch, EventStore } from '../store/eventStore';
import type { Publication } from './fanout';
import { OpWindow, PUBLISH_TICK_MS, WorkshopRoom } from './workshopRoom';
import { admission, configureAdmission } from './admission';

/** A store whose appends complete only when the test says so. */
class ManualStore {
  queue: Array<{ batch: AppendBatch; resolve: () => void; reject: (e: Error) => void }> = [];
  /** Seqs of the snapshots saved. */
  snapshots: number[] = [];
  saveSnapshot(_w: string, seq: number): Promise<void> {
    this.snapshots.push(seq);
    return Promise.resolve();
  }
  append(batch: AppendBatch): Promise<void> {
    return new Promise((resolve, reject) => this.queue.push({ batch, resolve, reject }));
  }
  /** Commits everything appended so far, in order, and lets the next publish tick pass. */
  async commitAll() {
    const q = this.queue;
    this.queue = [];
    for (const a of q) a.resolve();
    await new Promise((r) => setTimeout(r, PUBLISH_TICK_MS * 2 + 5));
  }
}

async function setup() {
  const store = new ManualStore();
  const log: Publication[] = [];
  const hooks = { onPublish: (pub: Publication) => void log.push(pub) };
  const room = new WorkshopRoom('w1', store as unknown as EventStore, (_w, pub) => hooks.onPublish(pub), emptyState(), [], []);
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

const note = (id: string): Command => ({
  type: 'note:create',
  clientOpId: `op-${id}-xxxx`,
  noteId: id,
  tableId: 't1',
  text: 'hi',
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

  it('spaces publications by the tick: commits that land meanwhile wait for the next batch', async () => {
    const { room, store, log, hooks } = await setup();
    const times: number[] = [];
    const t0 = performance.now();
    hooks.onPublish = (pub: Publication) => {
      times.push(performance.now() - t0);
      log.push(pub);
    };
    for (let i = 0; i < 5; i++) {
      const p = room.execute(note(`s${i}`), ann, null);
      const q = store.queue;
      store.queue = [];
      for (const a of q) a.resolve();
      await new Promise((r) => setTimeout(r, 2));
      void p;
    }
    await new Promise((r) => setTimeout(r, PUBLISH_TICK_MS * 3));
    expect(seqs(log)).toHaveLength(5);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(PUBLISH_TICK_MS - 2);
    expect(log.length).toBeLessThan(5);
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
    await store.commitAll();
    expect(await deleted).toMatchObject({ ok: true });
    // once the deletion is committed, a snapshot (which no longer holds the text) is saved
    await room.snapshotNow();
    expect(store.snapshots).toEqual([store.snapshots[0], room.committed.seq]);
  });
});
