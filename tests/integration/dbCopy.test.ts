// `npm run db:copy` both ways on real stores: the demo café (twice, so two workshops, one with a
// snapshot) is copied from a SQLite file to a fresh PostgreSQL database and back to a new SQLite
// file. Every workshop's JSON export (by the export CLI) is byte-identical in all three, the op
// keys, credentials (review links with their expiry and revocation) and snapshot came along, and a second copy refuses to overwrite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJson } from '@world-cafe/shared';
import { loadWorkshop } from '../../server/src/cli/export';
import { openStore } from '../../server/src/store/openStore';
import type { EventStore, WorkshopRecord } from '../../server/src/store/eventStore';
import { runCli } from '../helpers/cli';
import { type TestDatabase, createTestDatabase } from '../helpers/postgres';

let dir: string;
let source: string;
let back: string;
let pg: TestDatabase;
let workshops: WorkshopRecord[];

const copy = (from: string, to: string) => runCli('server/src/cli/dbCopy.ts', ['--from', from, '--to', to]);

/** The export CLI's JSON of a workshop read from DATABASE_URL. */
function exportCliJson(id: string, url: string): string {
  const out = path.join(dir, `${id}.json`);
  const run = runCli('server/src/cli/export.ts', ['--workshop', id, '--format', 'json', '--out', out], { DATABASE_URL: url });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return fs.readFileSync(out, 'utf8');
}

/** The JSON export of a workshop (what the export CLI and the HTTP endpoint write). */
const jsonOf = async (location: string, idOrCode: string) => exportJson((await loadWorkshop(location, idOrCode))!);

async function withStore<T>(location: string, fn: (s: EventStore) => Promise<T>): Promise<T> {
  const store = await openStore(location, { writer: 'inline' });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Everything db:copy must carry, per workshop, in a comparable shape. */
const contents = (location: string) =>
  withStore(location, async (s) =>
    Promise.all(
      workshops.map(async (w) => ({
        workshop: await s.findWorkshop(w.id),
        byCode: await s.findWorkshopByCode(w.joinCode),
        events: await s.readStored(w.id, 0),
        ops: (await s.readOps(w.id)).sort((a, b) => a.seq - b.seq),
        credentials: await s.listCredentials(w.id),
        invites: await s.listInvites(w.id),
        snapshot: await s.latestSnapshot(w.id),
      })),
    ),
  );

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-dbcopy-'));
  const dataDir = path.join(dir, 'src');
  for (let i = 0; i < 2; i++) {
    const run = runCli('server/src/cli/demo.ts', ['--json'], { DATA_DIR: dataDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }
  source = path.join(dataDir, 'worldcafe.db');
  back = path.join(dir, 'back', 'worldcafe.db');
  workshops = await withStore(source, async (s) => {
    const list = await s.listWorkshops();
    // a snapshot in parts (format 2): its parts go along, in order, before its head
    for (const part of [0, 1, 2]) await s.saveSnapshotPart(list[0]!.id, 7, part, `{"part":${part},"text":"ส่วน"}`);
    await s.saveSnapshot(list[0]!.id, 7, '{"a snapshot":"ภาพรวม"}');
    // review links with a lifetime, one of them revoked: the copy must keep both as they are
    const w = list[0]!.id;
    const invite = (tokenHash: string, issuedAt: number) =>
      s.append({
        workshopId: w,
        opKey: null,
        envelopes: [],
        credential: { tokenHash, workshopId: w, participantId: 'd-th', kind: 'invite', issuedAt, expiresAt: issuedAt + 86_400_000 },
      });
    await invite('a'.repeat(64), 1_700_000_000_000);
    await invite('b'.repeat(64), 1_700_000_000_001);
    await s.append({ workshopId: w, opKey: null, envelopes: [], revokeInvite: { id: 'b'.repeat(16), at: 1_700_000_000_002 } });
    expect((await s.listInvites(w)).map((i) => i.revokedAt)).toContain(1_700_000_000_002);
    return list;
  });
  expect(workshops).toHaveLength(2);
  pg = await createTestDatabase();
});
afterAll(async () => {
  await pg?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run db:copy', () => {
  it('copies every workshop SQLite → PostgreSQL → SQLite with identical JSON exports, op keys, credentials and snapshots', async () => {
    const before = await contents(source);
    expect(before[0]!.events.length).toBeGreaterThan(100);
    expect(before[0]!.ops.length).toBeGreaterThan(50);
    expect(before[0]!.credentials.length).toBeGreaterThan(10);

    const there = copy(source, pg.url);
    expect(there.stderr).toBe('');
    expect(there.code).toBe(0);
    expect(there.stdout).toMatch(/2 workshop\(s\) copied/);
    expect(await contents(pg.url)).toEqual(before);

    const home = copy(pg.url, back);
    expect(home.stderr).toBe('');
    expect(home.code).toBe(0);
    expect(await contents(back)).toEqual(before);

    for (const w of workshops) {
      const json = await jsonOf(source, w.id);
      expect(json.length).toBeGreaterThan(1000);
      expect(await jsonOf(pg.url, w.id)).toBe(json);
      expect(await jsonOf(back, w.joinCode)).toBe(json);
    }
    // and through the export CLI, as an operator would check it
    expect(exportCliJson(workshops[1]!.id, pg.url)).toBe(await jsonOf(source, workshops[1]!.id));
  });

  it('refuses to overwrite a workshop that exists at the target, and says so', async () => {
    const heads = await withStore(pg.url, (s) => Promise.all(workshops.map((w) => s.headSeq(w.id))));
    const again = copy(source, pg.url);
    expect(again.code).toBe(1);
    for (const w of workshops) expect(again.stderr).toContain(`refused ${w.id}`);
    expect(again.stderr).toMatch(/already exists at the target; not overwritten/);
    expect(await withStore(pg.url, (s) => Promise.all(workshops.map((w) => s.headSeq(w.id))))).toEqual(heads);
  });

  it('rejects bad arguments and a missing source', () => {
    expect(copy(source, source).code).toBe(2);
    expect(runCli('server/src/cli/dbCopy.ts', ['--from', source]).code).toBe(2);
    const missing = copy(path.join(dir, 'nope.db'), path.join(dir, 'x.db'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/source database not found/);
  });
});
