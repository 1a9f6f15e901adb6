import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Actor, WorkshopState } from './model';
import { NOTE_COLORS, PHASES, ROLES, emptyState } from './model';
import type { Command, CommandInput, DomainEvent, Envelope, SystemCommand } from './protocol';
import { commandSchema } from './protocol';
import { decide } from './decide';
import { applyEnvelopes, reduce } from './reduce';
import {
  N,
  NOW,
  P,
  SYSTEM,
  as,
  createCommand,
  deepFreeze,
  envelopes,
  invariantViolations,
  joinCommand,
  standardWorkshop,
} from '../testing/fixtures';

const base = () => standardWorkshop('cafe');

const NOTE = {
  id: 'n-new',
  tableId: 't2',
  text: 'New',
  color: 'blue' as const,
  x: 1,
  y: 2,
  authorId: P.d2,
  delegationId: 'jp',
  round: 1,
  createdAt: NOW,
  editedAt: NOW,
};

describe('reduce: each event type', () => {
  it.each<[string, DomainEvent, (before: WorkshopState, after: WorkshopState) => void]>([
    [
      'workshop:created',
      createCommandEvent(),
      (_b, a) => {
        expect(a).toMatchObject({ id: 'ws1', title: 'ASCC café', joinCode: 'ABCD2345', phase: 'setup', round: 1 });
        expect(a.themeOrder).toEqual(['th1', 'th2']);
        expect(a.tableOrder).toEqual(['t1', 't2', 't3']);
        expect(Object.keys(a.delegations)).toEqual(['thai', 'jp', 'vn']);
        expect(Object.keys(a.participants)).toEqual([P.facilitator]);
        expect(a.seats).toEqual({});
        expect(a.notes).toEqual({});
      },
    ],
    [
      'workshop:updated (partial)',
      { type: 'workshop:updated', purpose: 'New purpose' },
      (b, a) => {
        expect(a.purpose).toBe('New purpose');
        expect(a.title).toBe(b.title);
        expect(a.language).toBe(b.language);
        expect('type' in a).toBe(false);
      },
    ],
    [
      'workshop:updated (all)',
      { type: 'workshop:updated', title: 'T', purpose: 'P', language: 'th' },
      (_b, a) => expect(a).toMatchObject({ title: 'T', purpose: 'P', language: 'th' }),
    ],
    ['workshop:phase-changed', { type: 'workshop:phase-changed', phase: 'harvest' }, (_b, a) => expect(a.phase).toBe('harvest')],
    [
      'theme:added',
      { type: 'theme:added', theme: { id: 'th9', name: 'Water' } },
      (_b, a) => {
        expect(a.themes.th9).toEqual({ id: 'th9', name: 'Water' });
        expect(a.themeOrder).toEqual(['th1', 'th2', 'th9']);
      },
    ],
    [
      'theme:renamed',
      { type: 'theme:renamed', themeId: 'th1', name: 'Inclusion' },
      (_b, a) => expect(a.themes.th1).toEqual({ id: 'th1', name: 'Inclusion' }),
    ],
    ['theme:renamed (unknown theme is a no-op)', { type: 'theme:renamed', themeId: 'nope', name: 'X' }, (b, a) => expect(a).toBe(b)],
    [
      'theme:removed nulls the themeId of its tables',
      { type: 'theme:removed', themeId: 'th1' },
      (b, a) => {
        expect(a.themes.th1).toBeUndefined();
        expect(a.themeOrder).toEqual(['th2']);
        expect(a.tables.t1!.themeId).toBeNull();
        expect(a.tables.t2!.themeId).toBe('th2');
        expect(a.tables.t2).toBe(b.tables.t2); // untouched tables keep their identity
      },
    ],
    [
      'table:added',
      { type: 'table:added', table: { id: 't9', name: 'T9', themeId: null, question: 'Q', capacity: 2 } },
      (_b, a) => {
        expect(a.tables.t9).toEqual({ id: 't9', name: 'T9', themeId: null, question: 'Q', capacity: 2 });
        expect(a.tableOrder).toEqual(['t1', 't2', 't3', 't9']);
      },
    ],
    [
      'table:updated patches only given fields',
      { type: 'table:updated', tableId: 't2', capacity: 7, themeId: null },
      (b, a) => {
        expect(a.tables.t2).toEqual({ ...b.tables.t2, capacity: 7, themeId: null });
        expect(a.tables.t2).not.toHaveProperty('type');
        expect(a.tables.t2).not.toHaveProperty('tableId');
      },
    ],
    ['table:updated (unknown table is a no-op)', { type: 'table:updated', tableId: 'nope', name: 'X' }, (b, a) => expect(a).toBe(b)],
    [
      'table:removed',
      { type: 'table:removed', tableId: 't3' },
      (_b, a) => {
        expect(a.tables.t3).toBeUndefined();
        expect(a.tableOrder).toEqual(['t1', 't2']);
      },
    ],
    [
      'delegation:added',
      { type: 'delegation:added', delegation: { id: 'ph', name: 'Philippines', code: 'PH' } },
      (_b, a) => expect(a.delegations.ph).toEqual({ id: 'ph', name: 'Philippines', code: 'PH' }),
    ],
    [
      'delegation:removed',
      { type: 'delegation:removed', delegationId: 'vn' },
      (_b, a) => expect(Object.keys(a.delegations)).toEqual(['thai', 'jp']),
    ],
    [
      'participant:joined',
      {
        type: 'participant:joined',
        participant: { id: 'p9', name: 'Nok', delegationId: 'thai', role: 'delegate', joinedAt: NOW },
      },
      (_b, a) => expect(a.participants.p9).toEqual({ id: 'p9', name: 'Nok', delegationId: 'thai', role: 'delegate', joinedAt: NOW }),
    ],
    [
      'participant:role-set',
      { type: 'participant:role-set', participantId: P.d1, role: 'observer' },
      (b, a) => expect(a.participants[P.d1]).toEqual({ ...b.participants[P.d1], role: 'observer' }),
    ],
    [
      'participant:role-set (unknown participant is a no-op)',
      { type: 'participant:role-set', participantId: 'nobody', role: 'host' },
      (b, a) => expect(a).toBe(b),
    ],
    ['seat:assigned (seat)', { type: 'seat:assigned', participantId: P.d3, tableId: 't2' }, (_b, a) => expect(a.seats[P.d3]).toBe('t2')],
    ['seat:assigned (move)', { type: 'seat:assigned', participantId: P.d1, tableId: 't3' }, (_b, a) => expect(a.seats[P.d1]).toBe('t3')],
    [
      'seat:assigned (unseat removes the key)',
      { type: 'seat:assigned', participantId: P.d1, tableId: null },
      (_b, a) => expect(P.d1 in a.seats).toBe(false),
    ],
    ['note:created', { type: 'note:created', note: NOTE }, (_b, a) => expect(a.notes['n-new']).toEqual(NOTE)],
    [
      'note:edited',
      { type: 'note:edited', tableId: 't1', noteId: N.d1, text: 'Changed', editedAt: NOW + 5 },
      (b, a) => expect(a.notes[N.d1]).toEqual({ ...b.notes[N.d1], text: 'Changed', editedAt: NOW + 5 }),
    ],
    [
      'note:moved (editedAt unchanged)',
      { type: 'note:moved', tableId: 't1', noteId: N.d1, x: 99, y: 98 },
      (b, a) => expect(a.notes[N.d1]).toEqual({ ...b.notes[N.d1], x: 99, y: 98 }),
    ],
    [
      'note:recolored',
      { type: 'note:recolored', tableId: 't1', noteId: N.d1, color: 'purple', editedAt: NOW + 7 },
      (b, a) => expect(a.notes[N.d1]).toEqual({ ...b.notes[N.d1], color: 'purple', editedAt: NOW + 7 }),
    ],
    [
      'note:edited (unknown note is a no-op)',
      { type: 'note:edited', tableId: 't1', noteId: 'nope', text: 'x', editedAt: 1 },
      (b, a) => expect(a).toBe(b),
    ],
    [
      'note:deleted',
      { type: 'note:deleted', tableId: 't1', noteId: N.d1 },
      (_b, a) => {
        expect(a.notes[N.d1]).toBeUndefined();
        expect(Object.keys(a.notes).sort()).toEqual([N.d2, N.host].sort());
      },
    ],
  ])('%s', (_name, event, check) => {
    const before = event.type === 'workshop:created' ? emptyState() : base();
    const json = JSON.stringify(before);
    deepFreeze(before);
    const after = reduce(before, event); // throws on any mutation of the frozen input
    expect(JSON.stringify(before)).toBe(json);
    check(before, after);
    expect(after.seq).toBe(before.seq); // reduce alone never touches seq
  });

  it('a phase change clears the broadcast message (it belonged to the phase before)', () => {
    const withMessage = reduce(base(), { type: 'message:broadcast', text: 'Please find the table on your seat card', at: NOW });
    expect(withMessage.cafe.message?.text).toBe('Please find the table on your seat card');
    expect(reduce(withMessage, { type: 'workshop:phase-changed', phase: 'harvest' }).cafe.message).toBeNull();
  });
});

function createCommandEvent(): DomainEvent {
  const d = decide(emptyState(), createCommand(), SYSTEM, { now: NOW });
  if (!d.ok) throw new Error('create rejected');
  return d.events[0]!;
}

describe('reduce: structural sharing', () => {
  it('copies only the records an event touches', () => {
    const s = deepFreeze(base());
    const a = reduce(s, { type: 'note:moved', tableId: 't1', noteId: N.d1, x: 1, y: 1 });
    expect(a).not.toBe(s);
    expect(a.notes).not.toBe(s.notes);
    expect(a.notes[N.d2]).toBe(s.notes[N.d2]);
    expect(a.tables).toBe(s.tables);
    expect(a.participants).toBe(s.participants);
    expect(a.seats).toBe(s.seats);
  });
});

describe('applyEnvelopes', () => {
  const ev = (seq: number, e: DomainEvent): Envelope => ({ seq, at: NOW, by: null, scope: null, e });

  it('advances seq to the last applied envelope', () => {
    const s = deepFreeze(base());
    const a = applyEnvelopes(s, [
      ev(s.seq + 1, { type: 'theme:renamed', themeId: 'th1', name: 'A' }),
      ev(s.seq + 2, { type: 'theme:renamed', themeId: 'th1', name: 'B' }),
    ]);
    expect(a.seq).toBe(s.seq + 2);
    expect(a.themes.th1!.name).toBe('B');
  });

  it.each([
    ['equal to state.seq', 0],
    ['below state.seq', -3],
  ])('skips envelopes with seq %s', (_n, delta) => {
    const s = deepFreeze(base());
    const a = applyEnvelopes(s, [ev(s.seq + delta, { type: 'theme:renamed', themeId: 'th1', name: 'Replayed' })]);
    expect(a).toBe(s);
    expect(a.themes.th1!.name).toBe('Inclusive');
  });

  it('applies only the new tail of an overlapping replay', () => {
    const s = deepFreeze(base());
    const a = applyEnvelopes(s, [
      ev(s.seq - 1, { type: 'theme:renamed', themeId: 'th1', name: 'old' }),
      ev(s.seq, { type: 'theme:renamed', themeId: 'th1', name: 'current' }),
      ev(s.seq + 1, { type: 'theme:renamed', themeId: 'th2', name: 'new' }),
    ]);
    expect(a.seq).toBe(s.seq + 1);
    expect(a.themes.th1!.name).toBe('Inclusive');
    expect(a.themes.th2!.name).toBe('new');
  });

  it('is idempotent: replaying the same batch twice changes nothing', () => {
    const s = base();
    const batch = [ev(s.seq + 1, { type: 'seat:assigned', participantId: P.d3, tableId: 't3' })];
    const once = applyEnvelopes(s, batch);
    expect(applyEnvelopes(once, batch)).toBe(once);
  });

  it('an empty batch returns the same state', () => {
    const s = base();
    expect(applyEnvelopes(s, [])).toBe(s);
  });

  it('fixture seq equals the number of events folded', () => {
    // create(1) + 5 joins(5) + role(1) + 4 seats(4) + 3 notes(3) + setup→cafe(1) = 15
    expect(base().seq).toBe(15);
  });
});

// ------------------------------------------------------------ decide → reduce round trip

const ACTORS = [P.facilitator, P.facilitator, P.host, P.d1, P.d2, P.d3, P.observer, P.ghost, 'p1', 'p2', 'p3'];
const TABLES = ['t1', 't2', 't3', 't4', 't5'];
const THEMES = ['th1', 'th2', 'th3'];
const DELEGATIONS = ['thai', 'jp', 'vn', 'dx'];
const NOTES = [N.host, N.d1, N.d2, 'n1', 'n2', 'n3', 'n4'];
const PARTICIPANTS = [P.facilitator, P.host, P.d1, P.d2, P.d3, P.observer, 'p1', 'p2', 'p3'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const coord = fc.integer({ min: 0, max: 4000 });
const capacity = fc.integer({ min: 1, max: 4 });

const commandInput: fc.Arbitrary<Omit<CommandInput, 'clientOpId'>> = fc.oneof(
  fc.record({ type: fc.constant('workshop:update' as const), title: fc.constantFrom('A', 'B') }),
  fc.record({ type: fc.constant('workshop:set-phase' as const), phase: pick(PHASES) }),
  fc.record({
    type: fc.constant('theme:add' as const),
    theme: fc.record({ id: pick(THEMES), name: fc.constant('Theme') }),
  }),
  fc.record({ type: fc.constant('theme:rename' as const), themeId: pick(THEMES), name: fc.constant('R') }),
  fc.record({ type: fc.constant('theme:remove' as const), themeId: pick(THEMES) }),
  fc.record({
    type: fc.constant('table:add' as const),
    table: fc.record({
      id: pick(TABLES),
      name: fc.constant('T'),
      themeId: fc.option(pick(THEMES), { nil: null }),
      question: fc.constant(''),
      capacity,
    }),
  }),
  fc.record(
    {
      type: fc.constant('table:update' as const),
      tableId: pick(TABLES),
      themeId: fc.option(pick(THEMES), { nil: null }),
      capacity,
    },
    { requiredKeys: ['type', 'tableId'] },
  ),
  fc.record({ type: fc.constant('table:remove' as const), tableId: pick(TABLES) }),
  fc.record({
    type: fc.constant('delegation:add' as const),
    delegation: fc.record({ id: pick(DELEGATIONS), name: fc.constant('D'), code: fc.constant('D') }),
  }),
  fc.record({ type: fc.constant('delegation:remove' as const), delegationId: pick(DELEGATIONS) }),
  fc.record({ type: fc.constant('participant:set-role' as const), participantId: pick(PARTICIPANTS), role: pick(ROLES) }),
  fc.record({
    type: fc.constant('seat:assign' as const),
    participantId: pick(PARTICIPANTS),
    tableId: fc.option(pick(TABLES), { nil: null, freq: 4 }),
  }),
  fc.record({
    type: fc.constant('note:create' as const),
    noteId: pick(NOTES),
    tableId: pick(TABLES),
    text: fc.constant('idea'),
    color: pick(NOTE_COLORS),
    x: coord,
    y: coord,
  }),
  fc.record({ type: fc.constant('note:edit' as const), noteId: pick(NOTES), text: fc.constant('edited') }),
  fc.record({ type: fc.constant('note:move' as const), noteId: pick(NOTES), x: coord, y: coord }),
  fc.record({ type: fc.constant('note:recolor' as const), noteId: pick(NOTES), color: pick(NOTE_COLORS) }),
  fc.record({ type: fc.constant('note:delete' as const), noteId: pick(NOTES) }),
);

type Step = { kind: 'cmd'; actor: string; input: Omit<CommandInput, 'clientOpId'> } | { kind: 'sys'; cmd: SystemCommand };

const joinStep: fc.Arbitrary<Step> = fc
  .record({
    participantId: pick(['p1', 'p2', 'p3']),
    delegationId: fc.option(pick(DELEGATIONS), { nil: null }),
    role: pick(['delegate', 'observer'] as const),
    newDelegation: fc.option(fc.record({ id: fc.constant('dx'), name: pick(['Thailand', 'Laos']), code: pick(['th', 'LA']) }), {
      nil: undefined,
    }),
  })
  .map(({ participantId, delegationId, role, newDelegation }) => ({
    kind: 'sys' as const,
    cmd: joinCommand(participantId, 'Joiner', delegationId, role, newDelegation),
  }));

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('cmd' as const), actor: pick(ACTORS), input: commandInput }), weight: 9 },
  { arbitrary: joinStep, weight: 1 },
);

describe('decide → reduce round trip (property)', () => {
  it('random command sequences never throw and keep the state invariants', () => {
    const acceptedTypes = new Set<string>();
    fc.assert(
      fc.property(
        fc.constantFrom<'setup' | 'cafe' | 'harvest'>('setup', 'cafe', 'harvest'),
        fc.array(step, { maxLength: 60 }),
        (phase, steps) => {
          let s = standardWorkshop(phase);
          let now = NOW + 1000;
          let opN = 0;
          expect(invariantViolations(s)).toEqual([]);
          for (const st of steps) {
            let command: Command | SystemCommand;
            let actor: Actor;
            if (st.kind === 'sys') {
              command = st.cmd;
              actor = SYSTEM;
            } else {
              const parsed = commandSchema.safeParse({ ...st.input, clientOpId: `op-${String(++opN).padStart(8, '0')}` });
              if (!parsed.success) throw new Error(`generator produced an invalid command: ${parsed.error.message}`);
              command = parsed.data;
              actor = as(st.actor);
            }
            const before = s;
            const json = JSON.stringify(before);
            const d = decide(deepFreeze(before), command, actor, { now: ++now });
            if (!d.ok) continue;
            expect(d.events.length).toBeGreaterThan(0);
            for (const e of d.events) acceptedTypes.add(e.type);
            s = applyEnvelopes(before, envelopes(before, d.events, actor.kind === 'participant' ? actor.participantId : null, now));
            expect(JSON.stringify(before)).toBe(json);
            expect(s.seq).toBe(before.seq + d.events.length);
            expect(invariantViolations(s)).toEqual([]);
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
    // The generator must reach the interesting paths, not just produce rejections.
    const reached = [...acceptedTypes].sort();
    expect(reached).toEqual(
      expect.arrayContaining([
        'delegation:added',
        'note:created',
        'note:deleted',
        'note:edited',
        'note:moved',
        'participant:joined',
        'participant:role-set',
        'seat:assigned',
        'table:added',
        'table:removed',
        'table:updated',
        'theme:removed',
        'workshop:phase-changed',
      ]),
    );
  });

  it('a closed workshop rejects every participant command', () => {
    fc.assert(
      fc.property(pick(ACTORS), commandInput, (actor, input) => {
        const s = standardWorkshop('closed');
        const c = commandSchema.parse({ ...input, clientOpId: 'op-00000001' });
        const d = decide(s, c, as(actor), { now: NOW });
        expect(d.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('reduce: JSON round trip', () => {
  it('folding events that went through JSON gives the same state', () => {
    const s = base();
    const c = commandSchema.parse({ type: 'table:update', tableId: 't1', name: 'X', clientOpId: 'op-00000001' });
    const d = decide(s, c, as(P.facilitator), { now: NOW });
    if (!d.ok) throw new Error('rejected');
    const envs = envelopes(s, d.events, P.facilitator);
    const wire = JSON.parse(JSON.stringify(envs)) as Envelope[];
    expect(applyEnvelopes(s, wire)).toEqual(applyEnvelopes(s, envs));
  });
});
