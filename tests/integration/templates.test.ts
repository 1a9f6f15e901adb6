// Templates over real HTTP against the real server, on SQLite and on PostgreSQL: a workshop made
// from the ACCSM built-in starts with its rounds; "save as template" keeps the setup only (no
// people, notes or clusters); export → import gives the same setup; a new workshop started from a
// saved template; list, rename, delete; every body validated with the field named; the account ×
// template × action matrix; the per-account cap; the per-address rate limit.
import pg from 'pg';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEMPLATE_LIMITS,
  type TemplateSetup,
  type TemplateSummary,
  type TemplateView,
  builtinTemplate,
  createInputFromSetup,
  parseTemplateFile,
  templateFile,
} from '@world-cafe/shared';
import { type RunningServer, startServer } from '../helpers/server';
import { connect, createWorkshop, join } from '../helpers/bots';
import { Browser } from '../helpers/softAuthenticator';
import { type TestDatabase, createTestDatabase } from '../helpers/postgres';

const accsm = builtinTemplate('builtin-accsm')!.setup;

/** Creates a workshop from a setup as the create form does, and attaches it to the account. */
async function createFrom(b: Browser, setup: TemplateSetup, title: string) {
  const w = await createWorkshop(b.base, createInputFromSetup(setup, { title, facilitatorName: 'Maria Santos' }));
  const claim = await b.call('POST', '/api/me/workshops/claim', { workshopId: w.workshopId, facilitatorKey: w.facilitatorKey });
  expect(claim.status).toBe(201);
  return w;
}

const CORRUPT =
  'INSERT INTO account_templates (id, account_id, name, description, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)';
/** A row this server cannot read as a setup (written by hand, or by a future version). */
const corruptRow = (accountId: string) => ['corrupt1', accountId, 'Broken', '', '{"themes": "not a list"', 1, 1];

type Store = {
  name: string;
  start: () => Promise<{
    server: RunningServer;
    rows: (accountId: string) => Promise<number>;
    corrupt: (accountId: string) => Promise<void>;
    stop: () => Promise<void>;
  }>;
};
const stores: Store[] = [
  {
    name: 'SQLite',
    start: async () => {
      const server = await startServer();
      return {
        server,
        rows: async (accountId) => {
          const db = new Database(path.join(server.dataDir, 'worldcafe.db'), { readonly: true });
          try {
            return (db.prepare('SELECT COUNT(*) AS n FROM account_templates WHERE account_id = ?').get(accountId) as { n: number }).n;
          } finally {
            db.close();
          }
        },
        corrupt: async (accountId) => {
          const db = new Database(path.join(server.dataDir, 'worldcafe.db'));
          try {
            db.prepare(CORRUPT).run(...corruptRow(accountId));
          } finally {
            db.close();
          }
        },
        stop: () => server.stop(),
      };
    },
  },
  {
    name: 'PostgreSQL',
    start: async () => {
      const db: TestDatabase = await createTestDatabase();
      const server = await startServer({ env: { DATABASE_URL: db.url } });
      const reader = new pg.Pool({ connectionString: db.url, max: 1 });
      return {
        server,
        rows: async (accountId) =>
          Number((await reader.query('SELECT COUNT(*) AS n FROM account_templates WHERE account_id = $1', [accountId])).rows[0].n),
        corrupt: async (accountId) => {
          let i = 0;
          await reader.query(
            CORRUPT.replace(/\?/g, () => `$${++i}`),
            corruptRow(accountId),
          );
        },
        stop: async () => {
          await server.stop();
          await reader.end();
          await db.drop();
        },
      };
    },
  },
];

describe.each(stores)('templates on $name', ({ start }) => {
  let env: Awaited<ReturnType<Store['start']>>;
  beforeAll(async () => {
    env = await start();
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('ACCSM built-in → workshop → save as template (setup only) → export → import → a new workshop from it', async () => {
    const b = new Browser(env.server.url);
    const { accountId } = await b.register('Maria Santos');
    const w = await createFrom(b, accsm, 'Preparatory café of the 19th ACCSM');

    // the workshop starts with the template's rounds: its setup reads back as the template
    const back = await b.call<{ title: string; setup: TemplateSetup }>('GET', `/api/me/templates/from-workshop/${w.workshopId}`);
    expect(back.status).toBe(200);
    expect(back.body).toEqual({ title: 'Preparatory café of the 19th ACCSM', setup: accsm });

    // people, seats and notes do not travel into a template
    const somchai = await connect(env.server.url, await join(env.server.url, w.joinCode, 'Somchai Jaidee', 'th'));
    expect(await somchai.send({ type: 'seat:assign', participantId: somchai.participantId, tableId: 'ascc-inclusive' })).toMatchObject({
      ok: true,
    });
    expect(
      await somchai.send({
        type: 'note:create',
        noteId: 'n-secret',
        tableId: 'ascc-inclusive',
        text: 'ข้อเสนอลับ',
        color: 'yellow',
        x: 1,
        y: 1,
      }),
    ).toMatchObject({ ok: true });
    somchai.close();
    const saved = await b.call<TemplateView>('POST', '/api/me/templates/from-workshop', {
      workshopId: w.workshopId,
      name: '  ACCSM café  ',
      description: 'Five ASCC tables, eleven delegations',
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'ACCSM café', description: 'Five ASCC tables, eleven delegations', setup: accsm });
    expect(JSON.stringify(saved.body)).not.toMatch(/Somchai|ข้อเสนอลับ|n-secret|Maria/);

    const list = await b.call<{ templates: TemplateSummary[] }>('GET', '/api/me/templates');
    expect(list.body.templates).toEqual([
      {
        id: saved.body.id,
        name: 'ACCSM café',
        description: 'Five ASCC tables, eleven delegations',
        createdAt: saved.body.createdAt,
        updatedAt: saved.body.updatedAt,
        counts: { themes: 5, tables: 5, delegations: 11, rounds: 3 },
      },
    ]);

    // export (the file the client writes) → import
    const got = await b.call<TemplateView>('GET', `/api/me/templates/${saved.body.id}`);
    const file = JSON.stringify(templateFile(got.body), null, 2);
    const read = parseTemplateFile(file);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const imported = await b.call<TemplateView>('POST', '/api/me/templates', {
      name: `${read.file.name} (imported)`,
      description: read.file.description,
      setup: read.file.setup,
    });
    expect(imported.status).toBe(201);
    expect(imported.body.setup).toEqual(accsm);
    expect(imported.body.id).not.toBe(saved.body.id);

    // rename, then start a new workshop from the imported template
    const renamed = await b.call('PATCH', `/api/me/templates/${imported.body.id}`, { name: 'ACCSM 2027' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'ACCSM 2027', description: 'Five ASCC tables, eleven delegations' });
    const again = await b.call<TemplateView>('GET', `/api/me/templates/${imported.body.id}`);
    const second = await createFrom(b, again.body.setup, '20th ACCSM');
    const secondSetup = await b.call<{ setup: TemplateSetup }>('GET', `/api/me/templates/from-workshop/${second.workshopId}`);
    expect(secondSetup.body.setup).toEqual(accsm);

    expect((await b.call('DELETE', `/api/me/templates/${saved.body.id}`)).status).toBe(204);
    expect((await b.call('GET', `/api/me/templates/${saved.body.id}`)).status).toBe(404);
    expect((await b.call<{ templates: TemplateSummary[] }>('GET', '/api/me/templates')).body.templates.map((t) => t.name)).toEqual([
      'ACCSM 2027',
    ]);
    expect(await env.rows(accountId)).toBe(1);
  });

  it('authorisation matrix: account × template × action (a template is visible to its account only)', async () => {
    const owner = new Browser(env.server.url);
    await owner.register('Owner');
    const stranger = new Browser(env.server.url);
    const strangerAccount = await stranger.register('Stranger');
    const anonymous = new Browser(env.server.url);
    const evil = Object.assign(new Browser(env.server.url, 'https://evil.example'), {});
    const w = await createFrom(owner, accsm, 'Owner’s café');
    const t = (await owner.call<TemplateView>('POST', '/api/me/templates', { name: 'Mine', setup: accsm })).body;
    evil.cookie = owner.cookie; // the owner's cookie, sent by another site's page

    type Action = { name: string; run: (b: Browser) => Promise<number> };
    const actions: Action[] = [
      {
        name: 'list',
        run: async (b) => {
          const r = await b.call<{ templates?: TemplateSummary[] }>('GET', '/api/me/templates');
          return r.status === 200 ? (r.body.templates!.some((x) => x.id === t.id) ? 200 : 404) : r.status;
        },
      },
      { name: 'read', run: async (b) => (await b.call('GET', `/api/me/templates/${t.id}`)).status },
      { name: 'rename', run: async (b) => (await b.call('PATCH', `/api/me/templates/${t.id}`, { name: 'Renamed' })).status },
      {
        name: 'save-from-workshop',
        run: async (b) => (await b.call('POST', '/api/me/templates/from-workshop', { workshopId: w.workshopId, name: 'x' })).status,
      },
      { name: 'read-workshop-setup', run: async (b) => (await b.call('GET', `/api/me/templates/from-workshop/${w.workshopId}`)).status },
      { name: 'import', run: async (b) => (await b.call('POST', '/api/me/templates', { name: 'Imported', setup: accsm })).status },
      { name: 'delete', run: async (b) => (await b.call('DELETE', `/api/me/templates/${t.id}`)).status },
    ];
    const expected: Record<string, Record<string, number>> = {
      stranger: { list: 404, read: 404, rename: 404, 'save-from-workshop': 404, 'read-workshop-setup': 404, import: 201, delete: 404 },
      anonymous: { list: 401, read: 401, rename: 401, 'save-from-workshop': 401, 'read-workshop-setup': 401, import: 401, delete: 401 },
      // a write from another origin with the owner's cookie is refused (reads are not writes)
      evil: { list: 200, read: 200, rename: 403, 'save-from-workshop': 403, 'read-workshop-setup': 200, import: 403, delete: 403 },
      owner: { list: 200, read: 200, rename: 200, 'save-from-workshop': 201, 'read-workshop-setup': 200, import: 201, delete: 204 },
    };
    const run = async (who: Record<string, Browser>) => {
      for (const [name, b] of Object.entries(who))
        for (const a of actions) expect(await a.run(b), `${name} ${a.name}`).toBe(expected[name]![a.name]);
    };
    await run({ stranger, anonymous, evil });
    // nothing the others tried changed the owner's template; the stranger's import is the stranger's own
    expect((await owner.call<TemplateView>('GET', `/api/me/templates/${t.id}`)).body).toEqual(t);
    expect(await env.rows(strangerAccount.accountId)).toBe(1);
    await run({ owner });
    expect((await owner.call('GET', `/api/me/templates/${t.id}`)).status).toBe(404);
  });

  it('refuses bad bodies with the field named and stores nothing', async () => {
    const b = new Browser(env.server.url);
    const { accountId } = await b.register();
    const w = await createFrom(b, accsm, 'Validation café');
    const bad = (patch: (s: TemplateSetup) => unknown) => patch(structuredClone(accsm));
    const cases: Array<{ body: unknown; field: RegExp; path?: string; method?: string }> = [
      { body: { name: 'x', setup: bad((s) => ((s.tables[1]!.themeId = 'gone'), s)) }, field: /setup\.tables\.1\.themeId/ },
      { body: { name: 'x', setup: bad((s) => ((s.cafe.rounds = 99), s)) }, field: /setup\.cafe\.rounds/ },
      { body: { name: '', setup: accsm }, field: /name/ },
      { body: { name: 'x', setup: accsm, owner: 'someone' }, field: /body|owner/ },
      { body: { name: 'x', setup: { ...accsm, participants: [] } }, field: /setup/ },
      { body: { name: 'x'.repeat(TEMPLATE_LIMITS.nameChars + 1), setup: accsm }, field: /name/ },
      { body: { workshopId: w.workshopId }, field: /name/, path: '/api/me/templates/from-workshop' },
      { body: { workshopId: '../etc', name: 'x' }, field: /workshopId/, path: '/api/me/templates/from-workshop' },
    ];
    for (const c of cases) {
      const r = await b.call<{ error: { code: string; message: string } }>(c.method ?? 'POST', c.path ?? '/api/me/templates', c.body);
      expect(r.status, JSON.stringify(c.body).slice(0, 80)).toBe(400);
      expect(r.body.error.code).toBe('invalid_payload');
      expect(r.body.error.message).toMatch(c.field);
    }
    // a body over the server's JSON cap
    const huge = await b.call<{ error: { code: string } }>('POST', '/api/me/templates', {
      name: 'x',
      description: 'x'.repeat(70_000),
      setup: accsm,
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('too_large');
    const t = (await b.call<TemplateView>('POST', '/api/me/templates', { name: 'Keep', setup: accsm })).body;
    expect((await b.call('PATCH', `/api/me/templates/${t.id}`, { name: '   ' })).status).toBe(400);
    expect((await b.call('GET', `/api/me/templates/${t.id}`)).body).toMatchObject({ name: 'Keep' });
    expect(await env.rows(accountId)).toBe(1);
  });

  it('a stored template that no longer reads as a setup is left out of the list and not served', async () => {
    const b = new Browser(env.server.url);
    const { accountId } = await b.register();
    const good = (await b.call<TemplateView>('POST', '/api/me/templates', { name: 'Good', setup: accsm })).body;
    await env.corrupt(accountId);
    const list = await b.call<{ templates: TemplateSummary[] }>('GET', '/api/me/templates');
    expect(list.body.templates.map((t) => t.id)).toEqual([good.id]);
    const broken = await b.call<{ error: { code: string } }>('GET', '/api/me/templates/corrupt1');
    expect(broken.status).toBe(500);
    expect(broken.body.error.code).toBe('internal');
    // it can still be deleted
    expect((await b.call('DELETE', '/api/me/templates/corrupt1')).status).toBe(204);
  });

  it(`an account keeps at most ${TEMPLATE_LIMITS.perAccount} templates`, async () => {
    const b = new Browser(env.server.url);
    const { accountId } = await b.register();
    const short = builtinTemplate('builtin-short')!.setup;
    for (let i = 0; i < TEMPLATE_LIMITS.perAccount; i++)
      expect((await b.call('POST', '/api/me/templates', { name: `T${i}`, setup: short })).status).toBe(201);
    const over = await b.call<{ error: { code: string } }>('POST', '/api/me/templates', { name: 'one too many', setup: short });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('conflict');
    expect(await env.rows(accountId)).toBe(TEMPLATE_LIMITS.perAccount);
  });
});

describe('rate limit', () => {
  it('template requests are limited per address', async () => {
    const limited = await startServer({ env: { LIMIT_TEMPLATES_PER_MIN: '4' } });
    try {
      const b = new Browser(limited.url);
      await b.register();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await b.call('GET', '/api/me/templates')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await limited.stop();
    }
  });
});
