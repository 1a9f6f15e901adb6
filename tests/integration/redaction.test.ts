// What a delegate deletes is gone from the server (issue 21), on a real server with its SQLite
// file: after a note is deleted, no catch-up (from the room's memory, or from the log after a
// restart), no export and no byte of the database file or its WAL holds its text.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server';
import { Bot, connect, createWorkshop, join, type CreatedWorkshop, type Joined } from '../helpers/bots';

let srv: RunningServer;
let ws: CreatedWorkshop;
let annJoin: Joined;
let benJoin: Joined;
const bots: Bot[] = [];
const stamp = Date.now().toString(36);
const FIRST = `ชาติ-first-${stamp}`;
const EDITED = `ชาติ-edited-${stamp}`;
const KEPT = `kept-${stamp}`;
/** Ben's seq before Ann wrote anything: a catch-up from here must replay Ann's notes. */
let before = 0;

const rawFiles = () =>
  ['worldcafe.db', 'worldcafe.db-wal'].flatMap((f) =>
    fs.existsSync(path.join(srv.dataDir, f)) ? [fs.readFileSync(path.join(srv.dataDir, f))] : [],
  );
const rawHas = (text: string) => rawFiles().some((b) => b.includes(Buffer.from(text)));

async function catchUpFrom(since: number): Promise<string> {
  const bot = new Bot(srv.url, benJoin.token, benJoin.participantId, { since: () => since });
  bots.push(bot);
  await bot.ready();
  expect(bot.syncs).toEqual(['events']); // a real catch-up, not a fresh snapshot
  bot.close();
  return JSON.stringify(bot.received);
}

beforeAll(async () => {
  srv = await startServer();
  expect(fs.existsSync(path.join(srv.dataDir, 'worldcafe.db'))).toBe(true);
  ws = await createWorkshop(srv.url);
  [annJoin, benJoin] = await Promise.all([join(srv.url, ws.joinCode, 'Ann'), join(srv.url, ws.joinCode, 'Ben')]);
  for (const j of [annJoin, benJoin]) {
    const bot = await connect(srv.url, j);
    bots.push(bot);
    expect(await bot.send({ type: 'seat:assign', participantId: j.participantId, tableId: 't1' })).toMatchObject({ ok: true });
    await bot.until((b) => b.state.seats[j.participantId] === 't1');
  }
  const [ann, ben] = bots as [Bot, Bot];
  await ben.until((b) => b.state.seats[annJoin.participantId] === 't1');
  before = ben.state.seq;
  expect(
    await ann.send({ type: 'note:create', noteId: 'n-secret', tableId: 't1', text: FIRST, color: 'yellow', x: 5, y: 5 }),
  ).toMatchObject({ ok: true });
  expect(await ann.send({ type: 'note:edit', noteId: 'n-secret', text: EDITED })).toMatchObject({ ok: true });
  expect(await ann.send({ type: 'note:create', noteId: 'n-kept', tableId: 't1', text: KEPT, color: 'blue', x: 50, y: 5 })).toMatchObject({
    ok: true,
  });
  await ben.until((b) => b.state.notes['n-kept'] !== undefined);
  // the check below can see text in the file: the note is there before the delete
  expect(rawHas(EDITED) || (await catchUpFrom(before)).includes(EDITED)).toBe(true);
  expect(await ann.send({ type: 'note:delete', noteId: 'n-secret' })).toMatchObject({ ok: true });
  await ben.until((b) => b.state.notes['n-secret'] === undefined);
});

afterAll(async () => {
  for (const b of bots) b.close();
  await srv?.stop();
});

describe('a deleted note leaves the server', () => {
  it('catch-up from the room in memory replays the note without its text, and the rest as it was', async () => {
    const replay = await catchUpFrom(before);
    expect(replay).not.toContain(FIRST);
    expect(replay).not.toContain(EDITED);
    expect(replay).toContain(KEPT);
    expect(replay).toContain('"noteId":"n-secret"'); // the edit and the delete are still there, as ids
  });

  it('the database file and its WAL hold the text nowhere', () => {
    expect(rawHas(FIRST)).toBe(false);
    expect(rawHas(EDITED)).toBe(false);
    expect(rawHas(KEPT)).toBe(true);
  });

  it('the JSON export does not hold it', async () => {
    const res = await fetch(`${srv.url}/api/workshops/${ws.workshopId}/export?format=json`, {
      headers: { authorization: `Bearer ${ws.facilitatorKey}` },
    });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(KEPT);
    expect(body).not.toContain(EDITED);
    expect(body).not.toContain(FIRST);
  });

  it('after a restart, the log folds without it and catch-up from the log replays it without its text', async () => {
    const dataDir = srv.dataDir;
    for (const b of bots) b.close();
    await srv.stop();
    srv = await startServer({ dataDir });
    const replay = await catchUpFrom(before);
    expect(replay).not.toContain(EDITED);
    expect(replay).not.toContain(FIRST);
    expect(replay).toContain(KEPT);
    const ben = await connect(srv.url, benJoin);
    bots.push(ben);
    expect(ben.state.notes['n-secret']).toBeUndefined();
    expect(ben.state.notes['n-kept']?.text).toBe(KEPT);
    expect(rawHas(EDITED)).toBe(false);
  });
});
