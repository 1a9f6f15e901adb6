// A PostgreSQL store while its server goes away and comes back: appends reject (never resolve)
// during the outage, nothing acknowledged is lost, and the same store object works again once the
// server is back, without a restart. Uses a PRIVATE server (initdb + pg_ctl on a free port): the
// machine's shared PostgreSQL is never stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresEventStore } from '../../server/src/store/postgresStore';
import { batch } from '../../server/src/store/eventStore.contract';
import { type PrivatePostgres, startPrivatePostgres } from '../helpers/postgres';

let server: PrivatePostgres;
let store: PostgresEventStore;
const logged: string[] = [];

beforeAll(async () => {
  server = await startPrivatePostgres();
  store = await PostgresEventStore.open({
    url: server.url,
    max: 4,
    connectTimeoutMs: 1_000,
    queryTimeoutMs: 5_000,
    logger: { error: (_o, msg) => logged.push(msg) },
  });
});
afterAll(async () => {
  await store?.close().catch(() => {});
  await server?.destroy();
});

async function until(what: string, fn: () => Promise<unknown>, ms = 20_000): Promise<number> {
  const start = Date.now();
  for (;;) {
    try {
      await fn();
      return Date.now() - start;
    } catch (err) {
      if (Date.now() - start > ms) throw new Error(`${what} not within ${ms} ms: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('PostgresEventStore when the database is unreachable', () => {
  it('rejects appends and pings while the server is down, keeps every acknowledged append, recovers by itself', async () => {
    const w = 'outage-w1';
    for (let seq = 1; seq <= 5; seq++) await store.append(batch(w, [seq]));
    await store.ping();

    // a stream of appends with the server stopped in the middle of it
    const acked: number[] = [];
    const refused: number[] = [];
    const stream = Array.from({ length: 200 }, (_, i) => {
      const seq = 6 + i;
      return store.append(batch(w, [seq])).then(
        () => acked.push(seq),
        () => refused.push(seq),
      );
    });
    await new Promise((r) => setImmediate(r));
    await server.stop();
    await Promise.all(stream);
    expect(acked.length + refused.length).toBe(200);

    // down: every append and ping fails, none resolves
    const t0 = Date.now();
    const during = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => store.append(batch(`outage-w2`, [i + 1]))));
    expect(during.every((r) => r.status === 'rejected')).toBe(true);
    expect(Date.now() - t0).toBeLessThan(15_000); // fails fast (connect timeout), does not hang
    await expect(store.ping()).rejects.toThrow();

    await server.start();
    const back = await until('the store answers again', () => store.ping());
    expect(back).toBeLessThan(20_000);

    // nothing acknowledged was lost, and the log has no hole
    const stored = (await store.readSince(w, 0)).map((e) => e.seq);
    expect(stored).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    for (const seq of acked) expect(stored).toContain(seq);
    expect(stored.length).toBeGreaterThanOrEqual(5 + acked.length);

    // the same store object writes again, continuing from the log
    const head = await store.headSeq(w);
    await store.append(batch(w, [head + 1]));
    await store.append(batch(`outage-w2`, [1]));
    expect(await store.headSeq(w)).toBe(head + 1);
    expect((await store.readSince('outage-w2', 0)).map((e) => e.seq)).toEqual([1]);
  });
});
