import { describe, expect, it } from 'vitest';
import { type DomainEvent, type Envelope, type WorkshopState, emptyState } from '@world-cafe/shared';
import { N, NOW, P, envelopes, standardWorkshop } from '@world-cafe/shared/testing';
import { CommittedView, SNAPSHOT_VERSION, SnapshotCapture, snapshotState } from './committedView';
import type { SnapshotPart } from '../store/eventStore';
import type { Publication } from './fanout';

const env = (seq: number): Envelope => ({ seq, at: seq, by: null, scope: null, e: { type: 'workshop:updated', title: `t${seq}` } });
const envs = (...seqs: number[]) => seqs.map(env);

function view() {
  const published: number[][] = [];
  const v = new CommittedView('w', emptyState(), [], (_w, pub: Publication) => (published.push(pub.envelopes.map((e) => e.seq)), 0));
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

/** A state as JSON carries it (what a snapshot of it loads back to). */
const plain = (state: WorkshopState) => JSON.parse(JSON.stringify(state)) as unknown;

/** A PartWriter that keeps the parts (and runs `then` after each). */
function collect(then: (part: SnapshotPart) => void = () => {}) {
  const parts: SnapshotPart[] = [];
  const write = async (part: SnapshotPart) => {
    parts.push(part);
    then(part);
    return true;
  };
  return { parts, write };
}

describe('CommittedView.snapshot: serialised part by part, consistent at its seq', () => {
  const note = (id: string, tableId = 't1', text = `note ${id}`): DomainEvent => ({
    type: 'note:created',
    note: { id, tableId, text, color: 'yellow', x: 1, y: 2, authorId: P.d1, delegationId: 'thai', round: 1, createdAt: NOW, editedAt: NOW },
  });
  const folded = (state: WorkshopState, events: DomainEvent[]) => envelopes(state, events, P.d1);

  it('its head and parts load back to the state at its seq although later events update the records meanwhile', async () => {
    const base = standardWorkshop('cafe');
    const v = new CommittedView('w', base, [], () => 0);
    // 23 more notes: with parts of 5 entries the notes record takes several parts
    v.advance(
      folded(
        v.committed,
        Array.from({ length: 23 }, (_, i) => note(`n${i}`)),
      ),
    );
    const at = plain(v.committed);
    const seq = v.committed.seq;
    // between parts: edits, deletes and creations in place, a seat change, and an event outside
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
    const { parts, write } = collect();
    const head = await v.snapshot(write, { pause, slice: 5 });
    expect(pauses).toBeGreaterThanOrEqual(later.length);
    expect(head?.seq).toBe(seq);
    // parts 0..N-1 in order, each self-contained and of at most 5 entries of one record
    expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => i));
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) {
      expect(p.seq).toBe(seq);
      const body = JSON.parse(p.body) as { v: number; state: Record<string, Record<string, unknown>> };
      expect(body.v).toBe(SNAPSHOT_VERSION);
      expect(Object.keys(body.state)).toHaveLength(1);
      expect(Object.keys(Object.values(body.state)[0]!).length).toBeLessThanOrEqual(5);
    }
    // the head holds everything else, the records as {}
    const headBody = JSON.parse(head!.body) as { v: number; parts: number; state: WorkshopState };
    expect(headBody).toMatchObject({ v: SNAPSHOT_VERSION, parts: parts.length, state: { seq, notes: {}, participants: {}, seats: {} } });
    expect(plain((await snapshotState({ ...head!, parts: parts.map((p) => p.body) }))!)).toEqual(at);
    // the later events did land in the live state
    expect(v.committed.notes['n0']?.text).toBe('changed');
    expect(v.committed.notes['n7']).toBeUndefined();
    expect(v.committed.seats[P.d3]).toBe('t2');
  });

  it('a record replaced after the capture (not updated in place) leaves the captured one as it was', async () => {
    const state = standardWorkshop('cafe');
    const capture = new SnapshotCapture(state);
    const expected = plain(state);
    // a copy of the notes record, then an in-place update of the copy: the capture keeps nothing
    const copy = { ...state, notes: { ...state.notes, [N.d1]: { ...state.notes[N.d1]!, text: 'in the copy' } } };
    capture.touch(copy, 'notes', N.d1);
    delete (copy.notes as Record<string, unknown>)[N.d1];
    const parts = [...capture.parts(1)];
    expect(plain((await snapshotState({ seq: state.seq, body: capture.head(parts.length), parts }))!)).toEqual(expected);
  });

  it('stops when the writer says so: no more parts, no head', async () => {
    const v = new CommittedView('w', standardWorkshop('cafe'), [], () => 0);
    const written: number[] = [];
    const head = await v.snapshot(
      async (p) => {
        written.push(p.part);
        return p.part < 1;
      },
      { slice: 1 },
    );
    expect(head).toBeNull();
    expect(written).toEqual([0, 1]);
    // and the view takes the next one
    expect(await v.snapshot(collect().write)).not.toBeNull();
  });

  it('one at a time: a second request while one runs gets null', async () => {
    const v = new CommittedView('w', standardWorkshop('cafe'), [], () => 0);
    const seen: { second?: Promise<unknown> } = {};
    // parts of one record entry: the pause runs while the first is under way
    const first = v.snapshot(collect().write, {
      pause: async () => {
        seen.second ??= v.snapshot(collect().write);
      },
      slice: 1,
    });
    expect(await first).not.toBeNull();
    expect(seen.second).toBeDefined();
    expect(await seen.second).toBeNull();
    // and once it is done, the next one runs
    expect(await v.snapshot(collect().write)).not.toBeNull();
  });
});

describe('snapshotState: what a stored snapshot loads as', () => {
  const state = standardWorkshop('cafe');
  const capture = () => {
    const c = new SnapshotCapture(state);
    const parts = [...c.parts(2)];
    return { seq: state.seq, body: c.head(parts.length), parts };
  };

  it('a head with all its parts is the state; a v1 body (the whole state) still loads', async () => {
    expect(plain((await snapshotState(capture()))!)).toEqual(plain(state));
    expect(plain((await snapshotState({ seq: state.seq, body: JSON.stringify({ v: 1, state }), parts: [] }))!)).toEqual(plain(state));
  });

  it.each([
    { name: 'a part missing', change: (s: ReturnType<typeof capture>) => ({ ...s, parts: s.parts.slice(1) }) },
    { name: 'a part too many', change: (s: ReturnType<typeof capture>) => ({ ...s, parts: [...s.parts, s.parts[0]!] }) },
    { name: 'a seq that differs', change: (s: ReturnType<typeof capture>) => ({ ...s, seq: s.seq + 1 }) },
    { name: 'an unknown version', change: (s: ReturnType<typeof capture>) => ({ ...s, body: s.body.replace('"v":2', '"v":99') }) },
    {
      name: 'a part of another version',
      change: (s: ReturnType<typeof capture>) => ({ ...s, parts: s.parts.map((p) => p.replace('"v":2', '"v":1')) }),
    },
    {
      name: 'a part of a field that is not a record',
      change: (s: ReturnType<typeof capture>) => ({ ...s, parts: ['{"v":2,"state":{"goals":{}}}', ...s.parts.slice(1)] }),
    },
    { name: 'a body that does not parse', change: (s: ReturnType<typeof capture>) => ({ ...s, parts: ['{"v":2,', ...s.parts.slice(1)] }) },
  ])('null (full replay) for $name', async ({ change }) => {
    const snap = capture();
    expect(snap.parts.length).toBeGreaterThan(1);
    expect(await snapshotState(change(snap))).toBeNull();
  });
});
