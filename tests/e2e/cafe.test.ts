// The whole café in a real browser: a facilitator creates a workshop, two delegates join by
// code in their own browser contexts, sit at the same table, and one sees the other's Thai
// note appear live. Screenshots land in test-output/e2e/ (gitignored).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { ROOT, startServer, type RunningServer } from '../helpers/server';

const OUT = path.join(ROOT, 'test-output', 'e2e');
const THAI_NOTE = 'พัฒนาศักยภาพข้าราชการ 🇹🇭';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let srv: RunningServer;
let browser: Browser;
const problems: string[] = [];

async function newPage(name: string, opts: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, ...opts });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`[${name}] pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`[${name}] console.error: ${msg.text()}`);
  });
  return page;
}

const shot = (page: Page, file: string, fullPage = true) => page.screenshot({ path: path.join(OUT, file), fullPage });

async function joinAs(page: Page, code: string, name: string, delegation: string) {
  await page.goto(`${srv.url}/join/${code}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Delegation').selectOption({ label: delegation });
  await page.getByRole('button', { name: 'Join the workshop' }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`Welcome, ${name}`) }).waitFor();
  expect(new URL(page.url()).pathname).toMatch(/^\/w\/[A-Za-z0-9_-]+$/);
}

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, 'client', 'dist', 'index.html'))) throw new Error('client/dist is missing: run `npm run build` first');
  srv = await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('World Café in the browser', () => {
  it('runs a café: create, join by code, sit together, see a Thai note live', async () => {
    // ------------------------------------------------------------ facilitator creates
    const fac = await newPage('facilitator');
    await fac.goto(`${srv.url}/`);
    await fac.getByRole('heading', { level: 1, name: 'World Café' }).waitFor();
    await shot(fac, 'landing.png');

    await fac.getByRole('button', { name: 'Create a workshop' }).click();
    await fac.getByLabel('Title').fill('Post-2015 ACCSM Work Plan Café');
    await fac.getByLabel('Purpose (optional)').fill('Draft the 2016–2020 work plan under the ASCC characteristics.');
    await fac.getByLabel('Your name (facilitator)').fill('Maria Santos');
    await fac.getByRole('button', { name: 'Use the five ASCC themes' }).click();
    await fac.getByRole('button', { name: 'One table per theme' }).click();
    expect(await fac.getByLabel('Table name').count()).toBe(5);
    await shot(fac, 'create.png');
    await fac.getByRole('button', { name: 'Create workshop' }).click();

    await fac.getByRole('heading', { level: 1, name: 'Facilitator console' }).waitFor();
    const code = (await fac.getByTestId('join-code').textContent())!.trim();
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(await fac.getByTestId('join-link').inputValue()).toBe(`${srv.url}/join/${code.replace('-', '')}`);
    expect(await fac.getByTestId('personal-link').inputValue()).toMatch(/\/w\/[\w-]+#k=.+/);
    expect(await fac.getByTestId('table-card').count()).toBe(5);
    await fac.getByTestId('connection-badge').getByText('Online').waitFor();

    // ------------------------------------------------------------ two delegates join by code
    const somchai = await newPage('somchai');
    const an = await newPage('an');
    // One types the code as printed (with the dash), the other in lower case without it.
    await joinAs(somchai, code, 'Somchai', 'Thailand (TH)');
    await joinAs(an, code.replace('-', '').toLowerCase(), 'Nguyen Van An', 'Viet Nam (VN)');

    // The facilitator sees them arrive, unseated.
    await fac.getByRole('heading', { name: 'Not seated yet (2)' }).waitFor();

    // Both sit at Table 2.
    for (const p of [somchai, an]) {
      await p.getByRole('button', { name: 'Sit at Table 2' }).click();
      await p.getByRole('heading', { level: 1, name: 'Table 2' }).waitFor();
    }
    await an.locator('.tablemates').getByText('Somchai').waitFor();
    await somchai.locator('.tablemates').getByText('Nguyen Van An').waitFor();
    await fac.getByRole('heading', { name: 'Not seated yet (0)' }).waitFor();

    // ------------------------------------------------------------ a Thai note appears live
    await somchai.getByLabel('New note').fill(THAI_NOTE);
    await somchai.getByRole('button', { name: 'Add note' }).click();
    const seen = an.locator('.note .note-text', { hasText: 'พัฒนา' });
    await seen.waitFor({ timeout: 10_000 });
    expect(await seen.textContent()).toBe(THAI_NOTE);
    expect(await seen.getAttribute('dir')).toBe('auto');
    // Announced to screen readers on the other delegate's screen.
    await expect.poll(() => an.getByTestId('announcer').textContent(), { timeout: 5_000 }).toContain(THAI_NOTE);
    // The note is labelled with its author for assistive tech.
    const noteEl = an.getByRole('article', { name: `Note by Somchai (TH): ${THAI_NOTE}` });
    await noteEl.waitFor();
    // The writer's own copy is confirmed (no longer pending) and nothing stays queued.
    await somchai.locator('.note.pending').waitFor({ state: 'detached' });
    await expect.poll(() => somchai.getByTestId('connection-badge').textContent()).toBe('Online');

    // The facilitator's console counts it live on Table 2.
    const table2 = fac.getByTestId('table-card').filter({ has: fac.getByRole('heading', { name: 'Table 2' }) });
    await table2.getByTestId('note-count').getByText('1 note').waitFor();
    await table2.getByText('Somchai', { exact: true }).waitFor();

    // ------------------------------------------------------------ keyboard: arrows move a note for everyone
    const mine = somchai.getByRole('article', { name: new RegExp(`^Note by Somchai`) });
    const before = await mine.evaluate((el) => (el as HTMLElement).style.transform);
    await mine.focus();
    await somchai.keyboard.press('ArrowRight');
    await somchai.keyboard.press('Shift+ArrowDown');
    const after = await mine.evaluate((el) => (el as HTMLElement).style.transform);
    expect(after).not.toBe(before);
    await expect.poll(() => noteEl.evaluate((el) => (el as HTMLElement).style.transform), { timeout: 5_000 }).toBe(after);

    await shot(somchai, 'board-somchai.png');
    await shot(an, 'board-an.png');
    await shot(fac, 'console.png');

    // The facilitator can open any table's board.
    await table2.getByRole('button', { name: 'Open the board of Table 2' }).click();
    await fac.getByRole('heading', { level: 1, name: 'Table 2' }).waitFor();
    await fac.locator('.note .note-text', { hasText: 'พัฒนา' }).waitFor();
    await shot(fac, 'board-facilitator.png');
    await fac.getByRole('button', { name: /Back to the console/ }).click();
    await fac.getByRole('heading', { level: 1, name: 'Facilitator console' }).waitFor();

    // ------------------------------------------------------------ phone: a personal link resumes on another device
    const link = await an.getByTestId('personal-link').inputValue();
    expect(link).toContain('#k=');
    const phone = await newPage('an-phone', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await phone.goto(link);
    await phone.getByRole('heading', { level: 1, name: 'Table 2' }).waitFor();
    const phoneNote = phone.locator('.note-list .note .note-text');
    await phoneNote.first().waitFor();
    expect(await phoneNote.first().textContent()).toBe(THAI_NOTE);
    expect(await phone.locator('.canvas').count()).toBe(0);
    expect(phone.url()).not.toContain('#k=');
    await shot(phone, 'board-phone.png');

    // The phone writes; the laptop of the same person and the tablemate both see it.
    await phone.getByLabel('New note').fill('Mobile note: ข้อเสนอจากเวียดนาม');
    await phone.getByRole('button', { name: 'Add note' }).click();
    await somchai.locator('.note .note-text', { hasText: 'Mobile note' }).waitFor();
    await an.locator('.note .note-text', { hasText: 'Mobile note' }).waitFor();
    await shot(phone, 'board-phone-2.png');

    // ------------------------------------------------------------ Thai UI
    await somchai.getByRole('button', { name: 'ไทย' }).click();
    expect(await somchai.locator('html').getAttribute('lang')).toBe('th');
    await somchai.getByRole('button', { name: 'เพิ่มโน้ต' }).waitFor();
    await somchai.getByTestId('connection-badge').getByText('ออนไลน์').waitFor();
    await somchai.getByText('ที่โต๊ะนี้:').waitFor();
    await shot(somchai, 'board-thai.png');
    // The choice and the session survive a reload.
    await somchai.reload();
    await somchai.getByRole('button', { name: 'เพิ่มโน้ต' }).waitFor();
    await somchai.locator('.note .note-text', { hasText: 'พัฒนา' }).waitFor();

    await fac.getByRole('button', { name: 'ไทย' }).click();
    await fac.getByRole('heading', { level: 1, name: 'หน้าควบคุมของผู้ดำเนินการ' }).waitFor();
    await shot(fac, 'console-thai.png');
    await fac.getByRole('button', { name: 'English' }).click();

    // ------------------------------------------------------------ the facilitator opens the café
    await fac.getByRole('button', { name: 'Open the café' }).click();
    await an.locator('.phase-tag', { hasText: 'Café open' }).waitFor();

    expect(problems).toEqual([]);
  });
});
