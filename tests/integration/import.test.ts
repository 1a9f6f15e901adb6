// A large export imports through the parsing thread (server/src/http/importParse.ts) and its
// pre-encoded event (AppendBatch.encodedEvents): what comes back, before and after a restart, is
// the export itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeExport } from '@world-cafe/shared/testing';
import { type RunningServer, startServer } from '../helpers/server';
import { INLINE_IMPORT_CHARS } from '../../server/src/http/importParse';

const servers: RunningServer[] = [];
/** For the refusals: a server of their own, whatever the other test did with its servers. */
let srv: RunningServer;
beforeAll(async () => {
  srv = await startServer();
  servers.push(srv);
});
afterAll(async () => {
  for (const s of servers) await s.stop();
});

const importBody = (url: string, body: string) =>
  fetch(`${url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('importing a large export', () => {
  it('gives back the same export, and the same after a kill and a cold load', async () => {
    const text = largeExport(4000, (i) => `การนำเข้า note ${i}: pair delegations across tables`);
    expect(text.length).toBeGreaterThan(INLINE_IMPORT_CHARS);
    const first = await startServer();
    servers.push(first);
    const res = await importBody(first.url, text);
    expect(res.status).toBe(201);
    const ws = (await res.json()) as { workshopId: string; facilitatorKey: string };
    const exported = async (url: string) =>
      (
        await fetch(`${url}/api/workshops/${ws.workshopId}/export?format=json`, {
          headers: { authorization: `Bearer ${ws.facilitatorKey}` },
        })
      ).text();
    expect(await exported(first.url)).toBe(text);
    await first.kill();
    const second = await startServer({ dataDir: first.dataDir });
    servers.push(second);
    expect(await exported(second.url)).toBe(text);
  });

  it.each([
    ['small', 3],
    ['large', 4000],
  ])('refuses a %s body that is not JSON, or breaks the rules, naming the field', async (_size, extra) => {
    const text = largeExport(extra);
    const broken = await importBody(srv.url, text.slice(0, -10));
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: { code: 'invalid_payload', message: 'malformed JSON' } });
    const doc = JSON.parse(text);
    doc.workshop.title = `\u202Ex${'\u0301'.repeat(5000)}`;
    const hostile = await importBody(srv.url, JSON.stringify(doc));
    expect(hostile.status).toBe(400);
    expect((await hostile.json()).error.message).toContain('workshop.title');
  });
});
