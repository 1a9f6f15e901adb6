// The charts in a real browser, as the room sees them: a café seeded through the HTTP and socket
// API (bots) from its seating plan to the review. At each stage the facilitator's screen is
// photographed on a desktop (1440×900) and a phone (390×844), in English and Thai: the seating
// mix of the plan (console, before the café), the participation heat map (console, live), the
// dot-vote results (projector) and the review stances (review console). The charts must be SVG
// images with a name, a caption and a data table, and axe must find nothing serious in them.
// Screenshots land in test-output/charts/ for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ROOT, type RunningServer } from '../helpers/server';
import { Bot, connect, createWorkshop, join, type CreatedWorkshop } from '../helpers/bots';
import { newPersonPage, startE2e, stopE2e } from '../helpers/browser';
import { DESKTOP, PHONE, runAxe, setUiLanguage } from '../helpers/a11y';

const OUT = path.join(ROOT, 'test-output', 'charts');
const ok = { ok: true };

let srv: RunningServer;
let browser: Browser;
let ws: CreatedWorkshop;
let fac: Bot;
const bots: Bot[] = [];
let page: Page;
const problems: string[] = [];

const DELEGATIONS = [
  { id: 'th', name: 'Thailand', code: 'TH' },
  { id: 'ph', name: 'Philippines', code: 'PH' },
  { id: 'vn', name: 'Viet Nam', code: 'VN' },
  { id: 'sg', name: 'Singapore', code: 'SG' },
];
const PEOPLE = [
  ['Somchai', 'th'],
  ['Ploy', 'th'],
  ['Maria', 'ph'],
  ['Jose', 'ph'],
  ['Lan', 'vn'],
  ['Minh', 'vn'],
  ['Wei', 'sg'],
  ['Aisha', 'sg'],
] as const;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  ({ srv: srv, browser: browser } = await startE2e());
  ws = await createWorkshop(srv.url, {
    title: 'Charts café',
    delegations: DELEGATIONS,
    tables: [
      { id: 't1', name: 'Inclusive', themeId: null, question: 'Who is left out?', capacity: 4 },
      { id: 't2', name: 'Sustainable', themeId: null, question: 'What lasts?', capacity: 4 },
      { id: 't3', name: 'Resilient', themeId: null, question: 'What breaks?', capacity: 4 },
    ],
  });
  fac = await (await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId })).ready();
  for (const [name, d] of PEOPLE) bots.push(await (await connect(srv.url, await join(srv.url, ws.joinCode, name, d))).ready());
  page = await newPersonPage(browser, { problems, name: 'chair' });
  await page.goto(`${srv.url}/w/${ws.workshopId}#k=${encodeURIComponent(ws.facilitatorKey)}`);
}, 120_000);

afterAll(async () => {
  for (const b of [fac, ...bots]) b?.close();
  await stopE2e(srv, browser);
});

/** axe on the charts only (the screens around them have suites of their own). */
async function axeOnCharts(p: Page): Promise<string[]> {
  await runAxe(p); // injects axe-core
  return p.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> };
      }
    ).axe;
    const res = await axe.run(
      { include: [['figure.chart']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } },
    );
    return res.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
  });
}

/** Every chart in `scope` is a named SVG image with a caption and a data table. */
async function checkCharts(scope: Locator, min: number): Promise<void> {
  const figures = scope.locator('figure.chart');
  expect(await figures.count()).toBeGreaterThanOrEqual(min);
  for (const f of await figures.all()) {
    const svg = f.locator('svg[role="img"]');
    await expect.poll(() => svg.count()).toBe(1);
    const labelled = (await svg.getAttribute('aria-labelledby'))!.split(' ');
    for (const id of labelled) expect((await f.locator(`[id="${id}"]`).textContent())?.trim()).toBeTruthy();
    expect((await f.locator('figcaption').textContent())?.trim()).toBeTruthy();
    expect(await f.locator('details table tbody tr').count()).toBeGreaterThan(0);
  }
}

/** The chart section photographed in both languages on a desktop and a phone. */
async function photograph(p: Page, selector: string, name: string, min: number): Promise<void> {
  for (const lang of ['en', 'th'] as const) {
    await setUiLanguage(p, lang);
    for (const [device, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await p.setViewportSize(size);
      const scope = p.locator(selector).first();
      await scope.waitFor({ state: 'visible', timeout: 20_000 });
      await checkCharts(scope, min);
      if (lang === 'th') await expect.poll(() => scope.locator('svg title').first().textContent()).toMatch(/[\u0E00-\u0E7F]/);
      // the charts fit the phone's width (the screens around them are issue 16's)
      if (device === 'phone') {
        for (const svg of await scope.locator('figure.chart svg').all())
          expect((await svg.boundingBox())!.width).toBeLessThanOrEqual(size.width);
      }
      await scope.scrollIntoViewIfNeeded();
      await scope.screenshot({ path: path.join(OUT, `${name}-${lang}-${device}.png`) });
    }
  }
  expect(await axeOnCharts(p)).toEqual([]);
}

describe('charts', () => {
  it('the seating mix of the plan, on the console before the café starts', async () => {
    expect(await fac.send({ type: 'cafe:configure', rounds: 3 })).toMatchObject(ok);
    expect(await fac.send({ type: 'plan:generate', seed: 7 })).toMatchObject(ok);
    await fac.until((b) => (b.state.cafe.plan?.length ?? 0) === 3, 30_000);
    await photograph(page, '[data-testid="seating-mix"]', 'seating-mix', 4);
    // the new-people chart's table lists every planned person
    expect(await page.locator('[data-testid="seating-mix"] figure.chart').last().locator('details tbody tr').count()).toBe(PEOPLE.length);
  }, 180_000);

  it('participation per table × round and per delegation, live on the café console', async () => {
    expect(await fac.send({ type: 'workshop:set-phase', phase: 'cafe' })).toMatchObject(ok);
    expect(await fac.send({ type: 'round:start' })).toMatchObject(ok);
    await fac.until((b) => Object.keys(b.state.seats).length >= PEOPLE.length, 10_000);
    // a busy first table, a quieter second, and nothing from the third
    const written: Record<string, number> = { t1: 0, t2: 0, t3: 0 };
    for (const [i, b] of bots.entries()) {
      const table = fac.state.seats[b.participantId]!;
      const n = table === 't1' ? 3 : table === 't2' ? 1 : 0;
      for (let k = 0; k < n; k++) {
        expect(
          await b.send({
            type: 'note:create',
            noteId: `n-${i}-${k}`,
            tableId: table,
            text: `Idea ${i}.${k} ความคิด`,
            color: 'yellow',
            x: 10 * k,
            y: 10,
          }),
        ).toMatchObject(ok);
        written[table]! += 1;
      }
    }
    await setUiLanguage(page, 'en');
    const heat = page.locator('[data-testid="participation-chart"]');
    // the live heat map's cells are the note counts (its data table, row by row)
    await expect
      .poll(async () => (await heat.locator('details tbody tr').allTextContents()).map((t) => t.replace(/\s+/g, '')), { timeout: 15_000 })
      .toEqual([`Inclusive${written.t1}`, `Sustainable${written.t2}`, `Resilient${written.t3}`]);
    await photograph(page, '[data-testid="participation-charts"]', 'participation', 2);
  }, 180_000);

  it('the dot-vote results on the projector after the reveal', async () => {
    expect(await fac.send({ type: 'workshop:set-phase', phase: 'harvest' })).toMatchObject(ok);
    const notes = Object.keys(fac.state.notes);
    const names = ['Leadership for a new wave', 'ศูนย์ข้อมูลเปิดภาครัฐ (open data)', 'Mobility of civil servants', 'Citizen feedback'];
    for (const [i, name] of names.entries())
      expect(await fac.send({ type: 'cluster:create', clusterId: `c${i}`, name, noteIds: notes.slice(i * 2, i * 2 + 2) })).toMatchObject(
        ok,
      );
    expect(
      await fac.send({ type: 'vote:open', voteId: 'v1', kind: 'cluster', budget: 3, per: 'participant', maxPerItem: 2 }),
    ).toMatchObject(ok);
    const picks = [
      ['c0', 'c0', 'c1'],
      ['c0', 'c1', 'c2'],
      ['c1', 'c1', 'c0'],
      ['c0', 'c2', 'c3'],
      ['c0', 'c1'],
      ['c2', 'c2', 'c0'],
      ['c1', 'c3'],
      ['c0'],
    ];
    for (const [i, b] of bots.entries())
      for (const item of picks[i]!) expect(await b.send({ type: 'vote:cast', voteId: 'v1', itemId: item, delta: 1 })).toMatchObject(ok);
    const proj = await newPersonPage(browser, { problems, name: 'projector' });
    // the facilitator's session on this device opens the projector
    await proj.goto(`${srv.url}/w/${ws.workshopId}#k=${encodeURIComponent(ws.facilitatorKey)}`);
    await proj.locator('main h1').first().waitFor();
    await proj.goto(`${srv.url}/w/${ws.workshopId}/projector`);
    await proj.locator('[data-testid="projector"]').waitFor();
    expect(await proj.locator('[data-testid="vote-chart"]').count()).toBe(0); // hidden until the reveal
    expect(await fac.send({ type: 'vote:reveal', voteId: 'v1' })).toMatchObject(ok);
    const rows = proj.locator('[data-testid="vote-chart"] details tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(4);
    // the bars' figures are the tally: c0 has 8 dots
    expect((await rows.first().textContent())?.replace(/\s+/g, '')).toMatch(/^Leadershipforanewwave8/);
    await photograph(proj, '.proj-chart', 'vote-projector', 1);
    await proj.context().close();
  }, 180_000);

  it('the review stances on the review console, light and dark', async () => {
    for (const [i, title] of ['Leadership for a new wave', 'Open data for better services', 'Mobility of civil servants'].entries())
      expect(await fac.send({ type: 'goal:create', goalId: `g${i}`, title, themeId: null, clusterIds: [], noteIds: [] })).toMatchObject(ok);
    expect(await fac.send({ type: 'review:open', deadline: null })).toMatchObject(ok);
    const [th, , ph, , vn] = bots;
    expect(
      await th!.send({ type: 'review:record', goalId: 'g0', stance: 'supports', situation: 'มีหลักสูตรอยู่แล้ว', feasibility: 4 }),
    ).toMatchObject(ok);
    expect(await th!.send({ type: 'review:record', goalId: 'g1', stance: 'amend' })).toMatchObject(ok);
    expect(await ph!.send({ type: 'review:record', goalId: 'g0', stance: 'reservations', needs: 'Funding', feasibility: 2 })).toMatchObject(
      ok,
    );
    expect(await vn!.send({ type: 'review:record', goalId: 'g2', stance: 'na' })).toMatchObject(ok);
    await setUiLanguage(page, 'en');
    const chart = page.locator('[data-testid="review-chart"]');
    await expect
      .poll(async () => (await chart.locator('details tbody tr').last().textContent())?.replace(/\s+/g, ''), { timeout: 15_000 })
      .toBe('Missing2223');
    await photograph(page, '[data-testid="review-chart-card"]', 'review', 1);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(() => localStorage.removeItem('wc:theme'));
    await page.reload();
    await setUiLanguage(page, 'en');
    await page.setViewportSize(DESKTOP);
    const card = page.locator('[data-testid="review-chart-card"]');
    await card.waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(OUT, 'review-en-desktop-dark.png') });
    expect(await axeOnCharts(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);
});
