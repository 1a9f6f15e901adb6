import { describe, expect, it } from 'vitest';
import type { Envelope } from '@world-cafe/shared';
import { checkAgainstKnownHead, contiguity, lastSeqOf } from './appendRules';

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

describe('checkAgainstKnownHead (the rule both stores share)', () => {
  it.each([
    { what: 'accepted earlier in the group: the group decides', tentative: 4, cached: 9, seqs: [5], out: 'ok' },
    { what: 'refused within the group: stands (no re-read)', tentative: 4, cached: undefined, seqs: [7], out: 'refused' },
    { what: 'nothing cached: read the stored head', tentative: undefined, cached: undefined, seqs: [1], out: 'read-head' },
    { what: 'fits the cached head', tentative: undefined, cached: 4, seqs: [5, 6], out: 'ok' },
    { what: 'refused by a cached head: re-read before refusing', tentative: undefined, cached: 4, seqs: [9], out: 'read-head' },
  ])('$what', ({ tentative, cached, seqs, out }) => {
    const r = checkAgainstKnownHead(batch(seqs), tentative, cached);
    if (out === 'ok') expect(r).toBeNull();
    else if (out === 'read-head') expect(r).toBe('read-head');
    else expect(r).toMatchObject({ code: 'SEQ_NOT_CONTIGUOUS' });
  });
});
