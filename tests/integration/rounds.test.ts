import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server';
import { type Bot, connect, createWorkshop, join } from '../helpers/bots';

let srv: RunningServer;
let fac: Bot;
let code: string;
const delegates: Bot[] = [];
const hosts: Bot[] = [];
const tables = ['t1', 't2', 't3'];

beforeAll(async () => {
  srv = await startServer();
  const ws = await createWorkshop(srv.url, {
    tables: tables.map((id, i) => ({ id, name: `Table ${i + 1}`, themeId: null, question: `Question of ${id}`, capacity: 6 })),
    delegations: ['th', 'ph', 'vn', 'my'].map((id) => ({ id, name: id.toUpperCase(), code: id.toUpperCase() })),
  });
  code = ws.joinCode;
  fac = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
  const dels = ['th', 'ph', 'vn', 'my'];
  for (let i = 0; i < 3; i++) {
    const h = await connect(srv.url, await join(srv.url, code, `Host ${i + 1}`, dels[i]));
    expect(await fac.send({ type: 'participant:set-role', participantId: h.participantId, role: 'host' })).toMatchObject({ ok: true });
    expect(await fac.send({ type: 'seat:assign', participantId: h.participantId, tableId: tables[i]! })).toMatchObject({ ok: true });
    hosts.push(h);
  }
  for (let i = 0; i < 9; i++) delegates.push(await connect(srv.url, await join(srv.url, code, `Delegate ${i + 1}`, dels[i % 4])));
});

afterAll(async () => {
  for (const b of [fac, ...hosts, ...delegates]) b?.close();
  await srv?.stop();
});

const everyone = () => [...hosts, ...delegates];

describe('rounds, clock and rotation', () => {
  it('plans three rounds, starts round 1 and every bot receives its seat', async () => {
    expect(
      await fac.send({
        type: 'cafe:configure',
        rounds: 3,
        roundSeconds: 600,
        questionMode: 'both',
        roundQuestions: ['Where are we?', 'Where to?', 'How?'],
      }),
    ).toMatchObject({ ok: true });
    const planned = await fac.send({ type: 'plan:generate', seed: 7 });
    expect(planned).toMatchObject({ ok: true });
    await fac.until((b) => b.state.cafe.plan !== null);
    const plan = fac.state.cafe.plan!;
    expect(plan).toHaveLength(3);
    for (const [i, h] of hosts.entries()) for (const round of plan) expect(round[tables[i]!]).toContain(h.participantId);
    expect(await fac.send({ type: 'workshop:set-phase', phase: 'cafe' })).toMatchObject({ ok: true });
    expect(await fac.send({ type: 'round:start' })).toMatchObject({ ok: true });
    for (const b of everyone()) {
      await b.until((x) => x.state.cafe.clock.status === 'running');
      const expected = Object.entries(plan[0]!).find(([, ps]) => ps.includes(b.participantId))![0];
      expect(b.state.seats[b.participantId]).toBe(expected);
    }
    const clock = fac.state.cafe.clock;
    expect(clock.endsAt! - Date.now()).toBeGreaterThan(590_000);
  });

  it('a delegate cannot run the clock', async () => {
    for (const type of ['round:pause', 'round:end', 'round:rotate', 'round:start'] as const) {
      expect(await delegates[0]!.send({ type })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await hosts[0]!.send({ type: 'round:extend', minutes: 5 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fac.state.cafe.clock.status).toBe('running');
  });

  it('pauses, resumes and extends with a server-authoritative deadline', async () => {
    expect(await fac.send({ type: 'round:pause' })).toMatchObject({ ok: true });
    await delegates[0]!.until((b) => b.state.cafe.clock.status === 'paused');
    const remaining = delegates[0]!.state.cafe.clock.remainingMs;
    expect(remaining).toBeGreaterThan(580_000);
    expect(await fac.send({ type: 'round:extend', minutes: 1 })).toMatchObject({ ok: true });
    await delegates[0]!.until((b) => b.state.cafe.clock.remainingMs === remaining + 60_000);
    expect(await fac.send({ type: 'round:resume' })).toMatchObject({ ok: true });
    await delegates[0]!.until((b) => b.state.cafe.clock.status === 'running');
    const left = delegates[0]!.state.cafe.clock.endsAt! - Date.now();
    expect(Math.abs(left - (remaining + 60_000))).toBeLessThan(2_000);
    expect(await fac.send({ type: 'round:extend', minutes: 5 })).toMatchObject({ ok: true });
    await delegates[0]!.until((b) => b.state.cafe.clock.endsAt! - Date.now() > remaining + 6 * 60_000 - 2_000);
    // the server tells its time, so clients can correct their clock offset
    const serverNow = await delegates[0]!.socket.timeout(2000).emitWithAck('time');
    expect(Math.abs(serverNow - Date.now())).toBeLessThan(1000);
  });

  it('hosts write carry-forward summaries; delegates cannot', async () => {
    const h = hosts[0]!;
    const table = h.state.seats[h.participantId]!;
    expect(
      await h.send({ type: 'summary:write', tableId: table, round: 1, text: 'We found: mobility of civil servants ก้าวหน้า' }),
    ).toMatchObject({ ok: true });
    const d = delegates.find((x) => x.state.seats[x.participantId] === table)!;
    expect(await d.send({ type: 'summary:write', tableId: table, round: 1, text: 'mine' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await hosts[1]!.send({ type: 'summary:write', tableId: table, round: 1, text: 'not my table' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await d.until((x) => Object.values(x.state.summaries).some((s) => s.text.startsWith('We found')));
  });

  it('ends early and rotates: travellers get seat cards, hosts stay, boards switch on confirm', async () => {
    const h = hosts[0]!;
    const t1Notes: string[] = [];
    for (const d of delegates.filter((x) => x.state.seats[x.participantId] === h.state.seats[h.participantId])) {
      const id = `r1-${d.participantId}`;
      expect(
        await d.send({
          type: 'note:create',
          noteId: id,
          tableId: d.state.seats[d.participantId]!,
          text: 'round one idea',
          color: 'yellow',
          x: 1,
          y: 1,
        }),
      ).toMatchObject({ ok: true });
      t1Notes.push(id);
    }
    expect(await fac.send({ type: 'round:rotate' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fac.send({ type: 'round:end' })).toMatchObject({ ok: true });
    expect(await fac.send({ type: 'round:rotate' })).toMatchObject({ ok: true });
    const plan = fac.state.cafe.plan!;
    const round2 = Object.fromEntries(Object.entries(plan[1]!).flatMap(([t, ps]) => ps.map((p) => [p, t])));
    for (const b of everyone()) {
      await b.until((x) => x.state.round === 2);
      const move = b.state.cafe.moves[b.participantId];
      if (hosts.includes(b)) expect(move).toBeUndefined();
      else expect(move ?? b.state.seats[b.participantId]).toBe(round2[b.participantId]);
    }
    // a traveller arriving at host 1's table confirms and sees earlier notes and the summary
    const hostTable = h.state.seats[h.participantId]!;
    const arriving = delegates.find((d) => d.state.cafe.moves[d.participantId] === hostTable)!;
    expect(arriving).toBeDefined();
    expect(await arriving.send({ type: 'seat:confirm-move' })).toMatchObject({ ok: true });
    await arriving.until((x) => x.state.seats[x.participantId] === hostTable && t1Notes.every((id) => x.state.notes[id]));
    expect(Object.values(arriving.state.summaries).map((s) => s.text)).toContain('We found: mobility of civil servants ก้าวหน้า');
    expect(await arriving.send({ type: 'seat:confirm-move' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // starting the round carries out every move nobody confirmed
    expect(await fac.send({ type: 'round:start' })).toMatchObject({ ok: true });
    for (const b of everyone()) {
      await b.until((x) => x.state.cafe.clock.status === 'running' && x.state.seats[x.participantId] === round2[b.participantId]);
      expect(Object.values(b.state.notes).every((n) => n.tableId === round2[b.participantId])).toBe(true);
    }
    // hard rule: no traveller returned to a table they sat at in round 1
    for (const d of delegates) expect(fac.state.cafe.history[0]![round2[d.participantId]!]).not.toContain(d.participantId);
  });

  it('a late joiner is seated at once and included in the re-plan; absentees leave the plan', async () => {
    const late = await connect(srv.url, await join(srv.url, code, 'Late Comer', 'th'));
    await late.until((x) => x.state.seats[x.participantId] !== undefined);
    await fac.until((x) => (x.state.cafe.plan?.[2] ? Object.values(x.state.cafe.plan[2]).flat().includes(late.participantId) : false));
    const gone = delegates[8]!;
    expect(await fac.send({ type: 'participant:set-absent', participantId: gone.participantId, absent: true })).toMatchObject({ ok: true });
    await fac.until((x) => !Object.values(x.state.cafe.plan![2]!).flat().includes(gone.participantId));
    expect(fac.state.seats[gone.participantId]).toBeUndefined();
    late.close();
  });

  it('broadcasts a message to everyone', async () => {
    expect(await fac.send({ type: 'message:broadcast', text: 'Coffee in 5 minutes ☕' })).toMatchObject({ ok: true });
    for (const b of everyone()) await b.until((x) => x.state.cafe.message?.text === 'Coffee in 5 minutes ☕');
  });

  it('ends the round at zero on the server and auto-rotates', async () => {
    expect(await fac.send({ type: 'cafe:configure', autoRotate: true })).toMatchObject({ ok: true });
    expect(await fac.send({ type: 'round:end' })).toMatchObject({ ok: true });
    expect(await fac.send({ type: 'round:rotate' })).toMatchObject({ ok: true });
    expect(await fac.send({ type: 'cafe:configure', rounds: 4, roundSeconds: 10 })).toMatchObject({ ok: true });
    expect(await fac.send({ type: 'round:start' })).toMatchObject({ ok: true });
    await fac.until((x) => x.state.round === 3 && x.state.cafe.clock.status === 'running');
    const endsAt = fac.state.cafe.clock.endsAt!;
    await delegates[0]!.until((x) => x.state.round === 4, 20_000);
    expect(Date.now()).toBeGreaterThanOrEqual(endsAt - 300);
    expect(delegates[0]!.state.cafe.clock.status).toBe('idle');
  }, 30_000);
});
