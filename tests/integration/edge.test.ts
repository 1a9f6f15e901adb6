// The HTTP and socket edge against the real server: per-address limits (join-code lookups,
// invite checks, handshakes) and TRUST_PROXY, 415 for an unsupported charset, rejections counted
// and logged without payload text, GET /metrics behind METRICS_TOKEN, GET /api/ready.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { type RunningServer, startServer } from '../helpers/server';
import { type Bot, connect, createWorkshop, type CreatedWorkshop } from '../helpers/bots';

const METRICS_TOKEN = 'metrics-token-0123456789';
const LIMITS = { LIMIT_LOOKUPS_PER_MIN: '8', LIMIT_INVITES_PER_MIN: '3', LIMIT_HANDSHAKES_PER_MIN: '4' };

/** Server A: no proxy is trusted (the default). Server B: loopback proxies are, and /metrics is on. */
let a: RunningServer;
let b: RunningServer;
let wsA: CreatedWorkshop;
let wsB: CreatedWorkshop;
const logsA: string[] = [];
const logsB: string[] = [];

function collect(srv: RunningServer, into: string[]) {
  let buf = '';
  srv.proc.stdout!.on('data', (d) => {
    buf += String(d);
    const lines = buf.split('\n');
    buf = lines.pop()!;
    into.push(...lines);
  });
}
const parsed = (lines: string[]) =>
  lines.flatMap((l) => {
    try {
      return [JSON.parse(l) as Record<string, unknown>];
    } catch {
      return [];
    }
  });

const get = (srv: RunningServer, path: string, headers: Record<string, string> = {}) => fetch(`${srv.url}${path}`, { headers });

beforeAll(async () => {
  [a, b] = await Promise.all([startServer({ env: LIMITS }), startServer({ env: { ...LIMITS, TRUST_PROXY: 'loopback', METRICS_TOKEN } })]);
  collect(a, logsA);
  collect(b, logsB);
  [wsA, wsB] = await Promise.all([createWorkshop(a.url), createWorkshop(b.url)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('per-address limits', () => {
  it('join-code lookups: the 9th in a minute is refused, and rotating X-Forwarded-For does not help without TRUST_PROXY', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await get(a, `/api/join/${wsA.joinCode}`, { 'x-forwarded-for': `203.0.113.${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429, 429]);
    const res = await get(a, '/api/join/ZZZZZZZZ', { 'x-forwarded-for': '198.51.100.7' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(await res.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('with TRUST_PROXY=loopback each forwarded address has its own budget', async () => {
    const run = async (addr: string) => {
      const out: number[] = [];
      for (let i = 0; i < 9; i++) out.push((await get(b, `/api/join/${wsB.joinCode}`, { 'x-forwarded-for': addr })).status);
      return out;
    };
    expect(await run('203.0.113.10')).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    expect(await run('203.0.113.11')).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
  });

  it('invite checks have their own, lower limit (3 a minute)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await get(b, `/api/join/${wsB.joinCode}?invite=guessed-invite-token-${i}xxxxxxxx`, { 'x-forwarded-for': '203.0.113.20' })).status,
      );
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // a POST /api/join with an invite counts too
    const post = await fetch(`${b.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.20' },
      body: JSON.stringify({ code: wsB.joinCode, name: 'Guess', invite: 'guessed-invite-token-zzzzzzzz' }),
    });
    expect(post.status).toBe(429);
  });

  it('socket handshakes: the 5th new connection in a minute from one address is refused before any token check', async () => {
    const attempt = (addr: string) =>
      new Promise<string>((resolve) => {
        const s = io(b.url, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          auth: { token: 'x'.repeat(20) },
          extraHeaders: { 'x-forwarded-for': addr },
        });
        s.on('connect_error', (err) => {
          s.close();
          resolve(err.message);
        });
        s.on('connect', () => {
          s.close();
          resolve('connected');
        });
      });
    const results: string[] = [];
    for (let i = 0; i < 6; i++) results.push(await attempt('203.0.113.30'));
    // the first four reach the token check (a bad token), the rest are refused at the door
    expect(results.slice(0, 4)).toEqual(['unauthorized', 'unauthorized', 'unauthorized', 'unauthorized']);
    expect(results.slice(4).every((m) => m !== 'unauthorized' && m !== 'connected')).toBe(true);
    // another address is not affected
    expect(await attempt('203.0.113.31')).toBe('unauthorized');
  });
});

describe('HTTP errors are the client’s, not the server’s', () => {
  it('an unsupported JSON charset gets 415 in the API error shape and no error log', async () => {
    const before = logsA.length;
    const res = await fetch(`${a.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=iso-8859-1' },
      body: JSON.stringify({ title: 'x', facilitatorName: 'y' }),
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_payload' } });
    await new Promise((r) => setTimeout(r, 200));
    const lines = parsed(logsA.slice(before));
    expect(lines.filter((l) => Number(l.level) >= 50)).toEqual([]);
    expect(lines.some((l) => l.msg === 'request rejected' && l.code === 'unsupported_media_type')).toBe(true);
  });
});

describe('rejections are counted and logged, never with the payload', () => {
  let fac: Bot;
  beforeAll(async () => {
    fac = await connect(b.url, { token: wsB.facilitatorKey, participantId: wsB.participantId });
  });
  afterAll(() => fac?.close());

  it('schema errors, too_large and failed handshakes leave a sampled log line with ids and codes only', async () => {
    const SECRET = 'SECRET-NOTE-TEXT-never-logged';
    expect(await fac.sendRaw({ type: 'note:create', clientOpId: 'bad-1', text: SECRET })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await fac.sendRaw({ type: 'note:create', clientOpId: 'bad-2', text: SECRET })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await fac.sendRaw({ type: 'note:create', clientOpId: 'big', text: SECRET + 'x'.repeat(20_000) })).toMatchObject({
      ok: false,
      error: { code: 'too_large' },
    });
    await new Promise((r) => setTimeout(r, 300));
    const lines = parsed(logsB);
    const rejected = lines.filter((l) => l.msg === 'request rejected');
    expect(rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ where: 'command', code: 'invalid_payload', type: 'note:create', workshopId: wsB.workshopId }),
        expect.objectContaining({ where: 'command', code: 'too_large' }),
        expect.objectContaining({ where: 'handshake', code: 'unauthorized' }),
        expect.objectContaining({ where: 'handshake', code: 'rate_limited' }),
        expect.objectContaining({ where: 'http', code: 'rate_limited' }),
      ]),
    );
    // sampled: the second schema error in the same minute is counted, not logged again
    expect(rejected.filter((l) => l.where === 'command' && l.code === 'invalid_payload')).toHaveLength(1);
    expect(logsB.join('\n')).not.toContain(SECRET);
  });
});

describe('frame size (PROTOCOL.md, rule 8 for a client)', () => {
  it('a command over 16 KiB gets the ack too_large; a frame over 64 KiB closes the connection with no ack and no code', async () => {
    const fac = await connect(a.url, { token: wsA.facilitatorKey, participantId: wsA.participantId });
    try {
      expect(await fac.sendRaw({ type: 'note:create', clientOpId: 'big-1', text: 'x'.repeat(20_000) })).toMatchObject({
        ok: false,
        error: { code: 'too_large' },
      });
      expect(fac.socket.connected).toBe(true);
      const reason = new Promise<string>((resolve) => fac.socket.once('disconnect', (r) => resolve(r)));
      fac.ackTimeoutMs = 3000;
      const ack = fac.sendRaw({ type: 'note:create', clientOpId: 'huge-1', text: 'x'.repeat(70 * 1024) }).then(
        (x) => `ack ${JSON.stringify(x)}`,
        (err: Error) => `no ack: ${err.message}`,
      );
      expect(await reason).toMatch(/^transport (close|error)$/);
      expect(await ack).toMatch(/^no ack/);
    } finally {
      fac.close();
    }
  });
});

describe('operability endpoints', () => {
  it('GET /metrics is off without METRICS_TOKEN and needs the token when set', async () => {
    expect((await get(a, '/metrics')).status).toBe(404);
    expect((await get(b, '/metrics')).status).toBe(401);
    expect((await get(b, '/metrics', { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
  });

  it('GET /metrics reports commands, acks, rejections, sockets, group commits, event-loop lag and memory', async () => {
    const fac = await connect(b.url, { token: wsB.facilitatorKey, participantId: wsB.participantId });
    try {
      expect(
        await fac.send({ type: 'table:add', table: { id: 't9', name: 'Nine', themeId: null, question: '', capacity: 6 } }),
      ).toMatchObject({ ok: true });
      const res = await get(b, '/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const text = await res.text();
      expect(text).toMatch(/^worldcafe_commands_total\{type="table:add",outcome="ok"\} [1-9]/m);
      expect(text).toMatch(/^worldcafe_command_duration_seconds_count\{type="table:add",outcome="ok"\} [1-9]/m);
      expect(text).toMatch(/^worldcafe_acks_total\{ok="true"\} [1-9]/m);
      expect(text).toMatch(/^worldcafe_rejections_total\{where="command",code="invalid_payload"\} [1-9]/m);
      expect(text).toMatch(/^worldcafe_rejections_total\{where="handshake",code="rate_limited"\} [1-9]/m);
      expect(text).toMatch(/^worldcafe_sockets\{role="facilitator"\} [1-9]/m);
      expect(text).toMatch(/^worldcafe_group_commit_appends_count [1-9]/m);
      expect(text).toMatch(/^worldcafe_group_commit_duration_seconds_count [1-9]/m);
      expect(text).toMatch(/^worldcafe_fanout_frames_total [1-9]/m); // at least the facilitator's frame of table:add
      expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
      expect(text).toMatch(/^process_resident_memory_bytes /m);
      expect(text).not.toContain(wsB.facilitatorKey);
    } finally {
      fac.close();
    }
  });

  it('GET /api/ready answers 200 while the store answers', async () => {
    const res = await get(a, '/api/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect((await get(a, '/api/health')).status).toBe(200);
  });
});
