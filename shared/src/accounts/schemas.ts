// Wire schemas of the facilitator-account endpoints (/api/auth/*, /api/me/*): one per request body,
// shared by the server (validation at the edge) and the client (types). Every string and array capped.
import { z } from 'zod';

const b64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'base64url expected');

/** A WebAuthn credential as @simplewebauthn/browser returns it (RegistrationResponseJSON / AuthenticationResponseJSON). */
export const webauthnResponseSchema = z.object({
  id: b64url(1400),
  rawId: b64url(1400),
  type: z.literal('public-key'),
  response: z.record(z.string().max(40), z.union([z.string().max(65_536), z.number().int(), z.array(z.string().max(32)).max(10)])),
  clientExtensionResults: z.record(z.string().max(40), z.unknown()),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

export const accountNameSchema = z.string().trim().min(1).max(80);
const challengeId = z.string().min(16).max(64);

/** POST /api/auth/passkey/register/options */
export const registerOptionsSchema = z.strictObject({ name: accountNameSchema });
/** POST /api/auth/passkey/register/verify */
export const registerVerifySchema = z.strictObject({ challengeId, name: accountNameSchema, response: webauthnResponseSchema });
/** POST /api/auth/passkey/login/verify and /api/auth/passkey/add/verify */
export const passkeyVerifySchema = z.strictObject({
  challengeId,
  response: webauthnResponseSchema,
  label: z.string().trim().max(60).optional(),
});
/** POST /api/auth/recovery */
export const recoverySchema = z.strictObject({ code: z.string().trim().min(8).max(40) });
/** POST /api/me/workshops/claim: the facilitator link in hand attaches the workshop to the account. */
export const claimWorkshopSchema = z.strictObject({ workshopId: z.string().min(1).max(64), facilitatorKey: z.string().min(16).max(128) });
/** POST /api/me/workshops/:id/archive */
export const archiveWorkshopSchema = z.strictObject({ archived: z.boolean() });

export type RegisterVerify = z.infer<typeof registerVerifySchema>;
export type ClaimWorkshop = z.infer<typeof claimWorkshopSchema>;

/** An account as GET /api/auth/me answers. */
export interface AccountView {
  id: string;
  name: string;
  createdAt: number;
  passkeys: Array<{ id: string; label: string; createdAt: number; lastUsedAt: number | null }>;
  recoveryCodesLeft: number;
  /** Organisation identities (OpenID Connect) that sign in to this account. */
  organisationIdentities: Array<{ issuer: string; email: string | null; createdAt: number; lastUsedAt: number }>;
}

/** GET /api/auth/config: which ways of signing in this server offers (public, no session needed). */
export interface AuthConfigView {
  /** "Sign in with your organisation" (OpenID Connect) is configured. */
  oidc: boolean;
}

/**
 * GET /api/auth/oidc/callback: the provider's answer on the redirect. Providers add parameters of
 * their own (session_state, ...): unknown ones are allowed, every one is capped.
 */
export const oidcCallbackQuerySchema = z
  .object({
    code: z.string().min(1).max(2048).optional(),
    state: z.string().min(1).max(512).optional(),
    iss: z.string().max(512).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(2000).optional(),
  })
  .catchall(z.string().max(2048));

/**
 * How an organisation sign-in ended: the callback redirects to /home?oidc=<result>, the home says it
 * in the person's words. Every failure of the exchange (a forged or replayed answer, a wrong
 * issuer, a bad signature) is the one `failed`, telling an attacker nothing.
 */
export const OIDC_RESULTS = ['signed_in', 'linked', 'denied', 'provider_unavailable', 'expired', 'already_linked', 'failed'] as const;
export type OidcResult = (typeof OIDC_RESULTS)[number];
export const isOidcResult = (v: unknown): v is OidcResult => (OIDC_RESULTS as readonly unknown[]).includes(v);

/** A browser session of the account (GET /api/auth/sessions); `id` is public, never the cookie's secret. */
export interface SessionView {
  id: string;
  createdAt: number;
  lastSeenAt: number;
  userAgent: string;
  current: boolean;
}

// ---------------------------------------------------------------- co-facilitators (issue 17 item 4)

/** POST /api/me/workshops/:id/cofacilitator-invites: a single-use link, valid 1–30 days (default 7). */
export const createCofacInviteSchema = z.strictObject({ expiresInDays: z.number().int().min(1).max(30).optional() });
/** POST /api/me/workshops/cofacilitator-invites/accept: the secret from the link's fragment. */
export const acceptCofacInviteSchema = z.strictObject({ token: z.string().min(16).max(128) });
/** POST /api/me/workshops/:id/transfer: hand ownership to a co-facilitator of the workshop. */
export const transferOwnershipSchema = z.strictObject({ accountId: z.string().min(1).max(64) });

export type CreateCofacInvite = z.infer<typeof createCofacInviteSchema>;

/** GET /api/me/workshops/:id/people: who runs the workshop, and (owner only) the pending invitations. */
export interface WorkshopPeople {
  workshopId: string;
  you: { accountId: string; role: 'owner' | 'cofacilitator' };
  people: Array<{ accountId: string; name: string; role: 'owner' | 'cofacilitator'; addedAt: number }>;
  /** Pending (not accepted, revoked or expired) invitations; empty for a co-facilitator. */
  invites: Array<{ id: string; createdAt: number; expiresAt: number }>;
}

/** A new invitation (201): the secret is shown once, in `path`'s fragment. */
export interface CofacInviteCreated {
  id: string;
  token: string;
  path: string;
  createdAt: number;
  expiresAt: number;
}
