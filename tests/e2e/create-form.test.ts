// The create form's errors (issue 10, item 13): each wrong field is marked (aria-invalid) and
// described by its own message (aria-describedby), the summary gets focus and its entries are
// links that move focus to their field; fixing a field clears its mark. English and Thai, desktop
// and phone. Screenshots: test-output/e2e/create-errors-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { type RunningServer } from '../helpers/server';
import { newPersonPage, shot, startE2e, stopE2e } from '../helpers/browser';

let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  ({ srv: server, browser: browser } = await startE2e());
});

afterAll(async () => {
  await stopE2e(server, browser);
});

/** The message an element's aria-describedby points at. */
const description = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    return (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? `<missing #${id}>`)
      .join(' ');
  }, selector);

const active = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

const CASES = [
  {
    lang: 'en',
    viewport: { width: 1280, height: 900 },
    addTheme: 'Add a theme',
    addTable: 'Add a table',
    summary: 'Please fix the following',
    title: 'Give the workshop a title.',
    name: 'Type your name.',
    theme: 'Theme 1 needs a name (or remove it).',
    seats: 'Table 1: seats must be between 1 and',
    submit: 'Create workshop',
  },
  {
    lang: 'th',
    viewport: { width: 390, height: 844 },
    addTheme: 'เพิ่มประเด็น',
    addTable: 'เพิ่มโต๊ะ',
    summary: 'โปรดแก้ไขรายการต่อไปนี้',
    title: 'ตั้งชื่อเวิร์กช็อป',
    name: 'พิมพ์ชื่อของคุณ',
    theme: 'ประเด็นที่ 1 ต้องมีชื่อ (หรือลบออก)',
    seats: 'โต๊ะที่ 1: จำนวนที่นั่งต้องอยู่ระหว่าง 1 ถึง',
    submit: 'สร้างเวิร์กช็อป',
  },
] as const;

describe('create form errors', () => {
  for (const c of CASES) {
    it(`${c.lang} (${c.viewport.width}px): fields marked and described, the summary links to them`, async () => {
      const page = await newPersonPage(browser, {
        name: `facilitator-${c.lang}`,
        problems,
        context: { locale: c.lang === 'th' ? 'th-TH' : 'en-US', viewport: c.viewport },
      });
      await page.addInitScript((lang) => localStorage.setItem('wc:lang', lang), c.lang);
      await page.goto(`${server.url}/new`);
      await page.getByRole('button', { name: c.addTheme, exact: true }).click();
      await page.getByRole('button', { name: c.addTable, exact: true }).click();
      const seats = page.locator('.table-draft input[type="number"]').first();
      await seats.fill('0');
      await page.getByRole('button', { name: c.submit }).click();

      // focus on the summary, which lists every problem
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
      expect(await summary.getByRole('heading').innerText()).toBe(c.summary);
      const links = summary.getByRole('link');
      expect(await links.allInnerTexts()).toEqual([c.title, c.name, c.theme, expect.stringContaining(c.seats)]);

      // each field is marked and described by its own message
      const title = page.locator('input[name="title"]');
      const themeInput = page.locator('.edit-list input').first();
      expect(await title.getAttribute('aria-invalid')).toBe('true');
      expect(await description(page, 'input[name="title"]')).toBe(c.title);
      expect(await description(page, 'input[name="facilitatorName"]')).toBe(c.name);
      expect(await themeInput.getAttribute('aria-invalid')).toBe('true');
      expect(await description(page, '.edit-list input')).toBe(c.theme);
      expect(await seats.getAttribute('aria-invalid')).toBe('true');
      expect(await description(page, '.table-draft input[type="number"]')).toContain(c.seats);
      // valid fields are not marked
      expect(await page.locator('.table-draft input').first().getAttribute('aria-invalid')).toBeNull();
      await shot(page, `create-errors-${c.lang}.png`);

      // a summary link moves focus to its field, by keyboard too
      await links.nth(2).click();
      expect(await active(page)).toBe(await themeInput.getAttribute('id'));
      await summary.getByRole('link').nth(3).focus();
      await page.keyboard.press('Enter');
      expect(await active(page)).toBe(await seats.getAttribute('id'));

      // fixing a field clears its mark and its entry; the others stay
      await title.fill('ACCSM preparatory meeting');
      expect(await title.getAttribute('aria-invalid')).toBeNull();
      expect(await title.getAttribute('aria-describedby')).toBeNull();
      expect(await links.allInnerTexts()).toEqual([c.name, c.theme, expect.stringContaining(c.seats)]);
      await page.context().close();
    });
  }

  it('raised no page errors', () => {
    expect(problems).toEqual([]);
  });
});
