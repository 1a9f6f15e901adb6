// Issue 17's whole story in Chromium, once on SQLite and once on a fresh PostgreSQL database: a
// facilitator registers a passkey (the browser's virtual authenticator) on /home, creates a
// workshop from the ACCSM built-in template and finds it on the home page; invites a
// co-facilitator, who signs in with their organisation (a real OpenID provider started here) and
// opens the invitation: the workshop is on their home. A delegate joins by the join link; the
// facilitator reissues her link from the console: her open page is told the link no longer works
// and the old link is refused when opened again. The owner deletes the workshop: gone from both
// homes, its links and join code refused, and no row of it left in any table of the store.
// Screenshots: test-output/e2e/fhome-<store>-*.png.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { joinInBrowser, launchBrowser, newPersonPage, receivedFrames, requireBuiltClient, shot, stopE2e } from '../helpers/browser';
import { type TestProvider, answerProviderFonts, logInAtProvider, startOidcProvider } from '../helpers/oidcProvider';
import { registerWithPasskey, virtualAuthenticator } from '../helpers/webauthn';
import { type TestDatabase, createTestDatabase } from '../helpers/postgres';
import { postgresRowsOf, sqliteRowsOf } from '../helpers/storeRows';

const TITLE = 'Preparatory café of the 19th ACCSM';

let browser: Browser;
let provider: TestProvider;

beforeAll(async () => {
  requireBuiltClient();
  provider = await startOidcProvider({ dara: { name: 'Chan Dara', email: 'dara@asean.example' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await stopE2e(undefined, browser);
  await provider?.stop();
});

/** The secret this browser keeps for a workshop (the app's own record, as the client stores it). */
async function heldSession(page: Page, workshopId: string) {
  return page.evaluate((id) => {
    const all = JSON.parse(localStorage.getItem('wc:sessions') ?? '{}') as Record<string, { token: string; participantId?: string }>;
    return all[id];
  }, workshopId);
}

interface StoreCase {
  store: 'sqlite' | 'postgres';
  /** DATABASE_URL for the server ('' is SQLite in the server's data directory). */
  open(): Promise<string>;
  rows(srv: RunningServer, workshopId: string): Promise<Record<string, number>>;
  close(): Promise<void>;
}

let pgDb: TestDatabase | undefined;
const STORES: StoreCase[] = [
  {
    store: 'sqlite',
    open: async () => '',
    rows: async (srv, id) => sqliteRowsOf(path.join(srv.dataDir, 'worldcafe.db'), id),
    close: async () => {},
  },
  {
    store: 'postgres',
    open: async () => (pgDb = await createTestDatabase()).url,
    rows: (_srv, id) => postgresRowsOf(pgDb!.url, id),
    close: async () => pgDb?.drop(),
  },
];

describe.each(STORES)('the facilitator’s home, end to end ($store)', (store) => {
  let server: RunningServer;
  /** WebAuthn refuses IP addresses as relying party: every page uses localhost. */
  let base: string;
  const problems: string[] = [];
  const png = (name: string) => `fhome-${store.store}-${name}.png`;

  beforeAll(async () => {
    server = await startServer({
      env: {
        DATABASE_URL: await store.open(),
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
      },
    });
    base = `http://localhost:${server.port}`;
    // the callback URI is made from the address the browser used (localhost)
    provider.register([`${base}/api/auth/oidc/callback`]);
  });
  afterAll(async () => {
    await server?.stop();
    await store.close();
  });

  it('passkey → ACCSM template → co-facilitator over OIDC → delegate’s link reissued → workshop deleted with everything', async () => {
    // ---------------------------------------------------------------- 1. the owner registers a passkey on /home
    const owner = await newPersonPage(browser, { problems, name: 'owner' });
    const { cdp, authenticatorId } = await virtualAuthenticator(owner);
    await owner.goto(`${base}/home`);
    await registerWithPasskey(owner, 'Maria Santos');
    await owner.getByText('Signed in as Maria Santos').waitFor();
    expect((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials).toHaveLength(1);

    // ---------------------------------------------------------------- 2. a workshop from the ACCSM built-in, on the home page
    const templates = owner.getByRole('region', { name: 'Templates' });
    await templates
      .locator('[data-template="builtin-accsm"]')
      .getByRole('link', { name: 'Use this template ACCSM preparatory café' })
      .click();
    await owner.getByText('Filled in from “ACCSM preparatory café”.', { exact: false }).waitFor();
    expect(await owner.locator('.table-draft').count()).toBe(5);
    await owner.getByLabel('Title').fill(TITLE);
    await owner.getByLabel('Your name (facilitator)').fill('Maria Santos');
    await owner.getByRole('button', { name: 'Create workshop' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Facilitator console' }).waitFor();
    const workshopId = new URL(owner.url()).pathname.split('/')[2]!;
    const facilitatorKey = (await heldSession(owner, workshopId))!.token;
    const joinLink = await owner.getByTestId('join-link').inputValue();
    const joinCode = new URL(joinLink).pathname.split('/').pop()!;

    await owner.goto(`${base}/home`);
    const ownerItem = owner.locator(`[data-workshop="${workshopId}"]`);
    await ownerItem.waitFor();
    expect(await ownerItem.textContent()).toMatch(new RegExp(`${TITLE}.*Setting up.*Owner`, 's'));
    await shot(owner, png('owner-home'));

    // ---------------------------------------------------------------- 3. a co-facilitator, signed in with their organisation
    const toggle = ownerItem.getByRole('button', { name: `People who run this workshop ${TITLE}` });
    await toggle.click();
    const panel = owner.getByRole('region', { name: `People who run “${TITLE}”` });
    await panel.getByRole('button', { name: 'Invite a co-facilitator' }).click();
    const invitation = await owner.getByTestId('cofac-link').inputValue();
    expect(invitation).toMatch(new RegExp(`^${base}/home#cofac=[A-Za-z0-9_-]{32,}$`));

    const co = await newPersonPage(browser, { problems, name: 'co-facilitator' });
    await answerProviderFonts(co.context());
    await co.goto(`${base}/home`);
    await co.getByRole('link', { name: 'Sign in with your organisation' }).click();
    await logInAtProvider(co, provider, 'dara');
    await co.waitForURL(`${base}/home`);
    await co.getByText('Signed in as Chan Dara').waitFor();
    // the invitation binds to the account that opens it: this one. (Signed in first: the home keeps an
    // opened invitation in memory only, so one opened before the organisation's redirect is lost.)
    await co.goto(invitation);
    await co.getByText(`You now co-facilitate “${TITLE}”.`, { exact: false }).waitFor();
    const coItem = co.locator(`[data-workshop="${workshopId}"]`);
    await coItem.waitFor();
    expect(await coItem.textContent()).toContain('Co-facilitator');
    await shot(co, png('cofac-home'));
    // and the owner's panel lists them
    await owner.reload();
    await toggle.click();
    await panel.getByRole('listitem').filter({ hasText: 'Chan Dara' }).getByText('Co-facilitator').waitFor();

    // ---------------------------------------------------------------- 4. a delegate joins; her link is reissued
    // her page is cut off on purpose: the refused reconnect (401) and the closed transport's last poll (400) are expected
    const delegate = await newPersonPage(browser, { problems, name: 'delegate', ignoreConsole: /status of 40[01]|unauthorized/ });
    const delegateFrames = receivedFrames(delegate);
    await joinInBrowser(delegate, base, joinCode, 'Somchai', 'Thailand (TH)');
    await delegate.getByTestId('connection-badge').getByText('Online').waitFor();
    const old = (await heldSession(delegate, workshopId))!;
    const oldLink = `${base}/w/${workshopId}#k=${old.token}`;

    // the owner opens the workshop from the home in one click and reissues her link in the console
    await ownerItem.getByRole('link', { name: TITLE }).click();
    await owner.getByRole('heading', { level: 1, name: 'Facilitator console' }).waitFor();
    const row = owner.getByTestId(`devices-${old.participantId}`);
    await row.getByText('1 device').waitFor();
    await row.locator('summary').click();
    expect(await row.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    await row.getByRole('listitem').filter({ hasText: 'Connected now' }).waitFor();
    await row.getByRole('button', { name: 'Reissue link' }).click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Reissue link' }).click();
    const newLink = await row.getByTestId(`reissued-${old.participantId}`).inputValue();
    expect(newLink).not.toContain(old.token);
    await row.scrollIntoViewIfNeeded();
    await shot(owner, png('reissued'), false);
    // her open page: the server closed her socket with the reason, and the page says so
    await delegate.getByRole('heading', { name: 'This link no longer works' }).waitFor();
    expect(delegateFrames.filter((f) => /"revoked"/.test(f))).toEqual([expect.stringContaining('"reason":"credential_revoked"')]);
    // …and says why, at once: the facilitator replaced the link (not "join again", which would make a second person)
    await delegate.getByText('The facilitator replaced this link with a new one.', { exact: false }).waitFor();
    await shot(delegate, png('delegate-cut-off'), false);
    await delegate.context().close();
    // the old link, opened again on a fresh device, is refused
    const leaked = await newPersonPage(browser, { problems, name: 'old-link', ignoreConsole: /status of 401|unauthorized/ });
    await leaked.goto(oldLink);
    await leaked.getByRole('heading', { name: 'This link no longer works' }).waitFor();
    await leaked.context().close();
    const rejoined = await newPersonPage(browser, { problems, name: 'new-link', ignoreConsole: /status of 40[014]|unauthorized/ });
    const rejoinedFrames = receivedFrames(rejoined);
    await rejoined.goto(newLink);
    await rejoined.getByTestId('connection-badge').getByText('Online').waitFor();

    // ---------------------------------------------------------------- 5. the owner deletes the workshop
    const before = await store.rows(server, workshopId);
    for (const t of ['workshops', 'events', 'credentials', 'workshop_roles']) expect(before[t], t).toBeGreaterThan(0);
    await owner.goto(`${base}/home`);
    await ownerItem.getByRole('button', { name: /^Delete/ }).click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByText('This cannot be undone.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await owner.getByText(`“${TITLE}” was deleted.`).waitFor();
    // the delegate's page on her new link is cut off too
    await rejoined.getByRole('heading', { name: 'This link no longer works' }).waitFor();
    expect(rejoinedFrames.filter((f) => /"revoked"/.test(f))).toEqual([expect.stringContaining('"reason":"workshop_deleted"')]);
    await rejoined.getByText('The facilitator deleted this workshop, with everything in it.').waitFor();
    await owner.reload();
    await owner.getByText('Signed in as Maria Santos').waitFor();
    expect(await ownerItem.count()).toBe(0);
    await shot(owner, png('owner-home-after-delete'));
    await co.goto(`${base}/home`);
    await co.getByText('Signed in as Chan Dara').waitFor();
    expect(await coItem.count()).toBe(0);

    // its links, its join code and its facilitator key on the API are refused
    for (const [who, link] of [
      ['facilitator', `${base}/w/${workshopId}#k=${facilitatorKey}`],
      ['delegate', newLink],
    ] as const) {
      const page = await newPersonPage(browser, { problems, name: `deleted-${who}`, ignoreConsole: /status of 40[014]|unauthorized/ });
      await page.goto(link);
      await page.getByRole('heading', { name: 'This link no longer works' }).waitFor();
      await shot(page, png(`deleted-${who}-link`), false);
      await page.context().close();
    }
    const joinPage = await newPersonPage(browser, { problems, name: 'deleted-join-code' });
    await joinPage.goto(joinLink);
    await joinPage.getByRole('heading', { name: 'Workshop not found' }).waitFor();
    await shot(joinPage, png('deleted-join-code'), false);
    await joinPage.context().close();
    const api = await fetch(`${server.url}/api/workshops/${workshopId}/participants/${old.participantId}/reissue`, {
      method: 'POST',
      headers: { authorization: `Bearer ${facilitatorKey}` },
    });
    expect(api.status).toBe(401);

    // nothing of it in any table of the store
    expect(await store.rows(server, workshopId)).toEqual({});
    // refused keys answer 401/404; a page whose handshake was refused may also see Engine.IO answer 400
    // ("Session ID unknown") to the long-poll still in flight when that session is closed
    expect(problems.filter((p) => !/status of 40[14]/.test(p) && !/^\[old-link\].*status of 400/.test(p))).toEqual([]);
  });
});
