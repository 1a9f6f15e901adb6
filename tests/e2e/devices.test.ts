// Each person's devices in the facilitator console (issue 17, item 5), in Chromium: a delegate
// opens her link on an Android phone; the facilitator's people list shows "Phone · Android ·
// Chrome — Connected now"; "Reissue link" (confirmed in the app's dialog) hands over a new link, the
// delegate's open page is told its link no longer works, and the new link works. Keyboard only on
// the facilitator's side; also on a 390 px phone. Screenshots: test-output/e2e/devices-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { launchBrowser, newPersonPage, requireBuiltClient, shot, stopE2e } from '../helpers/browser';
import { createWorkshop, join } from '../helpers/bots';
import { PHONE, runAxe } from '../helpers/a11y';

const ANDROID = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  requireBuiltClient();
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await stopE2e(server, browser);
});

describe("a person's devices and reissuing their link", () => {
  it('lists the delegate’s phone, reissues her link from the people list, her old page is refused', async () => {
    const ws = await createWorkshop(server.url, { title: 'Devices café' });
    const d = await join(server.url, ws.joinCode, 'Somchai', 'th');

    // her page is cut off on purpose: the refused reconnect (401) and the closed transport's last poll (400) are expected
    const delegate = await newPersonPage(browser, {
      problems,
      name: 'somchai',
      ignoreConsole: /status of 40[01]|unauthorized/,
      context: { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, userAgent: ANDROID },
    });
    await delegate.goto(`${server.url}/w/${ws.workshopId}#k=${d.token}`);
    await delegate.getByTestId('connection-badge').getByText('Online').waitFor();

    const fac = await newPersonPage(browser, { problems, name: 'facilitator', context: { viewport: PHONE, deviceScaleFactor: 2 } });
    await fac.goto(`${server.url}/w/${ws.workshopId}#k=${ws.facilitatorKey}`);
    await fac.getByRole('heading', { level: 1, name: 'Facilitator console' }).waitFor();
    const row = fac.getByTestId(`devices-${d.participantId}`);
    await row.getByText('1 device').waitFor();
    // keyboard: the disclosure opens with Enter
    await row.locator('summary').focus();
    await fac.keyboard.press('Enter');
    const list = row.getByRole('list', { name: 'Devices of Somchai' });
    await list.getByText(/Phone · Android · Chrome/).waitFor();
    await list.getByText('Connected now').waitFor();
    expect(await fac.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const serious = (await runAxe(fac)).filter((f) => f.impact === 'serious' || f.impact === 'critical');
    expect(serious).toEqual([]);
    await row.scrollIntoViewIfNeeded();
    await shot(fac, 'devices-people-list-phone.png', false);

    // reissue from the list, confirmed in the app's own dialog
    await row.getByRole('button', { name: 'Reissue link' }).focus();
    await fac.keyboard.press('Enter');
    const dialog = fac.getByRole('dialog');
    await dialog.getByText('Their current link stops working at once', { exact: false }).waitFor();
    await shot(fac, 'devices-reissue-confirm.png', false);
    await dialog.getByRole('button', { name: 'Reissue link' }).click();
    const newLink = await row.getByTestId(`reissued-${d.participantId}`).inputValue();
    expect(newLink).toMatch(new RegExp(`^${server.url}/w/${ws.workshopId}#k=[A-Za-z0-9_-]{20,}$`));
    expect(newLink).not.toContain(d.token);
    await row.getByText('The old link no longer works.', { exact: false }).waitFor();
    await shot(fac, 'devices-reissued-phone.png', false);

    // her open page is disconnected with the reason; the old link is refused, the new one works
    await delegate.getByRole('heading', { name: 'This link no longer works' }).waitFor();
    await shot(delegate, 'devices-old-link-refused.png', false);
    await delegate.context().close();
    const again = await newPersonPage(browser, { problems, name: 'somchai-new', context: { userAgent: ANDROID } });
    await again.goto(newLink);
    await again.getByTestId('connection-badge').getByText('Online').waitFor();
    // the list now shows only the device on the new link (the server writes sightings every few seconds; the console asks on reload)
    await fac.reload();
    await fac.getByTestId(`devices-${d.participantId}`).getByText('1 device').waitFor();
    await again.context().close();
    expect(problems).toEqual([]);
  });
});
