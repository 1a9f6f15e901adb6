// The writer fence (cluster mode): an append carrying a lease session's pid is stored only while that
// session holds the workshop's lock, checked inside the append's transaction. A former owner that
// has not noticed it lost its lease appends nothing, even at the right seq.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '@world-cafe/shared';
import { PostgresEventStore } from '../../server/src/store/postgresStore';
import { WorkshopLeases } from '../../server/src/cluster/leases';
import { type TestDatabase, createTestDatabase } from '../helpers/postgres';

let db: TestDatabase;
let store: PostgresEventStore;
const quiet = { warn: () => {}, info: () => {} };
beforeAll(async () => {
  db = await createTestDatabase();
  store = await PostgresEventStore.open({ url: db.url, max: 4 });
});
afterAll(async () => {
  await store?.close();
  await db?.drop();
});

const env = (seq: number): Envelope => ({ seq, at: seq, by: null, scope: null, e: { type: 'workshop:updated', title: `t${seq}` } });
const batch = (w: string, seq: number, fence?: number | null) => ({ workshopId: w, opKey: null, envelopes: [env(seq)], fence });

describe('writer fence', () => {
  it('stores a fenced batch only while its lease session holds the lock; the first batch of a workshop is not fenced', async () => {
    const a = new WorkshopLeases(db.url, quiet);
    const b = new WorkshopLeases(db.url, quiet);
    try {
      const w = `fence-${Date.now().toString(36)}`;
      expect(await a.tryAcquire(w)).toBe(true);
      const pidA = a.fencePid()!;
      await store.append(batch(w, 1, null)); // seq 1: a brand-new id, never fenced
      await store.append(batch(w, 2, pidA));
      // b cannot take it while a holds it, and b's session may not write
      expect(await b.tryAcquire(w)).toBe(false);
      expect(await b.tryAcquire(`${w}-warm`)).toBe(true); // opens b's session
      await expect(store.append(batch(w, 3, b.fencePid()))).rejects.toMatchObject({ code: 'NOT_OWNER' });
      await expect(store.append(batch(w, 3, null))).rejects.toMatchObject({ code: 'NOT_OWNER' });
      // a's session ends (a killed node): b takes the lease; a's room, unaware, is refused at seq 3
      await a.close();
      expect(await b.tryAcquire(w)).toBe(true);
      await expect(store.append(batch(w, 3, pidA))).rejects.toMatchObject({ code: 'NOT_OWNER' });
      await store.append(batch(w, 3, b.fencePid()));
      expect((await store.readSince(w, 0)).map((e) => e.seq)).toEqual([1, 2, 3]);
      // unfenced batches (one node, SQLite-like use) are not checked
      await store.append(batch(w, 4));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a lease asked for twice at once is held once: one release frees it for another node', async () => {
    const a = new WorkshopLeases(db.url, quiet);
    const b = new WorkshopLeases(db.url, quiet);
    try {
      const w = `twice-${Date.now().toString(36)}`;
      // the poll and a forwarded command ask in the same tick (the lock is re-entrant per session)
      expect(await Promise.all([a.tryAcquire(w), a.tryAcquire(w), a.tryAcquire(w)])).toEqual([true, true, true]);
      expect(await b.tryAcquire(w)).toBe(false);
      await a.release(w);
      expect(a.holds(w)).toBe(false);
      expect(await b.tryAcquire(w)).toBe(true);
      // and the lease a asked for once, after its release, is b's
      expect(await a.tryAcquire(w)).toBe(false);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
