// Outages in cluster mode (issue 9), each on a private instance that the test stops and restarts
// (the shared services are never touched): Redis goes away and comes back; PostgreSQL is stopped
// for 5 s. After each, every acknowledged note is in the log exactly once, seq is gapless, and every
// tablemate, whatever node it is on, received every note of its table exactly once.
import { afterAll, describe, expect, it } from 'vitest';
import type { Ack } from '@world-cafe/shared';
import type { RunningServer } from '../helpers/server';
import { Bot, connect, createWorkshop, join, opId } from '../helpers/bots';
import { createTestDatabase, startPrivatePostgres, type PrivatePostgres, type TestDatabase } from '../helpers/postgres';
import { type PrivateRedis, logOf, sleep, startNodes, startPrivateRedis } from '../helpers/cluster';

const nodes: RunningServer[] = [];
const bots: Bot[] = [];
const dbs: TestDatabase[] = [];
let redis: PrivateRedis | undefined;
let pgServer: PrivatePostgres | undefined;
afterAll(async () => {
  for (const b of bots) b.close();
  for (const n of nodes) await n.kill();
  for (const d of dbs) await d.drop().catch(() => {});
  await redis?.stop();
  await pgServer?.destroy();
});

interface Writer {
  bot: Bot;
  node: number;
  acked: string[];
  refusals: Map<string, number>;
}

/** Two delegates at t1 on each of two nodes, and one more on each at t2; all write until stopped. */
async function room(databaseUrl: string, redisUrl: string) {
  const [a, b] = await startNodes(2, databaseUrl, redisUrl);
  nodes.push(a!, b!);
  const ws = await createWorkshop(a!.url);
  const writers: Array<Writer & { table: string }> = [];
  for (const [i, node, table] of [
    [0, 0, 't1'],
    [1, 1, 't1'],
    [2, 0, 't1'],
    [3, 1, 't1'],
    [4, 0, 't2'],
    [5, 1, 't2'],
  ] as const) {
    const url = [a!, b!][node]!.url;
    const bot = await connect(url, await join(url, ws.joinCode, `D${i}`));
    bots.push(bot);
    const w = { bot, node, table, acked: [] as string[], refusals: new Map<string, number>() };
    expect(
      await sendUntilOk(w, { type: 'seat:assign', clientOpId: opId('seat'), participantId: bot.participantId, tableId: table }, 15_000),
    ).toBe(true);
    writers.push(w);
  }
  for (const w of writers) await w.bot.until((x) => x.state.seats[x.participantId] === w.table, 15_000);
  return { ws, writers, nodes: [a!, b!] };
}

/** Resends the same command (same clientOpId) until it is acknowledged or `ms` pass. */
async function sendUntilOk(w: Writer, cmd: Parameters<Bot['send']>[0] & { clientOpId: string }, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    w.bot.ackTimeoutMs = 5000;
    const ack: Ack | null = await w.bot.send(cmd).catch(() => null);
    if (ack?.ok) return true;
    const code = ack ? ack.error.code : 'timeout';
    if (ack && !['unavailable', 'internal', 'overloaded'].includes(code)) throw new Error(`refused: ${JSON.stringify(ack)}`);
    w.refusals.set(code, (w.refusals.get(code) ?? 0) + 1);
    await sleep(200);
  }
  return false;
}

function stream(writers: Writer[]) {
  let stop = false;
  const loops = writers.map(async (w, wi) => {
    for (let n = 0; !stop; n++) {
      const noteId = `o-${wi}-${n}-${Math.random().toString(36).slice(2, 6)}`;
      const cmd = {
        type: 'note:create' as const,
        clientOpId: `op-${noteId}`,
        noteId,
        tableId: (w as Writer & { table: string }).table,
        text: `n ${n}`,
        color: 'yellow' as const,
        x: 0,
        y: 0,
      };
      if (await sendUntilOk(w, cmd, 60_000)) w.acked.push(noteId);
    }
  });
  return async () => {
    stop = true;
    await Promise.all(loops);
  };
}

async function verify(databaseUrl: string, workshopId: string, writers: Array<Writer & { table: string }>) {
  // a last note per writer: everyone must have caught up with everything before it
  const marker = `mark-${Math.random().toString(36).slice(2, 8)}`;
  expect(
    await sendUntilOk(
      writers[0]!,
      { type: 'note:create', clientOpId: opId('m'), noteId: marker, tableId: 't1', text: 'marker', color: 'blue', x: 0, y: 0 },
      30_000,
    ),
  ).toBe(true);
  for (const w of writers.filter((x) => x.table === 't1')) await w.bot.until((x) => x.state.notes[marker] !== undefined, 20_000);
  await sleep(1500);
  const log = await logOf(databaseUrl, workshopId);
  expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  const created = log.flatMap((env) => (env.e.type === 'note:created' ? [{ id: env.e.note.id, table: env.e.note.tableId }] : []));
  expect(new Set(created.map((c) => c.id)).size).toBe(created.length);
  const ids = new Set(created.map((c) => c.id));
  for (const w of writers) for (const id of w.acked) expect(ids.has(id), id).toBe(true);
  for (const w of writers) {
    const got = w.bot.received.flatMap((env) => (env.e.type === 'note:created' ? [env.e.note.id] : []));
    expect(new Set(got).size).toBe(got.length);
    expect(got.sort()).toEqual(
      created
        .filter((c) => c.table === w.table)
        .map((c) => c.id)
        .sort(),
    );
  }
  return created.length;
}

describe('outages', () => {
  it('Redis stops and restarts: the owner keeps serving its sockets, cross-node delivery recovers by itself', async () => {
    redis = await startPrivateRedis();
    const db = await createTestDatabase();
    dbs.push(db);
    const {
      ws,
      writers,
      nodes: [a],
    } = await room(db.url, redis.url);
    const done = stream(writers);
    await sleep(1000);
    await redis.stop();
    const during = writers.map((w) => w.acked.length);
    await sleep(3000);
    // the owner's own sockets kept writing; the other node's got refusals and retried
    const ownerWriters = writers.filter((w) => w.node === 0);
    expect(ownerWriters.some((w) => w.acked.length > during[writers.indexOf(w)]!)).toBe(true);
    const ready = await fetch(`${a!.url}/api/ready`);
    expect(ready.status).toBe(503);
    await redis.start();
    const after = writers.map((w) => w.acked.length);
    const t0 = Date.now();
    // the other node's writers get acks again without anyone doing anything
    while (writers.some((w, i) => w.node === 1 && w.acked.length === after[i]) && Date.now() - t0 < 20_000) await sleep(100);
    console.info(`redis back: node B writes again after ${Date.now() - t0} ms`);
    await sleep(1000);
    await done();
    const n = await verify(db.url, ws.workshopId, writers);
    console.info(`redis outage: ${n} notes, refusals ${JSON.stringify(writers.map((w) => Object.fromEntries(w.refusals)))}`);
  }, 120_000);

  it('PostgreSQL stops for 5 s: commands get `unavailable`, never an ack; service resumes by itself', async () => {
    pgServer = await startPrivatePostgres();
    const { ws, writers } = await room(pgServer.url, process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    const done = stream(writers);
    await sleep(1000);
    await pgServer.stop();
    const stoppedAt = Date.now();
    const atStop = writers.map((w) => w.acked.length);
    await sleep(5000);
    // nothing could be acknowledged while the database was down (allow for acks already in flight)
    const late = writers.map((w, i) => w.acked.length - atStop[i]!);
    await pgServer.start();
    const restartedAt = Date.now();
    const before = writers.map((w) => w.acked.length);
    while (writers.every((w, i) => w.acked.length === before[i]) && Date.now() - restartedAt < 20_000) await sleep(100);
    console.info(`postgres back: writes resume after ${Date.now() - restartedAt} ms (down ${restartedAt - stoppedAt} ms)`);
    expect(Date.now() - restartedAt).toBeLessThan(20_000);
    await sleep(1000);
    await done();
    expect(late.every((n) => n <= 1)).toBe(true);
    const unavailable = writers.reduce((s, w) => s + (w.refusals.get('unavailable') ?? 0), 0);
    expect(unavailable).toBeGreaterThan(0);
    const n = await verify(pgServer.url, ws.workshopId, writers);
    console.info(`postgres outage: ${n} notes, refusals ${JSON.stringify(writers.map((w) => Object.fromEntries(w.refusals)))}`);
  }, 120_000);
});
