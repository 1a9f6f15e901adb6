import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server';
import { Bot, connect, createWorkshop } from '../helpers/bots';

let srv: RunningServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv?.stop();
});

describe('joining at scale', () => {
  it('200 delegates joining one workshop in the same instant all get in', async () => {
    const ws = await createWorkshop(srv.url, {
      tables: Array.from({ length: 20 }, (_, i) => ({ id: `t${i}`, name: `Table ${i + 1}`, themeId: null, question: '', capacity: 10 })),
    });
    const N = 200;
    const delegations = ['th', 'ph', null];
    const results = await Promise.allSettled(
      Array.from({ length: N }, async (_, i) => {
        const res = await fetch(`${srv.url}/api/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: ws.joinCode, name: `Delegate ${i} ผู้แทน`, delegationId: delegations[i % 3] }),
        });
        const body = await res.json();
        if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(body)}`);
        const bot = await connect(srv.url, body);
        const seat = await bot.send({ type: 'seat:assign', participantId: bot.participantId, tableId: `t${i % 20}` });
        if (!seat.ok) throw new Error(JSON.stringify(seat));
        return bot;
      }),
    );
    const errors = results.filter((r) => r.status === 'rejected');
    expect(errors.map((e) => String(e.reason))).toEqual([]);
    const bots = results.map((r) => (r as PromiseFulfilledResult<Bot>).value);
    const fac = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
    expect(Object.keys(fac.state.participants)).toHaveLength(N + 1);
    expect(Object.keys(fac.state.seats)).toHaveLength(N);
    for (let t = 0; t < 20; t++) expect(Object.values(fac.state.seats).filter((s) => s === `t${t}`)).toHaveLength(10);
    for (const b of bots) b.close();
    fac.close();
  });
});
