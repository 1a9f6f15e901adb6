import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdTimers, later } from './pausableTimers';

describe('pausable timers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    holdTimers(false);
    vi.useRealTimers();
  });

  it.each([
    // [ms, run before hold, held for, runs after release, fired?]
    [1000, 400, 5000, 599, false],
    [1000, 400, 5000, 600, true],
    [1000, 0, 10_000, 1000, true],
  ])('a %d ms timer held after %d ms for %d ms fires %d ms after release: %s', (ms, before, heldFor, after, fired) => {
    const fn = vi.fn();
    later(fn, ms);
    vi.advanceTimersByTime(before);
    holdTimers(true);
    vi.advanceTimersByTime(heldFor);
    expect(fn).not.toHaveBeenCalled();
    holdTimers(false);
    vi.advanceTimersByTime(after);
    expect(fn.mock.calls.length).toBe(fired ? 1 : 0);
  });

  it('a cancelled timer never fires, held or not', () => {
    const fn = vi.fn();
    const cancel = later(fn, 100);
    holdTimers(true);
    cancel();
    holdTimers(false);
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
  });

  it('a timer made while held waits for the release', () => {
    const fn = vi.fn();
    holdTimers(true);
    later(fn, 100);
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
    holdTimers(false);
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledOnce();
  });
});
