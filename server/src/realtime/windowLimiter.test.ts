import { describe, expect, it } from 'vitest';
import { WindowLimiter } from './windowLimiter';

describe('WindowLimiter: points per fixed window, per key', () => {
  it.each([
    { name: 'within the points', points: 3, calls: [0, 1, 2], expected: [true, true, true] },
    { name: 'over the points in one window', points: 2, calls: [0, 1, 2, 999], expected: [true, true, false, false] },
    {
      name: 'a new window after durationMs',
      points: 2,
      calls: [0, 1, 2, 1000, 1001, 1002],
      expected: [true, true, false, true, true, false],
    },
    { name: 'the window starts at the first call', points: 1, calls: [500, 1400, 1500], expected: [true, false, true] },
  ])('$name', ({ points, calls, expected }) => {
    let now = 0;
    const limiter = new WindowLimiter(points, 1000, () => now);
    expect(
      calls.map((t) => {
        now = t;
        return limiter.consume('p1');
      }),
    ).toEqual(expected);
  });

  it('keys are apart, and ended windows are forgotten', () => {
    let now = 0;
    const limiter = new WindowLimiter(1, 1000, () => now);
    expect([limiter.consume('a'), limiter.consume('b'), limiter.consume('a')]).toEqual([true, true, false]);
    expect(limiter.size).toBe(2);
    now = 2500;
    expect(limiter.consume('c')).toBe(true);
    expect(limiter.size).toBe(1);
  });
});
