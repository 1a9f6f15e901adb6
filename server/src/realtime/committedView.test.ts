import { describe, expect, it } from 'vitest';
import { type DomainEvent, type Envelope, type WorkshopState, emptyState } from '@world-cafe/shared';
import { N, NOW, P, envelopes, standardWorkshop } from '@world-cafe/shared/testing';
import { CommittedView, SnapshotCapture, snapshotBody } from './committedView';
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

describe('CommittedView.snapshot: serialised in slices, consistent at its seq', () => {
  const note = (id: string, tableId = 't1', text = `note ${id}`): DomainEvent => ({
    type: 'note:created',
    note: { id, tableId, text, color: 'yellow', x: 1, y: 2, authorId: P.d1, delegationId: 'thai', round: 1, createdAt: NOW, editedAt: NOW },
  });
  const folded = (state: WorkshopState, events: DomainEvent[]) => envelopes(state, events, P.d1);

  it('equals snapshotBody of the state at its seq although later events update the records meanwhile', async () => {
    const base = standardWorkshop('cafe');
    const v = new CommittedView('w', base, [], () => {});
    // 23 more notes: with slices of 5 the notes record takes several turns
    v.advance(
      folded(
        v.committed,
        Array.from({ length: 23 }, (_, i) => note(`n${i}`)),
      ),
    );
    const at = JSON.parse(snapshotBody(v.committed)) as unknown;
    const seq = v.committed.seq;
    // between slices: edits, deletes and creations in place, a seat change, and an event outside
    // the records (a phase change) followed by more in-place updates
    const later: DomainEvent[][] = [
      [{ type: 'note:edited', tableId: 't1', noteId: 'n0', text: 'changed', editedAt: NOW + 1 }],
      [{ type: 'note:deleted', tableId: 't1', noteId: 'n7' }, note('n-late')],
      [{ type: 'seat:assigned', participantId: P.d3, tableId: 't2', from: null }],
      [{ type: 'note:moved', tableId: 't1', noteId: 'n12', x: 50, y: 60 }],
      [
        { type: 'workshop:phase-changed', phase: 'harvest' },
        { type: 'note:edited', tableId: 't1', noteId: 'n20', text: 'after', editedAt: NOW + 2 },
      ],
    ];
    let pauses = 0;
    const pause = async () => {
      const events = later[pauses++];
      if (events) expect(v.advance(folded(v.committed, events))).toBe(true);
    };
    const snap = await v.snapshot(pause, 5);
    expect(pauses).toBeGreaterThanOrEqual(later.length);
    expect(snap?.seq).toBe(seq);
    expect(JSON.parse(snap!.body)).toEqual(at);
    // the later events did land in the live state
    expect(v.committed.notes['n0']?.text).toBe('changed');
    expect(v.committed.notes['n7']).toBeUndefined();
    expect(v.committed.seats[P.d3]).toBe('t2');
  });

  it('a record replaced after the capture (not updated in place) leaves the captured one as it was', async () => {
    const state = standardWorkshop('cafe');
    const capture = new SnapshotCapture(state);
    const expected = JSON.parse(snapshotBody(state)) as unknown;
    // a copy of the notes record, then an in-place update of the copy: the capture keeps nothing
    const copy = { ...state, notes: { ...state.notes, [N.d1]: { ...state.notes[N.d1]!, text: 'in the copy' } } };
    capture.touch(copy, 'notes', N.d1);
    delete (copy.notes as Record<string, unknown>)[N.d1];
    expect(JSON.parse(await capture.serialize(async () => {}, 1))).toEqual(expected);
  });

  it('one at a time: a second request while one runs gets null', async () => {
    const v = new CommittedView('w', standardWorkshop('cafe'), [], () => {});
    const seen: { second?: Promise<unknown> } = {};
    // slices of one record: the pause runs while the first is under way
    const first = v.snapshot(async () => {
      seen.second ??= v.snapshot();
    }, 1);
    expect(await first).not.toBeNull();
    expect(seen.second).toBeDefined();
    expect(await seen.second).toBeNull();
    // and once it is done, the next one runs
    expect(await v.snapshot()).not.toBeNull();
  });
});
