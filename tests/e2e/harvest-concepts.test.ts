// Notes placed in the reader's language (issue 18, item 2): harvest notes written in Khmer,
// English, Thai, Indonesian and Burmese typed in Zawgyi show what they are about as chips in
// the reader's interface language, and the topic filter finds the notes about one topic in
// every language. Screenshots (desktop English, phone Thai) land in test-output/e2e/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { type RunningServer } from '../helpers/server';
import { connect, createWorkshop, join, type Bot } from '../helpers/bots';
import { OFFLINE_ERRORS, newPersonPage, shot, startE2e, stopE2e } from '../helpers/browser';

let srv: RunningServer;
let browser: Browser;
const problems: string[] = [];
const bots: Bot[] = [];
const WATCH = { problems, ignoreConsole: OFFLINE_ERRORS };
const newPage = (name: string, context?: BrowserContextOptions) => newPersonPage(browser, { ...WATCH, name, context });

beforeAll(async () => {
  ({ srv: srv, browser: browser } = await startE2e());
});

afterAll(async () => {
  for (const b of bots) b.close();
  await stopE2e(srv, browser);
});

const NOTES = {
  km: 'ត្រៀមលក្ខណៈស្ថាប័នរដ្ឋ ដើម្បីឆ្លើយតបនឹងគ្រោះមហន្តរាយ', // agencies ready to respond to disasters
  en: 'Business continuity of public services during floods',
  th: 'อบรมข้าราชการด้านภาวะผู้นำ',
  id: 'Mal Pelayanan Publik: semua izin di satu gedung',
  myZawgyi: 'ဝန္ထမ္းမ်ားအတြက္ သင္တန္း', // "training for civil servants", typed in Zawgyi
  junk: 'Where is the toilet?',
};

describe('Concept chips and the topic filter', () => {
  it('shows what each note is about in the reader’s language and filters by topic across languages', async () => {
    const ws = await createWorkshop(srv.url, {
      themes: [{ id: 'gov', name: 'Effective governance' }],
      tables: [{ id: 't1', name: 'Table 1', themeId: 'gov', question: 'What should we do together?', capacity: 12 }],
    });
    const who = await join(srv.url, ws.joinCode, 'Sokha', 'th');
    const fac = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
    const bot = await connect(srv.url, who);
    bots.push(fac, bot);
    expect((await bot.send({ type: 'seat:assign', participantId: who.participantId, tableId: 't1' })).ok).toBe(true);
    let i = 0;
    for (const text of Object.values(NOTES)) {
      const ack = await bot.send({ type: 'note:create', noteId: `n${++i}`, tableId: 't1', text, color: 'yellow', x: 10, y: 10 * i });
      expect(ack.ok).toBe(true);
    }
    expect((await fac.send({ type: 'workshop:set-phase', phase: 'cafe' })).ok).toBe(true);
    expect((await fac.send({ type: 'workshop:set-phase', phase: 'harvest' })).ok).toBe(true);

    const card = (p: Page, text: string) => p.getByTestId('hv-note').filter({ hasText: text });
    const chips = (p: Page, text: string) => card(p, text).getByTestId('hv-concepts').locator('li').allTextContents();

    // ------------------------------------------------------------ an English reader
    const en = await newPage('facilitator-en', { viewport: { width: 1280, height: 1400 } });
    await en.addInitScript(() => localStorage.setItem('wc:lang', 'en'));
    await en.goto(`${srv.url}/w/${ws.workshopId}#k=${ws.facilitatorKey}`);
    await en.getByRole('heading', { level: 1, name: 'Harvest' }).waitFor();
    await expect.poll(() => en.getByTestId('hv-note').count()).toBe(6);
    expect(await chips(en, NOTES.km)).toEqual(['Disaster resilience']);
    expect(await chips(en, NOTES.en)).toContain('Disaster resilience');
    expect(await chips(en, NOTES.th)).toEqual(['Leadership', 'Training']);
    expect(await chips(en, NOTES.id)).toContain('One-stop service centres');
    expect(await chips(en, NOTES.myZawgyi)).toEqual(['Training']); // Zawgyi read as Unicode
    expect(await card(en, NOTES.junk).getByTestId('hv-concepts').count()).toBe(0);

    // The topic filter: the Khmer and the English disaster notes, nothing else.
    const filter = en.getByTestId('hv-concept-filter');
    const options = await filter.locator('option').allTextContents();
    expect(options).toContain('Disaster resilience (2)');
    await filter.selectOption({ label: 'Disaster resilience (2)' });
    await expect.poll(() => en.getByTestId('hv-note').count()).toBe(2);
    expect(await card(en, NOTES.km).count()).toBe(1);
    expect(await card(en, NOTES.en).count()).toBe(1);
    await en.getByRole('status').filter({ hasText: 'Showing 2 of 6 notes' }).waitFor();
    await shot(en, 'harvest-concepts-en-filtered.png');
    await en.getByRole('button', { name: 'Clear the filters' }).click();
    await expect.poll(() => en.getByTestId('hv-note').count()).toBe(6);

    // ------------------------------------------------------------ a Thai reader on a phone
    const th = await newPage('facilitator-th', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await th.addInitScript(() => localStorage.setItem('wc:lang', 'th'));
    await th.goto(`${srv.url}/w/${ws.workshopId}#k=${ws.facilitatorKey}`);
    await th.getByTestId('hv-note').first().waitFor();
    await expect.poll(() => th.getByTestId('hv-note').count()).toBe(6);
    expect(await chips(th, NOTES.km)).toEqual(['การรับมือภัยพิบัติ']);
    expect(await chips(th, NOTES.myZawgyi)).toEqual(['การฝึกอบรม']);
    expect(await chips(th, NOTES.id)).toContain('ศูนย์บริการแบบเบ็ดเสร็จ');
    // No horizontal scrolling on the phone.
    expect(await th.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await card(th, NOTES.km).scrollIntoViewIfNeeded();
    await shot(th, 'harvest-concepts-th-phone.png', false);

    expect(problems).toEqual([]);
  });
});
