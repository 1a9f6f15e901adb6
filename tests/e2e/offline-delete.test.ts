// What a delegate takes back offline never reaches the tablemate (issue 21). Two browsers at one
// table. The tablemate's page records every text that ever appears in its DOM (board, note
// labels, the screen-reader live region) with a MutationObserver installed before the app loads,
// so a note that shows for a few milliseconds is caught too. The writer goes offline, writes,
// edits and deletes a note, and reconnects inside the delete's undo window: nothing of it may
// ever appear. Then it writes and edits offline and reconnects: only the last text appears, once.
// Meanwhile the writer's screen says in words what is not sent yet (card text, accessible name,
// the badge in English and Thai).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { type RunningServer } from '../helpers/server';
import { OFFLINE_ERRORS, joinInBrowser, newPersonPage, shot, startE2e, stopE2e } from '../helpers/browser';
import { setUiLanguage } from '../helpers/a11y';
import { createWorkshop } from '../helpers/bots';

let srv: RunningServer;
let browser: Browser;
const problems: string[] = [];
const WATCH = { problems, ignoreConsole: OFFLINE_ERRORS };
const stamp = Date.now().toString(36);

/** Installed before any page script: every text that appears, in order, kept on window. */
function recordEverything() {
  const seen: string[] = [];
  (window as unknown as { __seen: string[] }).__seen = seen;
  const keep = (s: string | null | undefined) => {
    if (s && s.trim()) seen.push(s);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') keep((r.target as CharacterData).data);
      else if (r.type === 'attributes') keep((r.target as Element).getAttribute(r.attributeName!));
      else r.addedNodes.forEach((n) => keep(n.textContent));
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'title'] });
}

const seenBy = (page: Page) => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen.join('\n'));

beforeAll(async () => {
  ({ srv: srv, browser: browser } = await startE2e());
});

afterAll(async () => {
  await stopE2e(srv, browser);
});

describe('offline changes to one note are merged before they are sent', () => {
  it('a note written, edited and deleted offline never reaches the tablemate; an edited one arrives once, with its last text', async () => {
    const ws = await createWorkshop(srv.url);
    const somchai = await newPersonPage(browser, { ...WATCH, name: 'somchai' });
    const maria = await newPersonPage(browser, { ...WATCH, name: 'maria' });
    await maria.addInitScript(recordEverything);
    await joinInBrowser(somchai, srv.url, ws.joinCode, 'Somchai', 'Thailand (TH)');
    await joinInBrowser(maria, srv.url, ws.joinCode, 'Maria', 'Philippines (PH)');
    for (const p of [somchai, maria]) {
      await p.getByRole('button', { name: 'Sit here: Table 1' }).click();
      await p.getByRole('heading', { level: 1, name: 'Table 1' }).waitFor();
    }
    // folded into the table's one line (issue 16): present, not necessarily shown
    await maria.locator('.tablemates').getByText('Somchai').waitFor({ state: 'attached' });
    const badge = somchai.getByTestId('connection-badge');
    const write = async (text: string) => {
      await somchai.getByLabel('New note').fill(text);
      await somchai.getByRole('button', { name: 'Add note' }).click();
      await somchai.locator('.note .note-text', { hasText: text }).waitFor();
    };
    const noteOf = (page: Page, text: string) => page.getByRole('article', { name: new RegExp(text) });
    const edit = async (from: string, to: string) => {
      await noteOf(somchai, from).getByRole('button', { name: 'Edit note by Somchai' }).click();
      await noteOf(somchai, from).getByRole('textbox').fill(to);
      await noteOf(somchai, from).getByRole('button', { name: 'Save' }).click();
      await somchai.locator('.note .note-text', { hasText: to }).waitFor();
    };
    /** Waits until Maria has everything Somchai sent before now: a note written online reaches her. */
    const syncPoint = async (label: string) => {
      const text = `sync ${label} ${stamp}`;
      await write(text);
      await maria.locator('.note .note-text', { hasText: text }).waitFor({ timeout: 15_000 });
      await expect.poll(() => badge.textContent(), { timeout: 15_000 }).toBe('Online');
    };
    await write(`Kept ${stamp}`);
    await maria.locator('.note .note-text', { hasText: `Kept ${stamp}` }).waitFor();

    // ------------------------------------------------ written, edited, deleted offline: nothing is sent
    const [draft, edited] = [`Draft A1 ${stamp}`, `Edited A2 ${stamp}`];
    await somchai.context().setOffline(true);
    await badge.getByText('Offline').waitFor();
    await write(draft);
    // the unsent note says so, to the eye and in its accessible name
    await noteOf(somchai, draft).getByText('Not sent yet').waitFor();
    await somchai.getByRole('article', { name: `Note by Somchai (TH), not sent yet: ${draft}` }).waitFor();
    await badge.getByText('1 note not sent yet').waitFor();
    await edit(draft, edited);
    await badge.getByText('1 note not sent yet').waitFor(); // the edit merged into the note
    await noteOf(somchai, edited).getByRole('button', { name: 'Delete note by Somchai' }).click();
    await somchai.locator('.note .note-text', { hasText: edited }).waitFor({ state: 'detached' });
    // back online inside the delete's undo window: the note's ops wait for the delete, then vanish
    await somchai.context().setOffline(false);
    await syncPoint('after A');
    await expect
      .poll(() => somchai.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wc:ops:')).length), { timeout: 15_000 })
      .toBe(0);

    // ------------------------------------------------ written and edited offline, then online: the last text, once
    const [first, last, second] = [`Draft B1 ${stamp}`, `Final B2 ${stamp}`, `Second C ${stamp}`];
    // Thai's strings are a chunk of their own: fetch them while online, so the switch below works offline
    await setUiLanguage(somchai, 'th');
    await setUiLanguage(somchai, 'en');
    await somchai.context().setOffline(true);
    await badge.getByText('Offline').waitFor();
    await write(first);
    await edit(first, last);
    await write(second);
    await edit(`Kept ${stamp}`, `Kept and changed ${stamp}`);
    await noteOf(somchai, `Kept and changed ${stamp}`).getByText('Change not sent yet').waitFor();
    await somchai.getByRole('article', { name: `Note by Somchai (TH), change not sent yet: Kept and changed ${stamp}` }).waitFor();
    await badge.getByText('2 notes and 1 change not sent yet').waitFor();
    await shot(somchai, 'offline-unsent-en.png');
    await setUiLanguage(somchai, 'th');
    await badge.getByText('โน้ต 2 แผ่น และการแก้ไข 1 รายการ ยังไม่ได้ส่ง').waitFor();
    await noteOf(somchai, last).getByText('ยังไม่ได้ส่ง', { exact: true }).waitFor();
    await shot(somchai, 'offline-unsent-th.png');
    await setUiLanguage(somchai, 'en');
    await somchai.context().setOffline(false);
    await maria.locator('.note .note-text', { hasText: last }).waitFor({ timeout: 15_000 });
    await maria.locator('.note .note-text', { hasText: `Kept and changed ${stamp}` }).waitFor();
    await syncPoint('after B');
    await somchai.locator('.note-unsent').first().waitFor({ state: 'detached' });
    await shot(maria, 'offline-tablemate.png');

    // ------------------------------------------------ what the tablemate's screen ever showed
    const seen = await seenBy(maria);
    expect(seen).toContain(`Kept ${stamp}`); // the recording works: it has what did arrive
    expect(seen).toContain(last);
    expect(seen).toContain(`New note from Somchai: ${last}`); // the live region announced it
    for (const never of [draft, edited, first]) expect(seen).not.toContain(never);
    expect(await maria.locator('.note .note-text', { hasText: last }).count()).toBe(1);
    expect(await maria.locator('.note .note-text', { hasText: second }).count()).toBe(1);
    // and the server holds the final note once (the facilitator's JSON export)
    const exported = await (
      await fetch(`${srv.url}/api/workshops/${ws.workshopId}/export?format=json`, {
        headers: { authorization: `Bearer ${ws.facilitatorKey}` },
      })
    ).text();
    expect(exported.split(last).length - 1).toBe(1);
    for (const never of [draft, edited, first]) expect(exported).not.toContain(never);

    expect(problems).toEqual([]);
  });
});
