// How a publication reaches the wire (server/src/realtime/engineFrames.ts): events frames are
// written straight to each WebSocket, and an author's events frame and the ack of its note leave
// in ONE write; a long-polling client gets the same packets through Engine.IO.
// The server runs in this process (createApp) so the test can count the writes made to the TCP
// socket of one person's connection, the system calls the change is about.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Socket as NetSocket } from 'node:net';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../server/src/app';
import { openStore } from '../../server/src/store/openStore';
import { Bot, connect, createWorkshop, join, opId } from '../helpers/bots';

const TABLES = [{ id: 't1', name: 'Table 1', themeId: null, question: 'Q?', capacity: 12 }];

const apps: App[] = [];
const bots: Bot[] = [];
afterAll(async () => {
  for (const b of bots) b.close();
  for (const a of apps) await a.close();
});

async function start(): Promise<{ url: string; app: App }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-writes-'));
  const store = await openStore(path.join(dir, 'worldcafe.db'), { synchronous: 'normal' });
  const app = createApp({ store, logger: pino({ level: 'silent' }) });
  apps.push(app);
  return { url: `http://127.0.0.1:${await app.listen(0)}`, app };
}

/** The TCP socket under the server side of a participant's WebSocket connection. */
function serverSocketOf(app: App, participantId: string): NetSocket {
  for (const s of app.io.sockets.sockets.values()) {
    if (s.data.participantId !== participantId) continue;
    const raw = (s.conn.transport as unknown as { socket?: { _socket?: NetSocket } }).socket?._socket;
    if (raw) return raw;
  }
  throw new Error(`no WebSocket for ${participantId}`);
}

/** Counts the writes handed to the kernel for `raw` (each _write or _writev is one system call). */
function countWrites(raw: NetSocket): { count: number } {
  const counter = { count: 0 };
  const internals = raw as unknown as Record<'_write' | '_writev', (...args: unknown[]) => unknown>;
  for (const name of ['_write', '_writev'] as const) {
    const original = internals[name].bind(raw);
    internals[name] = (...args: unknown[]) => {
      counter.count++;
      if (process.env.SHOWW) console.log('WRITE', name, JSON.stringify(args[0]).slice(0, 300));
      return original(...args);
    };
  }
  return counter;
}

/** A delegate on the workshop's only table (joining seats them there). */
async function seatedAt(fac: Bot, code: string, name: string, opts: { transports?: Array<'polling' | 'websocket'> } = {}) {
  const joined = await join(fac.base, code, name);
  const bot = await new Bot(fac.base, joined.token, joined.participantId, opts).ready();
  bots.push(bot);
  await bot.until((b) => b.state.seats[b.participantId] === 't1');
  return bot;
}

describe('socket writes', () => {
  it("an author's events frame and its ack leave in one write; the tablemate gets the frame", async () => {
    const { url, app } = await start();
    const w = await createWorkshop(url, { tables: TABLES });
    const fac = await connect(url, { token: w.facilitatorKey, participantId: w.participantId });
    bots.push(fac);
    expect(await fac.send({ type: 'workshop:set-phase', phase: 'cafe' })).toMatchObject({ ok: true });
    const author = await seatedAt(fac, w.joinCode, 'Author');
    const mate = await seatedAt(fac, w.joinCode, 'Mate');
    // quiet: nothing else is written to the author meanwhile (no presence, no clock)
    await new Promise((r) => setTimeout(r, 600));
    const writes = countWrites(serverSocketOf(app, author.participantId));
    for (let i = 0; i < 5; i++) {
      const noteId = `n-${i}`;
      const framesBefore = author.frames;
      const ack = await author.send({
        clientOpId: opId(),
        type: 'note:create',
        noteId,
        tableId: 't1',
        text: `note ${i}`,
        color: 'yellow',
        x: 0,
        y: 0,
      });
      expect(ack).toMatchObject({ ok: true });
      // the echo came before the ack, in the same read or an earlier one
      expect(author.frames).toBe(framesBefore + 1);
      expect(author.state.notes[noteId]).toBeDefined();
      await mate.until((b) => b.state.notes[noteId] !== undefined);
      await fac.until((b) => b.state.notes[noteId] !== undefined);
    }
    // one write per note: frame and ack together (they were two before corking)
    expect(writes.count).toBe(5);
  });

  it("a connecting person's CONNECT packet and snapshot leave in one write", async () => {
    const { url, app } = await start();
    const w = await createWorkshop(url, { tables: TABLES });
    const fac = await connect(url, { token: w.facilitatorKey, participantId: w.participantId });
    bots.push(fac);
    const joined = await join(url, w.joinCode, 'Arriving');
    // Engine.IO has written its open packet when it announces the connection; count from there
    const counted: Array<{ count: number }> = [];
    app.io.engine.once('connection', (conn: { transport: { socket?: { _socket?: NetSocket } } }) => {
      counted.push(countWrites(conn.transport.socket!._socket!));
    });
    const arriving = await new Bot(url, joined.token, joined.participantId).ready();
    bots.push(arriving);
    expect(arriving.syncs).toEqual(['snapshot']);
    expect(counted.map((c) => c.count)).toEqual([1]);
  });

  it('a long-polling tablemate gets the same events and acks through Engine.IO', async () => {
    const { url } = await start();
    const w = await createWorkshop(url, { tables: TABLES });
    const fac = await connect(url, { token: w.facilitatorKey, participantId: w.participantId });
    bots.push(fac);
    expect(await fac.send({ type: 'workshop:set-phase', phase: 'cafe' })).toMatchObject({ ok: true });
    const ws = await seatedAt(fac, w.joinCode, 'On WebSocket');
    const polling = await seatedAt(fac, w.joinCode, 'On polling', { transports: ['polling'] });
    expect(polling.socket.io.engine.transport.name).toBe('polling');
    const pairs: Array<[Bot, Bot]> = [
      [ws, polling],
      [polling, ws],
    ];
    for (const [i, [from, to]] of pairs.entries()) {
      const noteId = `p-${i}`;
      expect(await from.send({ type: 'note:create', noteId, tableId: 't1', text: 'hello', color: 'yellow', x: 0, y: 0 })).toMatchObject({
        ok: true,
      });
      expect(from.state.notes[noteId]).toBeDefined();
      await to.until((b) => b.state.notes[noteId] !== undefined);
    }
    const ids = (b: Bot) => b.received.filter((env) => env.e.type === 'note:created').map((env) => env.seq);
    expect(ids(polling)).toEqual(ids(ws));
  });
});
