// Cold start of a long log: a workshop with 100,000 events loads within 2 s, from its latest
// snapshot plus the events after it (the whole-log replay is measured and printed too).
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { type DomainEvent, type Envelope, scopeOf } from '@world-cafe/shared';
import { smallCreateCommand } from '@world-cafe/shared/testing';
import { SqliteEventStore } from '../../server/src/store/sqliteStore';
import { WorkshopRoom } from '../../server/src/realtime/workshopRoom';
import { tempDataDir } from '../helpers/server';

const EVENTS = 100_000;

/** A realistic mix: 100 people at two tables creating, moving and editing notes. */
async function writeLongLog(store: SqliteEventStore): Promise<void> {
  const room = new WorkshopRoom('w1', store, () => 0, (await import('@world-cafe/shared')).emptyState(), []);
  const sys = { kind: 'system' } as const;
  expect(
    await room.execute(smallCreateCommand({ delegations: [], capacity: 60 }), sys, null, {
      workshop: { id: 'w1', joinCode: 'ABCDEFGH', createdAt: 0 },
    }),
  ).toMatchObject({ ok: true });
  for (let p = 0; p < 100; p++) {
    await room.execute(
      { type: 'participant:join', participantId: `p${p}`, name: `P ${p}`, delegationId: null, role: 'delegate' },
      sys,
      null,
    );
    await room.execute(
      { type: 'seat:assign', clientOpId: `s-${p}-xxxx`, participantId: `p${p}`, tableId: p % 2 ? 't1' : 't2' },
      { kind: 'participant', participantId: `p${p}` },
      null,
    );
  }
  // the rest written as envelopes straight to the log (building them through decide takes longer than the load)
  let seq = room.committed.seq;
  room.dispose();
  const batch: Envelope[] = [];
  for (let n = 0; seq < EVENTS; n++) {
    const p = `p${n % 100}`;
    const table = n % 2 ? 't1' : 't2';
    const e: DomainEvent =
      n % 3 === 0 || n < 3
        ? {
            type: 'note:created',
            note: {
              id: `n${n}`,
              tableId: table,
              round: 0,
              authorId: p,
              delegationId: null,
              text: `note ${n} on civil-service cooperation`,
              color: 'yellow',
              x: n % 500,
              y: 3,
              createdAt: n,
              editedAt: null,
            } as never,
          }
        : n % 3 === 1
          ? { type: 'note:moved', tableId: table === 't1' ? 't2' : 't1', noteId: `n${n - 1}`, x: 10, y: 20 }
          : ({ type: 'note:edited', tableId: table, noteId: `n${n - 2}`, text: `edited ${n}`, editedAt: n } as never);
    batch.push({ seq: ++seq, at: n, by: p, scope: scopeOf(e), e });
    if (batch.length === 2000) await store.append({ workshopId: 'w1', opKey: null, envelopes: batch.splice(0) });
  }
  if (batch.length) await store.append({ workshopId: 'w1', opKey: null, envelopes: batch.splice(0) });
}

describe('cold load', () => {
  it(`loads a workshop of ${EVENTS.toLocaleString('en')} events in at most 2 s`, async () => {
    const file = path.join(tempDataDir(), 'worldcafe.db');
    const writer = new SqliteEventStore({ file, synchronous: 'normal', writer: 'inline' });
    await writeLongLog(writer);
    await writer.close();

    // the running server would have written snapshots along the way; one near the end, then more events
    const store = new SqliteEventStore({ file, synchronous: 'normal' });
    const t1 = performance.now();
    const replayed = await WorkshopRoom.load('w1', store, () => 0);
    const replayMs = performance.now() - t1;
    const replayedState = replayed.committed;
    await replayed.snapshotNow();
    replayed.dispose();
    expect(await store.latestSnapshot('w1')).toMatchObject({ seq: EVENTS });

    const t0 = performance.now();
    const room = await WorkshopRoom.load('w1', store, () => 0);
    const ms = performance.now() - t0;
    console.info(
      `cold load: ${EVENTS} events in ${ms.toFixed(0)} ms from a snapshot (whole-log replay: ${replayMs.toFixed(0)} ms), ${Object.keys(room.committed.notes).length} notes`,
    );
    expect(room.committed).toEqual(replayedState);
    expect(room.committed.seq).toBe(EVENTS);
    expect(Object.keys(room.committed.notes).length).toBeGreaterThan(30_000);
    expect(ms).toBeLessThan(2000);
    room.dispose();
    await store.close();
  }, 120_000);
});
