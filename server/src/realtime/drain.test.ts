import { describe, expect, it } from 'vitest';
import { Drain } from './drain';

describe('Drain', () => {
  it('is idle at once with nothing in flight', async () => {
    expect(await new Drain().idle(10)).toBe(true);
  });

  it('waits for tracked commands, including ones tracked while waiting', async () => {
    const d = new Drain();
    let late: Promise<void> | null = null;
    void d.track(
      new Promise<void>((r) =>
        setTimeout(() => {
          late = d.track(new Promise<void>((r2) => setTimeout(r2, 20)));
          r();
        }, 20),
      ),
    );
    expect(await d.idle(1000)).toBe(true);
    expect(late).not.toBeNull();
    expect(d.size).toBe(0);
  });

  it('gives up after the timeout and says so; a rejected command counts as settled', async () => {
    const d = new Drain();
    void d.track(new Promise(() => {}));
    d.track(Promise.reject(new Error('refused'))).catch(() => {});
    expect(await d.idle(30)).toBe(false);
    expect(d.size).toBe(1);
  });

  it('stop() flips stopping', () => {
    const d = new Drain();
    expect(d.stopping).toBe(false);
    d.stop();
    expect(d.stopping).toBe(true);
  });
});
