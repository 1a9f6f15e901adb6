// The facilitator's home in Chromium (issue 17): a passkey registered with the browser's virtual
// authenticator (CDP), the workshop whose facilitator link this browser holds attached at sign-in,
// the same passkey signing in on a second device that opens the workshop in one click, and the
// workshop deleted from the home page: its delegate's socket closes and the SQLite file keeps no
// row of it; a delegate's link reissued (her open page is refused, the new link works).
// Screenshots: test-output/e2e/home-*.png.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { launchBrowser, newPersonPage, requireBuiltClient, shot, stopE2e } from '../helpers/browser';
import { Bot, createWorkshop, join } from '../helpers/bots';
import { axeSerious, PHONE } from '../helpers/a11y';
import { virtualAuthenticator } from '../helpers/webauthn';

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

function rowsOf(workshopId: string): Record<string, number> {
  const db = new Database(path.join(server.dataDir, 'worldcafe.db'), { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const t of ['events', 'snapshots', 'snapshot_parts', 'credentials', 'workshop_roles'])
      out[t] = (db.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE workshop_id = ?`).get(workshopId) as { n: number }).n;
    out.workshops = (db.prepare('SELECT COUNT(*) AS n FROM workshops WHERE id = ?').get(workshopId) as { n: number }).n;
    return out;
  } finally {
    db.close();
  }
}

describe('the facilitator home', () => {
  it('passkey account, attach at sign-in, second device, open in one click, delete with everything', async () => {
    const ws = await createWorkshop(server.url, { title: 'Preparatory café of the 18th ACCSM' });
    const delegate = await join(server.url, ws.joinCode, 'Somchai', 'th');
    const bot = await new Bot(server.url, delegate.token, delegate.participantId).ready();

    // ---------------------------------------------------------------- laptop: the link in hand, then an account
    const laptop = await newPersonPage(browser, { problems, name: 'laptop' });
    const { cdp, authenticatorId } = await virtualAuthenticator(laptop);
    await laptop.goto(`${base}/w/${ws.workshopId}#k=${ws.facilitatorKey}`);
    await laptop.getByRole('heading', { level: 1, name: 'Facilitator console' }).waitFor();
    await laptop.goto(base);
    await laptop.getByRole('link', { name: 'Your workshops and sign-in' }).click();
    await laptop.getByRole('heading', { level: 1, name: 'Your workshops' }).waitFor();
    await laptop.getByRole('heading', { name: 'On this device' }).waitFor();
    expect(await laptop.getByRole('link', { name: 'Preparatory café of the 18th ACCSM' }).count()).toBe(1);
    expect(await axeSerious(laptop)).toEqual([]);
    await shot(laptop, 'home-signed-out.png');

    await laptop.getByLabel('Your name').fill('Maria Santos');
    await laptop.getByRole('button', { name: 'Create an account with a passkey' }).click();
    await laptop.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    const codes = await laptop.locator('.home-code-list code').allTextContents();
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials).toHaveLength(1);
    await shot(laptop, 'home-recovery-codes.png');
    await laptop.getByRole('button', { name: 'I have saved them' }).click();

    // the workshop whose facilitator link this browser held is now in the account, with its summary
    const item = laptop.locator(`[data-workshop="${ws.workshopId}"]`);
    await item.waitFor();
    expect(await item.textContent()).toMatch(/Setting up.*Owner.*2 people.*0 notes/s);
    await laptop.getByText('Signed in as Maria Santos').waitFor();
    expect(await axeSerious(laptop)).toEqual([]);
    await shot(laptop, 'home-signed-in.png');
    // the session cookie is HTTP-only: page scripts cannot read it
    expect(await laptop.evaluate(() => document.cookie)).not.toContain('wc_session');
    const cookies = await laptop.context().cookies();
    expect(cookies.find((c) => c.name === 'wc_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    // search
    await laptop.getByPlaceholder('Search your workshops').fill('nothing like it');
    await laptop.getByText('No workshop matches “nothing like it”.').waitFor();
    await laptop.getByPlaceholder('Search your workshops').fill('accsm');
    await item.waitFor();

    // ---------------------------------------------------------------- phone: the same passkey, another device
    const phone = await newPersonPage(browser, {
      problems,
      name: 'phone',
      context: { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'th-TH' },
    });
    const second = await virtualAuthenticator(phone);
    const [credential] = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
    await second.cdp.send('WebAuthn.addCredential', { authenticatorId: second.authenticatorId, credential: credential! });
    await phone.goto(`${base}/home`);
    await phone.getByRole('button', { name: 'เข้าสู่ระบบด้วยพาสคีย์' }).click();
    const onPhone = phone.locator(`[data-workshop="${ws.workshopId}"]`);
    await onPhone.waitFor();
    expect(await axeSerious(phone)).toEqual([]);
    await shot(phone, 'home-phone-th.png');
    // two signed-in devices are listed on the laptop
    await laptop.reload();
    await laptop.getByRole('button', { name: 'Sign out all other devices' }).waitFor();

    // one click opens the workshop as its facilitator on a device that never had the link
    await onPhone.getByRole('link', { name: 'Preparatory café of the 18th ACCSM' }).click();
    await phone.getByRole('heading', { level: 1, name: 'หน้าควบคุมของผู้ดำเนินการ' }).waitFor();

    // ---------------------------------------------------------------- reissue a delegate's link
    const other = await join(server.url, ws.joinCode, 'Maria', 'ph');
    // her page is cut off on purpose: the refused reconnect (401) and the closed transport's last poll (400) are expected
    const maria = await newPersonPage(browser, { problems, name: 'maria', ignoreConsole: /status of 40[01]|unauthorized/ });
    await maria.goto(`${base}/w/${ws.workshopId}#k=${other.token}`);
    await maria.getByTestId('connection-badge').getByText('Online').waitFor();
    const reissued = await fetch(`${server.url}/api/workshops/${ws.workshopId}/participants/${other.participantId}/reissue`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.facilitatorKey}` },
    });
    expect(reissued.status).toBe(201);
    // her open page loses its connection and the old key is refused: the page says so
    await maria.getByRole('heading', { name: 'This link no longer works' }).waitFor();
    await shot(maria, 'home-reissued-old-link.png', false);
    const { path: newLink } = (await reissued.json()) as { path: string };
    const mariaAgain = await newPersonPage(browser, { problems, name: 'maria-new-link' });
    await mariaAgain.goto(base + newLink);
    await mariaAgain.getByTestId('connection-badge').getByText('Online').waitFor();
    await mariaAgain.context().close();
    await maria.context().close();

    // ---------------------------------------------------------------- delete from the laptop's home
    await laptop.goto(`${base}/home`);
    await item.waitFor();
    expect(rowsOf(ws.workshopId).events).toBeGreaterThan(0);
    const closed = new Promise<void>((resolve) => bot.socket.once('disconnect', () => resolve()));
    await item.getByRole('button', { name: /^Delete/ }).click();
    const dialog = laptop.getByRole('dialog');
    await dialog.getByText('This cannot be undone.', { exact: false }).waitFor();
    await shot(laptop, 'home-delete-confirm.png', false);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await laptop.getByText('“Preparatory café of the 18th ACCSM” was deleted.').waitFor();
    await closed;
    expect(await item.count()).toBe(0);
    expect(rowsOf(ws.workshopId)).toEqual({ events: 0, snapshots: 0, snapshot_parts: 0, credentials: 0, workshop_roles: 0, workshops: 0 });
    bot.socket.close();

    // sign out: the home offers sign-in again and the cookie is gone
    await laptop.getByRole('button', { name: 'Sign out', exact: true }).click();
    await laptop.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
    expect(problems.filter((p) => !/status of 40[14]/.test(p))).toEqual([]);
  });
});
