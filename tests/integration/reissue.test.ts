// Keys that can be taken back (issue 17): a facilitator reissues a delegate's link and rotates
// their own key. The old secret is refused at once (socket and HTTP), the person's live sockets get
// `revoked` { reason: 'credential_revoked' } and are closed, and the new secret works.
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server';
import { Bot, createWorkshop, join } from '../helpers/bots';
import { Browser } from '../helpers/softAuthenticator';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { LIMIT_AUTH_PER_MIN: '1000' } });
});
afterAll(async () => {
  await server?.stop();
});

/** What a handshake with this secret gets: 'connected' or the connect error's message. */
function handshake(token: string): Promise<string> {
  return new Promise((resolve) => {
    const s = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
    s.once('connect', () => (s.close(), resolve('connected')));
    s.once('connect_error', (err) => (s.close(), resolve(err.message)));
  });
}

const reissue = (workshopId: string, participantId: string, bearer: string) =>
  fetch(`${server.url}/api/workshops/${workshopId}/participants/${participantId}/reissue`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}` },
  });

describe('reissuing links', () => {
  it("reissues a delegate's link: old refused at once, its socket told and closed, new one works", async () => {
    const w = await createWorkshop(server.url);
    const d = await join(server.url, w.joinCode, 'Somchai', 'th');
    const other = await join(server.url, w.joinCode, 'Maria', 'ph');
    const bot = await new Bot(server.url, d.token, d.participantId).ready();
    const bystander = await new Bot(server.url, other.token, other.participantId).ready();
    const told = new Promise<unknown>((resolve) => bot.socket.once('revoked' as never, (msg: unknown) => resolve(msg)));
    const closed = new Promise<string>((resolve) => bot.socket.once('disconnect', (reason) => resolve(reason)));

    // only a facilitator may
    expect((await reissue(w.workshopId, d.participantId, other.token)).status).toBe(403);
    expect((await reissue(w.workshopId, d.participantId, 'x'.repeat(32))).status).toBe(401);
    expect((await reissue(w.workshopId, 'nobody', w.facilitatorKey)).status).toBe(404);

    const res = await reissue(w.workshopId, d.participantId, w.facilitatorKey);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { token: string; path: string };
    expect(body.path).toBe(`/w/${w.workshopId}#k=${body.token}`);
    expect(await told).toEqual({ reason: 'credential_revoked' });
    expect(await closed).toBe('io server disconnect');
    expect(await handshake(d.token)).toBe('unauthorized');
    expect(await handshake(body.token)).toBe('connected');
    // the others stay connected
    expect(bystander.socket.connected).toBe(true);
    bystander.close();
  });

  it('rotates the facilitator key; a signed-in co-facilitator can reissue too (same-origin only)', async () => {
    const w = await createWorkshop(server.url);
    const rotated = await reissue(w.workshopId, w.participantId, w.facilitatorKey);
    expect(rotated.status).toBe(201);
    const { token } = (await rotated.json()) as { token: string };
    expect(await handshake(w.facilitatorKey)).toBe('unauthorized');
    expect(
      (await fetch(`${server.url}/api/workshops/${w.workshopId}/invites`, { headers: { authorization: `Bearer ${w.facilitatorKey}` } }))
        .status,
    ).toBe(401);
    expect(
      (await fetch(`${server.url}/api/workshops/${w.workshopId}/invites`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);

    const d = await join(server.url, w.joinCode, 'Somchai', 'th');
    const b = new Browser(server.url);
    await b.register();
    expect((await b.call('POST', '/api/me/workshops/claim', { workshopId: w.workshopId, facilitatorKey: token })).status).toBe(201);
    const evil = Object.assign(new Browser(server.url, 'http://evil.example'), { cookie: b.cookie });
    expect((await evil.call('POST', `/api/workshops/${w.workshopId}/participants/${d.participantId}/reissue`)).status).toBe(403);
    expect(await handshake(d.token)).toBe('connected');
    const viaSession = await b.call<{ token: string }>('POST', `/api/workshops/${w.workshopId}/participants/${d.participantId}/reissue`);
    expect(viaSession.status).toBe(201);
    expect(await handshake(d.token)).toBe('unauthorized');
    expect(await handshake(viaSession.body.token)).toBe('connected');
    // an account without a role in the workshop cannot
    const stranger = new Browser(server.url);
    await stranger.register();
    expect((await stranger.call('POST', `/api/workshops/${w.workshopId}/participants/${d.participantId}/reissue`)).status).toBe(401);
  });
});
