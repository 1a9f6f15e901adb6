// Issue 16 in a real browser, on the demo workshop (`npm run demo`'s data, served by the real
// server): every screen at 390 px (a phone) and at 200 % zoom (emulated as a 720×450 CSS viewport
// with deviceScaleFactor 2, i.e. a 1440×900 laptop zoomed in), in English and Thai, light and dark,
// without sideways scrolling (toasts included); the delegate's composer on the first phone screen;
// long Thai notes on the desktop canvas that never overlap (bounding boxes checked pairwise); undo
// by keyboard with focus back on the note and a toast that pauses while hovered; in-app dialogs in
// the page's language (any native dialog fails every test: tests/helpers/browser.ts); axe on the
// review cards, the phone board and the print view's report document itself. One server and one
// browser for the file. Screenshots: test-output/e2e/board-first-*.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { ROOT, startServer, tempDataDir, type RunningServer } from '../helpers/server';
import { connect, type Bot } from '../helpers/bots';
import { launchBrowser, newPersonPage, requireBuiltClient, shot, stopE2e } from '../helpers/browser';
import { DESKTOP, PHONE, runAxe, setUiLanguage } from '../helpers/a11y';

interface Demo {
  workshopId: string;
  facilitatorId: string;
  facilitatorKey: string;
  delegate: { participantId: string; name: string; token: string };
}

const PHONE_CTX: BrowserContextOptions = { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
/** 200 % zoom of a 1440×900 laptop: half the CSS pixels, each drawn twice as large. */
const ZOOM_CTX: BrowserContextOptions = { viewport: { width: 720, height: 450 }, deviceScaleFactor: 2 };
const LONG_THAI =
  'ควรจัดตั้งเครือข่ายผู้นำรุ่นใหม่ของอาเซียนเพื่อแลกเปลี่ยนประสบการณ์และพัฒนาทักษะการบริหารภาครัฐ โดยมีพี่เลี้ยงจากทุกประเทศสมาชิกและการประเมินผลร่วมกันทุกปี';

let srv: RunningServer;
let browser: Browser;
let demo: Demo;
let fac: Bot;
const problems: string[] = [];

const link = (token: string, path = '') => `${srv.url}/w/${demo.workshopId}${path}#k=${encodeURIComponent(token)}`;
const connected = (p: Page) =>
  p
    .getByTestId('connection-badge')
    .getByText(/Online|ออนไลน์/)
    .waitFor();

beforeAll(async () => {
  requireBuiltClient();
  const dataDir = tempDataDir('wc-board-first-');
  demo = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', 'server/src/cli/demo.ts', '--data-dir', dataDir, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  ) as Demo;
  srv = await startServer({ dataDir });
  browser = await launchBrowser();
  fac = await connect(srv.url, { token: demo.facilitatorKey, participantId: demo.facilitatorId });
}, 120_000);

afterAll(async () => {
  fac?.close();
  await stopE2e(srv, browser);
});

/** Light or dark, the way the theme toggle leaves it (stored, and on <html data-theme>). */
async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((t) => {
    localStorage.setItem('wc:theme', t);
    document.documentElement.dataset.theme = t;
  }, theme);
}

/** What makes the page wider than the screen: the page itself, or any toast. */
async function sidewaysProblems(page: Page): Promise<string[]> {
  const width = page.viewportSize()!.width;
  return page.evaluate((w) => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > w + 1) {
      const culprits = Array.from(document.querySelectorAll<HTMLElement>('main *, .app-header *'))
        .filter((el) => el.getBoundingClientRect().right > w + 1 && el.checkVisibility())
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      out.push(`page is ${doc.scrollWidth}px wide in ${w}px (${culprits.join(', ')})`);
    }
    const toasts = document.querySelector<HTMLElement>('.toasts');
    if (toasts && toasts.getBoundingClientRect().width > w)
      out.push(`toasts are ${Math.round(toasts.getBoundingClientRect().width)}px wide`);
    return out;
  }, width);
}

/**
 * The screen on a phone and at 200 % zoom, English and Thai, light and dark: nothing scrolls
 * sideways. Each page is already on the screen; `ready` waits for it after a language switch.
 */
async function noSidewaysScroll(pages: Page[], name: string, failures: string[], ready?: (p: Page) => Promise<unknown>): Promise<void> {
  for (const page of pages) {
    const size = `${page.viewportSize()!.width}x${page.viewportSize()!.height}`;
    for (const lang of ['en', 'th'] as const) {
      await setUiLanguage(page, lang);
      if (ready) await ready(page);
      for (const theme of ['light', 'dark'] as const) {
        await setTheme(page, theme);
        for (const p of await sidewaysProblems(page)) failures.push(`${name} [${size} ${lang} ${theme}] ${p}`);
      }
      await shot(page, `board-first-${name}-${size}-${lang}.png`);
    }
    await setTheme(page, 'light');
    await setUiLanguage(page, 'en');
  }
}

async function seriousAxe(page: Page, where: string, failures: string[]): Promise<void> {
  for (const v of await runAxe(page))
    if (v.impact === 'critical' || v.impact === 'serious')
      failures.push(`${where} ${v.impact} ${v.id}: ${v.help} — ${v.targets.join(' | ')}`);
}

const overlapping = (page: Page) =>
  page.evaluate(() => {
    const rects = Array.from(document.querySelectorAll<HTMLElement>('.note.on-canvas')).map((el) => ({
      id: el.dataset.noteId,
      r: el.getBoundingClientRect(),
    }));
    const out: string[] = [];
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!.r;
        const b = rects[j]!.r;
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5)
          out.push(`${rects[i]!.id} × ${rects[j]!.id}`);
      }
    return { count: rects.length, overlaps: out };
  });

describe('board first, on a phone and zoomed in (issue 16)', () => {
  it('review, harvest, café and the open pages: no sideways scroll at 390 px or 200 % zoom; review cards and the report pass axe', async () => {
    const failures: string[] = [];
    const facPhone = await newPersonPage(browser, { problems, name: 'fac-phone', context: PHONE_CTX });
    const facZoom = await newPersonPage(browser, { problems, name: 'fac-zoom', context: ZOOM_CTX });

    // ------------------------------------------------ landing, join, create
    for (const p of [facPhone, facZoom]) await p.goto(srv.url);
    await noSidewaysScroll([facPhone, facZoom], 'landing', failures);
    for (const p of [facPhone, facZoom]) await p.goto(`${srv.url}/new`);
    await noSidewaysScroll([facPhone, facZoom], 'create', failures);

    // ------------------------------------------------ review (the demo ends there): one card per goal
    for (const p of [facPhone, facZoom]) {
      await p.goto(link(demo.facilitatorKey));
      await connected(p);
      await p.getByTestId('review-cards').waitFor();
    }
    expect(await facPhone.locator('table.review-matrix').count()).toBe(0);
    await noSidewaysScroll([facPhone, facZoom], 'review-console', failures);
    for (const lang of ['en', 'th'] as const) {
      await setUiLanguage(facPhone, lang);
      await seriousAxe(facPhone, `review-console [phone ${lang}]`, failures);
    }
    await setUiLanguage(facPhone, 'en');
    // a card's cell opens the same detail as the matrix's
    const firstCell = facPhone.getByTestId('review-cards').locator('.matrix-cell').first();
    await firstCell.click();
    await facPhone.getByTestId('cell-detail').waitFor();
    await expect.poll(() => facPhone.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    expect(await sidewaysProblems(facPhone)).toEqual([]);
    // a wide laptop still gets the matrix
    await facZoom.setViewportSize(DESKTOP);
    await facZoom.locator('table.review-matrix').waitFor();
    await facZoom.setViewportSize(ZOOM_CTX.viewport!);

    // ------------------------------------------------ the print view and its report document
    for (const p of [facPhone, facZoom]) {
      await p.goto(link(demo.facilitatorKey, '/print'));
      await p.locator('iframe').waitFor();
    }
    await noSidewaysScroll([facPhone, facZoom], 'print', failures, (p) => p.locator('iframe').waitFor());
    const report = await facZoom.locator('iframe').getAttribute('srcdoc');
    expect(report).toContain('<main>');
    // axe cannot enter the sandboxed frame: the report's HTML is audited as a page of its own
    const reader = await newPersonPage(browser, { problems, name: 'report', context: { viewport: DESKTOP } });
    await reader.setContent(report!);
    await seriousAxe(reader, 'report document', failures);
    await reader.setViewportSize(PHONE);
    await seriousAxe(reader, 'report document [phone]', failures);
    await reader.context().close();

    // ------------------------------------------------ harvest: every tab; a native-free delete confirmation in Thai
    expect(await fac.send({ type: 'workshop:set-phase', phase: 'harvest' })).toMatchObject({ ok: true });
    for (const p of [facPhone, facZoom]) {
      await p.goto(link(demo.facilitatorKey));
      await connected(p);
    }
    for (const [tab, th] of [
      ['Notes and clusters', 'โน้ตและกลุ่ม'],
      ['Vote', 'ลงคะแนน'],
      [/^Goals/, /^เป้าหมาย/],
    ] as const) {
      for (const p of [facPhone, facZoom]) await p.getByRole('tab', { name: tab }).click();
      await noSidewaysScroll([facPhone, facZoom], `harvest-${String(tab).replace(/\W/g, '')}`, failures, async (p) => {
        const lang = await p.evaluate(() => document.documentElement.lang);
        await p.getByRole('tab', { name: lang === 'th' ? th : tab, selected: true }).waitFor();
      });
    }
    await setUiLanguage(facZoom, 'th');
    await facZoom.getByRole('tab', { name: 'โน้ตและกลุ่ม' }).click();
    const dialog = facZoom.getByTestId('confirm-dialog');
    const menuButton = facZoom.getByTestId('hv-cluster-menu').first().getByRole('button');
    await menuButton.click();
    await facZoom.getByRole('menuitem', { name: 'ลบ' }).click();
    await dialog.getByRole('heading', { name: 'ลบกลุ่มนี้หรือไม่' }).waitFor();
    await dialog.getByRole('button', { name: 'ยกเลิก' }).waitFor();
    await facZoom.keyboard.press('Escape');
    await dialog.getByRole('heading').waitFor({ state: 'detached' });
    // focus is back where it was: the menu's button
    await expect.poll(() => menuButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await setUiLanguage(facZoom, 'en');

    // ------------------------------------------------ café: the console and the projector
    expect(await fac.send({ type: 'workshop:set-phase', phase: 'cafe' })).toMatchObject({ ok: true });
    for (const p of [facPhone, facZoom]) {
      await p.goto(link(demo.facilitatorKey));
      await connected(p);
    }
    await noSidewaysScroll([facPhone, facZoom], 'cafe-console', failures);
    for (const p of [facPhone, facZoom]) {
      await p.goto(link(demo.facilitatorKey, '/projector'));
      await p.getByTestId('projector').waitFor();
    }
    await noSidewaysScroll([facPhone, facZoom], 'projector', failures, (p) => p.getByTestId('projector').waitFor());
    await facPhone.context().close();
    await facZoom.context().close();

    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
  }, 600_000);

  it('the delegate: composer on the first phone screen, notes that never overlap, undo by keyboard', async () => {
    const failures: string[] = [];
    if ((await fac.send({ type: 'workshop:set-phase', phase: 'cafe' })).ok !== true) expect(fac.state.phase).toBe('cafe');
    const phone = await newPersonPage(browser, { problems, name: 'delegate-phone', context: PHONE_CTX });
    await phone.goto(link(demo.delegate.token));
    await connected(phone);
    const composer = phone.getByTestId('composer');
    await composer.waitFor();

    // The composer is on the first screen whatever the scroll; the question stays above the fold.
    const inView = () =>
      phone.evaluate(() => {
        const r = document.querySelector('[data-testid="composer"]')!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight + 1;
      });
    for (const theme of ['light', 'dark'] as const)
      for (const lang of ['en', 'th'] as const) {
        await setUiLanguage(phone, lang);
        await setTheme(phone, theme);
        await phone.evaluate(() => window.scrollTo(0, 0));
        expect(await inView(), `composer at the top [${lang} ${theme}]`).toBe(true);
        expect(await phone.getByTestId('questions').evaluate((el) => el.getBoundingClientRect().top < window.innerHeight / 2)).toBe(true);
        await phone.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        expect(await inView(), `composer at the bottom [${lang} ${theme}]`).toBe(true);
        for (const p of await sidewaysProblems(phone)) failures.push(`board [phone ${lang} ${theme}] ${p}`);
        await seriousAxe(phone, `board [phone ${lang} ${theme}]`, failures);
        await shot(phone, `board-first-board-phone-${lang}-${theme}.png`, false);
      }
    await setTheme(phone, 'light');
    await setUiLanguage(phone, 'en');
    // The phone header's menu: theme, languages, the shortcut sheet and the connection state in words.
    const menuButton = phone.getByTestId('header-menu').getByRole('button', { name: 'Menu' });
    expect(await menuButton.getAttribute('aria-haspopup')).toBe('menu');
    await menuButton.click();
    await phone.getByTestId('header-menu').getByText('Online').waitFor();
    await expect.poll(() => phone.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitemcheckbox');
    await phone.keyboard.press('End');
    expect(await phone.evaluate(() => document.activeElement?.textContent)).toBe('Keyboard shortcuts');
    await phone.keyboard.press('Escape');
    await expect.poll(() => menuButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await menuButton.click();
    await phone.getByRole('menuitemcheckbox', { name: 'Dark mode' }).click();
    await expect.poll(() => phone.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await menuButton.click();
    await phone.getByRole('menuitem', { name: 'Keyboard shortcuts' }).click();
    await phone.getByTestId('shortcut-sheet').getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    await phone.keyboard.press('Escape');
    await setTheme(phone, 'light');
    // People and earlier findings: one line, open on the traveller's first arrival, folded on the next visit.
    const info = phone.getByTestId('table-info');
    expect(await info.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await phone.reload();
    await connected(phone);
    expect(await info.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await info.locator('summary').click();
    await info.getByText('What this table found so far').waitFor();
    // A note written on the phone lands and the composer empties.
    await phone.getByLabel('New note').fill('Phone note: shared e-learning catalogue');
    await phone.getByRole('button', { name: 'Add note' }).click();
    await phone.locator('.note', { hasText: 'Phone note: shared e-learning catalogue' }).waitFor();
    expect(await phone.getByLabel('New note').inputValue()).toBe('');

    // ------------------------------------------------ the desktop canvas: long Thai notes never overlap
    const desk = await newPersonPage(browser, { problems, name: 'delegate-desktop', context: { viewport: DESKTOP } });
    await desk.goto(link(demo.delegate.token));
    await connected(desk);
    // the notes start on the first screen
    expect(
      await desk
        .locator('.note.on-canvas')
        .first()
        .evaluate((el) => el.getBoundingClientRect().top < window.innerHeight - 100),
    ).toBe(true);
    for (let i = 0; i < 4; i++) {
      await desk.getByLabel('New note').fill(`${LONG_THAI} (${i + 1})`);
      await desk.getByRole('button', { name: 'Add note' }).click();
      await desk.locator('.note', { hasText: `(${i + 1})` }).waitFor();
    }
    await expect.poll(async () => (await overlapping(desk)).overlaps).toEqual([]);
    // a note that grows (an edit making it long) pushes the others apart too
    const grown = desk.locator('.note.mine', { hasText: '(1)' });
    await grown.getByRole('button', { name: /^Edit/ }).click();
    await grown.getByLabel('Edit note text').fill(`${LONG_THAI} ${LONG_THAI} (1)`);
    await grown.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await overlapping(desk)).overlaps).toEqual([]);
    expect((await overlapping(desk)).count).toBeGreaterThan(10);
    // every own note's Delete button is really clickable (nothing lies on top of it)
    for (const b of await desk
      .locator('.note.mine')
      .getByRole('button', { name: /^Delete/ })
      .all())
      await b.click({ trial: true });
    await shot(desk, 'board-first-canvas-thai.png', false);

    // ------------------------------------------------ undo by keyboard
    const target = desk.locator('.note.mine', { hasText: '(2)' });
    const noteId = (await target.getAttribute('data-note-id'))!;
    await target.focus();
    await desk.keyboard.press('Delete');
    await target.waitFor({ state: 'detached' });
    const toast = desk.locator('.toast', { hasText: 'Note deleted.' });
    await toast.getByText('Ctrl+Z').waitFor();
    await desk.keyboard.press('Control+z');
    await target.waitFor();
    await expect.poll(() => desk.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.noteId)).toBe(noteId);
    await toast.waitFor({ state: 'detached' });
    // a move is undone too, and the keyboard stays on the note
    const before = await fac
      .until((b) => Boolean(b.state.notes[noteId]))
      .then(() => ({ x: fac.state.notes[noteId]!.x, y: fac.state.notes[noteId]!.y }));
    await desk.keyboard.press('Shift+ArrowRight');
    await fac.until((b) => b.state.notes[noteId]!.x === before.x + 50);
    await desk.keyboard.press('Control+z');
    await fac.until((b) => b.state.notes[noteId]!.x === before.x && b.state.notes[noteId]!.y === before.y);
    await expect.poll(() => desk.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.noteId)).toBe(noteId);
    // the toast (and the delete behind it) waits while the pointer rests on it
    await target.focus();
    await desk.keyboard.press('Delete');
    await toast.hover();
    await desk.waitForTimeout(8_000); // longer than the 6 s undo window
    await toast.getByRole('button', { name: 'Undo' }).waitFor();
    expect(fac.state.notes[noteId]).toBeDefined();
    await toast.getByRole('button', { name: 'Undo' }).click();
    await target.waitFor();
    await expect.poll(() => desk.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.noteId)).toBe(noteId);
    // the "?" sheet lists the shortcut
    await desk.locator('main h1').first().focus();
    await desk.keyboard.press('?');
    await desk.getByTestId('shortcut-sheet').getByText('Undo your last delete or move of a note').waitFor();
    await desk.keyboard.press('Escape');

    await phone.context().close();
    await desk.context().close();
    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
  }, 300_000);
});
