// A screen that fails to render does not leave a blank page (issue 10, item 1): the error
// boundary shows a way back and the error reaches the server log. The failure is a real one a
// device can carry: a cached workshop state left corrupt (say, by an older version of the app),
// which the board renders from before the server's snapshot arrives.
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { connect, createWorkshop, join } from '../helpers/bots';
import { launchBrowser, newPersonPage, requireBuiltClient, shot, stopE2e } from '../helpers/browser';

let srv: RunningServer;
let browser: Browser;
const logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  requireBuiltClient();
  srv = await startServer();
  readline.createInterface({ input: srv.proc.stdout! }).on('line', (line) => {
    try {
      logLines.push(JSON.parse(line));
    } catch {
      /* not a log line */
    }
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await stopE2e(srv, browser);
});

describe('a render error', () => {
  it('shows a way back, reports to the server log, and a reload recovers', async () => {
    const ws = await createWorkshop(srv.url);
    const who = await join(srv.url, ws.joinCode, 'Somchai Jaidee', 'th');
    const bot = await connect(srv.url, who);
    expect(await bot.send({ type: 'seat:assign', participantId: who.participantId, tableId: 't1' })).toMatchObject({ ok: true });
    expect(
      await bot.send({ type: 'note:create', noteId: 'n1', tableId: 't1', text: 'ข้อความลับของโต๊ะ', color: 'yellow', x: 0, y: 0 }),
    ).toMatchObject({ ok: true });
    bot.close();

    const problems: string[] = [];
    // React reports an error its boundary caught with console.error: expected here, and only here.
    const page = await newPersonPage(browser, {
      problems,
      name: 'somchai',
      ignoreConsole: /Cannot read properties of null|The above error occurred|error boundary/i,
    });
    await page.goto(`${srv.url}/w/${ws.workshopId}#k=${encodeURIComponent(who.token)}`);
    await page.getByRole('heading', { level: 1, name: 'Table 1' }).waitFor();

    // The cache this device keeps (written a moment after the board shows) is corrupted, then the page is reloaded.
    await page.waitForFunction(([w, p]) => localStorage.getItem(`wc:state:${w}:${p}`) !== null, [
      ws.workshopId,
      who.participantId,
    ] as const);
    await page.evaluate(
      ([w, p]) => {
        const key = `wc:state:${w}:${p}`;
        const cached = JSON.parse(localStorage.getItem(key)!);
        cached.state.participants = null;
        localStorage.setItem(key, JSON.stringify(cached));
      },
      [ws.workshopId, who.participantId] as const,
    );
    await page.reload();
    const fallback = page.getByTestId('error-fallback');
    await fallback.getByRole('heading', { name: 'Something went wrong on this screen' }).waitFor();
    await shot(page, 'crash-fallback.png');
    // The header stays on the crash screen (issue 16): the language switch works there too.
    const picker = page.locator('.app-header').getByRole('combobox', { name: /Language/ });
    await picker.selectOption('th');
    await fallback.getByRole('heading', { name: /เกิดข้อผิดพลาด/ }).waitFor();
    await picker.selectOption('en');
    await fallback.getByRole('heading', { name: 'Something went wrong on this screen' }).waitFor();

    // The server log has the error: its message, stacks and the route name, nothing else.
    await expect.poll(() => logLines.find((l) => l.msg === 'client render error'), { timeout: 10_000 }).toBeTruthy();
    const line = logLines.find((l) => l.msg === 'client render error')!;
    const report = line.clientError as Record<string, string>;
    expect(Object.keys(report).sort()).toEqual(['componentStack', 'message', 'route', 'stack']);
    expect(report.route).toBe('workshop');
    expect(report.message).toMatch(/null/);
    expect(JSON.stringify(line)).not.toContain('ข้อความลับของโต๊ะ');
    expect(JSON.stringify(line)).not.toContain(who.token);

    // The boundary dropped the device's cached state (it may be what broke): reloading fetches
    // the server's snapshot and the board is back. (Queued changes are kept.)
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wc:state:')))).toEqual([]);
    await fallback.getByRole('button', { name: 'Reload the page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Table 1' }).waitFor();
    await page.locator('.note .note-text', { hasText: 'ข้อความลับของโต๊ะ' }).waitFor();
    expect(problems).toEqual([]);
  });
});
