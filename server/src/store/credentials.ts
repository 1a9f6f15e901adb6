// Credential rows read back the same way from both stores.
import type { Credential } from './eventStore';

/** An invite's public id (InviteRecord.id): this many leading characters of its secret's hash. */
export const INVITE_ID_LENGTH = 16;

/**
 * The credential a row stands for. Only invites have a lifetime: the expiry and revocation
 * columns (NULL on other kinds) are left out of the others so callers never see a meaningless null.
 */
export function credentialOfRow(row: Credential | undefined): Credential | undefined {
  if (!row || row.kind === 'invite') return row;
  const { expiresAt: _e, revokedAt: _r, ...cred } = row;
  return cred;
}
