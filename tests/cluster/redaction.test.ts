// Deleted text leaves every node (issue 21): two nodes on one PostgreSQL database and Redis; the
// note is written and deleted through one node, and a catch-up from either node (the owner's room
// and the other node's replica view) and the stored log hold its text nowhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../helpers/server';
import { Bot, connect, createWorkshop, join, type CreatedWorkshop, type Joined } from '../helpers/bots';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';
import { logOf, startNodes } from '../helpers/cluster';

const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const stamp = Date.now().toString(36);
const SECRET = `secret-${stamp}`;
const EDITED = `edited-${stamp}`;
const KEPT = `kept-${stamp}`;

let db: TestDatabase;
let nodes: RunningServer[] = [];
const bots: Bot[] = [];
let ws: CreatedWorkshop;
let ann: Joined;
let ben: Joined;
let before = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  nodes = await startNodes(2, db.url, REDIS);
  ws = await createWorkshop(nodes[0]!.url);
  [ann, ben] = await Promise.all([join(nodes[0]!.url, ws.joinCode, 'Ann'), join(nodes[1]!.url, ws.joinCode, 'Ben')]);
  const annBot = await connect(nodes[0]!.url, ann);
  const benBot = await connect(nodes[1]!.url, ben);
  bots.push(annBot, benBot);
  for (const [bot, j] of [
    [annBot, ann],
    [benBot, ben],
  ] as const) {
    expect(await bot.send({ type: 'seat:assign', participantId: j.participantId, tableId: 't1' })).toMatchObject({ ok: true });
  }
  await benBot.until((b) => b.state.seats[ann.participantId] === 't1' && b.state.seats[ben.participantId] === 't1');
  before = benBot.state.seq;
  expect(
    await annBot.send({ type: 'note:create', noteId: 'n-secret', tableId: 't1', text: SECRET, color: 'yellow', x: 1, y: 1 }),
  ).toMatchObject({ ok: true });
  expect(await annBot.send({ type: 'note:edit', noteId: 'n-secret', text: EDITED })).toMatchObject({ ok: true });
  expect(await annBot.send({ type: 'note:create', noteId: 'n-kept', tableId: 't1', text: KEPT, color: 'blue', x: 9, y: 1 })).toMatchObject({
    ok: true,
  });
  await benBot.until((b) => b.state.notes['n-kept'] !== undefined && b.state.notes['n-secret']?.text === EDITED);
  expect(await annBot.send({ type: 'note:delete', noteId: 'n-secret' })).toMatchObject({ ok: true });
  await benBot.until((b) => b.state.notes['n-secret'] === undefined);
}, 120_000);

afterAll(async () => {
  for (const b of bots) b.close();
  for (const n of nodes) await n.kill();
  await db?.drop();
});

describe('a deleted note leaves every node', () => {
  it.each([0, 1])('catch-up from node %i replays the note without its text', async (i) => {
    const bot = new Bot(nodes[i]!.url, ben.token, ben.participantId, { since: () => before });
    bots.push(bot);
    await bot.ready();
    expect(bot.syncs).toEqual(['events']);
    const replay = JSON.stringify(bot.received);
    expect(replay).toContain(KEPT);
    expect(replay).toContain('"noteId":"n-secret"');
    expect(replay).not.toContain(SECRET);
    expect(replay).not.toContain(EDITED);
  });

  it('the stored log holds it nowhere and still folds', async () => {
    const log = JSON.stringify(await logOf(db.url, ws.workshopId));
    expect(log).toContain(KEPT);
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain(EDITED);
  });
});
