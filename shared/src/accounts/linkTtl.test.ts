import { describe, expect, it } from 'vitest';
import { DAY_MS, isLinkExpired, linkExpiresAt, retentionDue } from './linkTtl';

const closed = Date.UTC(2026, 5, 1, 12);

describe('linkExpiresAt / isLinkExpired', () => {
  it.each([
    { what: 'open workshop', closedAt: null, ttl: 30, now: closed + 400 * DAY_MS, at: null, expired: false },
    { what: 'never (0)', closedAt: closed, ttl: 0, now: closed + 400 * DAY_MS, at: null, expired: false },
    { what: 'negative counts as never', closedAt: closed, ttl: -1, now: closed + 400 * DAY_MS, at: null, expired: false },
    { what: 'just closed', closedAt: closed, ttl: 30, now: closed, at: closed + 30 * DAY_MS, expired: false },
    { what: 'a millisecond before', closedAt: closed, ttl: 30, now: closed + 30 * DAY_MS - 1, at: closed + 30 * DAY_MS, expired: false },
    { what: 'at the moment', closedAt: closed, ttl: 30, now: closed + 30 * DAY_MS, at: closed + 30 * DAY_MS, expired: true },
    { what: 'one day', closedAt: closed, ttl: 1, now: closed + DAY_MS + 1, at: closed + DAY_MS, expired: true },
    { what: 'fraction of a day', closedAt: closed, ttl: 0.5, now: closed + DAY_MS / 2, at: closed + DAY_MS / 2, expired: true },
  ])('$what', ({ closedAt, ttl, now, at, expired }) => {
    expect(linkExpiresAt(closedAt, ttl)).toBe(at);
    expect(isLinkExpired(closedAt, ttl, now)).toBe(expired);
  });
});

describe('retentionDue', () => {
  it.each([
    { what: 'off (null)', closedAt: closed, days: null, now: closed + 999 * DAY_MS, due: false },
    { what: 'off (0)', closedAt: closed, days: 0, now: closed + 999 * DAY_MS, due: false },
    { what: 'open workshop', closedAt: null, days: 1, now: closed + 999 * DAY_MS, due: false },
    { what: 'too early', closedAt: closed, days: 90, now: closed + 90 * DAY_MS - 1, due: false },
    { what: 'on time', closedAt: closed, days: 90, now: closed + 90 * DAY_MS, due: true },
    { what: 'late', closedAt: closed, days: 90, now: closed + 200 * DAY_MS, due: true },
  ])('$what', ({ closedAt, days, now, due }) => {
    expect(retentionDue(closedAt, days, now)).toBe(due);
  });
});
