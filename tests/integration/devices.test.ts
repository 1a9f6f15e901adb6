// Each person's devices for the facilitator (issue 17, item 5), over real sockets and HTTP against
// the real server: two browsers on one link are two devices (kind from the User-Agent), connected
// now or not, last seen; only a facilitator may ask; a reissued link starts with no devices and
// its old sockets are closed. On SQLite here; the rows are in the database (migration 7), so the
// PostgreSQL run below lists a device seen by another node.
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeopleDevices } from '@world-cafe/shared';
import { peopleDevicesSchema } from '@world-cafe/shared';
import { type RunningServer, startServer } from '../helpers/server';
import { createWorkshop, join } from '../helpers/bots';
import { Browser } from '../helpers/softAuthenticator';
import { type TestDatabase, createTestDatabase } from '../helpers/postgres';

const PHONE = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const LAPTOP =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { LIMIT_AUTH_PER_MIN: '1000' } });
});
afterAll(async () => {
  await server?.stop();
});

/** A browser's socket: its own device id and User-Agent. */
function connect(base: string, token: string, device: string, userAgent: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(base, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token, device },
      extraHeaders: { 'user-agent': userAgent },
    });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

async function devices(base: string, workshopId: string, init: RequestInit = {}): Promise<{ status: number; body?: PeopleDevices }> {
  const res = await fetch(`${base}/api/workshops/${workshopId}/devices`, init);
  return { status: res.status, body: res.status === 200 ? peopleDevicesSchema.parse(await res.json()) : undefined };
}
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const of = (list: PeopleDevices | undefined, participantId: string) =>
  list?.people.find((p) => p.participantId === participantId)?.devices ?? [];

describe("a person's devices", () => {
  it('lists each browser on a link with its kind, connected now and last seen; a reissue empties the list and closes them', async () => {
    const w = await createWorkshop(server.url);
    const d = await join(server.url, w.joinCode, 'Somchai', 'th');
    const phone = await connect(server.url, d.token, 'phone-device-1', PHONE);
    const laptop = await connect(server.url, d.token, 'laptop-device-1', LAPTOP);
    const before = Date.now();

    const first = await devices(server.url, w.workshopId, bearer(w.facilitatorKey));
    expect(first.status).toBe(200);
    const listed = of(first.body, d.participantId);
    expect(listed.map((x) => [x.kind, x.os, x.browser, x.connected]).sort()).toEqual([
      ['computer', 'Windows', 'Edge', true],
      ['phone', 'Android', 'Chrome', true],
    ]);
    // the browser's own id is not shown (a facilitator could not pose as that device with it)
    expect(JSON.stringify(first.body)).not.toContain('phone-device-1');

    // the laptop leaves: still listed, not connected, last seen when it left
    const left = new Promise<void>((r) => laptop.once('disconnect', () => r()));
    laptop.close();
    await left;
    await new Promise((r) => setTimeout(r, 200)); // the server notices the close
    const second = of((await devices(server.url, w.workshopId, bearer(w.facilitatorKey))).body, d.participantId);
    const gone = second.find((x) => x.kind === 'computer')!;
    expect(gone.connected).toBe(false);
    expect(gone.lastSeenAt).toBeGreaterThanOrEqual(before - 1000);
    expect(second.find((x) => x.kind === 'phone')!.connected).toBe(true);
    // the same browser coming back is the same device, not a new one
    const again = await connect(server.url, d.token, 'laptop-device-1', LAPTOP);
    const third = of((await devices(server.url, w.workshopId, bearer(w.facilitatorKey))).body, d.participantId);
    expect(third).toHaveLength(2);
    expect(third.find((x) => x.id === gone.id)!.connected).toBe(true);

    // the reissue: both sockets closed with the reason, and the new link starts with no devices
    const reasons = [phone, again].map((s) => new Promise<unknown>((r) => s.once('revoked' as never, (m: unknown) => r(m))));
    const res = await fetch(`${server.url}/api/workshops/${w.workshopId}/participants/${d.participantId}/reissue`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.facilitatorKey}` },
    });
    expect(res.status).toBe(201);
    expect(await Promise.all(reasons)).toEqual([{ reason: 'credential_revoked' }, { reason: 'credential_revoked' }]);
    await new Promise((r) => setTimeout(r, 300)); // their disconnects are recorded against the old link
    expect(of((await devices(server.url, w.workshopId, bearer(w.facilitatorKey))).body, d.participantId)).toEqual([]);
    const { token } = (await res.json()) as { token: string };
    const fresh = await connect(server.url, token, 'phone-device-1', PHONE);
    expect(of((await devices(server.url, w.workshopId, bearer(w.facilitatorKey))).body, d.participantId)).toMatchObject([
      { kind: 'phone', connected: true },
    ]);
    fresh.close();
  });

  it('only facilitators: a delegate, another workshop, a stranger account and nobody are refused; a signed-in facilitator is not', async () => {
    const w = await createWorkshop(server.url);
    const other = await createWorkshop(server.url);
    const d = await join(server.url, w.joinCode, 'Delegate');
    const owner = new Browser(server.url);
    await owner.register('Owner');
    await owner.call('POST', '/api/me/workshops/claim', { workshopId: w.workshopId, facilitatorKey: w.facilitatorKey });
    const stranger = new Browser(server.url);
    await stranger.register('Stranger');
    expect((await devices(server.url, w.workshopId, bearer(d.token))).status).toBe(403);
    expect((await devices(server.url, w.workshopId, bearer(other.facilitatorKey))).status).toBe(401);
    expect((await devices(server.url, w.workshopId)).status).toBe(401);
    expect((await devices(server.url, w.workshopId, { headers: { cookie: stranger.cookie } })).status).toBe(401);
    expect((await devices(server.url, 'no-such-workshop', bearer(w.facilitatorKey))).status).toBe(401);
    expect((await devices(server.url, w.workshopId, { headers: { cookie: owner.cookie } })).status).toBe(200);
  });
});

describe('across nodes (PostgreSQL)', () => {
  let db: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startServer({ env: { DATABASE_URL: db.url } });
    b = await startServer({ env: { DATABASE_URL: db.url } });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
  });

  it('a device seen by one node is listed by another (last seen from the database)', async () => {
    const w = await createWorkshop(a.url);
    const d = await join(a.url, w.joinCode, 'Maria');
    const s = await connect(a.url, d.token, 'tablet-device-1', PHONE);
    const left = new Promise<void>((r) => s.once('disconnect', () => r()));
    s.close();
    await left;
    // node a writes its sightings every few seconds; node b reads them from the database
    let listed: PeopleDevices['people'][number]['devices'] = [];
    const until = Date.now() + 15_000;
    while (Date.now() < until && listed.length === 0) {
      listed = of((await devices(b.url, w.workshopId, bearer(w.facilitatorKey))).body, d.participantId);
      if (listed.length === 0) await new Promise((r) => setTimeout(r, 500));
    }
    expect(listed).toMatchObject([{ kind: 'phone', os: 'Android', connected: false }]);
  });
});
