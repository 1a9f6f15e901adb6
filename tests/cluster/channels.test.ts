// Issue 15 items 4 and 5: each node hears only its workshops, and "who is online" counts people on
// every node. Every node reaches Redis through its own counting proxy (tests/helpers/redisMeter.ts),
// so what a node receives is measured on its Redis connections, per channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONLINE_TICK_MS, ROSTER_REFRESH_MS, ROSTER_TTL_MS } from '@world-cafe/shared';
import type { RunningServer } from '../helpers/server';
import { Bot, connect, createWorkshop, join, opId, type CreatedWorkshop } from '../helpers/bots';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';
import { FAST, type PrivateRedis, sleep, startPrivateRedis } from '../helpers/cluster';
import { startServer } from '../helpers/server';
import { RedisMeter } from '../helpers/redisMeter';

const REDIS = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
// a prefix of this run's own: other clusters on the shared Redis must not be heard (nor hear us)
const PREFIX = `wc-test-${process.pid}-${Date.now().toString(36)}`;
const TABLES = [{ id: 't1', name: 'Table 1', themeId: null, question: 'Q?', capacity: 12 }];

let db: TestDatabase;
const nodes: RunningServer[] = [];
const meters: RedisMeter[] = [];
const bots: Bot[] = [];
let privateRedis: PrivateRedis | undefined;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const b of bots) b.close();
  for (const n of nodes) await n.kill();
  for (const m of meters) await m.close();
  await privateRedis?.stop();
  await db?.drop();
});

async function startNode(
  redis = { host: REDIS.hostname, port: Number(REDIS.port || 6379) },
): Promise<{ node: RunningServer; meter: RedisMeter }> {
  const meter = new RedisMeter(redis);
  const url = await meter.start();
  const node = await startServer({ env: { ...FAST, DATABASE_URL: db.url, REDIS_URL: url, REDIS_KEY_PREFIX: PREFIX } });
  nodes.push(node);
  meters.push(meter);
  return { node, meter };
}

/** Resolves once `pred` holds (checked every 20 ms), rejects after `ms`. */
async function waitFor(pred: () => boolean, ms: number, what: string) {
  for (const until = Date.now() + ms; !pred(); await sleep(20)) if (Date.now() > until) throw new Error(`timed out: ${what}`);
}

/** A bot that also keeps the `online` roster it is told. */
async function person(base: string, who: { token: string; participantId: string }) {
  const bot = new Bot(base, who.token, who.participantId);
  const online = new Set<string>();
  bot.socket.on('online', (msg) => {
    if (msg.kind === 'all') {
      online.clear();
      for (const p of msg.participantIds) online.add(p);
    } else {
      for (const p of msg.online) online.add(p);
      for (const p of msg.offline) online.delete(p);
    }
  });
  await bot.ready();
  bots.push(bot);
  return { bot, online };
}

async function seatedDelegate(base: string, ws: CreatedWorkshop, fac: Bot, name: string) {
  const d = await connect(base, await join(base, ws.joinCode, name));
  bots.push(d);
  const ack = await fac.send({ type: 'seat:assign', participantId: d.participantId, tableId: 't1' });
  expect(ack.ok).toBe(true);
  await d.until((b) => b.state.seats[b.participantId] === 't1', 10_000);
  return d;
}

/** Notes and typing at the workshop's table from every given writer; resolves when all are acked. */
async function write(writers: Bot[], count: number) {
  for (let n = 0; n < count; n++)
    for (const w of writers) {
      w.socket.emit('typing', { tableId: 't1', typing: n % 2 === 0 });
      const ack = await w.send({
        type: 'note:create',
        clientOpId: opId('n'),
        noteId: opId('note'),
        tableId: 't1',
        text: `note ${n}`,
        color: 'yellow',
        x: n,
        y: 0,
      });
      expect(ack.ok).toBe(true);
    }
}

describe('per-workshop channels', () => {
  it('a node with no socket of a workshop receives none of its traffic', async () => {
    const a = await startNode();
    const b = await startNode();
    const c = await startNode();
    // W1 lives on A (created there: A decides) and B (a delegate there: commands forwarded, batches relayed)
    const w1 = await createWorkshop(a.node.url, { tables: TABLES });
    const fac1 = await connect(a.node.url, { token: w1.facilitatorKey, participantId: w1.participantId });
    bots.push(fac1);
    const onA = await seatedDelegate(a.node.url, w1, fac1, 'On A');
    const onB = await seatedDelegate(b.node.url, w1, fac1, 'On B');
    // W2 lives on C only
    const w2 = await createWorkshop(c.node.url, { tables: TABLES });
    const fac2 = await connect(c.node.url, { token: w2.facilitatorKey, participantId: w2.participantId });
    bots.push(fac2);
    const onC = await seatedDelegate(c.node.url, w2, fac2, 'On C');
    await sleep(ROSTER_REFRESH_MS);
    for (const m of meters) m.reset();

    await Promise.all([write([onA, onB], 20), write([onC], 20)]);
    // everyone got the other node's notes (the traffic did flow where it had to)
    await onB.until((x) => Object.keys(x.state.notes).length === 40, 10_000);
    await onA.until((x) => Object.keys(x.state.notes).length === 40, 10_000);
    await onC.until((x) => Object.keys(x.state.notes).length === 20, 10_000);
    await sleep(2 * ROSTER_REFRESH_MS); // roster refreshes included

    const [ma, mb, mc] = meters as [RedisMeter, RedisMeter, RedisMeter];
    // C has no socket of W1 and does not decide for it: nothing of W1, and nothing on any shared channel
    expect(mc.bytesMatching([w1.workshopId])).toBe(0);
    const cChannels = [...mc.byChannel.keys()];
    expect(cChannels.filter((ch) => !ch.includes(w2.workshopId))).toEqual([]);
    // A and B have no socket of W2
    expect(ma.bytesMatching([w2.workshopId])).toBe(0);
    expect(mb.bytesMatching([w2.workshopId])).toBe(0);
    // positive controls: B heard W1's batches, A the commands forwarded from B
    expect(mb.byChannel.get(`${PREFIX}#wc#w#${w1.workshopId}#`) ?? 0).toBeGreaterThan(0);
    expect(ma.byChannel.get(`${PREFIX}#wc#c#${w1.workshopId}#`) ?? 0).toBeGreaterThan(0);

    // a socket of W1 on C (the facilitator's second device): C hears W1 while it is there ...
    const visitor = await connect(c.node.url, { token: w1.facilitatorKey, participantId: w1.participantId });
    bots.push(visitor);
    mc.reset();
    await write([onA], 5);
    await visitor.until((x) => Object.keys(x.state.notes).length === 45, 10_000);
    expect(mc.bytesMatching([w1.workshopId])).toBeGreaterThan(0);
    // ... and not any more once it left
    visitor.close();
    await sleep(500);
    mc.reset();
    await write([onA, onB], 5);
    await onB.until((x) => Object.keys(x.state.notes).length === 55, 10_000);
    await sleep(2 * ROSTER_REFRESH_MS);
    expect(mc.bytesMatching([w1.workshopId])).toBe(0);
  }, 90_000);
});

describe('Redis lost', () => {
  it('a workshop a node gained while Redis was down is heard once Redis is back', async () => {
    privateRedis = await startPrivateRedis();
    const target = { host: '127.0.0.1', port: privateRedis.port };
    const a = await startNode(target);
    const b = await startNode(target);
    const ws = await createWorkshop(a.node.url, { tables: TABLES });
    const fac = await connect(a.node.url, { token: ws.facilitatorKey, participantId: ws.participantId });
    bots.push(fac);
    await privateRedis.stop();
    // B gets its first socket of the workshop now: its subscription cannot be made
    const second = await connect(b.node.url, { token: ws.facilitatorKey, participantId: ws.participantId });
    bots.push(second);
    await privateRedis.start();
    await sleep(3000); // both nodes reconnect (backing off up to 2 s)
    b.meter.reset();
    for (let n = 0; n < 5; n++) {
      const ack = await fac.send({
        type: 'note:create',
        clientOpId: opId('n'),
        noteId: opId('note'),
        tableId: 't1',
        text: `after ${n}`,
        color: 'yellow',
        x: n,
        y: 0,
      });
      expect(ack.ok).toBe(true);
    }
    await second.until((x) => Object.keys(x.state.notes).length === 5, 10_000);
    // heard on the workshop's channel, not only read from the log by the poll
    expect(b.meter.byChannel.get(`${PREFIX}#wc#w#${ws.workshopId}#`) ?? 0).toBeGreaterThan(0);
  }, 60_000);
});

describe('one roster across nodes', () => {
  it('a person on node B shows online to a facilitator on node A, and drops off when B is killed', async () => {
    const a = await startNode();
    const b = await startNode();
    const ws = await createWorkshop(a.node.url, { tables: TABLES });
    const fac = await person(a.node.url, { token: ws.facilitatorKey, participantId: ws.participantId });
    const joined = await join(b.node.url, ws.joinCode, 'Delegate on B');
    const started = Date.now();
    const del = await person(b.node.url, joined);
    await waitFor(() => fac.online.has(joined.participantId), 5000, "B's delegate online on A");
    const shownAfter = Date.now() - started;
    // and the other way round: B's delegate sees the facilitator on A
    await waitFor(() => del.online.has(ws.participantId), 5000, "A's facilitator online on B");
    expect(shownAfter).toBeLessThan(3000);
    console.info(`roster: a person on B shown online on A ${shownAfter} ms after connecting`);

    await b.node.kill();
    const killedAt = Date.now();
    // the documented bound: B's last roster lapses after the TTL, found at the next sweep, sent at the next tick
    const bound = ROSTER_TTL_MS + ROSTER_REFRESH_MS + ONLINE_TICK_MS;
    await waitFor(() => !fac.online.has(joined.participantId), bound + 2000, "B's delegate offline on A");
    const droppedAfter = Date.now() - killedAt;
    console.info(`roster: B killed, its person offline on A after ${droppedAfter} ms (bound ${bound} ms)`);
    expect(droppedAfter).toBeLessThanOrEqual(bound + 500);
    // a killed node's people are not dropped before the TTL either (a lost message or two is no reason)
    expect(droppedAfter).toBeGreaterThanOrEqual(ROSTER_TTL_MS - ROSTER_REFRESH_MS - 100);
    expect(fac.online.has(ws.participantId)).toBe(true);
  }, 60_000);
});
