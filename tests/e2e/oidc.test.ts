// Organisation sign-in in Chromium (issue 17): a real OpenID provider (oidc-provider 9) runs inside
// the test on a loopback port; the facilitator clicks "Sign in with your organisation" on the
// home, logs in on the provider's own page, consents, and lands back on /home signed in (a new
// account named by the provider). A second person cancels at the provider and is told so. Also on
// a 390 px phone in Thai. Screenshots: test-output/e2e/oidc-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { launchBrowser, newPersonPage, requireBuiltClient, shot, stopE2e } from '../helpers/browser';
import { type TestProvider, answerProviderFonts, logInAtProvider, startOidcProvider } from '../helpers/oidcProvider';
import { axeSerious, PHONE } from '../helpers/a11y';

let provider: TestProvider;
let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  requireBuiltClient();
  provider = await startOidcProvider({
    alice: { name: 'Alice Tan', email: 'alice@asean.example' },
    somchai: { name: 'สมชาย ใจดี', email: 'somchai@asean.example' },
  });
  server = await startServer({
    env: { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret },
  });
  provider.register([`${server.url}/api/auth/oidc/callback`]);
  browser = await launchBrowser();
});
afterAll(async () => {
  await stopE2e(server, browser);
  await provider?.stop();
});

/** A person's page, with the provider's web font answered (see answerProviderFonts). */
async function personPage(name: string, context?: Parameters<typeof newPersonPage>[1]['context']): Promise<Page> {
  const page = await newPersonPage(browser, { problems, name, ...(context ? { context } : {}) });
  await answerProviderFonts(page.context());
  return page;
}

describe('sign in with your organisation', () => {
  it('clicks the button, logs in at the provider, lands on /home signed in', async () => {
    const page = await personPage('alice');
    await page.goto(`${server.url}/home`);
    const button = page.getByRole('link', { name: 'Sign in with your organisation' });
    await button.waitFor();
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, 'oidc-home-signed-out.png');
    // keyboard: the link is reachable and opens with Enter
    await button.focus();
    await page.keyboard.press('Enter');
    await logInAtProvider(page, provider, 'alice');

    await page.waitForURL(`${server.url}/home`);
    await page.getByText('Signed in as Alice Tan').waitFor();
    await page.getByText('Signed in with your organisation.').waitFor();
    await page.getByText('Signs in with alice@asean.example').waitFor();
    // the result is taken off the address (a reload does not say it again)
    expect(new URL(page.url()).search).toBe('');
    const cookies = await page.context().cookies(server.url);
    expect(cookies.find((c) => c.name === 'wc_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === 'wc_oidc')).toBeUndefined();
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, 'oidc-home-signed-in.png');
    await page.context().close();
  });

  it('a person who cancels at the provider is back on the home, told so, not signed in (390 px phone, Thai)', async () => {
    const page = await personPage('somchai', { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'th-TH' });
    await page.goto(`${server.url}/home`);
    await page.getByRole('link', { name: 'เข้าสู่ระบบด้วยบัญชีองค์กรของคุณ' }).click();
    await page.waitForURL(`${provider.issuer}/interaction/**`);
    await page.getByRole('link', { name: '[ Cancel ]' }).click();
    await page.waitForURL(`${server.url}/home`);
    await page.getByRole('alert').getByText('การเข้าสู่ระบบถูกยกเลิกที่ระบบขององค์กร ไม่มีสิ่งใดเปลี่ยนแปลง').waitFor();
    await page.getByRole('button', { name: 'เข้าสู่ระบบด้วยพาสคีย์' }).waitFor();
    // nothing wider than the phone's screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, 'oidc-denied-phone-th.png');

    // then logs in: signed in, on the phone too
    await page.getByRole('link', { name: 'เข้าสู่ระบบด้วยบัญชีองค์กรของคุณ' }).click();
    await logInAtProvider(page, provider, 'somchai');
    await page.waitForURL(`${server.url}/home`);
    await page.getByText('เข้าสู่ระบบด้วยบัญชีองค์กรแล้ว').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'oidc-signed-in-phone-th.png');
    await page.context().close();
    // the signed-out home asks /api/auth/me, which answers 401 (as in home.test.ts); nothing else
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });
});
