import { describe, expect, it } from 'vitest';
import { inSlices } from './turns';

/**
 * `steps` steps that each take `ms` on a clock of their own (so that a busy machine changes
 * nothing), recording before each how many turns of the loop had run.
 */
function timedSteps(steps: number, ms: number) {
  const clock = { now: 0 };
  const turnsBefore: number[] = [];
  let turns = 0;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  function* run(): Generator<void, string, undefined> {
    for (let i = 0; i < steps; i++) {
      turnsBefore.push(turns);
      clock.now += ms;
      yield;
    }
    stopped = true;
    return 'done';
  }
  return { run: run(), clock: () => clock.now, turnsBefore };
}

describe('inSlices', () => {
  it.each([
    // a turn once a slice has run 8 ms: after every third step of 3 ms
    { steps: 10, ms: 3, sliceMs: 8, turnsBefore: [0, 0, 0, 1, 1, 1, 2, 2, 2, 3] },
    // a step longer than the slice: a turn after each
    { steps: 4, ms: 10, sliceMs: 8, turnsBefore: [0, 1, 2, 3] },
    // everything within one slice: no turn
    { steps: 4, ms: 1, sliceMs: 50, turnsBefore: [0, 0, 0, 0] },
  ])('$steps steps of $ms ms in slices of $sliceMs ms: turns of the loop between them', async ({ steps, ms, sliceMs, turnsBefore }) => {
    const t = timedSteps(steps, ms);
    expect(await inSlices(t.run, sliceMs, t.clock)).toBe('done');
    expect(t.turnsBefore).toEqual(turnsBefore);
  });
});
