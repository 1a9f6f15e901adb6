// The facilitator-account endpoints (/api/auth/*, /api/me/workshops/*). The session is an
// HTTP-only cookie the browser sends by itself; WebAuthn runs through @simplewebauthn/browser,
// loaded only when a passkey ceremony starts.
import type { AccountView, AuthConfigView, CofacInviteCreated, SessionView, WorkshopPeople, WorkshopSummary } from '@world-cafe/shared';
import { ApiError, request as call } from './api';

export type MyWorkshop = WorkshopSummary & { role: 'owner' | 'cofacilitator'; archivedAt: number | null };

/** The signed-in account, or null when this browser is not signed in. */
export async function me(): Promise<AccountView | null> {
  try {
    return await call<AccountView>('GET', '/api/auth/me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

const webauthn = () => import('@simplewebauthn/browser');
type Options = { challengeId: string; options: never };

/** Creates an account with a new passkey on this device; resolves with the recovery codes (shown once). */
export async function register(name: string): Promise<string[]> {
  const { startRegistration } = await webauthn();
  const o = await call<Options>('POST', '/api/auth/passkey/register/options', { name });
  const response = await startRegistration({ optionsJSON: o.options });
  const done = await call<{ recoveryCodes: string[] }>('POST', '/api/auth/passkey/register/verify', {
    challengeId: o.challengeId,
    name,
    response,
  });
  return done.recoveryCodes;
}

export async function signInWithPasskey(): Promise<void> {
  const { startAuthentication } = await webauthn();
  const o = await call<Options>('POST', '/api/auth/passkey/login/options', {});
  const response = await startAuthentication({ optionsJSON: o.options });
  await call('POST', '/api/auth/passkey/login/verify', { challengeId: o.challengeId, response });
}

export async function addPasskey(label: string): Promise<void> {
  const { startRegistration } = await webauthn();
  const o = await call<Options>('POST', '/api/auth/passkey/add/options');
  const response = await startRegistration({ optionsJSON: o.options });
  await call('POST', '/api/auth/passkey/add/verify', { challengeId: o.challengeId, response, label });
}

export const signInWithRecoveryCode = (code: string) => call<{ recoveryCodesLeft: number }>('POST', '/api/auth/recovery', { code });
export const newRecoveryCodes = () => call<{ recoveryCodes: string[] }>('POST', '/api/auth/recovery-codes').then((r) => r.recoveryCodes);
export const signOut = () => call<void>('POST', '/api/auth/logout');
export const listDevices = () => call<{ sessions: SessionView[] }>('GET', '/api/auth/sessions').then((r) => r.sessions);
export const signOutDevice = (id: string) => call<void>('DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`);
export const signOutOthers = () => call<{ revoked: number }>('POST', '/api/auth/sessions/revoke-others').then((r) => r.revoked);

/** Which ways of signing in this server offers (organisation sign-in only when configured). */
export const authConfig = () => call<AuthConfigView>('GET', '/api/auth/config');
/** Where "Sign in with your organisation" goes: a plain navigation, the server redirects on to the provider. */
export const ORGANISATION_SIGN_IN = '/api/auth/oidc/start';
/** Starts linking the signed-in account to an organisation identity: the provider's URL to go to. */
export const linkOrganisation = () => call<{ url: string }>('POST', '/api/auth/oidc/link').then((r) => r.url);

export const myWorkshops = () => call<{ workshops: MyWorkshop[] }>('GET', '/api/me/workshops').then((r) => r.workshops);
export const claimWorkshop = (workshopId: string, facilitatorKey: string) =>
  call<{ role: string }>('POST', '/api/me/workshops/claim', { workshopId, facilitatorKey });
export const openWorkshop = (id: string) =>
  call<{ workshopId: string; participantId: string; token: string; title: string }>(
    'POST',
    `/api/me/workshops/${encodeURIComponent(id)}/open`,
  );
export const archiveWorkshop = (id: string, archived: boolean) =>
  call('POST', `/api/me/workshops/${encodeURIComponent(id)}/archive`, { archived });
export const deleteWorkshop = (id: string) => call<void>('DELETE', `/api/me/workshops/${encodeURIComponent(id)}`);

// Co-facilitators (the "people who run this workshop" panel)
const w = (id: string) => `/api/me/workshops/${encodeURIComponent(id)}`;
export const workshopPeople = (id: string) => call<WorkshopPeople>('GET', `${w(id)}/people`);
export const inviteCofacilitator = (id: string) => call<CofacInviteCreated>('POST', `${w(id)}/cofacilitator-invites`, {});
export const withdrawInvite = (id: string, inviteId: string) =>
  call<void>('DELETE', `${w(id)}/cofacilitator-invites/${encodeURIComponent(inviteId)}`);
export const removeCofacilitator = (id: string, accountId: string) =>
  call<void>('DELETE', `${w(id)}/cofacilitators/${encodeURIComponent(accountId)}`);
export const transferOwnership = (id: string, accountId: string) => call<{ owner: string }>('POST', `${w(id)}/transfer`, { accountId });
export const acceptCofacInvite = (token: string) =>
  call<{ workshopId: string; title: string; role: string }>('POST', '/api/me/workshops/cofacilitator-invites/accept', { token });
