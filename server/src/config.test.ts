import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config';

describe('LINK_TTL_DAYS_AFTER_CLOSE and RETENTION_DAYS_AFTER_CLOSE', () => {
  it.each([
    { env: {}, ttl: 30, retention: null },
    { env: { LINK_TTL_DAYS_AFTER_CLOSE: '0' }, ttl: 0, retention: null },
    { env: { LINK_TTL_DAYS_AFTER_CLOSE: '7', RETENTION_DAYS_AFTER_CLOSE: '365' }, ttl: 7, retention: 365 },
    { env: { RETENTION_DAYS_AFTER_CLOSE: ' ' }, ttl: 30, retention: null },
  ])('$env', ({ env, ttl, retention }) => {
    const c = configFromEnv(env);
    expect([c.linkTtlDays, c.retentionDays]).toEqual([ttl, retention]);
  });

  it.each([
    { LINK_TTL_DAYS_AFTER_CLOSE: '-1' },
    { LINK_TTL_DAYS_AFTER_CLOSE: 'soon' },
    { RETENTION_DAYS_AFTER_CLOSE: '0' },
    { RETENTION_DAYS_AFTER_CLOSE: '-5' },
  ])('refuses %o', (env) => {
    expect(() => configFromEnv(env)).toThrow(/DAYS_AFTER_CLOSE/);
  });
});

describe('GC_HEAP_GROWING_PERCENT', () => {
  it.each([
    { env: {}, percent: 300 },
    { env: { GC_HEAP_GROWING_PERCENT: '0' }, percent: 0 },
    { env: { GC_HEAP_GROWING_PERCENT: '150' }, percent: 150 },
    { env: { GC_HEAP_GROWING_PERCENT: ' ' }, percent: 300 },
  ])('$env', ({ env, percent }) => {
    expect(configFromEnv(env).heapGrowingPercent).toBe(percent);
  });

  it.each(['-1', '2.5', 'lots', '1001'])('refuses %s', (raw) => {
    expect(() => configFromEnv({ GC_HEAP_GROWING_PERCENT: raw })).toThrow(/GC_HEAP_GROWING_PERCENT/);
  });
});
