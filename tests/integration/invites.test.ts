// Delegation review links expire (per link, or the server's INVITE_TTL_DAYS) and can be revoked;
// POST /api/join with a client-made joinId is idempotent, across concurrent retries and restarts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer, tempDataDir } from '../helpers/server';
import { randomBytes } from 'node:crypto';
import { type Bot, connect, createWorkshop, type CreatedWorkshop } from '../helpers/bots';

const randomJoinId = () => randomBytes(16).toString('base64url');

const DAY = 24 * 3600_000;
const dataDir = tempDataDir('wc-invites-');
let srv: RunningServer;
let ws: CreatedWorkshop;
let fac: Bot;

const api = (path: string, init: { method?: string; body?: unknown; token?: string } = {}) =>
  fetch(`${srv.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

interface Issued {
  id: string;
  invite: string;
  delegationId: string;
  issuedAt: number;
  expiresAt: number;
}

async function issue(body: Record<string, unknown>): Promise<Issued> {
  const res = await api(`/api/workshops/${ws.workshopId}/invites`, { body: { delegationId: 'th', ...body }, token: ws.facilitatorKey });
  expect(res.status).toBe(201);
  return (await res.json()) as Issued;
}

const joinWith = (invite: string, extra: Record<string, unknown> = {}) =>
  api('/api/join', { body: { code: ws.joinCode, name: 'Colleague at home', invite, ...extra } });

beforeAll(async () => {
  srv = await startServer({ dataDir, env: { INVITE_TTL_DAYS: '2' } });
  ws = await createWorkshop(srv.url);
  fac = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
}, 60_000);

afterAll(async () => {
  fac?.close();
  await srv?.stop();
});

describe('delegation review links', () => {
  it('expire after INVITE_TTL_DAYS by default', async () => {
    const inv = await issue({});
    expect(inv.expiresAt - inv.issuedAt).toBe(2 * DAY);
    expect(inv).toMatchObject({ delegationId: 'th', revokedAt: null, id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/) });
    expect((await joinWith(inv.invite)).status).toBe(201);
  });

  it('expire at their own end (per link); before it they admit, after it they do not', async () => {
    const inv = await issue({ expiresAt: Date.now() + 1500 });
    const info = await (await api(`/api/join/${ws.joinCode}?invite=${inv.invite}`)).json();
    expect(info).toMatchObject({ invitedDelegationId: 'th', inviteStatus: 'valid' });
    expect((await joinWith(inv.invite)).status).toBe(201);
    await new Promise((r) => setTimeout(r, 1700));
    const late = await joinWith(inv.invite);
    expect(late.status).toBe(401);
    expect(await late.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.stringContaining('expired') } });
    expect(await (await api(`/api/join/${ws.joinCode}?invite=${inv.invite}`)).json()).toMatchObject({
      invitedDelegationId: null,
      inviteStatus: 'expired',
    });
    const days = await issue({ expiresInDays: 7 });
    expect(days.expiresAt - days.issuedAt).toBe(7 * DAY);
  });

  it('refuses a lifetime beyond a year, in the past, or given twice', async () => {
    for (const body of [
      { expiresInDays: 400 },
      { expiresAt: Date.now() - 1000 },
      { expiresAt: Date.now() + 400 * DAY },
      { expiresInDays: 1, expiresAt: Date.now() + DAY },
    ]) {
      const res = await api(`/api/workshops/${ws.workshopId}/invites`, { body: { delegationId: 'th', ...body }, token: ws.facilitatorKey });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('are listed for the facilitator only (without secrets) and revoked: a revoked link admits nobody', async () => {
    const inv = await issue({ delegationId: 'ph' });
    const joined = await (await joinWith(inv.invite)).json();
    const member = await api('/api/join', { body: { code: ws.joinCode, name: 'Member', delegationId: 'th' } }).then((r) => r.json());
    // only the facilitator lists and revokes
    expect((await api(`/api/workshops/${ws.workshopId}/invites`, { token: member.token })).status).toBe(403);
    expect((await api(`/api/workshops/${ws.workshopId}/invites/${inv.id}`, { method: 'DELETE', token: member.token })).status).toBe(403);
    expect((await api(`/api/workshops/${ws.workshopId}/invites`)).status).toBe(401);

    const listed = await (await api(`/api/workshops/${ws.workshopId}/invites`, { token: ws.facilitatorKey })).json();
    expect(JSON.stringify(listed)).not.toContain(inv.invite);
    expect(listed.invites.find((i: Issued) => i.id === inv.id)).toMatchObject({
      delegationId: 'ph',
      revokedAt: null,
      expiresAt: inv.expiresAt,
    });

    const revoked = await api(`/api/workshops/${ws.workshopId}/invites/${inv.id}`, { method: 'DELETE', token: ws.facilitatorKey });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ id: inv.id, revokedAt: expect.any(Number) });
    const refused = await joinWith(inv.invite);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { message: expect.stringContaining('revoked') } });
    expect(await (await api(`/api/join/${ws.joinCode}?invite=${inv.invite}`)).json()).toMatchObject({ inviteStatus: 'revoked' });
    // who joined with it stays
    await fac.until((b) => Boolean(b.state.participants[joined.participantId]));
    const stays = await connect(srv.url, joined);
    expect(stays.state.participants[joined.participantId]?.delegationId).toBe('ph');
    stays.close();
    expect((await api(`/api/workshops/${ws.workshopId}/invites/nosuchlink`, { method: 'DELETE', token: ws.facilitatorKey })).status).toBe(
      404,
    );
  });
});

describe('POST /api/join with a joinId', () => {
  const body = (joinId: string, name = 'Retrying Rita') => ({ code: ws.joinCode, name, delegationId: 'th', joinId });

  it('a retry returns the same participant and token; the workshop has one more person, not two', async () => {
    const joinId = randomJoinId();
    const before = Object.keys(fac.state.participants).length;
    const first = await api('/api/join', { body: body(joinId) });
    expect(first.status).toBe(201);
    const a = await first.json();
    const again = await api('/api/join', { body: body(joinId, 'Changed name on retry') });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ participantId: a.participantId, token: a.token, duplicate: true });
    await fac.until((b) => Object.keys(b.state.participants).length === before + 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(Object.keys(fac.state.participants)).toHaveLength(before + 1);
    expect(fac.state.participants[a.participantId]?.name).toBe('Retrying Rita');
    const bot = await connect(srv.url, a);
    expect(bot.state.participants[a.participantId]).toBeDefined();
    bot.close();
  });

  it('ten concurrent retries of one join make one participant: one 201, nine 200 duplicate', async () => {
    const before = Object.keys(fac.state.participants).length;
    const joinId = randomJoinId();
    const results = await Promise.all(Array.from({ length: 10 }, () => api('/api/join', { body: body(joinId) })));
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(9);
    expect(bodies.filter((x) => x.duplicate === true)).toHaveLength(9);
    expect(new Set(bodies.map((x) => x.participantId)).size).toBe(1);
    expect(new Set(bodies.map((x) => x.token)).size).toBe(1);
    await fac.until((b) => Object.keys(b.state.participants).length === before + 1);
  });

  it('different join ids are different people; a short join id is refused', async () => {
    const x = await (await api('/api/join', { body: body(randomJoinId(), 'Same Name') })).json();
    const y = await (await api('/api/join', { body: body(randomJoinId(), 'Same Name') })).json();
    expect(x.participantId).not.toBe(y.participantId);
    expect((await api('/api/join', { body: body('short') })).status).toBe(400);
  });

  it('a join id that is not random is refused, naming the field', async () => {
    for (const joinId of ['a'.repeat(22), 'ab'.repeat(12), 'join-id-aaaaaaaaaaaaaaaaaaaaaa']) {
      const res = await api('/api/join', { body: body(joinId) });
      expect(res.status, joinId).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { code: 'invalid_payload', message: expect.stringMatching(/^joinId: a join id must be random/) },
      });
    }
  });

  it('a retry after a server restart still returns the same participant', async () => {
    const joinId = randomJoinId();
    const first = await (await api('/api/join', { body: body(joinId) })).json();
    fac.close();
    await srv.kill();
    srv = await startServer({ dataDir, env: { INVITE_TTL_DAYS: '2' } });
    fac = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
    const before = Object.keys(fac.state.participants).length;
    const retry = await api('/api/join', { body: body(joinId) });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ participantId: first.participantId, token: first.token });
    await new Promise((r) => setTimeout(r, 200));
    expect(Object.keys(fac.state.participants)).toHaveLength(before);
  }, 60_000);
});
