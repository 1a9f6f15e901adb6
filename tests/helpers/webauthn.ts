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

/**
 * Creates an account with a passkey on the signed-out home (English), as a person does: a name,
 * "Create an account with a passkey", then past the recovery codes. The page needs a virtual
 * authenticator first.
 */
export async function registerWithPasskey(page: Page, name: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Create an account with a passkey' }).click();
  await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
  await page.getByRole('button', { name: 'I have saved them' }).click();
}
