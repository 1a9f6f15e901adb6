import { describe, expect, it } from 'vitest';
import { type Phase, type WorkshopState, tableSliceFor } from '@world-cafe/shared';
import { P, standardWorkshop } from '@world-cafe/shared/testing';
import { tableSliceOf } from './tableSlices';

const everyone = Object.values(P);

describe('tableSliceOf: tableSliceFor from an index by table, built once per committed state', () => {
  it.each<Phase>(['setup', 'cafe', 'harvest', 'closed'])('everyone in phase %s', (phase) => {
    const state = standardWorkshop(phase);
    // twice: the second reads the index
    for (let i = 0; i < 2; i++) for (const p of everyone) expect(tableSliceOf(state, p), p).toEqual(tableSliceFor(state, p));
  });

  it('a new committed state is indexed anew', () => {
    const before = standardWorkshop('cafe');
    expect(tableSliceOf(before, P.d2)).toEqual(tableSliceFor(before, P.d2));
    const after: WorkshopState = { ...before, seq: before.seq + 1, seats: { ...before.seats, [P.d3]: 't2' } };
    expect(tableSliceOf(after, P.d2)).toEqual(tableSliceFor(after, P.d2));
    expect(Object.keys(tableSliceOf(after, P.d2).seats).sort()).toEqual([P.d2, P.d3].sort());
  });
});
