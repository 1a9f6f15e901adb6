import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer, tempDataDir } from '../helpers/server';
import { connect, createWorkshop, join, opId } from '../helpers/bots';
import type { Ack } from '@world-cafe/shared';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.kill();
});

describe('durability', () => {
  it('every acknowledged note survives SIGKILL mid-stream; retries after restart add no duplicates', async () => {
    const dataDir = tempDataDir();
    const env = { RATE_LIMIT_PER_SEC: '10000', RATE_LIMIT_BURST: '10000' };
    const first = await startServer({ dataDir, env });
    servers.push(first);
    const ws = await createWorkshop(first.url);
    const writers = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const joined = await join(first.url, ws.joinCode, `Writer ${i}`);
        const bot = await connect(first.url, joined);
        expect(await bot.send({ type: 'seat:assign', participantId: bot.participantId, tableId: i % 2 ? 't1' : 't2' })).toMatchObject({
          ok: true,
        });
        return { bot, joined, table: i % 2 ? 't1' : 't2' };
      }),
    );

    type Sent = { clientOpId: string; noteId: string; tableId: string; writer: number };
    const sent: Sent[] = [];
    const acked = new Set<string>();
    let killed = false;
    // Each writer keeps 4 notes in flight until the server dies under it.
    const loops = writers.map(async ({ bot, table }, w) => {
      const inFlight = new Set<Promise<void>>();
      for (let n = 0; !killed && n < 100_000; n++) {
        const s: Sent = { clientOpId: opId(`k${w}`), noteId: `kill-${w}-${n}`, tableId: table, writer: w };
        sent.push(s);
        const p: Promise<void> = bot
          .send({
            type: 'note:create',
            clientOpId: s.clientOpId,
            noteId: s.noteId,
            tableId: table,
            text: `note ${n} ของ ${w}`,
            color: 'yellow',
            x: n % 100,
            y: w,
          })
          .then((ack: Ack) => {
            if (ack.ok) acked.add(s.noteId);
          })
          .catch(() => {})
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
        if (inFlight.size >= 4) await Promise.race(inFlight);
      }
      await Promise.allSettled(inFlight);
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(acked.size).toBeGreaterThan(50);
    killed = true;
    for (const { bot } of writers) bot.ackTimeoutMs = 500; // the server is gone: stop waiting for acks soon
    // One more note per writer, sent in the same step as the kill: in flight when the server dies,
    // whatever the machine's load (otherwise a slow client may have read every ack before the kill).
    const lastWords = writers.map(({ bot, table }, w) => {
      const s: Sent = { clientOpId: opId(`k${w}`), noteId: `kill-${w}-last`, tableId: table, writer: w };
      sent.push(s);
      return bot
        .send({
          type: 'note:create',
          clientOpId: s.clientOpId,
          noteId: s.noteId,
          tableId: table,
          text: 'last',
          color: 'yellow',
          x: 0,
          y: w,
        })
        .then((ack: Ack) => {
          if (ack.ok) acked.add(s.noteId);
        })
        .catch(() => {});
    });
    await first.kill();
    await Promise.all([...loops, ...lastWords]);
    for (const { bot } of writers) bot.close();
    const ackedAtKill = new Set(acked);
    console.info(`SIGKILL test: ${sent.length} notes sent, ${ackedAtKill.size} acknowledged before the kill`);
    expect(sent.length).toBeGreaterThan(ackedAtKill.size); // some were in flight when the server died

    const second = await startServer({ dataDir, env });
    servers.push(second);
    const fac = await connect(second.url, { token: ws.facilitatorKey, participantId: ws.participantId });
    const missing = [...ackedAtKill].filter((id) => !fac.state.notes[id]);
    expect(missing).toEqual([]);

    // Every writer resends everything it sent with the same clientOpIds, as an offline queue would.
    const resumed = await Promise.all(writers.map(({ joined }) => connect(second.url, joined)));
    const retries = await Promise.all(
      sent.map((s) =>
        resumed[s.writer]!.send({
          type: 'note:create',
          clientOpId: s.clientOpId,
          noteId: s.noteId,
          tableId: s.tableId,
          text: 'retry',
          color: 'yellow',
          x: 0,
          y: 0,
        }),
      ),
    );
    const failed = retries.filter((a) => !a.ok);
    expect(failed).toEqual([]);
    for (const [i, a] of retries.entries()) {
      if (a.ok && ackedAtKill.has(sent[i]!.noteId)) expect(a.duplicate).toBe(true);
    }
    await fac.until((b) => sent.every((s) => b.state.notes[s.noteId] !== undefined), 10_000);
    expect(Object.keys(fac.state.notes).filter((id) => id.startsWith('kill-')).length).toBe(sent.length);
    // notes stored before the kill kept their original text: the retry was deduplicated, not applied
    for (const id of ackedAtKill) expect(fac.state.notes[id]!.text).not.toBe('retry');
    fac.close();
    for (const b of resumed) b.close();
    await second.stop();
  });
});
