import { createHash, randomBytes } from 'node:crypto';

/** Secrets handed out once; only their hash is stored, so a leaked database leaks no tokens. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
