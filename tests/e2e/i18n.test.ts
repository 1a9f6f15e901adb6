// The interface in Khmer and Burmese on a 390×844 phone (issue 18): a delegate picks the language
// in the header's picker on the start page, joins, takes a seat and writes a note; every screen
// is in that language (no English left in the headings and buttons that were checked), <html lang>
// follows, the script's self-hosted font is the one that draws it, and the page neither scrolls
// sideways nor overlaps in the header. Screenshots: test-output/i18n/<lang>-*.png.
// Then the exports: the report in Khmer, Lao and Burmese, as PDF (read back with pdftotext) and as
// Word (converted by LibreOffice, then read back), keeps the notes in those scripts and the
// report's own headings intact. Page images: test-output/i18n/report-*.png.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, type RunningServer } from '../helpers/server';
import { Bot, connect, createWorkshop, join, type CreatedWorkshop } from '../helpers/bots';
import { newPersonPage, startE2e, stopE2e } from '../helpers/browser';
import { PHONE, phoneLayoutProblems } from '../helpers/a11y';
import { km } from '../../client/src/i18n/km';
import { my } from '../../client/src/i18n/my';
import { REPORT_LABELS } from '@world-cafe/shared/export';

const OUT = path.join(ROOT, 'test-output', 'i18n');
const out = (file: string) => path.join(OUT, file);
const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const noSpace = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
/**
 * Letters only: LibreOffice's PDF puts Khmer and Burmese glyph clusters in visual order, so what
 * pdftotext reads back has vowel signs and subscripts moved; the letters keep their order. (The
 * page images show the shaping; Chromium's PDF reads back exactly and is checked with noSpace.)
 */
const letters = (s: string) => s.normalize('NFC').replace(/[\s\p{M}]+/gu, '');

const NOTES = {
  km: 'បង្កើតមូលដ្ឋានទិន្នន័យធនធានមនុស្សរួមសម្រាប់ក្រសួងទាំងអស់',
  lo: 'ຝຶກອົບຮົມທັກສະດິຈິຕອນໃຫ້ພະນັກງານລັດ',
  my: 'နိုင်ငံ့ဝန်ထမ်းများအတွက် ဒစ်ဂျစ်တယ်ကျွမ်းကျင်မှု သင်တန်း',
} as const;

let srv: RunningServer;
let browser: Browser;
let ws: CreatedWorkshop;
let facBot: Bot;
const problems: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  ({ srv: srv, browser: browser } = await startE2e());
  ws = await createWorkshop(srv.url, {
    title: 'ASEAN civil service cooperation',
    delegations: [
      { id: 'kh', name: 'Cambodia', code: 'KH' },
      { id: 'la', name: 'Lao PDR', code: 'LA' },
      { id: 'mm', name: 'Myanmar', code: 'MM' },
    ],
  });
  // still setting up: people pick their own table, and write on its board
  facBot = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
}, 90_000);

afterAll(async () => {
  facBot?.close();
  await stopE2e(srv, browser);
});

/** The fonts the browser actually drew the matching elements' text with (CDP's platform fonts). */
async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const names = new Set<string>();
  for (const nodeId of nodeIds) for (const f of (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts) names.add(f.familyName);
  await cdp.detach();
  return [...names];
}

describe.each([
  { lang: 'km', label: 'ភាសាខ្មែរ', t: km, font: 'Noto Sans Khmer', name: 'Sokha Chan', delegation: 'kh', note: NOTES.km },
  { lang: 'my', label: 'မြန်မာ', t: my, font: 'Noto Sans Myanmar', name: 'Aung Min', delegation: 'mm', note: NOTES.my },
] as const)('the interface in $lang on a phone', ({ lang, label, t, font, name, delegation, note }) => {
  let page: Page;

  it('is chosen in the header picker on the start page, with <html lang> and the script font', async () => {
    page = await newPersonPage(browser, { name, problems, context: { viewport: PHONE, isMobile: true, hasTouch: true } });
    await page.goto(srv.url);
    const picker = page.locator('.app-header').getByRole('combobox', { name: 'Language' });
    // the picker lists every language in its own name
    expect(await picker.locator('option').allTextContents()).toEqual([
      'English',
      'ไทย',
      'Tiếng Việt',
      'Bahasa Indonesia',
      'Bahasa Melayu',
      'Filipino',
      'ភាសាខ្មែរ',
      'ລາວ',
      'မြန်မာ',
    ]);
    await picker.selectOption({ label });
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.getByRole('heading', { name: t.landing.joinHeading }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    expect(await renderedFonts(page, 'main h2')).toContain(font);
    // named in English too, for whoever cannot read the current script
    expect(
      await page
        .locator('.app-header')
        .getByRole('combobox', { name: `${t.lang.label} (Language)` })
        .count(),
    ).toBe(1);
    expect(await phoneLayoutProblems(page)).toEqual([]);
    await page.screenshot({ path: out(`${lang}-landing.png`), fullPage: true });
  });

  it('joins, takes a seat and writes a note, all in that language', async () => {
    await page.goto(`${srv.url}/join/${ws.joinCode}`);
    await page.getByLabel(t.join.nameLabel).fill(name);
    await page.getByLabel(t.join.delegationLabel).selectOption(delegation);
    expect(await phoneLayoutProblems(page)).toEqual([]);
    await page.screenshot({ path: out(`${lang}-join.png`), fullPage: true });
    await page.getByRole('button', { name: t.join.submit }).click();
    await page.getByRole('heading', { level: 1, name: t.seat.title.replace('{{name}}', name) }).waitFor();
    await page.screenshot({ path: out(`${lang}-seat.png`), fullPage: true });
    await page.getByRole('button', { name: t.seat.sitAtLabel.replace('{{table}}', 'Table 1') }).click();

    await page.getByLabel(t.board.newNoteLabel).fill(note);
    await page.getByRole('button', { name: t.board.addNote }).click();
    await page.locator('.note').filter({ hasText: note }).first().waitFor();
    await page.screenshot({ path: out(`${lang}-board.png`), fullPage: true });
    // the count in that language ("{{n}} notes": the other person's note may be on the board too)
    const heading = new RegExp(`^${t.board.notesHeading_other.replace('{{n}}', '\\d+')}$`);
    await page.getByRole('heading', { name: heading }).waitFor();
    // the remembered choice holds across a reload
    await page.reload();
    await page.getByRole('heading', { name: heading }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await page.evaluate(() => document.fonts.ready);
    expect(await renderedFonts(page, '.note, .note *')).toContain(font);
    expect(await phoneLayoutProblems(page)).toEqual([]);
    // nothing on the board is cut off: no element's text wider than its box (long Khmer/Burmese words)
    const clipped = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('main button, main h1, main h2, main label, .app-header *'))
        .filter((el) => {
          const css = getComputedStyle(el);
          // visually hidden text (1px boxes) and deliberate ellipses are not cut-off text
          const meant = el.clientWidth <= 1 || css.textOverflow === 'ellipsis' || css.overflowX === 'auto';
          return el.checkVisibility() && !meant && el.scrollWidth > el.clientWidth + 1;
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 40)}`),
    );
    expect(clipped).toEqual([]);
    await page.screenshot({ path: out(`${lang}-board.png`), fullPage: true });
    await page.context().close();
    expect(problems).toEqual([]);
  });
});

describe('exports in Khmer, Lao and Burmese', () => {
  let profile: string;

  beforeAll(async () => {
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-lo-profile-'));
    const authors = { km: 'kh', lo: 'la', my: 'mm' } as const;
    for (const [lang, delegation] of Object.entries(authors) as [keyof typeof NOTES, string][]) {
      const who = await join(srv.url, ws.joinCode, `Author ${lang}`, delegation);
      const bot = await connect(srv.url, who);
      expect(await bot.send({ type: 'seat:assign', participantId: who.participantId, tableId: 't2' })).toMatchObject({ ok: true });
      expect(
        await bot.send({ type: 'note:create', noteId: `i18n-${lang}`, tableId: 't2', text: NOTES[lang], color: 'blue', x: 10, y: 10 }),
      ).toMatchObject({
        ok: true,
      });
      bot.close();
    }
  }, 90_000);

  afterAll(() => {
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  async function download(format: 'pdf' | 'docx', locale: string): Promise<string> {
    // a fresh connection each time: a kept-alive one may have been closed while LibreOffice ran
    const res = await fetch(`${srv.url}/api/workshops/${ws.workshopId}/export?format=${format}&locale=${locale}`, {
      headers: { authorization: `Bearer ${ws.facilitatorKey}`, connection: 'close' },
    });
    expect(
      res.status,
      await res
        .clone()
        .text()
        .catch(() => ''),
    ).toBe(200);
    const file = out(`report-${locale}.${format}`);
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    return file;
  }

  const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

  it.each(['km', 'lo', 'my'] as const)(
    'the PDF in %s reads back its headings and every script intact',
    async (locale) => {
      const file = await download('pdf', locale);
      const text = noSpace(pdfText(file));
      const L = REPORT_LABELS[locale];
      for (const heading of [L.reportKind, L.contents, L.conversations, L.delegations]) expect(text, heading).toContain(noSpace(heading));
      for (const note of Object.values(NOTES)) expect(text, note).toContain(noSpace(note));
      execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '3', file, out(`report-${locale}-pdf`)]);
    },
    120_000,
  );

  it.each(['km', 'lo', 'my'] as const)(
    'the Word document in %s, opened by LibreOffice, reads back its headings and every script',
    async (locale) => {
      const file = await download('docx', locale);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-docx-'));
      execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        timeout: 120_000,
      });
      const pdf = path.join(dir, `report-${locale}.pdf`);
      fs.copyFileSync(pdf, out(`report-${locale}-docx.pdf`));
      const text = letters(pdfText(pdf));
      const L = REPORT_LABELS[locale];
      for (const heading of [L.reportKind, L.conversations, L.delegations]) expect(text, heading).toContain(letters(heading));
      for (const note of Object.values(NOTES)) expect(text, note).toContain(letters(note));
      // LibreOffice drew them with the script's own font (embedded in the PDF it wrote)
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
      for (const f of ['NotoSansKhmer', 'NotoSansLao', 'NotoSansMyanmar']) expect(fonts, f).toContain(f);
      execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '3', pdf, out(`report-${locale}-docx`)]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    180_000,
  );
});
