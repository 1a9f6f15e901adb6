// Facilitator accounts over real HTTP against the real server (SQLite, and PostgreSQL for the
// deletion): passkeys verified by @simplewebauthn/server against a software authenticator,
// sessions in the database, CSRF and fixation, no enumeration, the account × workshop × action
// matrix, and deletion of a workshop with everything in it.
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server';
import { Bot, createWorkshop, join } from '../helpers/bots';
import { Browser, SoftAuthenticator } from '../helpers/softAuthenticator';
import { type TestDatabase, createTestDatabase } from '../helpers/postgres';
import { postgresRowsOf, sqliteRowsOf } from '../helpers/storeRows';
import { WORKSHOP_TABLES } from '../../server/src/accounts/accountStore';

/** Tables that hold a workshop's rows before its deletion (snapshots and devices only after enough events or a connection). */
const FILLED_BEFORE_DELETE = [
  ...WORKSHOP_TABLES.filter((t) => t !== 'snapshots' && t !== 'snapshot_parts' && t !== 'participant_devices'),
  'workshops',
];

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { LIMIT_AUTH_PER_MIN: '1000' } });
});
afterAll(async () => {
  await server?.stop();
});

describe('passkeys and sessions', () => {
  it('registers, signs in on a second browser, lists and revokes sessions, signs the others out', async () => {
    const laptop = new Browser(server.url);
    const reg = await laptop.register('Maria Santos');
    expect(reg.recoveryCodes).toHaveLength(10);
    expect(new Set(reg.recoveryCodes).size).toBe(10);
    expect(laptop.cookie).toMatch(/^wc_session=[A-Za-z0-9_-]{20,}$/);
    const me = await laptop.call<{ name: string; passkeys: unknown[]; recoveryCodesLeft: number }>('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'Maria Santos', recoveryCodesLeft: 10 });
    expect(me.body.passkeys).toHaveLength(1);

    const phone = new Browser(server.url);
    const signed = await phone.signIn(reg.passkey);
    expect(signed.status).toBe(200);
    expect(signed.setCookie).toMatch(/HttpOnly/i);
    expect(signed.setCookie).toMatch(/SameSite=Lax/i);
    expect(signed.setCookie).toMatch(/Path=\//);
    const sessions = await phone.call<{ sessions: Array<{ id: string; current: boolean }> }>('GET', '/api/auth/sessions');
    expect(sessions.body.sessions).toHaveLength(2);
    expect(sessions.body.sessions.filter((s) => s.current)).toHaveLength(1);
    // the list never carries a secret: ids are 16 characters of the hash, not the cookie
    for (const s of sessions.body.sessions) expect(laptop.cookie + phone.cookie).not.toContain(s.id);

    const revoked = await phone.call<{ revoked: number }>('POST', '/api/auth/sessions/revoke-others');
    expect(revoked.body.revoked).toBe(1);
    expect((await laptop.call('GET', '/api/auth/me')).status).toBe(401);
    expect((await phone.call('GET', '/api/auth/me')).status).toBe(200);

    // revoking one session by id, then signing out
    const third = new Browser(server.url);
    await third.signIn(reg.passkey);
    const list = await phone.call<{ sessions: Array<{ id: string; current: boolean }> }>('GET', '/api/auth/sessions');
    const other = list.body.sessions.find((s) => !s.current)!;
    expect((await phone.call('DELETE', `/api/auth/sessions/${other.id}`)).status).toBe(204);
    expect((await third.call('GET', '/api/auth/me')).status).toBe(401);
    expect((await phone.call('POST', '/api/auth/logout')).status).toBe(204);
    expect((await phone.call('GET', '/api/auth/me')).status).toBe(401);
  });

  it('the public config says organisation sign-in is off when OIDC_* is not set; its routes are not there', async () => {
    expect(await (await fetch(`${server.url}/api/auth/config`)).json()).toEqual({ oidc: false });
    expect((await fetch(`${server.url}/api/auth/oidc/start`, { redirect: 'manual' })).status).toBe(404);
  });

  it('adds a second passkey; both sign in', async () => {
    const b = new Browser(server.url);
    const { passkey } = await b.register();
    const second = new SoftAuthenticator(server.url);
    const o = await b.call<{ challengeId: string; options: { challenge: string; excludeCredentials: Array<{ id: string }> } }>(
      'POST',
      '/api/auth/passkey/add/options',
    );
    expect(o.body.options.excludeCredentials.map((c) => c.id)).toEqual([passkey.id]);
    const added = await b.call('POST', '/api/auth/passkey/add/verify', {
      challengeId: o.body.challengeId,
      label: 'Phone',
      response: second.register(o.body.options),
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ label: 'Phone' });
    expect((await new Browser(server.url).signIn(second)).status).toBe(200);
    expect((await new Browser(server.url).signIn(passkey)).status).toBe(200);
  });

  it('no account enumeration: an unknown passkey and a wrong signature get the same answer', async () => {
    const b = new Browser(server.url);
    const { passkey } = await b.register();
    const unknown = await new Browser(server.url).signIn(new SoftAuthenticator(server.url));
    const wrong = await new Browser(server.url).signIn(passkey, { tamper: true });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(unknown.setCookie).toBeNull();
    // a recovery code that never existed and one already spent: the same answer too
    const never = await new Browser(server.url).call('POST', '/api/auth/recovery', { code: 'AAAA-BBBB-CCCC' });
    expect(never.status).toBe(401);
    expect(never.body).toEqual(unknown.body);
  });

  it('a challenge answers once; a response for another origin is refused', async () => {
    const b = new Browser(server.url);
    const { passkey } = await b.register();
    const c = new Browser(server.url);
    const o = await c.call<{ challengeId: string; options: { challenge: string } }>('POST', '/api/auth/passkey/login/options', {});
    const response = passkey.authenticate(o.body.options);
    expect((await c.call('POST', '/api/auth/passkey/login/verify', { challengeId: o.body.challengeId, response })).status).toBe(200);
    const replay = await new Browser(server.url).call('POST', '/api/auth/passkey/login/verify', {
      challengeId: o.body.challengeId,
      response,
    });
    expect(replay.status).toBe(400);
    const o2 = await c.call<{ challengeId: string; options: { challenge: string } }>('POST', '/api/auth/passkey/login/options', {});
    const phished = await c.call('POST', '/api/auth/passkey/login/verify', {
      challengeId: o2.body.challengeId,
      response: passkey.authenticate(o2.body.options, { origin: 'https://evil.example' }),
    });
    expect(phished.status).toBe(401);
  });

  it('recovery codes sign in once each; new codes replace the old', async () => {
    const b = new Browser(server.url);
    const { recoveryCodes } = await b.register();
    const lost = new Browser(server.url);
    const first = await lost.call<{ recoveryCodesLeft: number }>('POST', '/api/auth/recovery', { code: recoveryCodes[0]!.toLowerCase() });
    expect(first.status).toBe(200);
    expect(first.body.recoveryCodesLeft).toBe(9);
    expect((await new Browser(server.url).call('POST', '/api/auth/recovery', { code: recoveryCodes[0] })).status).toBe(401);
    const fresh = await lost.call<{ recoveryCodes: string[] }>('POST', '/api/auth/recovery-codes');
    expect(fresh.status).toBe(201);
    expect((await new Browser(server.url).call('POST', '/api/auth/recovery', { code: recoveryCodes[1] })).status).toBe(401);
    expect((await new Browser(server.url).call('POST', '/api/auth/recovery', { code: fresh.body.recoveryCodes[0] })).status).toBe(200);
  });

  it('CSRF: a cookie-authenticated write from another origin, or without Origin, is refused and changes nothing', async () => {
    const b = new Browser(server.url);
    await b.register();
    const evil = Object.assign(new Browser(server.url, 'http://evil.example'), { cookie: b.cookie });
    const noOrigin = Object.assign(new Browser(server.url, ''), { cookie: b.cookie });
    for (const client of [evil, noOrigin]) {
      for (const [method, p] of [
        ['POST', '/api/auth/sessions/revoke-others'],
        ['POST', '/api/auth/recovery-codes'],
        ['POST', '/api/auth/logout'],
        ['POST', '/api/auth/passkey/add/options'],
      ] as const) {
        const r = await client.call(method, p, {});
        expect(r.status, `${client.origin} ${p}`).toBe(403);
      }
      expect((await client.call('POST', '/api/auth/passkey/register/options', { name: 'x' })).status).toBe(403);
    }
    // still signed in, codes unchanged
    expect((await b.call<{ recoveryCodesLeft: number }>('GET', '/api/auth/me')).body.recoveryCodesLeft).toBe(10);
  });

  it('session fixation: a cookie planted before sign-in is replaced and ends', async () => {
    const attacker = new Browser(server.url);
    const { passkey } = await attacker.register('Attacker');
    const planted = attacker.cookie;
    const victim = Object.assign(new Browser(server.url), { cookie: planted });
    const { passkey: victimKey } = await new Browser(server.url).register('Victim');
    const r = await victim.signIn(victimKey);
    expect(r.status).toBe(200);
    expect(victim.cookie).not.toBe(planted);
    // the planted session is gone: the attacker's copy of it opens nothing
    expect((await attacker.call('GET', '/api/auth/me')).status).toBe(401);
    expect((await victim.call<{ name: string }>('GET', '/api/auth/me')).body.name).toBe('Victim');
    expect(passkey.id).not.toBe(victimKey.id);
  });

  it('validates every body: bad JSON shapes get 400 and change nothing', async () => {
    const b = new Browser(server.url);
    expect((await b.call('POST', '/api/auth/passkey/register/options', { name: '' })).status).toBe(400);
    expect((await b.call('POST', '/api/auth/passkey/register/options', { name: 'x'.repeat(81) })).status).toBe(400);
    expect((await b.call('POST', '/api/auth/passkey/register/options', { name: 'ok', extra: 1 })).status).toBe(400);
    expect((await b.call('POST', '/api/auth/passkey/login/verify', { challengeId: 'x'.repeat(20), response: { id: 'a' } })).status).toBe(
      400,
    );
    expect((await b.call('POST', '/api/auth/recovery', { code: 42 })).status).toBe(400);
    expect(b.cookie).toBe('');
  });
});

describe('your workshops', () => {
  it('authorisation matrix: account × workshop × action', async () => {
    const owner = new Browser(server.url);
    const ownerId = (await owner.register('Owner')).accountId;
    const co = new Browser(server.url);
    await co.register('Co-facilitator');
    const stranger = new Browser(server.url);
    await stranger.register('Stranger');
    const anonymous = new Browser(server.url);
    const w = await createWorkshop(server.url, { title: 'Matrix café' });

    // claiming needs the facilitator key of that very workshop
    const other = await createWorkshop(server.url);
    expect(
      (await stranger.call('POST', '/api/me/workshops/claim', { workshopId: w.workshopId, facilitatorKey: other.facilitatorKey })).status,
    ).toBe(403);
    const delegate = await join(server.url, w.joinCode, 'Delegate');
    expect(
      (await stranger.call('POST', '/api/me/workshops/claim', { workshopId: w.workshopId, facilitatorKey: delegate.token })).status,
    ).toBe(403);
    expect((await stranger.call('POST', '/api/me/workshops/claim', { workshopId: 'nope', facilitatorKey: w.facilitatorKey })).status).toBe(
      403,
    );
    expect(
      (await owner.call('POST', '/api/me/workshops/claim', { workshopId: w.workshopId, facilitatorKey: w.facilitatorKey })).body,
    ).toMatchObject({ role: 'owner' });
    expect(
      (await co.call('POST', '/api/me/workshops/claim', { workshopId: w.workshopId, facilitatorKey: w.facilitatorKey })).body,
    ).toMatchObject({ role: 'cofacilitator' });

    type Action = { name: string; run: (b: Browser) => Promise<number> };
    const actions: Action[] = [
      {
        name: 'list',
        run: async (b) => {
          const r = await b.call<{ workshops?: Array<{ workshopId: string }> }>('GET', '/api/me/workshops');
          return r.status === 200 ? (r.body.workshops!.some((x) => x.workshopId === w.workshopId) ? 200 : 404) : r.status;
        },
      },
      { name: 'open', run: async (b) => (await b.call('POST', `/api/me/workshops/${w.workshopId}/open`)).status },
      {
        name: 'archive',
        run: async (b) => (await b.call('POST', `/api/me/workshops/${w.workshopId}/archive`, { archived: false })).status,
      },
      { name: 'delete', run: async (b) => (await b.call('DELETE', `/api/me/workshops/${w.workshopId}`)).status },
      // each person's devices (facilitators only): a stranger's session is no facilitator of it
      { name: 'devices', run: async (b) => (await b.call('GET', `/api/workshops/${w.workshopId}/devices`)).status },
      // co-facilitators (item 4): who runs it, invitations, removing the owner, handing ownership to oneself
      { name: 'people', run: async (b) => (await b.call('GET', `/api/me/workshops/${w.workshopId}/people`)).status },
      { name: 'invite', run: async (b) => (await b.call('POST', `/api/me/workshops/${w.workshopId}/cofacilitator-invites`, {})).status },
      {
        name: 'withdraw',
        run: async (b) => (await b.call('DELETE', `/api/me/workshops/${w.workshopId}/cofacilitator-invites/nosuchinvite`)).status,
      },
      {
        name: 'remove-owner',
        run: async (b) => (await b.call('DELETE', `/api/me/workshops/${w.workshopId}/cofacilitators/${ownerId}`)).status,
      },
      {
        name: 'transfer-to-owner',
        run: async (b) => (await b.call('POST', `/api/me/workshops/${w.workshopId}/transfer`, { accountId: ownerId })).status,
      },
    ];
    // 404 for a workshop the account has no role in (never "forbidden": that would say it exists)
    const expected: Record<string, Record<string, number>> = {
      stranger: {
        list: 404,
        open: 404,
        archive: 404,
        delete: 404,
        devices: 401,
        people: 404,
        invite: 404,
        withdraw: 404,
        'remove-owner': 404,
        'transfer-to-owner': 404,
      },
      anonymous: {
        list: 401,
        open: 401,
        archive: 401,
        delete: 401,
        devices: 401,
        people: 401,
        invite: 401,
        withdraw: 401,
        'remove-owner': 401,
        'transfer-to-owner': 401,
      },
      co: {
        list: 200,
        open: 201,
        archive: 200,
        delete: 403,
        devices: 200,
        people: 200,
        invite: 403,
        withdraw: 403,
        'remove-owner': 409,
        'transfer-to-owner': 403,
      },
      // delete last, below; "withdraw" of an unknown invitation is the owner's 404
      owner: {
        list: 200,
        open: 201,
        archive: 200,
        devices: 200,
        people: 200,
        invite: 201,
        withdraw: 404,
        'remove-owner': 409,
        'transfer-to-owner': 409,
      },
    };
    const who: Record<string, Browser> = { stranger, anonymous, co, owner };
    for (const [name, b] of Object.entries(who))
      for (const a of actions)
        if (expected[name]![a.name] !== undefined) expect(await a.run(b), `${name} ${a.name}`).toBe(expected[name]![a.name]);
    const action = (n: string) => actions.find((a) => a.name === n)!;
    expect(await action('delete').run(owner)).toBe(204);
    for (const [name, b] of Object.entries(who))
      if (name !== 'anonymous') {
        expect(await action('open').run(b), `${name} open after delete`).toBe(404);
        expect(await action('people').run(b), `${name} people after delete`).toBe(404);
      }
  });

  it('lists a claimed workshop with its summary; open gives a working facilitator key; archive', async () => {
    const b = new Browser(server.url);
    await b.register();
    const w = await createWorkshop(server.url, { title: 'ASCC café' });
    await join(server.url, w.joinCode, 'Somchai', 'th');
    await b.call('POST', '/api/me/workshops/claim', { workshopId: w.workshopId, facilitatorKey: w.facilitatorKey });
    const list = await b.call<{ workshops: Array<Record<string, unknown>> }>('GET', '/api/me/workshops');
    expect(list.body.workshops).toEqual([
      expect.objectContaining({
        workshopId: w.workshopId,
        title: 'ASCC café',
        phase: 'setup',
        joinCode: w.joinCode,
        people: 2,
        notes: 0,
        review: { done: 0, total: 0 },
        role: 'owner',
        archivedAt: null,
      }),
    ]);
    const opened = await b.call<{ token: string; participantId: string }>('POST', `/api/me/workshops/${w.workshopId}/open`);
    expect(opened.body.participantId).toBe(w.participantId);
    const invites = await fetch(`${server.url}/api/workshops/${w.workshopId}/invites`, {
      headers: { authorization: `Bearer ${opened.body.token}` },
    });
    expect(invites.status).toBe(200);
    const archived = await b.call<{ archivedAt: number }>('POST', `/api/me/workshops/${w.workshopId}/archive`, { archived: true });
    expect(archived.body.archivedAt).toBeGreaterThan(0);
    expect(
      (await b.call<{ workshops: Array<{ archivedAt: number | null }> }>('GET', '/api/me/workshops')).body.workshops[0]!.archivedAt,
    ).toBe(archived.body.archivedAt);
  });

  it('deleting a workshop closes its sockets and leaves no row of it in the SQLite file', async () => {
    const b = new Browser(server.url);
    await b.register();
    const w = await createWorkshop(server.url);
    const d = await join(server.url, w.joinCode, 'Delegate');
    const bot = new Bot(server.url, d.token, d.participantId);
    await bot.ready();
    await b.call('POST', '/api/me/workshops/claim', { workshopId: w.workshopId, facilitatorKey: w.facilitatorKey });
    await fetch(`${server.url}/api/workshops/${w.workshopId}/invites`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.facilitatorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ delegationId: 'th' }),
    });
    // a pending co-facilitator invitation and a key issued to the account (migration 6's tables)
    expect((await b.call('POST', `/api/me/workshops/${w.workshopId}/cofacilitator-invites`, {})).status).toBe(201);
    expect((await b.call('POST', `/api/me/workshops/${w.workshopId}/open`)).status).toBe(201);
    const file = path.join(server.dataDir, 'worldcafe.db');
    // every table holds rows of it first
    expect(Object.keys(sqliteRowsOf(file, w.workshopId))).toEqual(expect.arrayContaining(FILLED_BEFORE_DELETE));
    const closed = new Promise<void>((resolve) => bot.socket.once('disconnect', () => resolve()));
    expect((await b.call('DELETE', `/api/me/workshops/${w.workshopId}`)).status).toBe(204);
    await closed;
    // nothing of it is left in any table (any column mentioning its id), not only in the tables listed for deletion
    expect(sqliteRowsOf(file, w.workshopId)).toEqual({});
    // its links admit nobody now
    expect((await fetch(`${server.url}/api/join/${w.joinCode}`)).status).toBe(404);
    bot.socket.close();
  });
});

describe('on PostgreSQL', () => {
  let db: TestDatabase;
  let pgServer: RunningServer;
  beforeAll(async () => {
    db = await createTestDatabase();
    pgServer = await startServer({ env: { DATABASE_URL: db.url } });
  });
  afterAll(async () => {
    await pgServer?.stop();
    await db?.drop();
  });

  it('a session made on one node is in the database and valid on another node; deleting a workshop leaves no row of it', async () => {
    const b = new Browser(pgServer.url);
    await b.register();
    const w = await createWorkshop(pgServer.url);
    await join(pgServer.url, w.joinCode, 'Delegate');
    await b.call('POST', '/api/me/workshops/claim', { workshopId: w.workshopId, facilitatorKey: w.facilitatorKey });
    expect((await b.call('POST', `/api/me/workshops/${w.workshopId}/cofacilitator-invites`, {})).status).toBe(201);
    expect((await b.call('POST', `/api/me/workshops/${w.workshopId}/open`)).status).toBe(201);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      expect(Number((await client.query('SELECT COUNT(*) AS n FROM auth_sessions')).rows[0].n)).toBe(1);
      // another node on the same database accepts the session, and sees the account's workshops
      const second = await startServer({ env: { DATABASE_URL: db.url } });
      try {
        const there = Object.assign(new Browser(second.url), { cookie: b.cookie });
        expect((await there.call('GET', '/api/auth/me')).status).toBe(200);
        expect(
          (await there.call<{ workshops: Array<{ workshopId: string }> }>('GET', '/api/me/workshops')).body.workshops.map(
            (x) => x.workshopId,
          ),
        ).toEqual([w.workshopId]);
      } finally {
        await second.stop();
      }
      expect(Object.keys(await postgresRowsOf(db.url, w.workshopId))).toEqual(expect.arrayContaining(FILLED_BEFORE_DELETE));
      expect((await b.call('DELETE', `/api/me/workshops/${w.workshopId}`)).status).toBe(204);
      expect(await postgresRowsOf(db.url, w.workshopId)).toEqual({});
    } finally {
      await client.end();
    }
  });
});

describe('rate limits', () => {
  it('sign-in requests are limited per address', async () => {
    const limited = await startServer({ env: { LIMIT_AUTH_PER_MIN: '5' } });
    try {
      const b = new Browser(limited.url);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await b.call('POST', '/api/auth/passkey/login/options', {})).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    } finally {
      await limited.stop();
    }
  });
});
