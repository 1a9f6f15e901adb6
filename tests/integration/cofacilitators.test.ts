// Co-facilitators over real HTTP and sockets against the real server, on SQLite and PostgreSQL:
// an invitation binds to the first signed-in account that opens it (once), the co-facilitator
// opens the workshop as facilitator, removal ends their keys and closes their sockets (the
// owner's stay), ownership moves, the owner cannot be removed, invitations expire and are withdrawn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server';
import { Bot, createWorkshop } from '../helpers/bots';
import { Browser } from '../helpers/softAuthenticator';
import { type TestDatabase, createTestDatabase } from '../helpers/postgres';

type People = {
  you: { accountId: string; role: string };
  people: Array<{ accountId: string; name: string; role: string }>;
  invites: Array<{ id: string; expiresAt: number }>;
};

/** A workshop owned by a fresh account, with the owner's socket connected through "open". */
async function ownedWorkshop(base: string) {
  const owner = new Browser(base);
  const ownerId = (await owner.register('Owner Ong')).accountId;
  const w = await createWorkshop(base, { title: 'ACCSM café' });
  expect((await owner.call('POST', '/api/me/workshops/claim', { workshopId: w.workshopId, facilitatorKey: w.facilitatorKey })).status).toBe(
    201,
  );
  return { owner, ownerId, w };
}

async function invite(owner: Browser, workshopId: string, body: object = {}) {
  const r = await owner.call<{ id: string; token: string; path: string; expiresAt: number; createdAt: number }>(
    'POST',
    `/api/me/workshops/${workshopId}/cofacilitator-invites`,
    body,
  );
  expect(r.status).toBe(201);
  return r.body;
}

const accept = (b: Browser, token: string) =>
  b.call<{ workshopId?: string; role?: string; error?: { code: string; message: string } }>(
    'POST',
    '/api/me/workshops/cofacilitator-invites/accept',
    { token },
  );

function suite(name: string, start: () => Promise<RunningServer>, stop: () => Promise<void>) {
  describe(`co-facilitators on ${name}`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await start();
    });
    afterAll(stop);

    it('invite → accept binds once → open as facilitator → remove ends their keys and sockets, not the owner’s', async () => {
      const { owner, ownerId, w } = await ownedWorkshop(server.url);
      const inv = await invite(owner, w.workshopId, { expiresInDays: 3 });
      expect(inv.path).toBe(`/home#cofac=${inv.token}`);
      expect(inv.expiresAt - inv.createdAt).toBe(3 * 24 * 3600_000);
      // the owner sees it pending (never its secret)
      const pending = await owner.call<People>('GET', `/api/me/workshops/${w.workshopId}/people`);
      expect(pending.body.invites).toEqual([{ id: inv.id, createdAt: inv.createdAt, expiresAt: inv.expiresAt }]);
      expect(JSON.stringify(pending.body)).not.toContain(inv.token);

      // not signed in: refused, and the link stays unused
      expect((await accept(new Browser(server.url), inv.token)).status).toBe(401);
      const co = new Browser(server.url);
      const coId = (await co.register('Co Chan')).accountId;
      const late = new Browser(server.url);
      await late.register('Late Lim');
      const accepted = await accept(co, inv.token);
      expect(accepted.status).toBe(201);
      expect(accepted.body).toMatchObject({ workshopId: w.workshopId, role: 'cofacilitator' });
      // single use: the second account gets a clear refusal and no role
      const second = await accept(late, inv.token);
      expect(second.status).toBe(403);
      expect(second.body.error!.message).toMatch(/already been used/);
      expect((await late.call('GET', `/api/me/workshops/${w.workshopId}/people`)).status).toBe(404);

      // the co-facilitator sees it on their home and opens it as facilitator
      const home = await co.call<{ workshops: Array<{ workshopId: string; role: string }> }>('GET', '/api/me/workshops');
      expect(home.body.workshops).toEqual([expect.objectContaining({ workshopId: w.workshopId, role: 'cofacilitator' })]);
      const opened = await co.call<{ token: string; participantId: string }>('POST', `/api/me/workshops/${w.workshopId}/open`);
      expect(opened.status).toBe(201);
      const coBot = await new Bot(server.url, opened.body.token, opened.body.participantId).ready();
      expect(coBot.state.participants[opened.body.participantId]!.role).toBe('facilitator');
      const ownerOpen = await owner.call<{ token: string; participantId: string }>('POST', `/api/me/workshops/${w.workshopId}/open`);
      const ownerBot = await new Bot(server.url, ownerOpen.body.token, ownerOpen.body.participantId).ready();

      const people = await owner.call<People>('GET', `/api/me/workshops/${w.workshopId}/people`);
      expect(people.body.people.map((p) => [p.name, p.role])).toEqual([
        ['Owner Ong', 'owner'],
        ['Co Chan', 'cofacilitator'],
      ]);
      expect(people.body.invites).toEqual([]);
      // a co-facilitator sees who runs it, not the invitations
      expect((await co.call<People>('GET', `/api/me/workshops/${w.workshopId}/people`)).body).toMatchObject({
        you: { accountId: coId, role: 'cofacilitator' },
        invites: [],
      });

      // the owner cannot be removed, by anyone
      const removeOwner = await co.call<{ error: { code: string; message: string } }>(
        'DELETE',
        `/api/me/workshops/${w.workshopId}/cofacilitators/${ownerId}`,
      );
      expect(removeOwner.status).toBe(409);
      const selfRemove = await owner.call<{ error: { message: string } }>(
        'DELETE',
        `/api/me/workshops/${w.workshopId}/cofacilitators/${ownerId}`,
      );
      expect(selfRemove.status).toBe(409);
      expect(selfRemove.body.error.message).toMatch(/transfer ownership/);

      // removal: their socket is told and closed, their key refused; the owner's socket and key stay
      const revoked = new Promise<string>((resolve) => coBot.socket.once('revoked', (m) => resolve(m.reason)));
      const closed = new Promise<void>((resolve) => coBot.socket.once('disconnect', () => resolve()));
      expect((await owner.call('DELETE', `/api/me/workshops/${w.workshopId}/cofacilitators/${coId}`)).status).toBe(204);
      expect(await revoked).toBe('facilitator_removed');
      await closed;
      const refused = new Bot(server.url, opened.body.token, opened.body.participantId);
      expect(await new Promise<string>((resolve) => refused.socket.once('connect_error', (e) => resolve(e.message)))).toBe('unauthorized');
      refused.close();
      const invites = await fetch(`${server.url}/api/workshops/${w.workshopId}/invites`, {
        headers: { authorization: `Bearer ${opened.body.token}` },
      });
      expect(invites.status).toBe(401);
      expect(ownerBot.socket.connected).toBe(true);
      expect(await ownerBot.send({ type: 'workshop:set-phase', phase: 'cafe' })).toMatchObject({ ok: true });
      // and the workshop is gone from their home
      expect((await co.call<{ workshops: unknown[] }>('GET', '/api/me/workshops')).body.workshops).toEqual([]);
      expect((await co.call('POST', `/api/me/workshops/${w.workshopId}/open`)).status).toBe(404);
      // removing again: the same answer as for an account that never was there
      expect((await owner.call('DELETE', `/api/me/workshops/${w.workshopId}/cofacilitators/${coId}`)).status).toBe(404);
      expect((await owner.call('DELETE', `/api/me/workshops/${w.workshopId}/cofacilitators/nobody`)).status).toBe(404);
      ownerBot.close();
      coBot.close();
    });

    it('transfer ownership: the new owner manages, the old one becomes a co-facilitator and may leave', async () => {
      const { owner, ownerId, w } = await ownedWorkshop(server.url);
      const co = new Browser(server.url);
      const coId = (await co.register('Next Owner')).accountId;
      expect((await accept(co, (await invite(owner, w.workshopId)).token)).status).toBe(201);
      // to an account that does not run it: 404, nothing changes
      const stranger = new Browser(server.url);
      const strangerId = (await stranger.register()).accountId;
      expect((await owner.call('POST', `/api/me/workshops/${w.workshopId}/transfer`, { accountId: strangerId })).status).toBe(404);
      expect((await co.call('POST', `/api/me/workshops/${w.workshopId}/transfer`, { accountId: coId })).status).toBe(403);
      const moved = await owner.call('POST', `/api/me/workshops/${w.workshopId}/transfer`, { accountId: coId });
      expect(moved.status).toBe(200);
      expect(moved.body).toEqual({ workshopId: w.workshopId, owner: coId });
      const people = await co.call<People>('GET', `/api/me/workshops/${w.workshopId}/people`);
      expect(people.body.you.role).toBe('owner');
      expect(people.body.people.map((p) => [p.accountId, p.role])).toEqual([
        [ownerId, 'cofacilitator'],
        [coId, 'owner'],
      ]);
      // the old owner may no longer invite or delete; the new one may
      expect((await owner.call('POST', `/api/me/workshops/${w.workshopId}/cofacilitator-invites`, {})).status).toBe(403);
      expect((await owner.call('DELETE', `/api/me/workshops/${w.workshopId}`)).status).toBe(403);
      expect((await co.call('POST', `/api/me/workshops/${w.workshopId}/cofacilitator-invites`, {})).status).toBe(201);
      // a co-facilitator may leave
      expect((await owner.call('DELETE', `/api/me/workshops/${w.workshopId}/cofacilitators/${ownerId}`)).status).toBe(204);
      expect((await owner.call('GET', `/api/me/workshops/${w.workshopId}/people`)).status).toBe(404);
    });

    it('withdrawn, unknown and already-running: clear refusals that change nothing; bodies validated', async () => {
      const { owner, w } = await ownedWorkshop(server.url);
      const inv = await invite(owner, w.workshopId);
      expect((await owner.call('DELETE', `/api/me/workshops/${w.workshopId}/cofacilitator-invites/${inv.id}`)).status).toBe(204);
      expect((await owner.call('DELETE', `/api/me/workshops/${w.workshopId}/cofacilitator-invites/${inv.id}`)).status).toBe(404);
      const b = new Browser(server.url);
      await b.register();
      const withdrawn = await accept(b, inv.token);
      expect(withdrawn.status).toBe(403);
      expect(withdrawn.body.error!.message).toMatch(/withdrawn/);
      const unknown = await accept(b, 'x'.repeat(43));
      expect(unknown.status).toBe(404);
      expect(unknown.body.error!.message).toMatch(/not valid/);
      // the owner opening their own link: conflict, and the link stays usable
      const mine = await invite(owner, w.workshopId);
      expect((await accept(owner, mine.token)).status).toBe(409);
      expect((await accept(b, mine.token)).status).toBe(201);
      for (const bad of [{}, { token: 'short' }, { token: 'x'.repeat(43), extra: 1 }])
        expect((await b.call('POST', '/api/me/workshops/cofacilitator-invites/accept', bad)).status).toBe(400);
      for (const bad of [{ expiresInDays: 0 }, { expiresInDays: 31 }, { expiresInDays: 1.5 }, { role: 'owner' }])
        expect((await owner.call('POST', `/api/me/workshops/${w.workshopId}/cofacilitator-invites`, bad)).status).toBe(400);
      expect((await owner.call('POST', `/api/me/workshops/${w.workshopId}/transfer`, { accountId: 5 })).status).toBe(400);
      // CSRF: a cookie-authenticated write from another origin is refused
      const evil = Object.assign(new Browser(server.url, 'https://evil.example'), { cookie: owner.cookie });
      expect((await evil.call('POST', `/api/me/workshops/${w.workshopId}/cofacilitator-invites`, {})).status).toBe(403);
    });
  });
}

let sqlite: RunningServer | undefined;
suite(
  'SQLite',
  async () => (sqlite = await startServer({ env: { LIMIT_AUTH_PER_MIN: '1000' } })),
  async () => void (await sqlite?.stop()),
);

let db: TestDatabase | undefined;
let pgServer: RunningServer | undefined;
suite(
  'PostgreSQL',
  async () => {
    db = await createTestDatabase();
    return (pgServer = await startServer({ env: { DATABASE_URL: db.url, LIMIT_AUTH_PER_MIN: '1000' } }));
  },
  async () => {
    await pgServer?.stop();
    await db?.drop();
  },
);
