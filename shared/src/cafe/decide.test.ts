import { describe, it, expect } from 'vitest';
import type { Actor, Phase, WorkshopState } from './model';
import { PHASES, emptyState } from './model';
import type { Command, CommandType, DomainEvent, ErrorCode, SystemCommand } from './protocol';
import { COMMAND_TYPES, commandSchema, joinSchema } from './protocol';
import { canMoveToPhase, decide } from './decide';
import {
  LATER,
  N,
  P,
  SYSTEM,
  as,
  cmd,
  createCommand,
  createdWorkshop,
  joinCommand,
  run,
  standardWorkshop,
  STANDARD_CREATE,
  type CommandBody,
} from '../testing/fixtures';

const fac = as(P.facilitator);

function expectRejected(state: WorkshopState, command: Command | SystemCommand, actor: Actor, code: ErrorCode) {
  const d = decide(state, command, actor, { now: LATER });
  expect(d.ok ? { accepted: d.events } : d.error.code).toBe(code);
}

function expectAccepted(state: WorkshopState, command: Command | SystemCommand, actor: Actor): DomainEvent[] {
  const d = decide(state, command, actor, { now: LATER });
  if (!d.ok) throw new Error(`expected acceptance, got ${d.error.code}: ${d.error.message}`);
  return d.events;
}

/**
 * The core command set this suite covers. Café round commands (cafe:configure, plan:*, round:*,
 * seat:confirm-move, participant:set-absent, message:broadcast, summary:write) are tested elsewhere.
 */
const CORE = [
  'workshop:update',
  'workshop:set-phase',
  'theme:add',
  'theme:rename',
  'theme:remove',
  'table:add',
  'table:update',
  'table:remove',
  'delegation:add',
  'delegation:remove',
  'participant:set-role',
  'seat:assign',
  'note:create',
  'note:edit',
  'note:move',
  'note:recolor',
  'note:delete',
] as const satisfies readonly CommandType[];
type CoreType = (typeof CORE)[number];

/** One valid command per core type, accepted in the standard café workshop (see the accept table). */
const VALID: { [T in CoreType]: Command } = {
  'workshop:update': cmd({ type: 'workshop:update', title: 'New title' }),
  'workshop:set-phase': cmd({ type: 'workshop:set-phase', phase: 'harvest' }),
  'theme:add': cmd({ type: 'theme:add', theme: { id: 'th9', name: 'Water' } }),
  'theme:rename': cmd({ type: 'theme:rename', themeId: 'th1', name: 'Inclusion' }),
  'theme:remove': cmd({ type: 'theme:remove', themeId: 'th1' }),
  'table:add': cmd({
    type: 'table:add',
    table: { id: 't9', name: 'Table 9', themeId: 'th2', question: 'Why?', capacity: 4 },
  }),
  'table:update': cmd({ type: 'table:update', tableId: 't2', name: 'Blue table', capacity: 5 }),
  'table:remove': cmd({ type: 'table:remove', tableId: 't3' }),
  'delegation:add': cmd({ type: 'delegation:add', delegation: { id: 'ph', name: 'Philippines', code: 'PH' } }),
  'delegation:remove': cmd({ type: 'delegation:remove', delegationId: 'vn' }),
  'participant:set-role': cmd({ type: 'participant:set-role', participantId: P.d1, role: 'host' }),
  'seat:assign': cmd({ type: 'seat:assign', participantId: P.d3, tableId: 't2' }),
  'note:create': cmd({ type: 'note:create', noteId: 'n-new', tableId: 't1', text: 'Hi', color: 'pink', x: 1, y: 2 }),
  'note:edit': cmd({ type: 'note:edit', noteId: N.d1, text: 'Edited' }),
  'note:move': cmd({ type: 'note:move', noteId: N.d1, x: 300, y: 400 }),
  'note:recolor': cmd({ type: 'note:recolor', noteId: N.d1, color: 'green' }),
  'note:delete': cmd({ type: 'note:delete', noteId: N.d1 }),
};

/** What a participant may do to the core set: seat themselves and write notes; the rest is the facilitator's. */
const OPEN_TO_PARTICIPANTS: readonly CoreType[] = ['seat:assign', 'note:create', 'note:edit', 'note:move', 'note:recolor', 'note:delete'];
const FACILITATOR_ONLY: CoreType[] = CORE.filter((t) => !OPEN_TO_PARTICIPANTS.includes(t));

describe('decide: every command type accepted in its normal case', () => {
  const s = standardWorkshop('cafe');
  it.each<[string, Actor, Command, DomainEvent[]]>([
    ['workshop:update (title)', fac, VALID['workshop:update'], [{ type: 'workshop:updated', title: 'New title' }]],
    [
      'workshop:update (all fields)',
      fac,
      cmd({ type: 'workshop:update', title: 'T', purpose: '', language: 'th' }),
      [{ type: 'workshop:updated', title: 'T', purpose: '', language: 'th' }],
    ],
    ['workshop:set-phase', fac, VALID['workshop:set-phase'], [{ type: 'workshop:phase-changed', phase: 'harvest' }]],
    ['theme:add', fac, VALID['theme:add'], [{ type: 'theme:added', theme: { id: 'th9', name: 'Water' } }]],
    ['theme:rename', fac, VALID['theme:rename'], [{ type: 'theme:renamed', themeId: 'th1', name: 'Inclusion' }]],
    ['theme:remove', fac, VALID['theme:remove'], [{ type: 'theme:removed', themeId: 'th1' }]],
    [
      'table:add',
      fac,
      VALID['table:add'],
      [{ type: 'table:added', table: { id: 't9', name: 'Table 9', themeId: 'th2', question: 'Why?', capacity: 4 } }],
    ],
    ['table:update', fac, VALID['table:update'], [{ type: 'table:updated', tableId: 't2', name: 'Blue table', capacity: 5 }]],
    [
      'table:update (clear theme)',
      fac,
      cmd({ type: 'table:update', tableId: 't1', themeId: null }),
      [{ type: 'table:updated', tableId: 't1', themeId: null }],
    ],
    [
      'table:update (capacity equal to sitters)',
      fac,
      cmd({ type: 'table:update', tableId: 't1', capacity: 3 }),
      [{ type: 'table:updated', tableId: 't1', capacity: 3 }],
    ],
    ['table:remove', fac, VALID['table:remove'], [{ type: 'table:removed', tableId: 't3' }]],
    [
      'delegation:add',
      fac,
      VALID['delegation:add'],
      [{ type: 'delegation:added', delegation: { id: 'ph', name: 'Philippines', code: 'PH' } }],
    ],
    ['delegation:remove', fac, VALID['delegation:remove'], [{ type: 'delegation:removed', delegationId: 'vn' }]],
    ['participant:set-role', fac, VALID['participant:set-role'], [{ type: 'participant:role-set', participantId: P.d1, role: 'host' }]],
    [
      'seat:assign (facilitator seats someone)',
      fac,
      VALID['seat:assign'],
      [{ type: 'seat:assigned', participantId: P.d3, tableId: 't2', from: null }],
    ],
    [
      'seat:assign (facilitator unseats someone)',
      fac,
      cmd({ type: 'seat:assign', participantId: P.d1, tableId: null }),
      [{ type: 'seat:assigned', participantId: P.d1, tableId: null, from: 't1' }],
    ],
    [
      'seat:assign (facilitator moves someone seated in café)',
      fac,
      cmd({ type: 'seat:assign', participantId: P.d2, tableId: 't3' }),
      [{ type: 'seat:assigned', participantId: P.d2, tableId: 't3', from: 't2' }],
    ],
    [
      'note:create by a delegate at their table',
      as(P.d1),
      VALID['note:create'],
      [
        {
          type: 'note:created',
          note: {
            id: 'n-new',
            tableId: 't1',
            text: 'Hi',
            color: 'pink',
            x: 1,
            y: 2,
            authorId: P.d1,
            delegationId: 'thai',
            round: 1,
            createdAt: LATER,
            editedAt: LATER,
          },
        },
      ],
    ],
    [
      'note:edit own note',
      as(P.d1),
      VALID['note:edit'],
      [{ type: 'note:edited', tableId: 't1', noteId: N.d1, text: 'Edited', editedAt: LATER }],
    ],
    ['note:move own note', as(P.d1), VALID['note:move'], [{ type: 'note:moved', tableId: 't1', noteId: N.d1, x: 300, y: 400 }]],
    [
      'note:recolor own note',
      as(P.d1),
      VALID['note:recolor'],
      [{ type: 'note:recolored', tableId: 't1', noteId: N.d1, color: 'green', editedAt: LATER }],
    ],
    ['note:delete own note', as(P.d1), VALID['note:delete'], [{ type: 'note:deleted', tableId: 't1', noteId: N.d1 }]],
  ])('%s', (_name, actor, command, events) => {
    expect(expectAccepted(s, command, actor)).toStrictEqual(events);
  });

  it('covers every core command type, and each is still a wire command', () => {
    expect(Object.keys(VALID).sort()).toEqual([...CORE].sort());
    expect(COMMAND_TYPES).toEqual(expect.arrayContaining([...CORE]));
  });

  it('workshop:create on an empty state', () => {
    const c = createCommand();
    // toMatchObject: the created event grows with features (e.g. planYears); everything listed must hold exactly.
    expect(expectAccepted(emptyState(), c, SYSTEM)).toMatchObject([
      {
        type: 'workshop:created',
        workshop: {
          id: 'ws1',
          title: 'ASCC café',
          purpose: 'Talk about the blueprint',
          language: 'en',
          joinCode: 'ABCD2345',
          createdAt: LATER,
        },
        themes: STANDARD_CREATE.themes,
        tables: STANDARD_CREATE.tables,
        delegations: STANDARD_CREATE.delegations,
        facilitator: { id: P.facilitator, name: 'Fran', delegationId: null, role: 'facilitator', joinedAt: LATER },
      },
    ]);
  });

  it.each<[string, SystemCommand, DomainEvent[]]>([
    [
      'existing delegation',
      joinCommand('p-new', 'Nok', 'thai'),
      [
        {
          type: 'participant:joined',
          participant: { id: 'p-new', name: 'Nok', delegationId: 'thai', role: 'delegate', joinedAt: LATER },
        },
      ],
    ],
    [
      'no delegation, as observer',
      joinCommand('p-new', 'Nok', null, 'observer'),
      [
        {
          type: 'participant:joined',
          participant: { id: 'p-new', name: 'Nok', delegationId: null, role: 'observer', joinedAt: LATER },
        },
      ],
    ],
    [
      'new delegation',
      joinCommand('p-new', 'Ana', null, 'delegate', { id: 'd-new', name: 'Philippines', code: 'PH' }),
      [
        { type: 'delegation:added', delegation: { id: 'd-new', name: 'Philippines', code: 'PH' } },
        {
          type: 'participant:joined',
          participant: { id: 'p-new', name: 'Ana', delegationId: 'd-new', role: 'delegate', joinedAt: LATER },
        },
      ],
    ],
    [
      'newDelegation matching an existing code (case-insensitive) reuses it',
      joinCommand('p-new', 'Som', null, 'delegate', { id: 'd-new', name: 'Siam', code: 'th' }),
      [
        {
          type: 'participant:joined',
          participant: { id: 'p-new', name: 'Som', delegationId: 'thai', role: 'delegate', joinedAt: LATER },
        },
      ],
    ],
    [
      'newDelegation matching an existing name (case-insensitive) reuses it',
      joinCommand('p-new', 'Ken', null, 'delegate', { id: 'd-new', name: 'JAPAN', code: 'JPN' }),
      [
        {
          type: 'participant:joined',
          participant: { id: 'p-new', name: 'Ken', delegationId: 'jp', role: 'delegate', joinedAt: LATER },
        },
      ],
    ],
  ])('participant:join in setup (%s)', (_name, c, events) => {
    // In setup nobody is auto-seated, so the events are exactly the join.
    expect(expectAccepted(standardWorkshop('setup'), c, SYSTEM)).toStrictEqual(events);
  });
});

describe('decide: facilitator-only commands', () => {
  const s = standardWorkshop('cafe');
  const rows = FACILITATOR_ONLY.flatMap((type) => (['host', 'd1', 'observer', 'd3'] as const).map((who) => [type, who] as const));
  it.each(rows)('%s by %s is forbidden', (type, who) => {
    expectRejected(s, VALID[type], as(P[who]), 'forbidden');
  });
  it.each(FACILITATOR_ONLY)('%s by the facilitator is accepted', (type) => {
    expect(decide(s, VALID[type], fac, { now: LATER }).ok).toBe(true);
  });
});

describe('decide: actor and workshop checks (every command type)', () => {
  const closed = standardWorkshop('closed');
  const cafe = standardWorkshop('cafe');
  it.each(CORE.flatMap((t) => [[t, 'facilitator'] as const, [t, 'd1'] as const]))(
    '%s by %s in a closed workshop → wrong_phase',
    (type, who) => expectRejected(closed, VALID[type], as(P[who]), 'wrong_phase'),
  );
  it.each(CORE)('%s by an unknown participant → unauthorized', (type) => expectRejected(cafe, VALID[type], as(P.ghost), 'unauthorized'));
  it.each(CORE)('%s from the system actor → forbidden', (type) => expectRejected(cafe, VALID[type], SYSTEM, 'forbidden'));
  it.each(CORE)('%s on a workshop that does not exist → not_found', (type) => expectRejected(emptyState(), VALID[type], fac, 'not_found'));
  it.each<[string, SystemCommand]>([
    ['workshop:create', createCommand()],
    ['participant:join', joinCommand('p-new', 'Nok', 'thai')],
  ])('system command %s from a participant → forbidden', (_n, c) => {
    expectRejected(emptyState(), c, fac, 'forbidden');
    expectRejected(cafe, c, fac, 'forbidden');
  });
});

describe('decide: workshop:create rejections', () => {
  const t = (id: string, themeId: string | null = null) => ({ id, name: id, themeId, question: '', capacity: 3 });
  it.each<[string, SystemCommand, WorkshopState, ErrorCode]>([
    ['duplicate table ids', createCommand({ ...STANDARD_CREATE, tables: [t('t1'), t('t1')] }), emptyState(), 'conflict'],
    ['table id equal to a theme id', createCommand({ ...STANDARD_CREATE, tables: [t('th1')] }), emptyState(), 'conflict'],
    [
      'delegation id equal to the facilitator id',
      createCommand({ ...STANDARD_CREATE, delegations: [{ id: 'fac', name: 'F', code: 'F' }] }),
      emptyState(),
      'conflict',
    ],
    [
      'duplicate theme ids',
      createCommand({
        ...STANDARD_CREATE,
        themes: [
          { id: 'x', name: 'A' },
          { id: 'x', name: 'B' },
        ],
        tables: [],
      }),
      emptyState(),
      'conflict',
    ],
    ['table with an unknown theme', createCommand({ ...STANDARD_CREATE, tables: [t('t1', 'nope')] }), emptyState(), 'not_found'],
    ['workshop already exists', createCommand(), createdWorkshop(), 'conflict'],
  ])('%s → %s', (_n, c, state, code) => expectRejected(state, c, SYSTEM, code));
});

describe('decide: participant:join rejections', () => {
  it.each<[string, SystemCommand, WorkshopState, ErrorCode]>([
    ['unknown delegation', joinCommand('p-new', 'Nok', 'nope'), standardWorkshop('cafe'), 'not_found'],
    ['closed workshop', joinCommand('p-new', 'Nok', 'thai'), standardWorkshop('closed'), 'wrong_phase'],
    ['no workshop', joinCommand('p-new', 'Nok', null), emptyState(), 'not_found'],
    ['participant id already taken', joinCommand(P.d1, 'Again', 'thai'), standardWorkshop('cafe'), 'conflict'],
  ])('%s → %s', (_n, c, state, code) => expectRejected(state, c, SYSTEM, code));

  it.each<Phase>(['setup', 'cafe', 'harvest'])('joining in %s is allowed', (phase) => {
    expect(decide(standardWorkshop(phase), joinCommand('p-new', 'Nok', 'thai'), SYSTEM, { now: LATER }).ok).toBe(true);
  });

  it('after the live session only a delegation review link lets someone join', () => {
    expectRejected(standardWorkshop('review'), joinCommand('p-new', 'Nok', 'thai'), SYSTEM, 'wrong_phase');
    const viaInvite = { ...joinCommand('p-new', 'Nok', 'thai'), viaInvite: true } as SystemCommand;
    expect(decide(standardWorkshop('review'), viaInvite, SYSTEM, { now: LATER }).ok).toBe(true);
  });
});

describe('decide: note:create', () => {
  const create = (tableId: string, noteId = 'n-new') =>
    cmd({ type: 'note:create', noteId, tableId, text: 'x', color: 'yellow', x: 0, y: 0 });
  it.each<[string, Phase, keyof typeof P, Command, ErrorCode | 'ok']>([
    ['delegate at another table', 'cafe', 'd1', create('t2'), 'forbidden'],
    ['unseated delegate', 'cafe', 'd3', create('t1'), 'forbidden'],
    ['observer at their own table', 'cafe', 'observer', create('t1'), 'forbidden'],
    ['host at their table', 'cafe', 'host', create('t1'), 'ok'],
    ['host at another table', 'cafe', 'host', create('t2'), 'forbidden'],
    ['delegate at their table in setup', 'setup', 'd1', create('t1'), 'ok'],
    ['delegate at their table in harvest', 'harvest', 'd1', create('t1'), 'forbidden'],
    ['host at their table in review', 'review', 'host', create('t1'), 'forbidden'],
    ['facilitator in harvest', 'harvest', 'facilitator', create('t2'), 'ok'],
    ['facilitator in review', 'review', 'facilitator', create('t3'), 'ok'],
    ['facilitator, unknown table', 'cafe', 'facilitator', create('t99'), 'not_found'],
    ['facilitator, duplicate noteId', 'cafe', 'facilitator', create('t1', N.d2), 'conflict'],
    ['delegate, duplicate noteId', 'cafe', 'd1', create('t1', N.d1), 'conflict'],
  ])('%s (%s, %s) → %s', (_n, phase, who, c, expected) => {
    const d = decide(standardWorkshop(phase), c, as(P[who]), { now: LATER });
    expect(d.ok ? 'ok' : d.error.code).toBe(expected);
  });

  it('a facilitator note carries no delegation and the current round', () => {
    const events = expectAccepted(standardWorkshop('cafe'), create('t2'), fac);
    expect(events).toMatchObject([{ note: { authorId: P.facilitator, delegationId: null, round: 1, tableId: 't2' } }]);
  });
});

describe.each<['note:edit' | 'note:recolor' | 'note:delete']>([['note:edit'], ['note:recolor'], ['note:delete']])(
  'decide: %s ownership',
  (type) => {
    const make = (noteId: string): Command =>
      type === 'note:edit'
        ? cmd({ type, noteId, text: 'changed' })
        : type === 'note:recolor'
          ? cmd({ type, noteId, color: 'blue' })
          : cmd({ type, noteId });
    it.each<[string, Phase, keyof typeof P, string, ErrorCode | 'ok']>([
      ['delegate, own note', 'cafe', 'd1', N.d1, 'ok'],
      ["delegate, tablemate's note", 'cafe', 'd1', N.host, 'forbidden'],
      ["delegate, other table's note", 'cafe', 'd2', N.d1, 'forbidden'],
      ["table host, a delegate's note at their table", 'cafe', 'host', N.d1, 'ok'],
      ["table host, another table's note", 'cafe', 'host', N.d2, 'forbidden'],
      ['facilitator, any note', 'cafe', 'facilitator', N.d2, 'ok'],
      ['facilitator, any note in review', 'review', 'facilitator', N.d1, 'ok'],
      ['observer, tablemate note', 'cafe', 'observer', N.d1, 'forbidden'],
      ['delegate, own note in harvest', 'harvest', 'd1', N.d1, 'forbidden'],
      ['unknown note (delegate)', 'cafe', 'd1', 'n-missing', 'not_found'],
      ['unknown note (facilitator)', 'cafe', 'facilitator', 'n-missing', 'not_found'],
    ])('%s (%s, %s, %s) → %s', (_n, phase, who, noteId, expected) => {
      const d = decide(standardWorkshop(phase), make(noteId), as(P[who]), { now: LATER });
      expect(d.ok ? 'ok' : d.error.code).toBe(expected);
    });
  },
);

describe('decide: note:move (shared board)', () => {
  const move = (noteId: string) => cmd({ type: 'note:move', noteId, x: 5, y: 6 });
  it.each<[string, Phase, keyof typeof P, string, ErrorCode | 'ok']>([
    ["tablemate moves someone else's note", 'cafe', 'd1', N.host, 'ok'],
    ['host moves a note at their table', 'cafe', 'host', N.d1, 'ok'],
    ['someone at another table', 'cafe', 'd2', N.d1, 'forbidden'],
    ['unseated delegate', 'cafe', 'd3', N.d1, 'forbidden'],
    ['observer at the table', 'cafe', 'observer', N.d1, 'forbidden'],
    ['tablemate in harvest', 'harvest', 'd1', N.host, 'forbidden'],
    ['facilitator', 'cafe', 'facilitator', N.d2, 'ok'],
    ['unknown note', 'cafe', 'd1', 'n-missing', 'not_found'],
  ])('%s (%s, %s, %s) → %s', (_n, phase, who, noteId, expected) => {
    const d = decide(standardWorkshop(phase), move(noteId), as(P[who]), { now: LATER });
    expect(d.ok ? 'ok' : d.error.code).toBe(expected);
  });
});

describe('decide: seat:assign', () => {
  const seat = (participantId: string, tableId: string | null) => cmd({ type: 'seat:assign', participantId, tableId });
  it.each<[string, Phase, keyof typeof P, Command, ErrorCode | 'ok']>([
    ['seated delegate moves self in setup', 'setup', 'd1', seat(P.d1, 't2'), 'ok'],
    ['unseated delegate seats self in setup', 'setup', 'd3', seat(P.d3, 't2'), 'ok'],
    ['seated delegate unseats self in setup', 'setup', 'd1', seat(P.d1, null), 'ok'],
    ['delegate seats someone else (setup)', 'setup', 'd1', seat(P.d3, 't2'), 'forbidden'],
    ['delegate seats someone else (café)', 'cafe', 'd1', seat(P.d3, 't2'), 'forbidden'],
    ['host seats someone else', 'cafe', 'host', seat(P.d3, 't1'), 'forbidden'],
    ['seated delegate moves self during café', 'cafe', 'd1', seat(P.d1, 't2'), 'forbidden'],
    ['seated delegate unseats self during café', 'cafe', 'd1', seat(P.d1, null), 'forbidden'],
    ['unseated delegate seats self during café', 'cafe', 'd3', seat(P.d3, 't2'), 'ok'],
    ['unseated delegate seats self at a full table', 'cafe', 'd3', seat(P.d3, 't1'), 'table_full'],
    ['facilitator seats someone at a full table', 'cafe', 'facilitator', seat(P.d3, 't1'), 'table_full'],
    ['facilitator seats someone where they already sit', 'cafe', 'facilitator', seat(P.d1, 't1'), 'conflict'],
    ['delegate re-seats self where they already sit (setup)', 'setup', 'd1', seat(P.d1, 't1'), 'conflict'],
    ['facilitator unseats someone not seated', 'cafe', 'facilitator', seat(P.d3, null), 'conflict'],
    ['unseated delegate unseats self', 'cafe', 'd3', seat(P.d3, null), 'conflict'],
    ['facilitator, unknown table', 'cafe', 'facilitator', seat(P.d3, 't99'), 'not_found'],
    ['facilitator, unknown participant', 'cafe', 'facilitator', seat('nobody', 't2'), 'not_found'],
    ['facilitator seats self', 'cafe', 'facilitator', seat(P.facilitator, 't3'), 'ok'],
  ])('%s (%s, %s) → %s', (_n, phase, who, c, expected) => {
    const d = decide(standardWorkshop(phase), c, as(P[who]), { now: LATER });
    expect(d.ok ? 'ok' : d.error.code).toBe(expected);
  });
});

describe('decide: facilitator command invariants', () => {
  const s = standardWorkshop('cafe');
  // t2: del2 seated, note n-d2. Unseat del2 to get a table with notes but nobody at it.
  const t2Empty = run(s, cmd({ type: 'seat:assign', participantId: P.d2, tableId: null }), fac);
  const twoFacilitators = run(s, cmd({ type: 'participant:set-role', participantId: P.d1, role: 'facilitator' }), fac);
  it.each<[string, WorkshopState, Command, ErrorCode | 'ok']>([
    ['workshop:update with nothing', s, cmd({ type: 'workshop:update' }), 'invalid_payload'],
    ['theme:add with an id in use (a table id)', s, cmd({ type: 'theme:add', theme: { id: 't1', name: 'X' } }), 'conflict'],
    ['theme:add with an existing theme id', s, cmd({ type: 'theme:add', theme: { id: 'th1', name: 'X' } }), 'conflict'],
    ['theme:rename unknown', s, cmd({ type: 'theme:rename', themeId: 'nope', name: 'X' }), 'not_found'],
    ['theme:remove unknown', s, cmd({ type: 'theme:remove', themeId: 'nope' }), 'not_found'],
    [
      'table:add with an id in use (a participant id)',
      s,
      cmd({ type: 'table:add', table: { id: P.d1, name: 'X', themeId: null, question: '', capacity: 3 } }),
      'conflict',
    ],
    [
      'table:add with an unknown theme',
      s,
      cmd({ type: 'table:add', table: { id: 't9', name: 'X', themeId: 'nope', question: '', capacity: 3 } }),
      'not_found',
    ],
    ['table:update with nothing', s, cmd({ type: 'table:update', tableId: 't1' }), 'invalid_payload'],
    ['table:update unknown table', s, cmd({ type: 'table:update', tableId: 't99', name: 'X' }), 'not_found'],
    ['table:update unknown theme', s, cmd({ type: 'table:update', tableId: 't1', themeId: 'nope' }), 'not_found'],
    ['table:update capacity below sitters', s, cmd({ type: 'table:update', tableId: 't1', capacity: 2 }), 'conflict'],
    ['table:update capacity above sitters', s, cmd({ type: 'table:update', tableId: 't1', capacity: 4 }), 'ok'],
    ['table:remove with people', s, cmd({ type: 'table:remove', tableId: 't1' }), 'conflict'],
    ['table:remove with notes but nobody seated', t2Empty, cmd({ type: 'table:remove', tableId: 't2' }), 'conflict'],
    ['table:remove unknown', s, cmd({ type: 'table:remove', tableId: 't99' }), 'not_found'],
    ['delegation:add with an id in use', s, cmd({ type: 'delegation:add', delegation: { id: 'th1', name: 'X', code: 'X' } }), 'conflict'],
    ['delegation:remove with members', s, cmd({ type: 'delegation:remove', delegationId: 'thai' }), 'conflict'],
    ['delegation:remove unknown', s, cmd({ type: 'delegation:remove', delegationId: 'nope' }), 'not_found'],
    [
      'set-role demoting the last facilitator (self)',
      s,
      cmd({ type: 'participant:set-role', participantId: P.facilitator, role: 'delegate' }),
      'conflict',
    ],
    [
      'set-role demoting a facilitator when another remains',
      twoFacilitators,
      cmd({ type: 'participant:set-role', participantId: P.facilitator, role: 'observer' }),
      'ok',
    ],
    [
      'set-role facilitator → facilitator (no demotion)',
      s,
      cmd({ type: 'participant:set-role', participantId: P.facilitator, role: 'facilitator' }),
      'ok',
    ],
    ['set-role unknown participant', s, cmd({ type: 'participant:set-role', participantId: 'nobody', role: 'host' }), 'not_found'],
  ])('%s → %s', (_n, state, c, expected) => {
    const d = decide(state, c, fac, { now: LATER });
    expect(d.ok ? 'ok' : d.error.code).toBe(expected);
  });

  it('theme:add beyond 30 themes → conflict', () => {
    const themes = Array.from({ length: 30 }, (_, i) => ({ id: `th${i}`, name: `Theme ${i}` }));
    const full = run(emptyState(), createCommand({ ...STANDARD_CREATE, themes, tables: [] }), SYSTEM);
    expectRejected(full, cmd({ type: 'theme:add', theme: { id: 'one-more', name: 'X' } }), fac, 'conflict');
  });
});

describe('canMoveToPhase and workshop:set-phase', () => {
  const expected = (from: Phase, to: Phase): boolean => {
    if (from === 'closed') return false;
    return Math.abs(PHASES.indexOf(to) - PHASES.indexOf(from)) === 1;
  };
  const pairs = PHASES.flatMap((from) => PHASES.map((to) => [from, to, expected(from, to)] as const));

  it.each(pairs)('%s → %s: %s', (from, to, ok) => {
    expect(canMoveToPhase(from, to)).toBe(ok);
  });

  it.each<[Phase, Phase, ErrorCode | 'ok']>([
    ['setup', 'cafe', 'ok'],
    ['cafe', 'harvest', 'ok'],
    ['harvest', 'review', 'wrong_phase'], // review:open
    ['review', 'closed', 'wrong_phase'], // review:close
    ['cafe', 'setup', 'ok'],
    ['review', 'harvest', 'ok'],
    ['setup', 'harvest', 'wrong_phase'],
    ['setup', 'closed', 'wrong_phase'],
    ['cafe', 'review', 'wrong_phase'],
    ['cafe', 'cafe', 'wrong_phase'],
    ['closed', 'review', 'wrong_phase'],
  ])('decide set-phase %s → %s: %s', (from, to, expected) => {
    const d = decide(standardWorkshop(from), cmd({ type: 'workshop:set-phase', phase: to }), fac, { now: LATER });
    expect(d.ok ? 'ok' : d.error.code).toBe(expected);
  });
});

describe('decide is pure', () => {
  it('does not mutate its input state', () => {
    const s = standardWorkshop('cafe');
    const before = JSON.stringify(s);
    for (const type of CORE) decide(s, VALID[type], fac, { now: LATER });
    expect(JSON.stringify(s)).toBe(before);
  });
});

// Records are plain objects, so `state.notes['constructor']` would find Object.prototype.constructor.
// The wire refuses ids that name Object.prototype members, so they never reach decide() or the log.
describe('ids naming Object.prototype members are refused at the edge', () => {
  const note = (noteId: string, tableId = 't1'): CommandBody => ({
    type: 'note:create',
    noteId,
    tableId,
    text: 'x',
    color: 'yellow',
    x: 0,
    y: 0,
  });
  it.each<[string, keyof typeof P, CommandBody]>([
    ['note:edit __proto__', 'facilitator', { type: 'note:edit', noteId: '__proto__', text: 'x' }],
    ['note:recolor constructor', 'facilitator', { type: 'note:recolor', noteId: 'constructor', color: 'blue' }],
    ['note:delete toString', 'facilitator', { type: 'note:delete', noteId: 'toString' }],
    ['note:move constructor by an unseated delegate', 'd3', { type: 'note:move', noteId: 'constructor', x: 1, y: 1 }],
    ['note:create at table constructor', 'facilitator', note('n-new', 'constructor')],
    ['table:update toString', 'facilitator', { type: 'table:update', tableId: 'toString', name: 'x' }],
    ['table:update with theme toString', 'facilitator', { type: 'table:update', tableId: 't1', themeId: 'toString' }],
    [
      'table:add with theme valueOf',
      'facilitator',
      { type: 'table:add', table: { id: 't9', name: 'x', themeId: 'valueOf', question: '', capacity: 3 } },
    ],
    ['table:remove constructor', 'facilitator', { type: 'table:remove', tableId: 'constructor' }],
    ['theme:rename valueOf', 'facilitator', { type: 'theme:rename', themeId: 'valueOf', name: 'x' }],
    ['theme:remove __proto__', 'facilitator', { type: 'theme:remove', themeId: '__proto__' }],
    ['delegation:remove __proto__', 'facilitator', { type: 'delegation:remove', delegationId: '__proto__' }],
    ['participant:set-role hasOwnProperty', 'facilitator', { type: 'participant:set-role', participantId: 'hasOwnProperty', role: 'host' }],
    ['seat:assign participant constructor', 'facilitator', { type: 'seat:assign', participantId: 'constructor', tableId: 't3' }],
    ['seat:assign to table constructor', 'facilitator', { type: 'seat:assign', participantId: P.d3, tableId: 'constructor' }],
  ])('%s → invalid_payload', (_n, _who, body) => {
    expect(commandSchema.safeParse({ clientOpId: 'op-00000000', ...body }).success).toBe(false);
  });

  it('join with delegation constructor is refused', () => {
    expect(joinSchema.safeParse({ code: 'ABCD2345', name: 'Nok', delegationId: 'constructor' }).success).toBe(false);
  });
});
