// Previews: others' note changes sent before their commit (no seq, not durable), followed by the
// committed `events`. Only to the committed events' audience, never to the author, never for a
// rejected command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, PreviewMessage } from '@world-cafe/shared';
import { type RunningServer, startServer } from '../helpers/server';
import { Bot, connect, createWorkshop, join, type CreatedWorkshop } from '../helpers/bots';

let srv: RunningServer;
let ws: CreatedWorkshop;
let facilitator: Bot;
let ann: Bot, annPhone: Bot, ben: Bot, chai: Bot;

type Arrival = { kind: 'preview'; msg: PreviewMessage } | { kind: 'events'; events: Envelope[] };
/** Per bot, previews and committed events in the order the socket delivered them. */
const arrivals = new Map<Bot, Arrival[]>();
function track(bot: Bot) {
  const log: Arrival[] = [];
  arrivals.set(bot, log);
  bot.socket.on('preview', (msg) => log.push({ kind: 'preview', msg }));
  bot.socket.on('events', (events) => log.push({ kind: 'events', events }));
}

const noteIdOf = (e: { type: string; note?: { id: string }; noteId?: string }) => e.note?.id ?? e.noteId;
const previewsOf = (bot: Bot, noteId: string) => bot.previews.filter((p) => p.events.some((e) => noteIdOf(e) === noteId));

/** Index in the bot's arrival log of the first preview / committed event about this note (-1 if none). */
function firstIndex(bot: Bot, kind: Arrival['kind'], noteId: string, type?: string): number {
  return arrivals.get(bot)!.findIndex((a) =>
    a.kind === 'preview'
      ? kind === 'preview' && a.msg.events.some((e) => noteIdOf(e) === noteId && (!type || e.type === type))
      : kind === 'events' && a.events.some((env) => noteIdOf(env.e) === noteId && (!type || env.e.type === type)),
  );
}

/** A workshop-wide event everyone receives: once a bot has it, earlier messages have arrived too. */
let syncPoints = 0;
async function syncPoint(...bots: Bot[]) {
  const purpose = `sync point ${++syncPoints}`;
  expect(await facilitator.send({ type: 'workshop:update', purpose })).toMatchObject({ ok: true });
  await Promise.all(bots.map((b) => b.until((x) => x.state.purpose === purpose)));
}

beforeAll(async () => {
  srv = await startServer();
  ws = await createWorkshop(srv.url);
  facilitator = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
  const annJoined = await join(srv.url, ws.joinCode, 'Ann');
  ann = await connect(srv.url, annJoined);
  ben = await connect(srv.url, await join(srv.url, ws.joinCode, 'Ben'));
  chai = await connect(srv.url, await join(srv.url, ws.joinCode, 'Chai', 'ph'));
  for (const [bot, table] of [
    [ann, 't1'],
    [ben, 't1'],
    [chai, 't2'],
  ] as const) {
    expect(await bot.send({ type: 'seat:assign', participantId: bot.participantId, tableId: table })).toMatchObject({ ok: true });
    await bot.until((b) => b.state.seats[b.participantId] === table);
  }
  // Ann's second device, already at t1
  annPhone = await connect(srv.url, annJoined);
  for (const b of [facilitator, ann, annPhone, ben, chai]) track(b);
});

afterAll(async () => {
  for (const b of [facilitator, ann, annPhone, ben, chai]) b?.close();
  await srv?.stop();
});

describe('previews of note changes', () => {
  it('a tablemate gets the preview before the committed event; the author and another table get none', async () => {
    const ack = await ann.send({ type: 'note:create', noteId: 'pv-1', tableId: 't1', text: 'seen early', color: 'yellow', x: 10, y: 20 });
    expect(ack).toMatchObject({ ok: true });
    await ben.until((b) => b.state.notes['pv-1'] !== undefined);
    await syncPoint(facilitator, ann, annPhone, ben, chai);

    for (const viewer of [ben, facilitator]) {
      const [preview, ...more] = previewsOf(viewer, 'pv-1');
      expect(more).toEqual([]);
      expect(preview).toMatchObject({ by: ann.participantId, events: [{ type: 'note:created', note: { id: 'pv-1', text: 'seen early' } }] });
      expect(typeof preview!.op).toBe('string');
      expect(preview).not.toHaveProperty('seq');
      // the committed event follows: the very same event, now with its seq
      const committed = viewer.received.find((env) => env.e.type === 'note:created' && env.e.note.id === 'pv-1')!;
      expect(committed.seq).toBe(ack.ok && ack.seq);
      expect(committed.e).toEqual(preview!.events[0]);
      const p = firstIndex(viewer, 'preview', 'pv-1');
      const c = firstIndex(viewer, 'events', 'pv-1');
      expect(p).toBeGreaterThanOrEqual(0);
      expect(c).toBeGreaterThan(p);
    }
    // the author (on both devices) has no preview; the other table neither preview nor event
    for (const b of [ann, annPhone]) {
      expect(b.previews).toEqual([]);
      expect(b.state.notes['pv-1']).toBeDefined();
    }
    expect(previewsOf(chai, 'pv-1')).toEqual([]);
    expect(chai.previews).toEqual([]);
    expect(chai.state.notes['pv-1']).toBeUndefined();
  });

  it('edits, moves, recolours and deletes are previewed to tablemates, each before its commit', async () => {
    expect(await ann.send({ type: 'note:create', noteId: 'pv-2', tableId: 't1', text: 'draft', color: 'yellow', x: 0, y: 0 })).toMatchObject({ ok: true });
    expect(await ann.send({ type: 'note:edit', noteId: 'pv-2', text: 'final' })).toMatchObject({ ok: true });
    expect(await ben.send({ type: 'note:move', noteId: 'pv-2', x: 300, y: 120 })).toMatchObject({ ok: true });
    expect(await ann.send({ type: 'note:recolor', noteId: 'pv-2', color: 'green' })).toMatchObject({ ok: true });
    expect(await ann.send({ type: 'note:delete', noteId: 'pv-2' })).toMatchObject({ ok: true });
    await syncPoint(facilitator, ann, annPhone, ben, chai);

    const types = ['note:created', 'note:edited', 'note:moved', 'note:recolored', 'note:deleted'];
    // ben sees Ann's four changes previewed, not his own move; Ann sees only Ben's move previewed
    expect(previewsOf(ben, 'pv-2').map((p) => p.events[0]!.type)).toEqual(types.filter((t) => t !== 'note:moved'));
    expect(previewsOf(ann, 'pv-2').map((p) => [p.by, p.events[0]!.type])).toEqual([[ben.participantId, 'note:moved']]);
    expect(previewsOf(annPhone, 'pv-2').map((p) => p.events[0]!.type)).toEqual(['note:moved']);
    // the facilitator sees all five, in log order
    expect(previewsOf(facilitator, 'pv-2').map((p) => p.events[0]!.type)).toEqual(types);
    for (const t of types) {
      const p = firstIndex(facilitator, 'preview', 'pv-2', t);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(firstIndex(facilitator, 'events', 'pv-2', t)).toBeGreaterThan(p);
    }
    expect(previewsOf(chai, 'pv-2')).toEqual([]);
    expect(ben.state.notes['pv-2']).toBeUndefined();
  });

  it('a rejected command, a malformed one, or a change that is not a note produces no preview', async () => {
    expect(await ann.send({ type: 'note:create', noteId: 'pv-3', tableId: 't1', text: 'mine', color: 'pink', x: 0, y: 0 })).toMatchObject({ ok: true });
    await syncPoint(facilitator, ann, annPhone, ben, chai);
    const before = new Map([facilitator, ann, annPhone, ben, chai].map((b) => [b, b.previews.length]));

    expect(await ben.send({ type: 'note:edit', noteId: 'pv-3', text: 'hijacked' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ben.send({ type: 'note:delete', noteId: 'pv-3' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await chai.send({ type: 'note:create', noteId: 'pv-x', tableId: 't1', text: 'sneaky', color: 'pink', x: 0, y: 0 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ann.send({ type: 'note:edit', noteId: 'no-such-note', text: 'x' })).toMatchObject({ ok: false });
    expect(await ann.sendRaw({ type: 'note:create', clientOpId: 'bad-op-1', noteId: 'pv-y', tableId: 't1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    // a retried command is answered from the first result: no second preview
    const op = 'pv-retry-op-1';
    const first = await ann.send({ type: 'note:create', clientOpId: op, noteId: 'pv-4', tableId: 't1', text: 'once', color: 'blue', x: 0, y: 0 });
    const again = await ann.send({ type: 'note:create', clientOpId: op, noteId: 'pv-4', tableId: 't1', text: 'once', color: 'blue', x: 0, y: 0 });
    expect(again).toMatchObject({ ok: true, duplicate: true, seq: first.ok && first.seq });
    await syncPoint(facilitator, ann, annPhone, ben, chai);

    for (const [bot, n] of before) {
      const fresh = bot.previews.slice(n);
      // only the one accepted note (pv-4), only to Ann's tablemate and the facilitator
      const expected = bot === ben || bot === facilitator ? ['pv-4'] : [];
      expect(fresh.map((p) => noteIdOf(p.events[0]!))).toEqual(expected);
    }
  });
});
