// Personal links expire LINK_TTL_DAYS_AFTER_CLOSE days after the workshop closed, and data retention
// deletes closed workshops RETENTION_DAYS_AFTER_CLOSE days after: the real server (createApp on an
// ephemeral port, real sockets, a real SQLite file / PostgreSQL database) with an injected clock.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '@world-cafe/shared';
import { type App, createApp } from '../../server/src/app';
import { openStore } from '../../server/src/store/openStore';
import { WORKSHOP_TABLES, openAccountStore } from '../../server/src/accounts/accountStore';
import { Bot, connect, createWorkshop, join } from '../helpers/bots';
import { Browser } from '../helpers/softAuthenticator';
import { type TestDatabase, createTestDatabase } from '../helpers/postgres';

interface Started {
  url: string;
  app: App;
  clock: { now: number };
  logs: Array<Record<string, unknown>>;
}

async function start(location: string, opts: { ttlDays?: number; retentionDays?: number; offsetMs?: number }): Promise<Started> {
  const clock = { now: Date.now() + (opts.offsetMs ?? 0) };
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const store = await openStore(location, { synchronous: 'normal' });
  const app = createApp({
    store,
    logger: pino({ level: 'info' }, sink),
    accounts: openAccountStore(location),
    linkTtlDays: opts.ttlDays,
    retentionDays: opts.retentionDays ?? null,
    now: () => clock.now,
    accountLimits: { authPerMinute: 1000 },
  });
  const port = await app.listen(0);
  return { url: `http://127.0.0.1:${port}`, app, clock, logs };
}

/** A workshop with a delegate, taken to `closed` by its facilitator (café, harvest, a goal, review, close). */
async function closedWorkshop(url: string) {
  const w = await createWorkshop(url);
  const d = await join(url, w.joinCode, 'Delegate Dara');
  const fac = await connect(url, { token: w.facilitatorKey, participantId: w.participantId });
  for (const phase of ['cafe', 'harvest'] as const)
    expect(await fac.send({ type: 'workshop:set-phase', phase })).toMatchObject({ ok: true });
  expect(
    await fac.send({ type: 'goal:create', goalId: 'g1', title: 'Leadership', themeId: null, clusterIds: [], noteIds: [] }),
  ).toMatchObject({ ok: true });
  expect(await fac.send({ type: 'review:open', deadline: null })).toMatchObject({ ok: true });
  return { w, d, fac };
}

const close = async (fac: Bot) => expect(await fac.send({ type: 'review:close', force: true })).toMatchObject({ ok: true });

/** The handshake's answer for a token: 'ok' once synced, else the connect_error message. */
async function handshake(url: string, token: string, participantId: string): Promise<string> {
  const bot = new Bot(url, token, participantId);
  try {
    return await new Promise<string>((resolve) => {
      bot.socket.once('connect_error', (e) => resolve(e.message));
      void bot.ready().then(() => resolve('ok'));
    });
  } finally {
    bot.close();
  }
}

const exportAs = (url: string, workshopId: string, token: string) =>
  fetch(`${url}/api/workshops/${workshopId}/export?format=json`, { headers: { authorization: `Bearer ${token}` } });

const dirs: string[] = [];
const apps: App[] = [];
const dbs: TestDatabase[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
  for (const d of dbs) await d.drop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
function sqliteFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-ttl-'));
  dirs.push(dir);
  return path.join(dir, 'worldcafe.db');
}

describe('LINK_TTL_DAYS_AFTER_CLOSE (SQLite)', () => {
  it('a personal link works while open and for TTL days after closing, then is refused with a clear reason; the facilitator’s key is not', async () => {
    const s = await start(sqliteFile(), { ttlDays: 30 });
    apps.push(s.app);
    const { w, d, fac } = await closedWorkshop(s.url);
    // open (review phase): months later, the link still works
    s.clock.now += 90 * DAY_MS;
    expect(await handshake(s.url, d.token, d.participantId)).toBe('ok');
    s.clock.now -= 90 * DAY_MS;
    await close(fac);
    // the close time is the close event's, and the link lives 30 days from it
    s.clock.now += 30 * DAY_MS - 60_000;
    expect(await handshake(s.url, d.token, d.participantId)).toBe('ok');
    const host = await join(s.url, w.joinCode, 'x').catch((e: Error) => e);
    expect(host).toBeInstanceOf(Error); // a closed workshop admits nobody new
    s.clock.now += 2 * 60_000;
    expect(await handshake(s.url, d.token, d.participantId)).toBe('link_expired');
    // over HTTP: 401 with the reason (never the generic "send a key")
    const res = await exportAs(s.url, w.workshopId, d.token);
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatchObject({
      code: 'unauthorized',
      reason: 'link_expired',
      message: expect.stringMatching(/expired/),
    });
    // the facilitator's key keeps working (the outcome is exported from a closed workshop)
    expect(await handshake(s.url, w.facilitatorKey, w.participantId)).toBe('ok');
    expect((await exportAs(s.url, w.workshopId, w.facilitatorKey)).status).toBe(200);
    fac.close();
  });

  it('0 = never; an expired link stays expired across a restart (the close time comes from the log)', async () => {
    const file = sqliteFile();
    const never = await start(file, { ttlDays: 0 });
    const { w, d, fac } = await closedWorkshop(never.url);
    await close(fac);
    fac.close();
    never.clock.now += 3650 * DAY_MS;
    expect(await handshake(never.url, d.token, d.participantId)).toBe('ok');
    await never.app.close();
    const again = await start(file, { ttlDays: 1 });
    apps.push(again.app);
    again.clock.now += 2 * DAY_MS;
    expect(await handshake(again.url, d.token, d.participantId)).toBe('link_expired');
    expect(await handshake(again.url, w.facilitatorKey, w.participantId)).toBe('ok');
  });
});

/** Moves a workshop's close event later in its log (as if it had closed `ms` later). */
async function shiftCloseTime(location: string, workshopId: string, ms: number) {
  const sql = `UPDATE events SET at = at + ${ms} WHERE workshop_id = ? AND body LIKE '%"phase":"closed"%'`;
  if (location.startsWith('postgres')) {
    const c = new pg.Client({ connectionString: location });
    await c.connect();
    try {
      expect((await c.query(sql.replace('?', '$1'), [workshopId])).rowCount).toBe(1);
    } finally {
      await c.end();
    }
    return;
  }
  const db = new Database(location);
  try {
    expect(db.prepare(sql).run(workshopId).changes).toBe(1);
  } finally {
    db.close();
  }
}

/** Rows of the workshop left in each table. */
async function rowsLeft(location: string, workshopId: string): Promise<Record<string, number>> {
  const tables = [...WORKSHOP_TABLES, 'workshops'];
  const out: Record<string, number> = {};
  if (location.startsWith('postgres')) {
    const c = new pg.Client({ connectionString: location });
    await c.connect();
    try {
      for (const t of tables)
        out[t] = Number(
          (await c.query(`SELECT COUNT(*) AS n FROM ${t} WHERE ${t === 'workshops' ? 'id' : 'workshop_id'} = $1`, [workshopId])).rows[0].n,
        );
    } finally {
      await c.end();
    }
    return out;
  }
  const db = new Database(location, { readonly: true });
  try {
    for (const t of tables)
      out[t] = (
        db.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE ${t === 'workshops' ? 'id' : 'workshop_id'} = ?`).get(workshopId) as { n: number }
      ).n;
  } finally {
    db.close();
  }
  return out;
}

for (const dialect of ['SQLite', 'PostgreSQL'] as const) {
  describe(`RETENTION_DAYS_AFTER_CLOSE (${dialect})`, () => {
    it('deletes closed workshops N days after closing with everything in them, not open or recent ones; logged', async () => {
      let location: string;
      if (dialect === 'SQLite') location = sqliteFile();
      else {
        const db = await createTestDatabase();
        dbs.push(db);
        location = db.url;
      }
      const s = await start(location, { retentionDays: 90 });
      apps.push(s.app);
      // the pass at startup found nothing and said so
      expect(s.logs.some((l) => l.msg?.toString().startsWith('data retention on'))).toBe(true);
      const owner = new Browser(s.url);
      await owner.register();
      const old = await closedWorkshop(s.url);
      await owner.call('POST', '/api/me/workshops/claim', { workshopId: old.w.workshopId, facilitatorKey: old.w.facilitatorKey });
      // rows in migration 6's tables too: a pending invitation and a key issued to the account
      expect((await owner.call('POST', `/api/me/workshops/${old.w.workshopId}/cofacilitator-invites`, {})).status).toBe(201);
      expect((await owner.call('POST', `/api/me/workshops/${old.w.workshopId}/open`)).status).toBe(201);
      await close(old.fac);
      const delegate = await connect(s.url, old.d);
      const open = await closedWorkshop(s.url);
      const recent = await closedWorkshop(s.url);
      await close(recent.fac);
      // the server stamps events with the real time: this one "closed ten days later" in its log
      await shiftCloseTime(location, recent.w.workshopId, 10 * DAY_MS);

      s.clock.now += 90 * DAY_MS - 60_000; // `old` closed (a few seconds after the clock started) not quite 90 days ago
      expect(await s.app.retention!.runOnce()).toEqual([]);
      s.clock.now += 2 * 60_000;
      const gone = new Promise<string>((resolve) => delegate.socket.once('revoked', (m) => resolve(m.reason)));
      expect(await s.app.retention!.runOnce()).toEqual([old.w.workshopId]);
      expect(await gone).toBe('workshop_deleted');
      const left = await rowsLeft(location, old.w.workshopId);
      expect(left).toEqual(Object.fromEntries(Object.keys(left).map((t) => [t, 0])));
      expect((await fetch(`${s.url}/api/join/${old.w.joinCode}`)).status).toBe(404);
      expect((await owner.call<{ workshops: unknown[] }>('GET', '/api/me/workshops')).body.workshops).toEqual([]);
      // the open and the recently closed workshop are untouched
      for (const keep of [open.w.workshopId, recent.w.workshopId]) expect((await rowsLeft(location, keep)).events).toBeGreaterThan(0);
      const deletedLog = s.logs.find((l) => l.msg === 'workshop deleted with everything in it');
      expect(deletedLog).toMatchObject({ workshopId: old.w.workshopId, by: 'retention', days: 90, job: 'retention' });
      expect(s.logs.some((l) => l.msg === 'data retention deleted closed workshops' && l.deleted === 1)).toBe(true);
      // ten days later the other one goes too
      s.clock.now += 10 * DAY_MS;
      expect(await s.app.retention!.runOnce()).toEqual([recent.w.workshopId]);
      for (const b of [old.fac, open.fac, recent.fac, delegate]) b.close();
    });
  });
}

describe('retention at startup (SQLite)', () => {
  it('a server started after the period deletes the workshop in its first pass, without waiting for the interval', async () => {
    const file = sqliteFile();
    const first = await start(file, {});
    const { w, fac } = await closedWorkshop(first.url);
    await close(fac);
    fac.close();
    await first.app.close();
    const later = await start(file, { retentionDays: 1, offsetMs: 2 * DAY_MS });
    apps.push(later.app);
    await expect.poll(() => later.logs.some((l) => l.msg === 'data retention deleted closed workshops'), { timeout: 10_000 }).toBe(true);
    expect((await rowsLeft(file, w.workshopId)).events).toBe(0);
  });
});

describe('retention is off by default', () => {
  it('no job without RETENTION_DAYS_AFTER_CLOSE', async () => {
    const s = await start(sqliteFile(), {});
    apps.push(s.app);
    expect(s.app.retention).toBeNull();
    expect(s.logs.some((l) => String(l.msg).startsWith('data retention'))).toBe(false);
  });
});
