// Startup without a service (issue 15, item 6): a node whose PostgreSQL or Redis is down when it
// starts listens anyway, answers GET /api/health, says in GET /api/ready which service it waits for
// and since when, and starts serving by itself once the service is back. Private PostgreSQL and
// Redis instances (the shared ones are never stopped).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WaitedService, readinessSchema } from '@world-cafe/shared';
import { type RunningServer, STARTING, startServer } from '../helpers/server';
import { Bot, connect, createWorkshop, join, notesOf, opId } from '../helpers/bots';
import { startPrivatePostgres, type PrivatePostgres } from '../helpers/postgres';
import { FAST, type PrivateRedis, sleep, startPrivateRedis } from '../helpers/cluster';

let pgServer: PrivatePostgres;
let redis: PrivateRedis;
const nodes: RunningServer[] = [];
const bots: Bot[] = [];
beforeAll(async () => {
  pgServer = await startPrivatePostgres();
  redis = await startPrivateRedis();
}, 120_000);
afterAll(async () => {
  for (const b of bots) b.close();
  for (const n of nodes) await n.kill();
  await redis?.stop();
  await pgServer?.destroy();
});

async function get(url: string) {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as unknown, retryAfter: res.headers.get('retry-after') };
}

async function untilReady(base: string, ms: number) {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(200)) if ((await get(`${base}/api/ready`)).status === 200) return;
  throw new Error(`not ready within ${ms} ms: ${JSON.stringify((await get(`${base}/api/ready`)).body)}`);
}

describe.each<[WaitedService, string, () => PrivatePostgres | PrivateRedis]>([
  ['postgresql', 'PostgreSQL', () => pgServer],
  ['redis', 'Redis', () => redis],
])('a node started while %s is down', (service, name, instance) => {
  it('answers health, says why it is not ready, and serves a workshop once the service is back', async () => {
    await instance().stop();
    const before = Date.now();
    const node = await startServer({ env: { ...FAST, DATABASE_URL: pgServer.url, REDIS_URL: redis.url }, until: STARTING });
    nodes.push(node);

    // waiting: alive, not ready, and it says for what and since when
    await sleep(1500); // a few failed attempts
    expect(await get(`${node.url}/api/health`)).toMatchObject({ status: 200, body: { ok: true } });
    const waiting = await get(`${node.url}/api/ready`);
    expect(waiting.status).toBe(503);
    const readiness = readinessSchema.parse(waiting.body);
    if (readiness.ok) throw new Error('ready while its service is down');
    expect(readiness.waitingFor?.map((w) => w.service)).toEqual([service]);
    const since = Date.parse(readiness.waitingFor![0]!.since);
    expect(since).toBeGreaterThanOrEqual(before - 1000);
    expect(since).toBeLessThanOrEqual(Date.now());
    expect(readiness.waitingFor![0]!.error).toBeTruthy(); // the connection error, for the operator
    expect(readiness.reason).toBe(`starting: waiting for ${name} since ${readiness.waitingFor![0]!.since}`);
    // anything else is refused plainly, with a hint to retry
    const create = await fetch(`${node.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(create.status).toBe(503);
    expect(create.headers.get('retry-after')).toBe('2');
    expect(await create.json()).toMatchObject({ error: { code: 'unavailable' } });
    // still waiting a while later: the same "since" (the first failure), not the last retry
    await sleep(1000);
    const later = readinessSchema.parse((await get(`${node.url}/api/ready`)).body);
    expect(later).toMatchObject({ ok: false, waitingFor: [{ service, since: readiness.waitingFor![0]!.since }] });

    // the service comes back: the node comes up by itself and serves a workshop
    await instance().start();
    await untilReady(node.url, 30_000);
    expect(await get(`${node.url}/api/ready`)).toMatchObject({ status: 200, body: { ok: true } });
    const ws = await createWorkshop(node.url);
    const bot = await connect(node.url, await join(node.url, ws.joinCode, 'Late start'));
    bots.push(bot);
    bot.ackTimeoutMs = 10_000;
    expect(
      await bot.send({ type: 'seat:assign', clientOpId: opId('seat'), participantId: bot.participantId, tableId: 't1' }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await bot.send({
        type: 'note:create',
        noteId: `late-${service}`,
        tableId: 't1',
        text: 'after the wait',
        color: 'yellow',
        x: 0,
        y: 0,
      }),
    ).toMatchObject({ ok: true });
    await bot.until((b) => notesOf(b.state).some((n) => n.text === 'after the wait'), 10_000);
  }, 120_000);
});
