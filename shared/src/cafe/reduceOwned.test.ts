import { describe, expect, it } from 'vitest';
import type { DomainEvent } from './protocol';
import { OWNED_RECORDS, applyEnvelopes, applyEnvelopesOwned, applyEnvelopesOwnedSteps, ownedCopy, ownedCopySteps } from './reduce';
import { P, deepFreeze, envelopes, standardWorkshop } from '../testing/fixtures';

const participant = (id: string) => ({ id, name: `Person ${id}`, delegationId: null, role: 'delegate' as const, joinedAt: 1 });
const note = (id: string, tableId: string) =>
  ({
    id,
    tableId,
    text: `note ${id}`,
    color: 'yellow',
    x: 1,
    y: 2,
    authorId: P.d1,
    delegationId: null,
    round: 0,
    createdAt: 1,
    editedAt: null,
  }) as never;

// Each row: events folded in place must give exactly what the copying fold gives.
const cases: Array<[string, DomainEvent[]]> = [
  [
    'joins',
    [
      { type: 'participant:joined', participant: participant('x1') },
      { type: 'participant:joined', participant: participant('x2') },
    ],
  ],
  [
    'seat, move, unseat',
    [
      { type: 'seat:assigned', participantId: P.d3, tableId: 't1', from: null },
      { type: 'seat:assigned', participantId: P.d3, tableId: 't2', from: 't1' },
      { type: 'seat:assigned', participantId: P.d1, tableId: null, from: 't1' },
    ],
  ],
  [
    'join then seat then note',
    [
      { type: 'participant:joined', participant: participant('x3') },
      { type: 'seat:assigned', participantId: 'x3', tableId: 't1', from: null },
      { type: 'note:created', note: note('nx', 't1') },
      { type: 'note:deleted', tableId: 't1', noteId: 'nx' },
    ],
  ],
  [
    'role change between seat changes',
    [
      { type: 'seat:assigned', participantId: P.d3, tableId: 't1', from: null },
      { type: 'participant:role-set', participantId: P.d3, role: 'host' },
      { type: 'seat:assigned', participantId: P.d3, tableId: 't2', from: 't1' },
    ],
  ],
];

describe('applyEnvelopesOwned', () => {
  it.each(cases)('%s: same result as the copying fold', (_name, events) => {
    const base = deepFreeze(standardWorkshop('cafe'));
    const envs = envelopes(base, events, null);
    const copied = applyEnvelopes(base, envs);
    const owned = applyEnvelopesOwned(ownedCopy(base), envs);
    expect(owned).toEqual(copied);
  });

  it('updates the owned records in place and leaves the original state untouched', () => {
    const base = deepFreeze(standardWorkshop('cafe'));
    const mine = ownedCopy(base);
    const seats = mine.seats;
    const after = applyEnvelopesOwned(
      mine,
      envelopes(base, [{ type: 'seat:assigned', participantId: P.d3, tableId: 't1', from: null }], null),
    );
    expect(after.seats).toBe(seats);
    expect(base.seats[P.d3]).toBeUndefined();
  });

  // The room folds each envelope into its decided state and, after the commit, its committed one.
  // An event whose record becomes the state's (a round's seats) must give each fold a record of
  // its own: the in-place updates of the decided state would otherwise show in the committed one
  // before their commit, and rewrite the event kept for catch-ups.
  it.each<[string, DomainEvent]>([
    ['round:started', { type: 'round:started', round: 2, endsAt: 9e12, seats: { [P.d1]: 't1', [P.d2]: 't2' }, moved: [P.d1, P.d2] }],
    [
      'workshop:created',
      {
        type: 'workshop:created',
        workshop: { id: 'w2', title: 'T', joinCode: 'ABCD2345', createdAt: 1 },
        facilitator: participant('f2'),
        themes: [],
        tables: [],
        delegations: [],
        planYears: null,
      } as never,
    ],
  ])('%s: each fold of the envelope gets records of its own', (_name, event) => {
    const base = deepFreeze(standardWorkshop('cafe'));
    const [env] = deepFreeze(envelopes(base, [event], null));
    const decided = applyEnvelopesOwned(ownedCopy(base), [env!]);
    const committed = applyEnvelopesOwned(ownedCopy(base), [env!]);
    const later = envelopes(decided, [{ type: 'seat:assigned', participantId: 'x9', tableId: 't1', from: null }], null);
    // the envelope is frozen: an update in place of a record it holds throws here
    applyEnvelopesOwned(decided, later);
    expect(decided.seats['x9']).toBe('t1');
    expect(committed.seats['x9']).toBeUndefined();
    for (const f of OWNED_RECORDS) expect(decided[f]).not.toBe(committed[f]);
  });
});

/** Runs a generator to its end; returns its result and how many times it yielded. */
function drive<T>(steps: Generator<void, T, undefined>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, yields };
    yields++;
  }
}

describe('the stepwise copy and fold (a cold load, between other work)', () => {
  it.each([1, 2, 3, 1000])('ownedCopySteps in slices of %i: what ownedCopy gives, own records, a yield per slice', (slice) => {
    const base = deepFreeze(standardWorkshop('cafe'));
    const entries = OWNED_RECORDS.reduce((n, f) => n + Object.keys(base[f]).length, 0);
    const { value, yields } = drive(ownedCopySteps(base, slice));
    expect(value).toEqual(ownedCopy(base));
    for (const f of OWNED_RECORDS) expect(value[f]).not.toBe(base[f]);
    expect(yields).toBe(Math.floor(entries / slice));
    // the copy is the fold's to update in place: the frozen original stays as it was
    applyEnvelopesOwned(value, envelopes(base, [{ type: 'seat:assigned', participantId: P.d3, tableId: 't1', from: null }], null));
    expect(base.seats[P.d3]).toBeUndefined();
  });

  it.each(cases.flatMap(([name, events]) => [1, 2, 500].map((slice) => [name, slice, events] as const)))(
    '%s, applyEnvelopesOwnedSteps in slices of %i: what the one-go fold gives',
    (_name, slice, events) => {
      const base = deepFreeze(standardWorkshop('cafe'));
      const envs = envelopes(base, events, null);
      const { value, yields } = drive(applyEnvelopesOwnedSteps(ownedCopy(base), envs, slice));
      expect(value).toEqual(applyEnvelopesOwned(ownedCopy(base), envs));
      expect(yields).toBe(Math.ceil(envs.length / slice));
    },
  );
});
