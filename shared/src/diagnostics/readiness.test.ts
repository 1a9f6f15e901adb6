import { describe, expect, it } from 'vitest';
import { type ServiceWait, readinessSchema, startingReadiness } from './readiness';

const pg: ServiceWait = { service: 'postgresql', since: '2026-12-07T00:12:03.000Z', error: 'connect ECONNREFUSED 127.0.0.1:5432' };
const redis: ServiceWait = { service: 'redis', since: '2026-12-07T00:12:04.500Z', error: null };

describe('startingReadiness', () => {
  it.each<[string, ServiceWait[], string]>([
    ['nothing left to wait for (the app is being built)', [], 'starting'],
    ['PostgreSQL down', [pg], 'starting: waiting for PostgreSQL since 2026-12-07T00:12:03.000Z'],
    ['Redis down', [redis], 'starting: waiting for Redis since 2026-12-07T00:12:04.500Z'],
    [
      'both down, PostgreSQL named first whatever the order they failed in',
      [redis, pg],
      'starting: waiting for PostgreSQL since 2026-12-07T00:12:03.000Z and Redis since 2026-12-07T00:12:04.500Z',
    ],
  ])('%s', (_name, waits, reason) => {
    const r = startingReadiness(waits);
    expect(r).toMatchObject({ ok: false, reason });
    expect(readinessSchema.parse(r)).toEqual(r);
  });

  it.each<[string, unknown, boolean]>([
    ['ready', { ok: true }, true],
    ['a running node that lost its store', { ok: false, reason: 'store unreachable' }, true],
    ['an unknown service', { ok: false, reason: 'x', waitingFor: [{ service: 'mysql', since: pg.since, error: null }] }, false],
    ['a since that is not a time', { ok: false, reason: 'x', waitingFor: [{ ...pg, since: 'yesterday' }] }, false],
    ['an extra field', { ok: true, extra: 1 }, false],
  ])('schema: %s', (_name, body, valid) => {
    expect(readinessSchema.safeParse(body).success).toBe(valid);
  });
});
