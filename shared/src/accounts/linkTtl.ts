// When personal links stop working and when a closed workshop is deleted: pure arithmetic on the
// moment the workshop closed, so the server, its tests and the docs agree on one rule.

export const DAY_MS = 24 * 60 * 60 * 1000;

/** LINK_TTL_DAYS_AFTER_CLOSE's default: a month to read the outcome again, then the links stop. */
export const LINK_TTL_DAYS_DEFAULT = 30;

/**
 * When a personal link stops admitting its holder: `ttlDays` after the workshop closed; null while
 * it is open (closedAt null) or when links never expire (ttlDays 0).
 */
export function linkExpiresAt(closedAt: number | null, ttlDays: number): number | null {
  if (closedAt === null || ttlDays <= 0) return null;
  return closedAt + ttlDays * DAY_MS;
}

export function isLinkExpired(closedAt: number | null, ttlDays: number, now: number): boolean {
  const at = linkExpiresAt(closedAt, ttlDays);
  return at !== null && now >= at;
}

/** Whether data retention deletes a workshop now: closed at least `days` ago (retention off: null days). */
export function retentionDue(closedAt: number | null, days: number | null, now: number): boolean {
  if (closedAt === null || days === null || days <= 0) return false;
  return now >= closedAt + days * DAY_MS;
}
