// Co-facilitators in Chromium (issue 17 item 4), two browser contexts each with a passkey account
// (Chromium's virtual authenticator): the owner invites from the "people who run this workshop"
// panel, the second account opens the link on a phone, signs up and finds the workshop on its home,
// opens it as facilitator in one click; the owner removes them (their home no longer lists it and
// their open facilitator page is refused), invites them again and hands ownership over.
// Keyboard only for the panel's disclosure; axe on the panel at 1440×900 and 390×844.
// Screenshots: test-output/e2e/cofac-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { launchBrowser, newPersonPage, requireBuiltClient, shot, stopE2e } from '../helpers/browser';
import { createWorkshop } from '../helpers/bots';
import { axeSerious, PHONE } from '../helpers/a11y';
import { registerWithPasskey, virtualAuthenticator } from '../helpers/webauthn';

let server: RunningServer;
let browser: Browser;
/** WebAuthn refuses IP addresses as relying party: the browser uses localhost. */
let base: string;
const problems: string[] = [];

beforeAll(async () => {
  requireBuiltClient();
  server = await startServer();
  base = `http://localhost:${server.port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await stopE2e(server, browser);
});

/** Opens the panel of the workshop with the keyboard (Tab to the disclosure, Enter). */
async function openPanel(page: Page, workshopId: string, title: string) {
  const toggle = page.locator(`[data-workshop="${workshopId}"]`).getByRole('button', { name: `People who run this workshop ${title}` });
  await toggle.focus();
  await page.keyboard.press('Enter');
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  const panel = page.getByRole('region', { name: `People who run “${title}”` });
  await panel.waitFor();
  return panel;
}

async function inviteLink(owner: Page, panel: ReturnType<Page['getByRole']>) {
  await panel.getByRole('button', { name: 'Invite a co-facilitator' }).click();
  const link = await owner.getByTestId('cofac-link').inputValue();
  expect(link).toMatch(new RegExp(`^${base}/home#cofac=[A-Za-z0-9_-]{32,}$`));
  return link;
}

describe('co-facilitators', () => {
  it('invite → accept on another account → open as facilitator → removed → invited again → ownership handed over', async () => {
    const title = 'ACCSM preparatory café';
    const ws = await createWorkshop(server.url, { title });

    // ---------------------------------------------------------------- the owner: the link in hand, then an account
    const owner = await newPersonPage(browser, { problems, name: 'owner' });
    await virtualAuthenticator(owner);
    await owner.goto(`${base}/w/${ws.workshopId}#k=${ws.facilitatorKey}`);
    await owner.getByRole('heading', { level: 1, name: 'Facilitator console' }).waitFor();
    await owner.goto(`${base}/home`);
    await registerWithPasskey(owner, 'Maria Santos');
    const ownerItem = owner.locator(`[data-workshop="${ws.workshopId}"]`);
    await ownerItem.waitFor();
    let panel = await openPanel(owner, ws.workshopId, title);
    await panel.getByText('The owner cannot be removed.', { exact: false }).waitFor();
    const link = await inviteLink(owner, panel);
    // the invitation waits, and the owner sees it
    await panel.getByRole('heading', { name: 'Invitations not used yet' }).waitFor();
    expect(await panel.getByRole('button', { name: /^Withdraw/ }).count()).toBe(1);
    expect(await axeSerious(owner)).toEqual([]);
    await shot(owner, 'cofac-owner-invite.png');

    // ---------------------------------------------------------------- the co-facilitator: a phone, no account yet
    // their console is cut off on purpose later: the refused reconnect (401) and the last poll (400) are expected
    const co = await newPersonPage(browser, {
      problems,
      name: 'co',
      context: { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
      ignoreConsole: /status of 40[01]|unauthorized/,
    });
    await virtualAuthenticator(co);
    await co.goto(link);
    await co.getByText('You have been invited to co-facilitate a workshop.', { exact: false }).waitFor();
    // the secret leaves the address bar at once
    expect(co.url()).toBe(`${base}/home`);
    await registerWithPasskey(co, 'Chan Dara');
    await co.getByText(`You now co-facilitate “${title}”.`, { exact: false }).waitFor();
    const coItem = co.locator(`[data-workshop="${ws.workshopId}"]`);
    await coItem.waitFor();
    expect(await coItem.textContent()).toContain('Co-facilitator');
    // what a co-facilitator sees in the panel: who runs it, no invitations, a way to leave
    const coPanel = await openPanel(co, ws.workshopId, title);
    await coPanel.getByText('Only the owner invites and removes people.').waitFor();
    expect(await coPanel.getByRole('button', { name: 'Invite a co-facilitator' }).count()).toBe(0);
    await coPanel.getByRole('button', { name: 'Stop running this workshop' }).waitFor();
    expect(await axeSerious(co)).toEqual([]);
    await shot(co, 'cofac-phone-accepted.png');
    // one click opens it as facilitator
    await coItem.getByRole('link', { name: title }).click();
    await co.getByRole('heading', { level: 1, name: 'Facilitator console' }).waitFor();

    // ---------------------------------------------------------------- the owner removes them
    await owner.reload();
    panel = await openPanel(owner, ws.workshopId, title);
    const coRow = panel.getByRole('listitem').filter({ hasText: 'Chan Dara' });
    await coRow.getByText('Co-facilitator').waitFor();
    // the invitation was used: nothing waits any more
    expect(await panel.getByRole('heading', { name: 'Invitations not used yet' }).count()).toBe(0);
    await shot(owner, 'cofac-owner-people.png');
    await coRow.getByRole('button', { name: 'Remove Chan Dara' }).click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByText('Their open facilitator screens are closed at once.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Remove Chan Dara' }).click();
    await owner.getByText('Chan Dara no longer runs this workshop.').waitFor();
    expect(await panel.getByText('Chan Dara').count()).toBe(0);
    // their open console is refused, and their home no longer lists the workshop
    await co.getByRole('heading', { name: 'This link no longer works' }).waitFor({ timeout: 15_000 });
    await shot(co, 'cofac-phone-removed.png', false);
    await co.goto(`${base}/home`);
    await co.getByText('No workshops in your account yet.', { exact: false }).waitFor();
    expect(await coItem.count()).toBe(0);

    // ---------------------------------------------------------------- invited again, then made the owner
    const again = await inviteLink(owner, panel);
    await co.goto(again);
    await co.getByText(`You now co-facilitate “${title}”.`, { exact: false }).waitFor();
    await coItem.waitFor();
    // this device still holds the key that ended with the removal: the refusal leads back to the
    // home, which opens the workshop with a fresh key
    await coItem.getByRole('link', { name: title }).click();
    await co.getByRole('heading', { name: 'This link no longer works' }).waitFor({ timeout: 15_000 });
    await co.getByRole('button', { name: 'Your workshops and sign-in' }).click();
    await coItem.getByRole('link', { name: title }).click();
    await co.getByRole('heading', { level: 1, name: 'Facilitator console' }).waitFor();
    await co.goto(`${base}/home`);
    await coItem.waitFor();
    await owner.reload();
    panel = await openPanel(owner, ws.workshopId, title);
    await panel.getByRole('listitem').filter({ hasText: 'Chan Dara' }).getByRole('button', { name: 'Make Chan Dara the owner' }).click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Make Chan Dara the owner' }).click();
    await owner.getByText('Chan Dara now owns this workshop.').waitFor();
    // the former owner is a co-facilitator now: no invitations, no delete, and may leave
    await ownerItem.getByText('Co-facilitator', { exact: false }).first().waitFor();
    expect(await ownerItem.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    await co.reload();
    await coItem.waitFor();
    expect(await coItem.textContent()).toContain('Owner');
    expect(await coItem.getByRole('button', { name: /^Delete/ }).count()).toBe(1);
    expect(problems.filter((p) => !/status of 40[014]/.test(p))).toEqual([]);
  });
});
