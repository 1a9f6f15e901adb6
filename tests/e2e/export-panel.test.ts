// The export panel while a PDF is prepared (issue 10): the pressed button itself shows the work
// (spinner, "Preparing PDF…", aria-busy), keeps focus, and the other buttons wait (aria-disabled);
// in English and Thai. The demo workshop (in review) is served by the real server from its data
// directory and the facilitator opens it with their key. Screenshots: test-output/e2e/export-busy-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { launchBrowser, newPersonPage, outputPath, requireBuiltClient, shot, stopE2e } from '../helpers/browser';
import { runCli } from '../helpers/cli';

let dataDir: string;
let server: RunningServer;
let browser: Browser;
let demo: { workshopId: string; facilitatorKey: string };
const problems: string[] = [];

beforeAll(async () => {
  requireBuiltClient();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-export-panel-'));
  const run = runCli('server/src/cli/demo.ts', ['--json'], { DATA_DIR: dataDir });
  expect(run.code, run.stderr).toBe(0);
  demo = JSON.parse(run.stdout);
  server = await startServer({ dataDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await stopE2e(server, browser);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('export panel', () => {
  it('shows progress on the pressed PDF button, in English and Thai', async () => {
    const page = await newPersonPage(browser, { name: 'facilitator', problems, context: { acceptDownloads: true } });
    await page.goto(`${server.url}/w/${demo.workshopId}#k=${demo.facilitatorKey}`);
    const panel = page.getByTestId('export-panel');
    await panel.waitFor({ timeout: 30_000 });

    for (const [lang, preparing, idle] of [
      ['en', 'Preparing PDF…', 'PDF'],
      ['th', 'กำลังเตรียม PDF…', 'PDF'],
    ] as const) {
      if (lang === 'th') {
        await page
          .locator('.app-header')
          .getByRole('combobox', { name: /Language/ })
          .selectOption('th');
        await page.locator('html[lang="th"]').waitFor();
      }
      await panel.scrollIntoViewIfNeeded();
      const pdf = panel.locator('button[data-format="pdf"]');
      const downloaded = page.waitForEvent('download', { timeout: 90_000 });
      await pdf.click();
      // Chromium prints the report on the server for a few seconds: the button says so meanwhile
      await panel.locator('button[data-format="pdf"][aria-busy="true"]').waitFor({ timeout: 10_000 });
      expect(await pdf.innerText()).toBe(preparing);
      expect(await pdf.locator('.spinner').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-format'))).toBe('pdf');
      for (const other of ['docx', 'md', 'csv', 'json'])
        expect(await panel.locator(`button[data-format="${other}"]`).getAttribute('aria-disabled'), other).toBe('true');
      await shot(page, `export-busy-${lang}.png`, false);

      const file = await downloaded;
      fs.writeFileSync(outputPath(`export-panel-${lang}.pdf`), fs.readFileSync(await file.path()));
      await panel.locator('button[data-format="pdf"]:not([aria-busy])').waitFor();
      expect(await pdf.innerText()).toContain(idle);
      expect(await pdf.getAttribute('aria-disabled')).toBeNull();
      expect(
        fs
          .readFileSync(outputPath(`export-panel-${lang}.pdf`))
          .subarray(0, 4)
          .toString('latin1'),
      ).toBe('%PDF');
    }
    expect(problems).toEqual([]);
  });
});
