import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoalescer } from './coalesce';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function harness(perSecond: number, burst: number) {
  const sent: Array<[string, number, number]> = [];
  let coalesced = 0;
  const start = performance.now();
  const c = createCoalescer<number>({
    perSecond,
    burst,
    send: (k, v) => sent.push([k, v, Math.round(performance.now() - start)]),
    onCoalesced: () => coalesced++,
  });
  return { c, sent, coalesced: () => coalesced };
}

describe('createCoalescer', () => {
  it.each([
    { name: 'within the burst: every state at once', perSecond: 2, burst: 4, pushes: [1, 2, 3], sent: [1, 2, 3], coalesced: 0 },
    { name: 'over the burst: the last state wins', perSecond: 2, burst: 2, pushes: [1, 2, 3, 4, 5], sent: [1, 2, 5], coalesced: 2 },
    {
      name: 'a flood of 1000: burst, then only the last',
      perSecond: 4,
      burst: 8,
      pushes: Array.from({ length: 1000 }, (_, i) => i),
      sent: [0, 1, 2, 3, 4, 5, 6, 7, 999],
      coalesced: 991,
    },
  ])('$name', ({ perSecond, burst, pushes, sent, coalesced }) => {
    const h = harness(perSecond, burst);
    for (const v of pushes) h.c.push('k', v);
    vi.advanceTimersByTime(5000);
    expect(h.sent.map(([, v]) => v)).toEqual(sent);
    expect(h.coalesced()).toBe(coalesced);
  });

  it('sends the waiting state when a token is back, not before', () => {
    const h = harness(2, 1);
    h.c.push('k', 1);
    h.c.push('k', 2);
    vi.advanceTimersByTime(400);
    expect(h.sent).toEqual([['k', 1, 0]]);
    vi.advanceTimersByTime(200);
    expect(h.sent).toEqual([
      ['k', 1, 0],
      ['k', 2, 500],
    ]);
  });

  it('keeps the last state of each key (a `false` at one table is not replaced by another table)', () => {
    const h = harness(1, 1);
    h.c.push('t1', 1);
    h.c.push('t1', 0);
    h.c.push('t2', 1);
    h.c.push('t1', 5);
    vi.advanceTimersByTime(3000);
    expect(h.sent.map(([k, v]) => `${k}=${v}`)).toEqual(['t1=1', 't1=5', 't2=1']);
  });

  it('cancel drops what waits', () => {
    const h = harness(1, 1);
    h.c.push('k', 1);
    h.c.push('k', 2);
    h.c.cancel();
    vi.advanceTimersByTime(3000);
    expect(h.sent.map(([, v]) => v)).toEqual([1]);
    expect(h.c.waiting.size).toBe(0);
  });
});
