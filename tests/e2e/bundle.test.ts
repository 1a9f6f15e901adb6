// Issue 10, item 15: what a first visit costs. The landing page is opened in Chromium against the
// built client served by the real server; every JavaScript response is gzipped (level 9, what a
// compressing proxy would send) and the total must stay within LANDING_JS_GZIP_LIMIT. Screens are
// chunks fetched when opened, the export panel is never part of the first visit, and no source map
// is served (the build writes none and the server refuses .map requests).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { ROOT, type RunningServer } from '../helpers/server';
import { newPersonPage, startE2e, stopE2e } from '../helpers/browser';

const LANDING_JS_GZIP_LIMIT = 120 * 1024;
const DIST = path.join(ROOT, 'client', 'dist');

let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  ({ srv: server, browser: browser } = await startE2e());
});

afterAll(async () => {
  await stopE2e(server, browser);
});

interface Loaded {
  file: string;
  gzip: number;
}

/** Opens `url` in a fresh context and returns every script it fetched, with its gzip size. */
async function scriptsOf(url: string, ready: (page: Page) => Promise<unknown>): Promise<Loaded[]> {
  const page = await newPersonPage(browser, { name: 'visitor', problems });
  const responses: Response[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') responses.push(res);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await ready(page);
  const loaded: Loaded[] = [];
  for (const res of responses) {
    expect(res.status(), res.url()).toBe(200);
    loaded.push({ file: new URL(res.url()).pathname, gzip: zlib.gzipSync(await res.body(), { level: 9 }).length });
  }
  await page.context().close();
  return loaded;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

describe('bundle', () => {
  it('the landing page loads at most 120 KB of JavaScript (gzip), without the export panel or any workshop screen', async () => {
    const scripts = await scriptsOf(`${server.url}/`, (page) => page.getByRole('heading', { level: 1 }).waitFor());
    const total = scripts.reduce((s, x) => s + x.gzip, 0);
    console.log(
      `landing page JavaScript: ${kb(total)} gzip in ${scripts.length} files (limit ${kb(LANDING_JS_GZIP_LIMIT)})\n` +
        scripts.map((s) => `  ${kb(s.gzip).padStart(9)}  ${s.file}`).join('\n'),
    );
    expect(scripts.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(LANDING_JS_GZIP_LIMIT);
    const names = scripts.map((s) => path.basename(s.file));
    // the export panel lives in the review console's chunk; each of these must be a chunk of its
    // own (else "not loaded" would prove nothing) and none may be loaded by the landing page
    const built = fs.readdirSync(path.join(DIST, 'assets'));
    for (const screen of ['ReviewConsole', 'Console', 'Workshop', 'Harvest', 'Create', 'Join', 'PrintView', 'Projector']) {
      expect(
        built.some((f) => f.startsWith(`${screen}-`) && f.endsWith('.js')),
        `${screen} chunk`,
      ).toBe(true);
      expect(names.filter((n) => n.startsWith(`${screen}-`))).toEqual([]);
    }
    expect(problems).toEqual([]);
  });

  it('a screen is fetched when it is opened: the create form is a chunk of its own', async () => {
    const scripts = await scriptsOf(`${server.url}/new`, (page) => page.locator('form').first().waitFor());
    expect(scripts.some((s) => path.basename(s.file).startsWith('Create-'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('serves no source maps: none built, no sourceMappingURL, and .map requests are 404', async () => {
    const assets = fs.readdirSync(path.join(DIST, 'assets'));
    expect(assets.filter((f) => f.endsWith('.map'))).toEqual([]);
    const js = assets.filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(3);
    for (const f of js) expect(fs.readFileSync(path.join(DIST, 'assets', f), 'utf8'), f).not.toMatch(/sourceMappingURL=/);
    for (const f of js) {
      const res = await fetch(`${server.url}/assets/${f}.map`);
      expect(res.status, `${f}.map`).toBe(404);
    }
    // the shell is never handed out in place of a missing asset
    expect((await fetch(`${server.url}/assets/no-such-chunk.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/assets/${js[0]}`)).status).toBe(200);
  });
});
