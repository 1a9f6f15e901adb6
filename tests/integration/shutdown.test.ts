// Graceful shutdown on SIGTERM, with the real server as a child process: it stops accepting, the
// commands in flight are committed and acked, every socket is told `restarting` and dropped with
// "transport close" (so clients reconnect on their own), and the process exits 0 within 10 s.
import { afterAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { Ack } from '@world-cafe/shared';
import { type RunningServer, startServer, tempDataDir } from '../helpers/server';
import { connect, createWorkshop, join, opId } from '../helpers/bots';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.kill();
});

describe('graceful shutdown', () => {
  it('SIGTERM mid-stream: in-flight commands are committed and acked, clients are told to reconnect, exit 0 within 10 s', async () => {
    const dataDir = tempDataDir('wc-shutdown-');
    const env = { RATE_LIMIT_PER_SEC: '10000', RATE_LIMIT_BURST: '10000' };
    const first = await startServer({ dataDir, env });
    servers.push(first);
    const ws = await createWorkshop(first.url);
    const writers = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const bot = await connect(first.url, await join(first.url, ws.joinCode, `Writer ${i}`));
        expect(await bot.send({ type: 'seat:assign', participantId: bot.participantId, tableId: 't1' })).toMatchObject({ ok: true });
        const seen = { restarting: false, reason: '' };
        bot.socket.on('restarting', () => (seen.restarting = true));
        bot.socket.on('disconnect', (reason) => (seen.reason = reason));
        return { bot, seen };
      }),
    );

    type Sent = { clientOpId: string; noteId: string; w: number };
    const sent: Sent[] = [];
    const acks = new Map<string, Ack>();
    let ackedAfterTerm = 0;
    let termAt = 0;
    let stop = false;
    const loops = writers.map(async ({ bot }, w) => {
      const inFlight = new Set<Promise<void>>();
      for (let n = 0; !stop && bot.socket.connected; n++) {
        const s: Sent = { clientOpId: opId(`g${w}`), noteId: `term-${w}-${n}`, w };
        sent.push(s);
        const p: Promise<void> = bot
          .send({
            type: 'note:create',
            clientOpId: s.clientOpId,
            noteId: s.noteId,
            tableId: 't1',
            text: `note ${n}`,
            color: 'yellow',
            x: n % 100,
            y: w,
          })
          .then((ack) => {
            acks.set(s.noteId, ack);
            if (termAt && ack.ok) ackedAfterTerm++;
          })
          .catch(() => {}) // sent after the stop: never acked, resent below
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
        if (inFlight.size >= 4) await Promise.race(inFlight);
      }
      await Promise.allSettled(inFlight);
    });
    await new Promise((r) => setTimeout(r, 1000));
    for (const { bot } of writers) bot.ackTimeoutMs = 3000;
    termAt = Date.now();
    const exited = new Promise<number | null>((resolve) => first.proc.once('exit', (code) => resolve(code)));
    first.proc.kill('SIGTERM');

    // stop accepting: a new socket is refused while the server drains (or cannot connect at all)
    const late = await new Promise<string>((resolve) => {
      const s = io(first.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: ws.facilitatorKey } });
      s.on('connect', () => (s.close(), resolve('connected')));
      s.on('connect_error', (e) => (s.close(), resolve(e.message)));
    });
    expect(late).not.toBe('connected');

    const code = await exited;
    const tookMs = Date.now() - termAt;
    stop = true;
    await Promise.all(loops);
    console.info(
      `SIGTERM: exit ${code} after ${tookMs} ms; ${sent.length} notes sent, ${[...acks.values()].filter((a) => a.ok).length} acked, ${ackedAfterTerm} of them after SIGTERM`,
    );
    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(10_000);
    // what was in flight when the signal came was finished, not dropped
    expect(ackedAfterTerm).toBeGreaterThan(0);
    expect([...acks.values()].filter((a) => !a.ok)).toEqual([]);
    for (const { seen } of writers) expect(seen).toEqual({ restarting: true, reason: 'transport close' });
    for (const { bot } of writers) bot.close();

    // every acked note is there after a restart, and resending everything (same clientOpIds) adds nothing twice
    const second = await startServer({ dataDir, env });
    servers.push(second);
    const fac = await connect(second.url, { token: ws.facilitatorKey, participantId: ws.participantId });
    const acked = [...acks.entries()].filter(([, a]) => a.ok).map(([id]) => id);
    for (const id of acked) expect(fac.state.notes[id], `acked note ${id}`).toBeDefined();
    const resenders = await Promise.all(
      writers.map(({ bot }) => connect(second.url, { token: bot.token, participantId: bot.participantId })),
    );
    for (const s of sent) {
      const ack = await resenders[s.w]!.send({
        type: 'note:create',
        clientOpId: s.clientOpId,
        noteId: s.noteId,
        tableId: 't1',
        text: 'resent',
        color: 'yellow',
        x: 0,
        y: 0,
      });
      expect(ack.ok, `${s.noteId}: ${JSON.stringify(ack)}`).toBe(true);
      if (acks.get(s.noteId)?.ok) expect(ack).toMatchObject({ duplicate: true });
    }
    await fac.until((b) => Object.keys(b.state.notes).length === sent.length, 10_000);
    for (const b of [fac, ...resenders]) b.close();
  }, 90_000);
});
