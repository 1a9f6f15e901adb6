import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server';
import { type Bot, connect, createWorkshop, join, type CreatedWorkshop } from '../helpers/bots';

let srv: RunningServer;
let ws: CreatedWorkshop;
let fac: Bot;
let th1: Bot, th2: Bot, ph: Bot, vn: Bot;

const post = (path: string, body: unknown, token?: string) =>
  fetch(`${srv.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  srv = await startServer();
  ws = await createWorkshop(srv.url, {
    delegations: [
      { id: 'th', name: 'Thailand', code: 'TH' },
      { id: 'ph', name: 'Philippines', code: 'PH' },
      { id: 'vn', name: 'Viet Nam', code: 'VN' },
    ],
    planYears: { start: 2016, end: 2020 },
  });
  fac = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
  th1 = await connect(srv.url, await join(srv.url, ws.joinCode, 'Somchai', 'th'));
  th2 = await connect(srv.url, await join(srv.url, ws.joinCode, 'Malee', 'th'));
  ph = await connect(srv.url, await join(srv.url, ws.joinCode, 'Maria', 'ph'));
  vn = await connect(srv.url, await join(srv.url, ws.joinCode, 'Minh', 'vn'));
  await th1.send({ type: 'seat:assign', participantId: th1.participantId, tableId: 't1' });
  expect(
    await th1.send({ type: 'note:create', noteId: 'n1', tableId: 't1', text: 'ฝึกอบรมผู้นำรุ่นใหม่', color: 'yellow', x: 0, y: 0 }),
  ).toMatchObject({ ok: true });
  for (const phase of ['cafe', 'harvest'] as const)
    expect(await fac.send({ type: 'workshop:set-phase', phase })).toMatchObject({ ok: true });
  expect(
    await fac.send({
      type: 'goal:create',
      goalId: 'g1',
      title: 'Leadership for a new wave',
      themeId: null,
      clusterIds: [],
      noteIds: ['n1'],
    }),
  ).toMatchObject({ ok: true });
  expect(
    await fac.send({
      type: 'goal:item-add',
      goalId: 'g1',
      list: 'actions',
      itemId: 'a1',
      text: 'Regional course',
      leads: ['th', 'ph'],
      start: 2016,
      end: 2018,
    }),
  ).toMatchObject({ ok: true });
  expect(
    await fac.send({ type: 'goal:item-add', goalId: 'g1', list: 'actions', itemId: 'a2', text: 'Too late', start: 2019, end: 2024 }),
  ).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
});

afterAll(async () => {
  for (const b of [fac, th1, th2, ph, vn]) b?.close();
  await srv?.stop();
});

describe('delegation review', () => {
  it('only the facilitator opens the review, with a deadline in the future', async () => {
    expect(await th1.send({ type: 'review:open', deadline: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fac.send({ type: 'review:open', deadline: Date.now() - 1000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await fac.send({ type: 'review:open', deadline: Date.now() + 3 * 24 * 3600_000 })).toMatchObject({ ok: true });
    for (const b of [th1, ph]) await b.until((x) => x.state.phase === 'review');
  });

  it('a delegation records its review; members share it; another delegation neither sees nor edits it', async () => {
    expect(
      await th1.send({
        type: 'review:record',
        goalId: 'g1',
        stance: 'amend',
        situation: 'มีหลักสูตรผู้นำอยู่แล้ว',
        feasibility: 4,
        partners: ['ph'],
      }),
    ).toMatchObject({ ok: true });
    // a second Thai delegate continues the same delegation's review
    await th2.until((x) => x.state.review.entries['g1#th']?.stance === 'amend');
    expect(await th2.send({ type: 'review:record', goalId: 'g1', needs: 'trainers' })).toMatchObject({ ok: true });
    await th1.until((x) => x.state.review.entries['g1#th']?.needs === 'trainers');
    expect(th1.state.review.entries['g1#th']).toMatchObject({ situation: 'มีหลักสูตรผู้นำอยู่แล้ว', feasibility: 4, partners: ['ph'] });

    // the Philippines records its own review: it writes g1#ph, never g1#th
    expect(
      await ph.send({ type: 'review:record', goalId: 'g1', stance: 'supports', situation: 'CSC academy', feasibility: 5 }),
    ).toMatchObject({ ok: true });
    await fac.until((x) => x.state.review.entries['g1#ph']?.stance === 'supports' && x.state.review.entries['g1#th']?.needs === 'trainers');
    expect(fac.state.review.entries['g1#th']!.stance).toBe('amend');
    expect(ph.state.review.entries['g1#th']).toBeUndefined();
    expect(ph.received.some((e) => e.e.type === 'review:recorded' && e.e.entry.delegationId === 'th')).toBe(false);
    // partners must be other delegations; observers and the facilitator do not review
    expect(await ph.send({ type: 'review:record', goalId: 'g1', partners: ['ph'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await fac.send({ type: 'review:record', goalId: 'g1', stance: 'supports' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('an accepted amendment changes the goal and keeps the history; a rejected one does not', async () => {
    expect(
      await th1.send({
        type: 'amendment:propose',
        amendmentId: 'am1',
        goalId: 'g1',
        field: 'title',
        text: 'ASEAN New-Wave Leadership for all',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await ph.send({ type: 'amendment:propose', amendmentId: 'am2', goalId: 'g1', field: 'rationale', text: 'Because.' }),
    ).toMatchObject({ ok: true });
    expect(await th1.send({ type: 'amendment:decide', amendmentId: 'am1', accept: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await fac.send({ type: 'amendment:decide', amendmentId: 'am1', accept: true })).toMatchObject({ ok: true });
    expect(await fac.send({ type: 'amendment:decide', amendmentId: 'am2', accept: false })).toMatchObject({ ok: true });
    expect(await fac.send({ type: 'amendment:decide', amendmentId: 'am1', accept: false })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    for (const b of [th1, ph, vn]) await b.until((x) => x.state.goals.g1?.title === 'ASEAN New-Wave Leadership for all');
    const a1 = fac.state.review.amendments.am1!;
    expect(a1).toMatchObject({ status: 'accepted', baseText: 'Leadership for a new wave', replaced: 'Leadership for a new wave' });
    expect(fac.state.review.amendments.am2!.status).toBe('rejected');
    expect(fac.state.goals.g1!.rationale).toContain('ฝึกอบรมผู้นำรุ่นใหม่');
  });

  it('plain joins are refused after the session; a delegation review link admits a new member', async () => {
    const plain = await post('/api/join', { code: ws.joinCode, name: 'Latecomer', delegationId: 'vn' });
    expect(plain.status).toBe(409);
    expect((await plain.json()).error.code).toBe('wrong_phase');
    expect((await post(`/api/workshops/${ws.workshopId}/invites`, { delegationId: 'vn' }, 'x'.repeat(32))).status).toBe(401);
    const issued = await post(`/api/workshops/${ws.workshopId}/invites`, { delegationId: 'vn' }, ws.facilitatorKey);
    expect(issued.status).toBe(201);
    const { invite, path } = await issued.json();
    expect(path).toContain(`#invite=${invite}`);
    // the invite fixes the delegation whatever the form says
    const joined = await post('/api/join', { code: ws.joinCode, name: 'Nguyen', delegationId: 'th', invite });
    expect(joined.status).toBe(201);
    const newcomer = await connect(srv.url, await joined.json());
    expect(newcomer.state.participants[newcomer.participantId]!.delegationId).toBe('vn');
    expect(await newcomer.send({ type: 'review:record', goalId: 'g1', stance: 'reservations', comments: 'budget' })).toMatchObject({
      ok: true,
    });
    await vn.until((x) => x.state.review.entries['g1#vn']?.stance === 'reservations');
    newcomer.close();
  });

  it('the facilitator reminds unfinished delegations and closes; the closed workshop is read-only', async () => {
    expect(await fac.send({ type: 'review:remind' })).toMatchObject({ ok: true });
    await vn.until((x) => x.state.review.reminders.length === 1);
    // vn has a stance but no national details or feasibility yet: incomplete
    expect(fac.state.review.reminders[0]!.delegationIds).toContain('vn');
    expect(await fac.send({ type: 'review:close' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fac.send({ type: 'review:close', force: true })).toMatchObject({ ok: true });
    await th1.until((x) => x.state.phase === 'closed');
    expect(await th1.send({ type: 'review:record', goalId: 'g1', comments: 'late' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_phase' },
    });
    expect(await fac.send({ type: 'goal:set', goalId: 'g1', field: 'title', value: 'x', baseVersion: 2 })).toMatchObject({
      ok: false,
      error: { code: 'wrong_phase' },
    });
  });
});

describe('exports over HTTP', () => {
  const get = (path: string, token: string) => fetch(`${srv.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('facilitators download every format; delegates are refused; unknown formats are rejected', async () => {
    for (const [format, magic] of [
      ['docx', 'PK'],
      ['csv', 'PK'],
      ['md', '#'],
      ['json', '{'],
    ] as const) {
      const res = await get(`/api/workshops/${ws.workshopId}/export?format=${format}`, ws.facilitatorKey);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+"/);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
    const md = await (await get(`/api/workshops/${ws.workshopId}/export?format=md`, ws.facilitatorKey)).text();
    expect(md).toContain('ASEAN New-Wave Leadership for all');
    expect(md).toContain('มีหลักสูตรผู้นำอยู่แล้ว');
    expect((await get(`/api/workshops/${ws.workshopId}/export?format=md`, th1.token)).status).toBe(403);
    expect((await get(`/api/workshops/${ws.workshopId}/export?format=xls`, ws.facilitatorKey)).status).toBe(400);
    expect((await fetch(`${srv.url}/api/workshops/${ws.workshopId}/export?format=md`)).status).toBe(401);
  });

  it('JSON export → import as a new workshop → export is identical', async () => {
    const first = await (await get(`/api/workshops/${ws.workshopId}/export?format=json`, ws.facilitatorKey)).text();
    const imported = await post('/api/workshops/import', JSON.parse(first));
    expect(imported.status).toBe(201);
    const copy = await imported.json();
    expect(copy.workshopId).not.toBe(ws.workshopId);
    const second = await (await get(`/api/workshops/${copy.workshopId}/export?format=json`, copy.facilitatorKey)).text();
    expect(second).toBe(first);
    const bad = await post('/api/workshops/import', { schemaVersion: 99, workshop: {} });
    expect(bad.status).toBe(400);
  });

  it('an import gets the live text hygiene: a hostile title or a zero-width-only name is refused, naming the field', async () => {
    const doc = JSON.parse(await (await get(`/api/workshops/${ws.workshopId}/export?format=json`, ws.facilitatorKey)).text());
    const hostileTitle = structuredClone(doc);
    hostileTitle.workshop.title = `\u202Ex${'\u0301'.repeat(5000)}`;
    const blankName = structuredClone(doc);
    const pid = Object.keys(blankName.workshop.participants)[0]!;
    blankName.workshop.participants[pid].name = '\u200B\u200C\u2060';
    for (const [body, field] of [
      [hostileTitle, 'workshop.title'],
      [blankName, `workshop.participants.${pid}.name`],
    ] as const) {
      const res = await post('/api/workshops/import', body);
      expect(res.status).toBe(400);
      const err = (await res.json()).error;
      expect(err.code).toBe('invalid_payload');
      expect(err.message).toContain(field);
    }
  });
});
