import { describe, expect, it } from 'vitest';
import type { Envelope } from '@world-cafe/shared';
import { contiguity, lastSeqOf } from './appendRules';

const batch = (seqs: number[]) => ({
  workshopId: 'w',
  opKey: null,
  envelopes: seqs.map((seq) => ({ seq }) as unknown as Envelope),
});

describe('contiguity', () => {
  it.each([
    { prev: 0, seqs: [1], ok: true },
    { prev: 0, seqs: [1, 2, 3], ok: true },
    { prev: 4, seqs: [5, 6], ok: true },
    { prev: 4, seqs: [], ok: true }, // a batch without events (credential, snapshot) always fits
    { prev: 0, seqs: [2], ok: false }, // a hole
    { prev: 3, seqs: [3], ok: false }, // a repeat
    { prev: 0, seqs: [1, 3], ok: false }, // a hole inside the batch
    { prev: 0, seqs: [1, 1], ok: false },
    { prev: 0, seqs: [1, 3, 3], ok: false }, // first and last look dense, the middle is not
  ])('after $prev, seqs $seqs → ok $ok', ({ prev, seqs, ok }) => {
    const o = contiguity(batch(seqs), prev);
    if (ok) expect(o).toBeNull();
    else expect(o).toMatchObject({ code: 'SEQ_NOT_CONTIGUOUS' });
  });

  it.each([
    { seqs: [], last: undefined },
    { seqs: [4, 5], last: 5 },
  ])('lastSeqOf $seqs is $last', ({ seqs, last }) => {
    expect(lastSeqOf(batch(seqs))).toBe(last);
  });
});
