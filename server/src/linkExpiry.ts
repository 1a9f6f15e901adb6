// Personal links expire LINK_TTL_DAYS_AFTER_CLOSE days after their workshop closes (0 = never).
// Applies to participants' personal links only: facilitator keys keep working (the outcome is
// exported from a closed workshop), and review links have lifetimes of their own. The moment a
// workshop closed never changes, so it is read from the log once per process and remembered.
import { isLinkExpired, linkExpiresAt } from '@world-cafe/shared';
import type { Credential } from './store/eventStore';
import type { Rooms } from './realtime/workshopRoom';

export interface LinkExpiryDeps {
  rooms: Rooms;
  /** When the workshop closed (from its log), or null while it is open. */
  closedAt(workshopId: string): Promise<number | null>;
  ttlDays: number;
  now: () => number;
}

export interface LinkExpiry {
  /** Whether the credential is a personal link that expired; when it did. */
  check(cred: Credential): Promise<{ expired: false } | { expired: true; at: number }>;
}

export function createLinkExpiry(d: LinkExpiryDeps): LinkExpiry {
  const closedAt = new Map<string, number>();
  return {
    async check(cred) {
      if (cred.kind !== 'participant' || d.ttlDays <= 0) return { expired: false };
      // only a closed workshop has a close time: the committed phase answers without a query
      if ((await d.rooms.get(cred.workshopId)).committed.phase !== 'closed') return { expired: false };
      let at = closedAt.get(cred.workshopId);
      if (at === undefined) {
        const found = await d.closedAt(cred.workshopId);
        if (found === null) return { expired: false };
        closedAt.set(cred.workshopId, (at = found));
      }
      return isLinkExpired(at, d.ttlDays, d.now()) ? { expired: true, at: linkExpiresAt(at, d.ttlDays)! } : { expired: false };
    },
  };
}

/** No expiry (no account store to read close times from, or LINK_TTL_DAYS_AFTER_CLOSE=0). */
export const NEVER_EXPIRES: LinkExpiry = { check: async () => ({ expired: false }) };
