import { describe, expect, it } from 'vitest';
import { type Envelope, emptyState } from '@world-cafe/shared';
import { CommittedView } from './committedView';
import type { Publication } from './fanout';

const env = (seq: number): Envelope => ({ seq, at: seq, by: null, scope: null, e: { type: 'workshop:updated', title: `t${seq}` } });
const envs = (...seqs: number[]) => seqs.map(env);

function view() {
  const published: number[][] = [];
  const v = new CommittedView('w', emptyState(), [], (_w, pub: Publication) => void published.push(pub.envelopes.map((e) => e.seq)));
  return { v, published };
}

describe('CommittedView.advance: a view is always a prefix of the log', () => {
  it.each([
    { name: 'dense batches apply in order', batches: [[1, 2], [3], [4, 5]], seq: 5, published: [[1, 2], [3], [4, 5]], refused: [] },
    {
      name: 'a batch that overlaps is trimmed (old and new owner crossing)',
      batches: [
        [1, 2, 3],
        [2, 3, 4],
      ],
      seq: 4,
      published: [[1, 2, 3], [4]],
      refused: [],
    },
    {
      name: 'a batch already held changes nothing',
      batches: [
        [1, 2],
        [1, 2],
      ],
      seq: 2,
      published: [[1, 2]],
      refused: [],
    },
    { name: 'a batch that would leave a hole is refused', batches: [[1], [3, 4]], seq: 1, published: [[1]], refused: [1] },
    {
      name: 'after a refused one, the gap filled from the log applies',
      batches: [[1], [3], [2, 3]],
      seq: 3,
      published: [[1], [2, 3]],
      refused: [1],
    },
  ])('$name', ({ batches, seq, published: expected, refused }) => {
    const { v, published } = view();
    const refusedAt: number[] = [];
    batches.forEach((b, i) => {
      if (!v.advance(envs(...b))) refusedAt.push(i);
    });
    expect(v.committed.seq).toBe(seq);
    expect(published).toEqual(expected);
    expect(refusedAt).toEqual(refused);
    expect(v.eventsSince(0)?.map((e) => e.seq)).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
  });
});
