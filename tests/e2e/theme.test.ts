// Dark mode (issue 10, item 12): the page follows the system's colour scheme, the toggle overrides
// it and is remembered, and text contrast is AA in both themes on the main screens outside the
// projector (measured in the page: tests/helpers/contrast.ts). Screenshots: test-output/e2e/theme-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { launchBrowser, newPersonPage, requireBuiltClient, shot, stopE2e } from '../helpers/browser';
import { runCli } from '../helpers/cli';
import { type Bot, connect, createWorkshop, join } from '../helpers/bots';
import { measureContrast } from '../helpers/contrast';

let dataDir: string;
let server: RunningServer;
let browser: Browser;
let demo: { workshopId: string; joinCode: string; facilitatorId: string; facilitatorKey: string; delegate: { token: string } };
// a second workshop with the café open and notes of every colour on table 1
let cafe: { workshopId: string; token: string };
const bots: Bot[] = [];
const problems: string[] = [];

beforeAll(async () => {
  requireBuiltClient();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-theme-'));
  const run = runCli('server/src/cli/demo.ts', ['--json'], { DATA_DIR: dataDir });
  expect(run.code, run.stderr).toBe(0);
  demo = JSON.parse(run.stdout);
  server = await startServer({ dataDir });
  browser = await launchBrowser();

  const ws = await createWorkshop(server.url);
  const fac = await connect(server.url, { token: ws.facilitatorKey, participantId: ws.participantId });
  const ann = await connect(server.url, await join(server.url, ws.joinCode, 'Ann'));
  bots.push(fac, ann);
  expect(await fac.send({ type: 'workshop:set-phase', phase: 'cafe' })).toMatchObject({ ok: true });
  expect(await fac.send({ type: 'seat:assign', participantId: ann.participantId, tableId: 't1' })).toMatchObject({ ok: true });
  for (const [i, color] of (['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const).entries())
    expect(
      await ann.send({
        type: 'note:create',
        noteId: `n-${color}`,
        tableId: 't1',
        text: `A ${color} note / โน้ตสี${i}`,
        color,
        x: 20 + 280 * (i % 3),
        y: 20 + 170 * Math.floor(i / 3),
      }),
    ).toMatchObject({ ok: true });
  cafe = { workshopId: ws.workshopId, token: ann.token };
});

afterAll(async () => {
  for (const b of bots) b.close();
  await stopE2e(server, browser);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

interface Screen {
  name: string;
  open: (page: Page) => Promise<void>;
}

const SCREENS: Screen[] = [
  { name: 'landing', open: async (p) => void (await p.goto(`${server.url}/`)) },
  {
    name: 'create-errors',
    open: async (p) => {
      await p.goto(`${server.url}/new`);
      await p.getByRole('button', { name: 'Add a table', exact: true }).click();
      await p.getByRole('button', { name: 'Create workshop' }).click();
      await p.locator('.error-summary').waitFor();
    },
  },
  {
    name: 'join',
    open: async (p) => {
      await p.goto(`${server.url}/join/${demo.joinCode}`);
      await p.locator('main h1').waitFor();
      await p.waitForLoadState('networkidle');
    },
  },
  {
    name: 'facilitator-review',
    open: async (p) => {
      await p.goto(`${server.url}/w/${demo.workshopId}#k=${demo.facilitatorKey}`);
      await p.getByTestId('export-panel').waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'delegate-review',
    open: async (p) => {
      await p.goto(`${server.url}/w/${demo.workshopId}#k=${demo.delegate.token}`);
      await p.locator('main h1').waitFor({ timeout: 30_000 });
      await p.waitForLoadState('networkidle');
    },
  },
  {
    name: 'delegate-board',
    open: async (p) => {
      await p.goto(`${server.url}/w/${cafe.workshopId}/t/t1#k=${cafe.token}`);
      await p.getByText('A purple note').waitFor({ timeout: 30_000 });
    },
  },
];

describe('theme', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`follows a ${scheme} system, and every screen's text meets AA contrast`, async () => {
      const failures: string[] = [];
      for (const screen of SCREENS) {
        // a device of its own per screen, so the facilitator's session does not carry over to the delegate's
        const page = await newPersonPage(browser, { name: `${scheme} ${screen.name}`, problems, context: { colorScheme: scheme } });
        await screen.open(page);
        expect(await theme(page), screen.name).toBe(scheme);
        const report = await measureContrast(page);
        expect(report.checked, screen.name).toBeGreaterThan(5);
        for (const f of report.failures)
          failures.push(`${screen.name}: "${f.text}" (${f.element}) ${f.ratio}:1 < ${f.required}:1, ${f.color} on ${f.background}`);
        console.log(
          `${scheme} ${screen.name}: ${report.checked} text elements checked, ${report.skipped} over images, ${report.failures.length} below AA`,
        );
        await shot(page, `theme-${scheme}-${screen.name}.png`);
        await page.context().close();
      }
      expect(failures).toEqual([]);
    });
  }

  it('the toggle overrides the system, is remembered, and flipping back follows the system again', async () => {
    const page = await newPersonPage(browser, { name: 'toggler', problems, context: { colorScheme: 'dark' } });
    await page.goto(`${server.url}/`);
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    expect(await theme(page)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    await toggle.click();
    expect(await theme(page)).toBe('light');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    expect(await theme(page)).toBe('light');
    expect(await page.evaluate(() => localStorage.getItem('wc:theme'))).toBe('light');

    // back to dark = what the system says: the choice is forgotten
    await page.getByRole('button', { name: 'Dark mode' }).click();
    expect(await theme(page)).toBe('dark');
    expect(await page.evaluate(() => localStorage.getItem('wc:theme'))).toBeNull();
    // and the page follows the system when it changes
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    // the Thai label is the button's name in Thai
    await page
      .locator('.app-header')
      .getByRole('combobox', { name: /Language/ })
      .selectOption('th');
    // Thai is a chunk of its own: wait for it to arrive
    await page.waitForFunction(() => document.documentElement.lang === 'th');
    expect(await page.getByRole('button', { name: 'โหมดมืด' }).count()).toBe(1);
    await page.context().close();
  });

  it('on a phone (390 px) the dark mode switch is in the header menu, checked, and nothing scrolls sideways', async () => {
    const page = await newPersonPage(browser, {
      name: 'phone',
      problems,
      context: { colorScheme: 'dark', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    });
    for (const [name, url] of [
      ['landing', `${server.url}/`],
      ['board', `${server.url}/w/${cafe.workshopId}/t/t1#k=${cafe.token}`],
    ] as const) {
      await page.goto(url);
      if (name === 'board') await page.getByText('A purple note').waitFor({ timeout: 30_000 });
      // issue 16: on a phone the header keeps one menu for the theme, the languages and the `?` sheet
      const menuButton = page.getByTestId('header-menu').getByRole('button', { name: 'Menu' });
      await menuButton.waitFor({ timeout: 30_000 });
      await menuButton.click();
      const item = page.getByRole('menuitemcheckbox', { name: 'Dark mode' });
      await item.waitFor();
      expect(await item.getAttribute('aria-checked'), name).toBe('true');
      const box = (await item.boundingBox())!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
      await shot(page, `theme-dark-phone-${name}.png`, false);
      await page.keyboard.press('Escape');
    }
    await page.context().close();
  });

  // Last, because it moves the demo workshop back from review to the harvest.
  it('the harvest tabs (notes and clusters, vote) meet AA contrast in both themes', async () => {
    const fac = await connect(server.url, { token: demo.facilitatorKey, participantId: demo.facilitatorId });
    bots.push(fac);
    expect(await fac.send({ type: 'workshop:set-phase', phase: 'harvest' })).toMatchObject({ ok: true });
    const failures: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await newPersonPage(browser, { name: `${scheme} harvest`, problems, context: { colorScheme: scheme } });
      await page.goto(`${server.url}/w/${demo.workshopId}#k=${demo.facilitatorKey}`);
      for (const tab of ['board', 'vote'] as const) {
        const button = page.locator(`#hv-tab-${tab}`);
        await button.waitFor({ timeout: 30_000 });
        await button.click();
        await page.locator(`#hv-panel-${tab}`).waitFor();
        expect(await theme(page)).toBe(scheme);
        const report = await measureContrast(page);
        expect(report.checked).toBeGreaterThan(20);
        for (const f of report.failures)
          failures.push(
            `${scheme} harvest ${tab}: "${f.text}" (${f.element}) ${f.ratio}:1 < ${f.required}:1, ${f.color} on ${f.background}`,
          );
        console.log(
          `${scheme} harvest ${tab}: ${report.checked} text elements checked, ${report.skipped} over images, ${report.failures.length} below AA`,
        );
        await shot(page, `theme-${scheme}-harvest-${tab}.png`);
      }
      await page.context().close();
    }
    expect(failures).toEqual([]);
  });

  it('raised no page errors', () => {
    expect(problems).toEqual([]);
  });
});
