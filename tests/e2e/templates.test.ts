// Templates in Chromium (issue 17): a facilitator signs in with a passkey (the browser's virtual
// authenticator), creates a workshop from the ACCSM built-in (the create form filled, edited,
// created with the template's rounds), sees it on the home page, saves it as a template, exports
// it as JSON, imports it back (and a broken file is refused naming the field), and starts a new
// workshop from the imported template. The home page on a 390 px phone: no sideways scroll.
// Screenshots: test-output/e2e/templates-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { type TemplateSetup, builtinTemplate, parseTemplateFile } from '@world-cafe/shared';
import { startServer, type RunningServer } from '../helpers/server';
import { launchBrowser, newPersonPage, requireBuiltClient, shot, stopE2e } from '../helpers/browser';
import { axeSerious, PHONE } from '../helpers/a11y';
import { virtualAuthenticator } from '../helpers/webauthn';

let server: RunningServer;
let browser: Browser;
/** WebAuthn refuses IP addresses as relying party: the browser uses localhost. */
let base: string;
const problems: string[] = [];
const accsm = builtinTemplate('builtin-accsm')!.setup;

beforeAll(async () => {
  requireBuiltClient();
  server = await startServer();
  base = `http://localhost:${server.port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await stopE2e(server, browser);
});

/** The page is no wider than its viewport (nothing scrolls sideways). */
async function noSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, 'page wider than the screen').toBeLessThanOrEqual(client);
}

/** The setup of a workshop of the signed-in account, read over HTTP with the page's own cookie. */
async function setupOf(page: Page, workshopId: string) {
  const res = await page.context().request.get(`${base}/api/me/templates/from-workshop/${workshopId}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { title: string; setup: TemplateSetup }).setup;
}

/** Creates the workshop the form holds and returns its id (the console opens). */
async function createFromForm(page: Page) {
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByRole('heading', { level: 1, name: 'Facilitator console' }).waitFor();
  return new URL(page.url()).pathname.split('/')[2]!;
}

describe('templates', () => {
  it('ACCSM built-in → workshop → home → save as template → export → import → a new workshop from it; phone layout', async () => {
    const page = await newPersonPage(browser, { problems, name: 'laptop' });
    await virtualAuthenticator(page);
    await page.goto(`${base}/home`);
    await page.getByLabel('Your name').fill('Maria Santos');
    await page.getByRole('button', { name: 'Create an account with a passkey' }).click();
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('Signed in as Maria Santos').waitFor();

    // ---------------------------------------------------------------- the ACCSM built-in fills the create form
    const templates = page.getByRole('region', { name: 'Templates' });
    await templates.getByRole('heading', { name: 'Ready-made templates' }).waitFor();
    await templates.getByText('No saved templates yet.', { exact: false }).waitFor();
    const builtin = templates.locator('[data-template="builtin-accsm"]');
    expect(await builtin.textContent()).toContain('Tables: 5 · Delegations: 11 · Rounds: 3');
    await builtin.getByRole('link', { name: 'Use this template ACCSM preparatory café' }).click();
    await page.getByText('Filled in from “ACCSM preparatory café”.', { exact: false }).waitFor();
    expect(new URL(page.url()).search).toBe('?template=builtin-accsm');
    expect(await page.getByLabel('Title').inputValue()).toBe('Preparatory café of the ACCSM');
    expect(await page.locator('.table-draft').count()).toBe(5);
    expect(await page.getByLabel('Number of rounds').inputValue()).toBe('3');
    expect(await page.getByLabel('Minutes per round').inputValue()).toBe('30');
    expect(await page.getByLabel('Question of round 1 (optional)').inputValue()).toBe(accsm.cafe.roundQuestions[0]);
    expect(await page.getByRole('checkbox', { name: /ASEAN Secretariat/ }).isChecked()).toBe(true);
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, 'templates-create-from-accsm.png');
    // edit before creating: a title of this year's meeting, four rounds with a fourth question
    await page.getByLabel('Title').fill('Preparatory café of the 19th ACCSM');
    await page.getByLabel('Your name (facilitator)').fill('Maria Santos');
    await page.getByLabel('Number of rounds').fill('4');
    await page.getByLabel('Question of round 4 (optional)').fill('What will each delegation take home to review?');
    const first = await createFromForm(page);
    const created = await setupOf(page, first);
    expect(created.cafe).toEqual({
      ...accsm.cafe,
      rounds: 4,
      roundQuestions: [...accsm.cafe.roundQuestions, 'What will each delegation take home to review?'],
    });
    expect(created.tables).toEqual(accsm.tables);
    expect(created.delegations.map((d) => d.code).sort()).toEqual(accsm.delegations.map((d) => d.code).sort());

    // ---------------------------------------------------------------- on the home page; save as template
    await page.goto(`${base}/home`);
    const item = page.locator(`[data-workshop="${first}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('Preparatory café of the 19th ACCSM');
    await item.getByRole('button', { name: 'Save as template Preparatory café of the 19th ACCSM' }).click();
    expect(await item.getByLabel('Template name').inputValue()).toBe('Preparatory café of the 19th ACCSM');
    await item.getByLabel('Template name').fill('ACCSM café 2027');
    await item.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Saved as the template “ACCSM café 2027”.').waitFor();
    const saved = templates.locator('.template-card', { hasText: 'ACCSM café 2027' });
    await saved.waitFor();
    expect(await saved.textContent()).toContain('Tables: 5 · Delegations: 11 · Rounds: 4');
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, 'templates-home.png');

    // ---------------------------------------------------------------- export as JSON
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      saved.getByRole('button', { name: 'Export (JSON) ACCSM café 2027' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ACCSM café 2027.template.json');
    const text = fs.readFileSync(await download.path(), 'utf8');
    const exported = parseTemplateFile(text);
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(exported.file.setup).toEqual(created);
    // setup only: nobody's name is in the file
    expect(text).not.toContain('Maria Santos');

    // ---------------------------------------------------------------- import: a broken file names its field, then the real one
    const fileInput = templates.getByLabel('Import a template file (JSON)');
    const broken = { ...exported.file, setup: { ...exported.file.setup, tables: [{ ...exported.file.setup.tables[0], capacity: 0 }] } };
    await fileInput.setInputFiles({
      name: 'broken.template.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await templates
      .getByRole('alert')
      .getByText('This template file has a problem in: setup.tables.0.capacity', { exact: false })
      .waitFor();
    await fileInput.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"notes": []}') });
    await templates.getByRole('alert').getByText('This is not a template file.', { exact: false }).waitFor();
    const renamedFile = JSON.stringify({ ...exported.file, name: 'ACCSM café (imported)' });
    await fileInput.setInputFiles({ name: 'accsm.template.json', mimeType: 'application/json', buffer: Buffer.from(renamedFile) });
    await page.getByText('Template “ACCSM café (imported)” imported.').waitFor();
    const imported = templates.locator('.template-card', { hasText: 'ACCSM café (imported)' });
    await imported.waitFor();
    expect(await templates.getByRole('alert').count()).toBe(0);

    // rename the original from the list
    await saved.getByRole('button', { name: 'Rename ACCSM café 2027' }).click();
    await saved.getByLabel('New name for “ACCSM café 2027”').fill('ACCSM café, as run in 2027');
    await saved.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Template renamed to “ACCSM café, as run in 2027”.').waitFor();

    // ---------------------------------------------------------------- a new workshop from the imported template
    await imported.getByRole('link', { name: 'Use this template ACCSM café (imported)' }).click();
    await page.getByText('Filled in from “ACCSM café (imported)”.', { exact: false }).waitFor();
    expect(await page.getByLabel('Number of rounds').inputValue()).toBe('4');
    await page.getByLabel('Title').fill('Preparatory café of the 20th ACCSM');
    await page.getByLabel('Your name (facilitator)').fill('Maria Santos');
    const second = await createFromForm(page);
    expect(await setupOf(page, second)).toEqual(created);

    // the create form's own "Start from": a past workshop fills it too
    await page.goto(`${base}/new`);
    const startFrom = page.locator('details.start-from');
    expect(await startFrom.getAttribute('open')).not.toBeNull();
    await startFrom.getByLabel('Workshop').selectOption({ label: 'Preparatory café of the 19th ACCSM' });
    await startFrom.getByRole('button', { name: 'Use its setup' }).click();
    await page.getByText('Filled in from “Preparatory café of the 19th ACCSM”.', { exact: false }).waitFor();
    expect(await page.getByLabel('Question of round 4 (optional)').inputValue()).toBe('What will each delegation take home to review?');

    // and from the home page: "New workshop like this" on a workshop
    await page.goto(`${base}/home`);
    for (const id of [first, second]) await page.locator(`[data-workshop="${id}"]`).waitFor();
    await page
      .locator(`[data-workshop="${second}"]`)
      .getByRole('button', { name: 'New workshop like this Preparatory café of the 20th ACCSM' })
      .click();
    await page.getByText('Filled in from “Preparatory café of the 20th ACCSM”.', { exact: false }).waitFor();
    expect(new URL(page.url()).search).toBe(`?workshop=${second}`);
    expect(await page.getByLabel('Title').inputValue()).toBe('Preparatory café of the 20th ACCSM');
    await page.goto(`${base}/home`);

    // ---------------------------------------------------------------- a 390 px phone in Thai, signed in as the same account
    const phone = await newPersonPage(browser, {
      problems,
      name: 'phone',
      context: { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'th-TH' },
    });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(`${base}/home`);
    await phone.locator(`[data-workshop="${second}"]`).waitFor();
    const phoneTemplates = phone.getByRole('region', { name: 'แม่แบบ' });
    await phoneTemplates.locator('.template-card', { hasText: 'ACCSM café (imported)' }).waitFor();
    // the built-ins' names and descriptions in the interface language
    const thaiBuiltin = phoneTemplates.locator('[data-template="builtin-accsm"]');
    expect(await thaiBuiltin.getByRole('heading').textContent()).toBe('คาเฟ่เตรียมการ ACCSM');
    expect(await thaiBuiltin.textContent()).toContain('โต๊ะ: 5 · คณะผู้แทน: 11 · รอบ: 3');
    await noSidewaysScroll(phone);
    expect(await axeSerious(phone)).toEqual([]);
    await shot(phone, 'templates-home-phone.png');
    await phone
      .locator(`[data-workshop="${second}"]`)
      .getByRole('button', { name: /^บันทึกเป็นแม่แบบ/ })
      .click();
    await noSidewaysScroll(phone);
    await shot(phone, 'templates-save-as-phone.png', false);
    await phone.goto(`${base}/new?template=builtin-accsm`);
    await phone.getByText('กรอกข้อมูลจาก “คาเฟ่เตรียมการ ACCSM” แล้ว', { exact: false }).waitFor();
    await noSidewaysScroll(phone);
    await shot(phone, 'templates-create-phone.png');

    // the home page asks "am I signed in?" before the account exists: that one 401 is expected
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });
});
