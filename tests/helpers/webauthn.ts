// Chromium's virtual authenticator (CDP, as TESTING.md describes): passkeys in e2e tests.
import type { Page } from 'playwright-core';

/** A virtual platform authenticator on the page: resident keys, user verified. */
export async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  return { cdp, authenticatorId };
}
