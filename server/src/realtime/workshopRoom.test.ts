import { describe, expect, it } from 'vitest';
import { smallCreateCommand } from '../../../shared/src/testing/fixtures';
import { emptyState, type Command, type DomainEvent, type Envelope, type SystemCommand } from '@world-cafe/shared';
import type { AppendBatch, EventStore } from '../store/eventStore';
import { WorkshopRoom } from './workshopRoom';

/** A store whose appends complete only when the test says so. */
class ManualStore {
  queue: Array<{ batch: AppendBatch; resolve: () => void; reject: (e: Error) => void }> = [];
  append(batch: AppendBatch): Promise<void> {
    return new Promise((resolve, reject) => this.queue.push({ batch, resolve, reject }));
  }
  /** Commits everything appended so far, in order. */
  async commitAll() {
    const q = this.queue;
    this.queue = [];
    for (const a of q) a.resolve();
    await new Promise((r) => setImmediate(r));
  }
}

type Log = Array<{ kind: 'preview'; scope: string; by: string; events: DomainEvent[] } | { kind: 'publish'; envelopes: Envelope[] }>;

async function setup() {
  const store = new ManualStore();
  const log: Log = [];
  const room = new WorkshopRoom(
    'w1',
    store as unknown as EventStore,
    (_w, envelopes) => log.push({ kind: 'publish', envelopes }),
    emptyState(),
    [],
    [],
    (_w, scope, by, events) => log.push({ kind: 'preview', scope, by, events }),
  );
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
  return { room, store, log };
}

const note = (id: string): Command => ({ type: 'note:create', clientOpId: `op-${id}-xxxx`, noteId: id, tableId: 't1', text: 'hi', color: 'yellow', x: 0, y: 0 });
const ann = { kind: 'participant', participantId: 'ann' } as const;

describe('WorkshopRoom previews', () => {
  it('previews a note change as soon as it is decided, before its commit is published', async () => {
    const { room, store, log } = await setup();
    const ack = room.execute(note('n1'), ann, 'ann:op-n1-xxxx');
    expect(log).toEqual([{ kind: 'preview', scope: 't:t1', by: 'ann', events: [expect.objectContaining({ type: 'note:created' })] }]);
    await store.commitAll();
    expect(await ack).toMatchObject({ ok: true });
    expect(log.map((l) => l.kind)).toEqual(['preview', 'publish']);
    expect((log[1] as { envelopes: Envelope[] }).envelopes[0]!.e).toBe((log[0] as { events: DomainEvent[] }).events[0]);
    // a retry is answered from the first result, without a second preview
    expect(await room.execute(note('n1'), ann, 'ann:op-n1-xxxx')).toMatchObject({ ok: true, duplicate: true });
    expect(log).toHaveLength(2);
  });

  it('does not preview rejected commands, system commands or changes that are not notes', async () => {
    const { room, store, log } = await setup();
    expect(await room.execute({ type: 'note:edit', clientOpId: 'ed-xxxx', noteId: 'nope', text: 'x' }, ann, null)).toMatchObject({ ok: false });
    const p = room.execute({ type: 'workshop:update', clientOpId: 'upd-xxxx', purpose: 'x' }, { kind: 'participant', participantId: 'fac' }, null);
    await store.commitAll();
    expect(await p).toMatchObject({ ok: true });
    expect(log.map((l) => l.kind)).toEqual(['publish']);
  });

  it('sends no previews while a change of who sees which table is uncommitted', async () => {
    const { room, store, log } = await setup();
    // ben moves to t2 (decided, not committed): the rooms still hold him at t1
    const move = room.execute({ type: 'seat:assign', clientOpId: 'seat-ben-2xxx', participantId: 'ben', tableId: 't2' }, { kind: 'participant', participantId: 'ben' }, null);
    const n1 = room.execute(note('n1'), ann, null);
    expect(log).toEqual([]);
    await store.commitAll();
    expect(await move).toMatchObject({ ok: true });
    expect(await n1).toMatchObject({ ok: true });
    expect(log.map((l) => l.kind)).toEqual(['publish', 'publish']);
    // committed: previews resume
    const n2 = room.execute(note('n2'), ann, null);
    expect(log.at(-1)).toMatchObject({ kind: 'preview', by: 'ann' });
    await store.commitAll();
    await n2;
  });

  it('commands committed in one group are published in seq order, each before its ack', async () => {
    const { room, store, log } = await setup();
    const order: string[] = [];
    const acks = Array.from({ length: 50 }, (_, i) =>
      room.execute(note(`g${i}`), ann, null).then((ack) => {
        order.push(`ack ${ack.ok && ack.seq}`);
        return ack;
      }),
    );
    const first = room.committed.seq;
    await store.commitAll();
    await Promise.all(acks);
    const published = log.filter((l) => l.kind === 'publish').map((l) => (l as { envelopes: Envelope[] }).envelopes[0]!.seq);
    expect(published).toEqual(Array.from({ length: 50 }, (_, i) => first + 1 + i));
    expect(order).toEqual(published.map((s) => `ack ${s}`));
    expect(room.committed.seq).toBe(first + 50);
  });

  it('a failed commit leaves the preview unconfirmed and the room broken', async () => {
    const { room, store, log } = await setup();
    const p = room.execute(note('n1'), ann, null);
    expect(log.map((l) => l.kind)).toEqual(['preview']);
    store.queue.shift()!.reject(new Error('disk full'));
    expect(await p).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(room.broken).toBe(true);
    expect(log.map((l) => l.kind)).toEqual(['preview']);
  });
});
