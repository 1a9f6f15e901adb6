import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server';
import { Bot, connect, createWorkshop, join, opId, type CreatedWorkshop } from '../helpers/bots';

let srv: RunningServer;
let ws: CreatedWorkshop;
let facilitator: Bot;
let ann: Bot, ben: Bot, chai: Bot;

beforeAll(async () => {
  srv = await startServer();
  ws = await createWorkshop(srv.url);
  facilitator = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
  const bots = await Promise.all(['Ann', 'Ben', 'Chai'].map(async (name) => connect(srv.url, await join(srv.url, ws.joinCode, name))));
  [ann, ben, chai] = bots as [Bot, Bot, Bot];
  for (const [bot, table] of [
    [ann, 't1'],
    [ben, 't1'],
    [chai, 't2'],
  ] as const) {
    expect(await bot.send({ type: 'seat:assign', participantId: bot.participantId, tableId: table })).toMatchObject({ ok: true });
    await bot.until((b) => b.state.seats[b.participantId] === table);
  }
});

afterAll(async () => {
  for (const b of [facilitator, ann, ben, chai]) b?.close();
  await srv?.stop();
});

describe('live notes at a table', () => {
  it('tablemates see each other’s notes; another table never receives them', async () => {
    const text = 'พัฒนาศักยภาพข้าราชการ 🇹🇭 مرحبا';
    const ack = await ann.send({ type: 'note:create', noteId: 'note-live-1', tableId: 't1', text, color: 'yellow', x: 10, y: 20 });
    expect(ack).toMatchObject({ ok: true });
    await ben.until((b) => b.state.notes['note-live-1']?.text === text);
    await facilitator.until((b) => b.state.notes['note-live-1'] !== undefined);
    // chai sits at t2: wait for a later workshop-wide event to be sure the stream has passed that point
    expect(await facilitator.send({ type: 'workshop:update', purpose: 'sync point' })).toMatchObject({ ok: true });
    await chai.until((b) => b.state.purpose === 'sync point');
    // (chai saw ann's and ben's seat changes while unseated: the lobby picks tables by occupancy)
    expect(chai.received.some((e) => e.scope === 't:t1' && e.e.type !== 'seat:assigned')).toBe(false);
    expect(chai.state.notes['note-live-1']).toBeUndefined();

    const other = await chai.send({
      type: 'note:create',
      noteId: 'note-t2',
      tableId: 't2',
      text: 'at table two',
      color: 'blue',
      x: 0,
      y: 0,
    });
    expect(other.ok).toBe(true);
    await facilitator.until((b) => b.state.notes['note-t2'] !== undefined);
    expect(ann.state.notes['note-t2']).toBeUndefined();
  });

  it('edits, moves, recolours and deletes reach tablemates', async () => {
    await ann.send({ type: 'note:create', noteId: 'note-life', tableId: 't1', text: 'draft', color: 'yellow', x: 0, y: 0 });
    expect(await ann.send({ type: 'note:edit', noteId: 'note-life', text: 'final' })).toMatchObject({ ok: true });
    expect(await ben.send({ type: 'note:move', noteId: 'note-life', x: 300, y: 120 })).toMatchObject({ ok: true });
    expect(await ann.send({ type: 'note:recolor', noteId: 'note-life', color: 'green' })).toMatchObject({ ok: true });
    await ben.until((b) => b.state.notes['note-life']?.color === 'green');
    expect(ben.state.notes['note-life']).toMatchObject({ text: 'final', x: 300, y: 120 });
    expect(await ann.send({ type: 'note:delete', noteId: 'note-life' })).toMatchObject({ ok: true });
    await ben.until((b) => !('note-life' in b.state.notes));
  });

  it('a delegate cannot edit someone else’s note or write at another table', async () => {
    await ann.send({ type: 'note:create', noteId: 'note-ann', tableId: 't1', text: 'mine', color: 'pink', x: 0, y: 0 });
    const edit = await ben.send({ type: 'note:edit', noteId: 'note-ann', text: 'hijacked' });
    expect(edit).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const del = await ben.send({ type: 'note:delete', noteId: 'note-ann' });
    expect(del).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const elsewhere = await chai.send({ type: 'note:create', noteId: 'note-x', tableId: 't1', text: 'sneaky', color: 'pink', x: 0, y: 0 });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const runSession = await ann.send({ type: 'workshop:set-phase', phase: 'cafe' });
    expect(runSession).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await facilitator.until((b) => b.state.notes['note-ann'] !== undefined);
    expect(facilitator.state.notes['note-ann']?.text).toBe('mine');
    expect(facilitator.state.notes['note-x']).toBeUndefined();
    expect(facilitator.state.phase).toBe('setup');
  });

  it('malformed and oversized payloads get an error ack and change nothing', async () => {
    const before = facilitator.state.seq;
    const cases: Array<[unknown, string]> = [
      [null, 'invalid_payload'],
      ['note:create', 'invalid_payload'],
      [{ type: 'note:create' }, 'invalid_payload'],
      [{ type: 'nope', clientOpId: opId() }, 'invalid_payload'],
      [
        { type: 'note:create', clientOpId: opId(), noteId: 'n-bad', tableId: 't1', text: 'x', color: 'yellow', x: 0, y: 0, extra: 1 },
        'invalid_payload',
      ],
      [
        { type: 'note:create', clientOpId: opId(), noteId: 'n-bad', tableId: 't1', text: 'x'.repeat(501), color: 'yellow', x: 0, y: 0 },
        'invalid_payload',
      ],
      [
        { type: 'note:create', clientOpId: opId(), noteId: 'n-bad', tableId: 't1', text: '', color: 'yellow', x: 0, y: 0 },
        'invalid_payload',
      ],
      [
        { type: 'note:create', clientOpId: opId(), noteId: 'n-bad', tableId: 't1', text: 'x', color: 'black', x: 0, y: 0 },
        'invalid_payload',
      ],
      [
        { type: 'note:create', clientOpId: opId(), noteId: 'n-bad', tableId: 't1', text: 'x', color: 'yellow', x: -5, y: 1e9 },
        'invalid_payload',
      ],
      [
        { type: 'note:create', clientOpId: opId(), noteId: 'n bad!', tableId: 't1', text: 'x', color: 'yellow', x: 0, y: 0 },
        'invalid_payload',
      ],
      [
        { type: 'note:create', clientOpId: opId(), noteId: 'n-bad', tableId: 't1', text: 'x'.repeat(20_000), color: 'yellow', x: 0, y: 0 },
        'too_large',
      ],
    ];
    for (const [payload, code] of cases) {
      const ack = await ann.sendRaw(payload);
      expect(ack, JSON.stringify(payload).slice(0, 80)).toMatchObject({ ok: false, error: { code } });
      expect(typeof (ack as { error: { message: string } }).error.message).toBe('string');
    }
    // a command without an ack callback is ignored without crashing the connection
    (ann.socket as unknown as { emit: (ev: string, p: unknown) => void }).emit('command', { type: 'note:create' });
    expect(await facilitator.send({ type: 'workshop:update', purpose: 'after bad input' })).toMatchObject({ ok: true });
    await ann.until((b) => b.state.purpose === 'after bad input');
    expect(ann.state.seq).toBe(before + 1);
    expect(ann.state.notes['n-bad']).toBeUndefined();
    expect(ann.socket.connected).toBe(true);
  });

  it('a duplicate clientOpId creates one note', async () => {
    const clientOpId = opId('dup');
    const cmd = {
      type: 'note:create' as const,
      clientOpId,
      noteId: 'note-dup',
      tableId: 't1',
      text: 'once',
      color: 'yellow' as const,
      x: 1,
      y: 1,
    };
    const [a, b] = await Promise.all([ann.send(cmd), ann.send(cmd)]);
    const c = await ann.send(cmd);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: true, duplicate: true });
    expect(c).toMatchObject({ ok: true, duplicate: true });
    if (a.ok && b.ok && c.ok) expect(new Set([a.seq, b.seq, c.seq]).size).toBe(1);
    await ben.until((x) => x.state.notes['note-dup'] !== undefined);
    expect(ben.received.filter((e) => e.e.type === 'note:created' && e.e.note.id === 'note-dup')).toHaveLength(1);
  });

  it('a client that misses events while disconnected receives each exactly once on resume', async () => {
    await ben.until((b) => b.state.seq === ann.state.seq);
    ben.close();
    // a fresh tablemate writes, so this socket's rate budget is untouched by earlier tests
    const dara = await connect(srv.url, await join(srv.url, ws.joinCode, 'Dara', 'ph'));
    await dara.send({ type: 'seat:assign', participantId: dara.participantId, tableId: 't1' });
    const ids = Array.from({ length: 25 }, (_, i) => `missed-${i}`);
    for (const id of ids) {
      expect(
        await dara.send({ type: 'note:create', noteId: id, tableId: 't1', text: `note ${id}`, color: 'orange', x: 5, y: 5 }),
      ).toMatchObject({ ok: true });
    }
    await chai.send({ type: 'note:create', noteId: 'missed-other-table', tableId: 't2', text: 'not for ben', color: 'blue', x: 0, y: 0 });
    const receivedBefore = ben.received.length;
    await ben.reconnect();
    expect(ben.syncs).toEqual(['events']);
    const caught = ben.received.slice(receivedBefore);
    const created = caught.filter((e) => e.e.type === 'note:created').map((e) => (e.e.type === 'note:created' ? e.e.note.id : ''));
    expect(created).toEqual(ids);
    expect(caught.some((e) => e.scope === 't:t2')).toBe(false);
    const seqs = caught.map((e) => e.seq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const id of ids) expect(ben.state.notes[id]?.text).toBe(`note ${id}`);
    dara.close();
  });

  it('a person moved while offline gets a fresh snapshot of the new table', async () => {
    chai.close();
    expect(await facilitator.send({ type: 'seat:assign', participantId: chai.participantId, tableId: 't1' })).toMatchObject({ ok: true });
    await chai.reconnect();
    expect(chai.syncs).toEqual(['snapshot']);
    expect(chai.state.seats[chai.participantId]).toBe('t1');
    expect(chai.state.notes['missed-0']).toBeDefined();
    expect(chai.state.notes['note-t2']).toBeUndefined();
  });

  it('moving a connected person switches their scope live', async () => {
    const moved = await facilitator.send({ type: 'seat:assign', participantId: chai.participantId, tableId: 't2' });
    expect(moved, JSON.stringify(moved)).toMatchObject({ ok: true });
    await chai.until((b) => b.state.seats[b.participantId] === 't2' && b.state.notes['note-t2'] !== undefined);
    expect(chai.state.notes['missed-0']).toBeUndefined();
    await ann.send({ type: 'note:create', noteId: 'after-move', tableId: 't1', text: 'table one only', color: 'yellow', x: 0, y: 0 });
    await facilitator.send({ type: 'workshop:update', purpose: 'after move' });
    await chai.until((b) => b.state.purpose === 'after move');
    expect(chai.state.notes['after-move']).toBeUndefined();
  });
});

describe('handshake and limits', () => {
  it('rejects a bad token and a foreign Origin', async () => {
    const bad = new Bot(srv.url, 'x'.repeat(32), 'nobody');
    const err = await new Promise<Error>((resolve) => bad.socket.on('connect_error', resolve));
    expect(err.message).toBe('unauthorized');
    bad.close();

    const { io } = await import('socket.io-client');
    const foreign = io(srv.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { Origin: 'http://evil.example' },
      auth: { token: ws.facilitatorKey },
    });
    const err2 = await new Promise<Error>((resolve) => foreign.on('connect_error', resolve));
    expect(err2).toBeInstanceOf(Error);
    expect(foreign.connected).toBe(false);
    foreign.close();

    const same = io(srv.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { Origin: srv.url },
      auth: { token: ws.facilitatorKey },
    });
    await new Promise<void>((resolve, reject) => {
      same.on('connect', () => resolve());
      same.on('connect_error', reject);
    });
    same.close();
  });

  it('rate-limits a flooding socket with a stable code, and the socket recovers', async () => {
    await new Promise((r) => setTimeout(r, 2500)); // let the bucket refill after earlier tests
    const flood = await Promise.all(Array.from({ length: 80 }, () => ann.send({ type: 'note:move', noteId: 'missed-0', x: 1, y: 1 })));
    const limited = flood.filter((a) => !a.ok && a.error.code === 'rate_limited');
    expect(limited.length).toBeGreaterThan(0);
    expect(flood.filter((a) => a.ok).length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 2500));
    expect(await ann.send({ type: 'note:move', noteId: 'missed-0', x: 2, y: 2 })).toMatchObject({ ok: true });
  });

  it('HTTP edge validates input with stable codes', async () => {
    const bad = await fetch(`${srv.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: '' }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_payload');
    const unknown = await fetch(`${srv.url}/api/join/ZZZZZZZZ`);
    expect(unknown.status).toBe(404);
    const info = await fetch(`${srv.url}/api/join/${ws.joinCode.toLowerCase().slice(0, 4)}-${ws.joinCode.toLowerCase().slice(4)}`);
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ workshopId: ws.workshopId, title: 'Post-2015 ACCSM Work Plan' });
  });
});
