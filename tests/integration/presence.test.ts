// Live presence against the real server and real sockets: who is online (per person, however
// many sockets), and who is typing at a table (only that table and the facilitators hear it,
// only at one's own seat, rate-limited, cleared when the socket goes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnlineMessage, TypingMessage } from '@world-cafe/shared';
import { ONLINE_TICK_MS } from '@world-cafe/shared';
import { type RunningServer, startServer } from '../helpers/server';
import { Bot, connect, createWorkshop, join, type CreatedWorkshop, type Joined } from '../helpers/bots';

let srv: RunningServer;
let ws: CreatedWorkshop;
let ann: Joined;
let ben: Joined;
let cat: Joined;
const open: Bot[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(pred: () => boolean, what: string, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** A bot that records `online` and `typing` from its very first message. */
async function watcher(who: { token: string; participantId: string }) {
  const bot = new Bot(srv.url, who.token, who.participantId);
  const online: OnlineMessage[] = [];
  const typing: TypingMessage[] = [];
  bot.socket.on('online', (m) => online.push(m));
  bot.socket.on('typing', (m) => typing.push(m));
  await bot.ready();
  open.push(bot);
  return { bot, online, typing };
}

beforeAll(async () => {
  srv = await startServer();
  ws = await createWorkshop(srv.url);
  ann = await join(srv.url, ws.joinCode, 'Ann', 'th');
  ben = await join(srv.url, ws.joinCode, 'Ben', 'ph');
  cat = await join(srv.url, ws.joinCode, 'Cat', 'th');
  for (const [who, table] of [
    [ann, 't1'],
    [ben, 't1'],
    [cat, 't2'],
  ] as const) {
    const b = await connect(srv.url, who);
    expect(await b.send({ type: 'seat:assign', participantId: who.participantId, tableId: table })).toMatchObject({ ok: true });
    b.close();
  }
  await sleep(ONLINE_TICK_MS + 300); // let those sockets' "offline" go out before the tests watch
});
afterAll(async () => {
  for (const b of open) b.close();
  await srv?.stop();
});

describe('online', () => {
  it('sends the roster on connect and coalesced changes per person, not per socket', async () => {
    const fac = await watcher({ token: ws.facilitatorKey, participantId: ws.participantId });
    await waitFor(() => fac.online.length > 0, 'roster');
    expect(fac.online[0]).toEqual({ kind: 'all', participantIds: [ws.participantId] });
    /** The changes about `id`, in order: true = came online, false = went offline. */
    const about = (id: string) =>
      fac.online.flatMap((m) =>
        m.kind === 'changes'
          ? [...m.online.filter((x) => x === id).map(() => true), ...m.offline.filter((x) => x === id).map(() => false)]
          : [],
      );

    const laptop = await connect(srv.url, ann);
    await waitFor(() => about(ann.participantId).length === 1, 'ann online');
    expect(about(ann.participantId)).toEqual([true]);

    const phone = await connect(srv.url, ann);
    await sleep(ONLINE_TICK_MS + 300);
    expect(about(ann.participantId)).toEqual([true]); // the second device is not news

    laptop.close();
    await sleep(ONLINE_TICK_MS + 300);
    expect(about(ann.participantId)).toEqual([true]); // still on the phone
    phone.close();
    await waitFor(() => about(ann.participantId).length === 2, 'ann offline');
    expect(about(ann.participantId)).toEqual([true, false]);

    // a newcomer gets everyone connected right now
    const benW = await watcher(ben);
    await waitFor(() => benW.online.length > 0, 'ben roster');
    expect(benW.online[0]).toMatchObject({ kind: 'all' });
  });

  it('coalesces a crowd connecting at once into a few messages', async () => {
    const fac = await watcher({ token: ws.facilitatorKey, participantId: ws.participantId });
    await waitFor(() => fac.online.length > 0, 'roster');
    const crowd = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => connect(srv.url, await join(srv.url, ws.joinCode, `Crowd ${i}`))),
    );
    await waitFor(() => fac.online.flatMap((m) => (m.kind === 'changes' ? m.online : [])).length >= 20, 'crowd online');
    expect(fac.online.length - 1).toBeLessThanOrEqual(4);
    for (const c of crowd) c.close();

    // a newcomer gets everyone connected right now
    const benW = await watcher(ben);
    await waitFor(() => benW.online.length > 0, 'ben roster');
    expect(benW.online[0]).toMatchObject({ kind: 'all' });
    expect((benW.online[0] as { participantIds: string[] }).participantIds.sort()).toEqual([ben.participantId, ws.participantId].sort());
    benW.bot.close();
    fac.bot.close();
  });
});

describe('typing', () => {
  it('reaches the table and the facilitators only, only from one’s own seat, and clears on disconnect', async () => {
    const fac = await watcher({ token: ws.facilitatorKey, participantId: ws.participantId });
    const benW = await watcher(ben);
    const catW = await watcher(cat);
    const annW = await watcher(ann);

    annW.bot.socket.emit('typing', { tableId: 't1', typing: true });
    await waitFor(() => benW.typing.length > 0 && fac.typing.length > 0, 'typing relayed');
    expect(benW.typing[0]).toEqual({ participantId: ann.participantId, tableId: 't1', typing: true });
    expect(fac.typing[0]).toEqual({ participantId: ann.participantId, tableId: 't1', typing: true });

    // not at her seat: dropped; invalid: dropped
    annW.bot.socket.emit('typing', { tableId: 't2', typing: true });
    (annW.bot.socket as unknown as { emit: (e: string, p: unknown) => void }).emit('typing', {
      tableId: 't1',
      typing: true,
      text: 'draft',
    });
    await sleep(400);
    expect(catW.typing).toEqual([]); // another table hears nothing
    expect(annW.typing).toEqual([]); // nor the sender
    expect(benW.typing).toHaveLength(1);

    // a burst of keystrokes does not become a burst of relays
    await sleep(2100);
    const before = benW.typing.length;
    for (let i = 0; i < 30; i++) annW.bot.socket.emit('typing', { tableId: 't1', typing: true });
    await sleep(500);
    const relayed = benW.typing.length - before;
    expect(relayed).toBeGreaterThan(0);
    // the burst (4), then the newest state once a token is back (every 500 ms): never 30
    expect(relayed).toBeLessThanOrEqual(5);

    // gone while typing: the table learns it stopped
    annW.bot.close();
    await waitFor(() => benW.typing.at(-1)?.typing === false, 'typing cleared');
    expect(benW.typing.at(-1)).toEqual({ participantId: ann.participantId, tableId: 't1', typing: false });
    expect(catW.typing).toEqual([]);
  });
});
