import { describe, expect, it } from 'vitest';
import { MAX_PUBLISH_TICK_MS, PUBLISH_TICK_MS, publishTickFor } from './publishTick';

describe('publishTickFor', () => {
  it.each([
    { written: 0, tick: PUBLISH_TICK_MS },
    { written: 250, tick: PUBLISH_TICK_MS },
    { written: 500, tick: 20 },
    { written: 1_000, tick: MAX_PUBLISH_TICK_MS },
    { written: 5_000, tick: MAX_PUBLISH_TICK_MS },
  ])('the tick after a publication that wrote to $written sockets is $tick ms', ({ written, tick }) => {
    expect(publishTickFor(written)).toBe(tick);
  });
});
