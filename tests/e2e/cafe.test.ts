// The whole café in a real browser: a facilitator creates a workshop, two delegates join by
// code in their own browser contexts, sit at the same table, and one sees the other's Thai
// note appear live. Screenshots land in test-output/e2e/ (gitignored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { type RunningServer } from '../helpers/server';
import { OFFLINE_ERRORS, joinInBrowser, newPersonPage, shot, watchPage, startE2e, stopE2e } from '../helpers/browser';

const THAI_NOTE = 'พัฒนาศักยภาพข้าราชการ 🇹🇭';

let srv: RunningServer;
let browser: Browser;
const problems: string[] = [];
// Requests failing while the test has the browser offline are expected.
const WATCH = { problems, ignoreConsole: OFFLINE_ERRORS };
const watch = (page: Page, name: string) => watchPage(page, name, WATCH);
const newPage = (name: string, context?: BrowserContextOptions) => newPersonPage(browser, { ...WATCH, name, context });

async function joinAs(page: Page, code: string, name: string, delegation: string, screenshots = false) {
  await joinInBrowser(page, srv.url, code, name, delegation, screenshots ? { form: 'join.png', welcome: 'seat-picker.png' } : {});
  expect(new URL(page.url()).pathname).toMatch(/^\/w\/[A-Za-z0-9_-]+$/);
}

beforeAll(async () => {
  ({ srv: srv, browser: browser } = await startE2e());
});

afterAll(async () => {
  await stopE2e(srv, browser);
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
    let somchai = await newPage('somchai');
    const an = await newPage('an');
    // One types the code as printed (with the dash), the other in lower case without it.
    await joinAs(somchai, code, 'Somchai', 'Thailand (TH)', true);
    await joinAs(an, code.replace('-', '').toLowerCase(), 'Nguyen Van An', 'Viet Nam (VN)');

    // The facilitator sees them arrive, unseated.
    await fac.getByRole('heading', { name: 'Not seated yet (2)' }).waitFor();

    // Both sit at Table 2.
    for (const p of [somchai, an]) {
      await p.getByRole('button', { name: 'Sit here: Table 2' }).click();
      await p.getByRole('heading', { level: 1, name: 'Table 2' }).waitFor();
    }
    // who sits here folds into one line above the board (issue 16): open it to see the names
    for (const p of [an, somchai]) await p.getByTestId('table-info').locator('summary').click();
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
    // user text is isolated: its direction cannot reorder what is around it (plaintext isolates too)
    expect(['isolate', 'plaintext']).toContain(await seen.evaluate((el) => getComputedStyle(el).unicodeBidi));
    const names = an.locator('span[dir="auto"]').first();
    expect(await names.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
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
    await table2.getByRole('button', { name: 'Open board: Table 2' }).click();
    await fac.getByRole('heading', { level: 1, name: 'Table 2' }).waitFor();
    await fac.locator('.note .note-text', { hasText: 'พัฒนา' }).waitFor();
    await shot(fac, 'board-facilitator.png');
    await fac.getByRole('button', { name: /Back to the console/ }).click();
    await fac.getByRole('heading', { level: 1, name: 'Facilitator console' }).waitFor();

    // ------------------------------------------------------------ phone: a personal link resumes on another device
    const link = await an.getByTestId('personal-link').inputValue();
    expect(link).toContain('#k=');
    const phone = await newPage('an-phone', {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
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

    // ------------------------------------------------------------ offline: queued, kept across a reload, then sent
    const somchaiPath = new URL(somchai.url()).pathname;
    const somchaiCtx = somchai.context();
    await somchaiCtx.setOffline(true);
    await somchai.getByTestId('connection-badge').getByText('Offline').waitFor();
    await somchai.getByLabel('New note').fill('Written offline');
    await somchai.getByRole('button', { name: 'Add note' }).click();
    await somchai.getByTestId('connection-badge').getByText('1 note not sent yet').waitFor();
    await somchai.locator('.note.pending', { hasText: 'Written offline' }).getByText('Not sent yet').waitFor();
    await shot(somchai, 'board-offline.png');
    await somchai.close();
    await somchaiCtx.setOffline(false);
    expect(await an.locator('.note .note-text', { hasText: 'Written offline' }).count()).toBe(0);
    somchai = watch(await somchaiCtx.newPage(), 'somchai-reloaded');
    await somchai.goto(`${srv.url}${somchaiPath}`);
    await an.locator('.note .note-text', { hasText: 'Written offline' }).waitFor({ timeout: 10_000 });
    await somchai.locator('.note:not(.pending) .note-text', { hasText: 'Written offline' }).waitFor();
    await expect.poll(() => somchai.getByTestId('connection-badge').textContent()).toBe('Online');
    // Exactly once, although it was queued, persisted and sent after a reload.
    expect(await an.locator('.note .note-text', { hasText: 'Written offline' }).count()).toBe(1);

    // ------------------------------------------------------------ keyboard edit and delete, pointer drag
    const offlineNote = somchai.getByRole('article', { name: 'Note by Somchai (TH): Written offline' });
    await offlineNote.focus();
    await somchai.keyboard.press('Enter');
    const editor = somchai.getByLabel('Edit note text');
    await editor.waitFor();
    expect(await editor.evaluate((el) => el === document.activeElement)).toBe(true);
    await editor.fill('Written offline, then edited');
    await somchai.keyboard.press('Control+Enter');
    await an.locator('.note .note-text', { hasText: 'Written offline, then edited' }).waitFor();

    const edited = somchai.getByRole('article', { name: 'Note by Somchai (TH): Written offline, then edited' });
    const box = (await edited.boundingBox())!;
    await somchai.mouse.move(box.x + 30, box.y + 10);
    await somchai.mouse.down();
    await somchai.mouse.move(box.x + 130, box.y + 90, { steps: 6 });
    await somchai.mouse.up();
    const dragged = await edited.evaluate((el) => (el as HTMLElement).style.transform);
    const onAn = an.getByRole('article', { name: 'Note by Somchai (TH): Written offline, then edited' });
    await expect.poll(() => onAn.evaluate((el) => (el as HTMLElement).style.transform), { timeout: 5_000 }).toBe(dragged);

    // Delete offers Undo for a few seconds; the tablemate sees the note go once that has passed.
    await edited.focus();
    await somchai.keyboard.press('Delete');
    await edited.waitFor({ state: 'detached' });
    await somchai.locator('.toast', { hasText: 'Note deleted.' }).getByRole('button', { name: 'Undo' }).waitFor();
    await onAn.waitFor({ state: 'detached', timeout: 20_000 });

    // ------------------------------------------------------------ the facilitator adds a table
    await fac.getByText('Add a table', { exact: true }).click();
    await fac.getByLabel('Table name').fill('Table 6: ASEAN Secretariat');
    await fac.getByLabel('Guiding question').fill('Where can plans be joined up across countries?');
    await fac.getByRole('button', { name: 'Add table', exact: true }).click();
    await fac.getByRole('heading', { name: 'Table 6: ASEAN Secretariat' }).waitFor();
    expect(await fac.getByTestId('table-card').count()).toBe(6);

    // ------------------------------------------------------------ Thai UI
    await somchai
      .locator('.app-header')
      .getByRole('combobox', { name: /Language/ })
      .selectOption('th');
    await somchai.waitForFunction(() => document.documentElement.lang === 'th');
    await somchai.getByRole('button', { name: 'เพิ่มโน้ต' }).waitFor();
    await somchai.getByTestId('connection-badge').getByText('ออนไลน์').waitFor();
    await somchai.locator('.table-info-line', { hasText: 'ที่โต๊ะนี้' }).waitFor();
    await shot(somchai, 'board-thai.png');
    // The choice and the session survive a reload.
    await somchai.reload();
    await somchai.getByRole('button', { name: 'เพิ่มโน้ต' }).waitFor();
    await somchai.locator('.note .note-text', { hasText: 'พัฒนา' }).waitFor();

    await fac
      .locator('.app-header')
      .getByRole('combobox', { name: /Language/ })
      .selectOption('th');
    await fac.getByRole('heading', { level: 1, name: 'หน้าควบคุมของผู้ดำเนินการ' }).waitFor();
    await shot(fac, 'console-thai.png');
    await fac
      .locator('.app-header')
      .getByRole('combobox', { name: /Language/ })
      .selectOption('en');

    // ------------------------------------------------------------ the facilitator opens the café
    await fac.getByRole('button', { name: 'Open the café' }).click();
    await an.locator('.phase-tag', { hasText: 'Café open' }).waitFor();
    // Once the café runs, delegates no longer choose their own table.
    await an.getByRole('button', { name: 'Change table' }).waitFor({ state: 'detached' });

    // The facilitator moves Somchai to Table 3 (keyboard-operable select + button).
    const move = fac.getByLabel('Seat for Somchai');
    await move.selectOption({ label: 'Table 3' });
    await move.locator('xpath=..').getByRole('button', { name: 'Move' }).click();
    await somchai.getByRole('heading', { level: 1, name: 'Table 3' }).waitFor();
    await somchai.locator('.note').first().waitFor({ state: 'detached' });
    const table3 = fac.getByTestId('table-card').filter({ has: fac.getByRole('heading', { name: 'Table 3' }) });
    await table3.getByText('Somchai', { exact: true }).waitFor();

    // ------------------------------------------------------------ a queued change the server refuses is dropped, with a message
    const phoneCtx = phone.context();
    await phoneCtx.setOffline(true);
    await phone.getByTestId('connection-badge').getByText('Offline').waitFor();
    await phone.getByLabel('New note').fill('Will be refused');
    await phone.getByRole('button', { name: 'Add note' }).click();
    await phone.getByTestId('connection-badge').getByText('1 note not sent yet').waitFor();
    // Meanwhile the facilitator makes An an observer.
    const role = fac.getByLabel('Role of Nguyen Van An');
    await role.selectOption({ label: 'Observer' });
    await role.locator('xpath=..').getByRole('button', { name: 'Set role' }).click();
    await an.getByText('You are observing: you can read the notes but not write.').waitFor();
    await phoneCtx.setOffline(false);
    await phone.getByText('Your new note was not saved: You are not allowed to do that.').waitFor({ timeout: 10_000 });
    await phone.locator('.note-text', { hasText: 'Will be refused' }).waitFor({ state: 'detached' });
    await expect.poll(() => phone.getByTestId('connection-badge').textContent()).toBe('Online');
    await shot(phone, 'board-phone-refused.png', false);
    await shot(fac, 'console-cafe.png');

    expect(problems).toEqual([]);
  });
});
