import { describe, it, expect } from 'vitest';
import type { Phase } from './model';
import type { DomainEvent, Envelope, EventType, Scope } from './protocol';
import { eventSchemas } from './protocol';
import { changesViewOf, inScope, scopeOf, seesAllTables, viewFor, visibleTo } from './scope';
import { emptyState } from './model';
import { decide } from './decide';
import { N, NOW, P, SYSTEM, as, cmd, createCommand, run, standardWorkshop } from '../testing/fixtures';

function createdEvent(): DomainEvent {
  const d = decide(emptyState(), createCommand(), SYSTEM, { now: NOW });
  if (!d.ok) throw new Error(`create rejected: ${d.error.code}`);
  return d.events[0]!;
}

const note = {
  id: 'n9',
  tableId: 't2',
  text: 'x',
  color: 'yellow' as const,
  x: 0,
  y: 0,
  authorId: P.d2,
  delegationId: 'jp',
  round: 1,
  createdAt: NOW,
  editedAt: NOW,
};

const CORE_EVENTS = [
  'workshop:created',
  'workshop:updated',
  'workshop:phase-changed',
  'theme:added',
  'theme:renamed',
  'theme:removed',
  'table:added',
  'table:updated',
  'table:removed',
  'delegation:added',
  'delegation:removed',
  'participant:joined',
  'participant:role-set',
  'seat:assigned',
  'note:created',
  'note:edited',
  'note:moved',
  'note:recolored',
  'note:deleted',
] as const satisfies readonly EventType[];

/** One sample per core event type and its scope (café round events are tested elsewhere). */
const SAMPLES: { [T in (typeof CORE_EVENTS)[number]]: [DomainEvent, Scope] } = {
  // Built by the real decide(), so the sample tracks the event schema as it grows.
  'workshop:created': [createdEvent(), null],
  'workshop:updated': [{ type: 'workshop:updated', title: 'x' }, null],
  'workshop:phase-changed': [{ type: 'workshop:phase-changed', phase: 'cafe' }, null],
  'theme:added': [{ type: 'theme:added', theme: { id: 'th', name: 'x' } }, null],
  'theme:renamed': [{ type: 'theme:renamed', themeId: 'th', name: 'x' }, null],
  'theme:removed': [{ type: 'theme:removed', themeId: 'th' }, null],
  'table:added': [{ type: 'table:added', table: { id: 't9', name: 'T', themeId: null, question: '', capacity: 3 } }, null],
  'table:updated': [{ type: 'table:updated', tableId: 't1', name: 'x' }, null],
  'table:removed': [{ type: 'table:removed', tableId: 't1' }, null],
  'delegation:added': [{ type: 'delegation:added', delegation: { id: 'd', name: 'D', code: 'D' } }, null],
  'delegation:removed': [{ type: 'delegation:removed', delegationId: 'd' }, null],
  'participant:joined': [
    { type: 'participant:joined', participant: { id: 'p', name: 'P', delegationId: null, role: 'delegate', joinedAt: NOW } },
    null,
  ],
  'participant:role-set': [{ type: 'participant:role-set', participantId: 'p', role: 'host' }, null],
  'seat:assigned': [{ type: 'seat:assigned', participantId: 'p', tableId: 't1', from: 't2' }, 't:t1'],
  'note:created': [{ type: 'note:created', note }, 't:t2'],
  'note:edited': [{ type: 'note:edited', tableId: 't1', noteId: 'n', text: 'x', editedAt: NOW }, 't:t1'],
  'note:moved': [{ type: 'note:moved', tableId: 't3', noteId: 'n', x: 1, y: 1 }, 't:t3'],
  'note:recolored': [{ type: 'note:recolored', tableId: 't1', noteId: 'n', color: 'pink', editedAt: NOW }, 't:t1'],
  'note:deleted': [{ type: 'note:deleted', tableId: 't2', noteId: 'n' }, 't:t2'],
};

describe('scopeOf', () => {
  it('has a sample for every core event type, each still a wire event', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...CORE_EVENTS].sort());
    expect(Object.keys(eventSchemas)).toEqual(expect.arrayContaining([...CORE_EVENTS]));
  });

  it.each(Object.entries(SAMPLES))('%s → scope %j', (type, [event, scope]) => {
    expect(eventSchemas[type as EventType].safeParse(event).success).toBe(true);
    expect(scopeOf(event)).toBe(scope);
  });
});

describe('viewFor', () => {
  const s = standardWorkshop('cafe');
  it.each<[string, string, string[]]>([
    ['facilitator sees every table', P.facilitator, [N.d1, N.d2, N.host]],
    ['host sees their table only', P.host, [N.d1, N.host]],
    ['delegate at t1 sees t1 only', P.d1, [N.d1, N.host]],
    ['delegate at t2 sees t2 only', P.d2, [N.d2]],
    ['seated observer sees their table', P.observer, [N.d1, N.host]],
    ['unseated delegate sees no notes', P.d3, []],
    ['unknown participant sees no notes', P.ghost, []],
  ])('%s', (_n, who, notes) => {
    const v = viewFor(s, who);
    expect(Object.keys(v.notes).sort()).toEqual([...notes].sort());
    for (const id of notes) expect(v.notes[id]).toBe(s.notes[id]);
    // Everything but table-scoped records (notes, summaries, seats) is the workshop-wide state.
    const { notes: _a, summaries: _c, seats: mine, ...rest } = v;
    const { notes: _b, summaries: _d, seats: _e, ...all } = s;
    expect(rest).toEqual(all);
    // a seated non-facilitator knows only its own table's seats; the unseated (lobby) and facilitators all
    const table = s.seats[who];
    const expected = who === P.facilitator || !table ? s.seats : Object.fromEntries(Object.entries(s.seats).filter(([, t]) => t === table));
    expect(mine).toEqual(expected);
  });

  it.each<[string, string, string | null, boolean]>([
    ['the person moved', P.d2, null, true],
    ['the table joined', P.d1, null, true],
    ['the table left', P.d2, 't2', true],
    ['a third table', P.d2, 't3', false],
    ['the lobby (unseated)', P.d3, 't3', true],
    ['facilitators', P.facilitator, 't3', true],
  ])('a seat change reaches %s', (_n, who, from, expected) => {
    const st = standardWorkshop('cafe');
    // d2 (at t2) moves to t1 (or someone moves from `from` to t1)
    const e = {
      type: 'seat:assigned' as const,
      participantId: who === P.d2 && from === null ? P.d2 : 'zz',
      tableId: 't1',
      from: from ?? 't2',
    };
    const env = { seq: st.seq + 1, at: 0, by: null, scope: scopeOf(e), e };
    expect(visibleTo(env, st, who)).toBe(expected);
  });

  it.each<Phase>(['harvest', 'review', 'closed'])('in %s every board is open to everyone', (phase) => {
    const open = standardWorkshop(phase);
    for (const who of [P.d1, P.d3, P.observer, P.ghost]) expect(viewFor(open, who)).toBe(open);
  });

  it.each<Phase>(['setup', 'cafe'])('in %s a delegate sees only their table', (phase) => {
    expect(Object.keys(viewFor(standardWorkshop(phase), P.d2).notes)).toEqual([N.d2]);
  });

  it('returns the very same state for a facilitator', () => {
    expect(viewFor(s, P.facilitator)).toBe(s);
  });

  it('does not mutate the state', () => {
    const json = JSON.stringify(s);
    viewFor(s, P.d1);
    viewFor(s, P.d3);
    expect(JSON.stringify(s)).toBe(json);
  });

  it('follows a seat change', () => {
    const moved = run(s, cmd({ type: 'seat:assign', participantId: P.d1, tableId: 't2' }), as(P.facilitator));
    expect(Object.keys(viewFor(moved, P.d1).notes)).toEqual([N.d2]);
  });

  it('a delegate promoted to facilitator sees everything', () => {
    const promoted = run(s, cmd({ type: 'participant:set-role', participantId: P.d2, role: 'facilitator' }), as(P.facilitator));
    expect(Object.keys(viewFor(promoted, P.d2).notes).sort()).toEqual([N.d1, N.d2, N.host].sort());
  });
});

describe('seesAllTables', () => {
  const cafe = standardWorkshop('cafe');
  const harvest = standardWorkshop('harvest');
  it.each<[string, boolean, boolean]>([
    [P.facilitator, true, true],
    [P.host, false, true],
    [P.d1, false, true],
    [P.observer, false, true],
    [P.ghost, false, true],
  ])('%s: café %s, harvest %s', (who, inCafe, inHarvest) => {
    expect(seesAllTables(cafe.participants[who], cafe)).toBe(inCafe);
    expect(seesAllTables(harvest.participants[who], harvest)).toBe(inHarvest);
  });
});

describe('visibleTo / inScope', () => {
  const s = standardWorkshop('cafe');
  const env = (scope: Scope): Envelope => ({
    seq: 99,
    at: NOW,
    by: null,
    scope,
    e: scope?.startsWith('t:') ? { type: 'note:deleted', tableId: scope.slice(2), noteId: 'n' } : { type: 'workshop:updated', title: 'x' },
  });
  it.each<[Scope, string, boolean]>([
    [null, P.d1, true],
    [null, P.d3, true],
    [null, P.ghost, true],
    ['t:t1', P.facilitator, true],
    ['t:t2', P.facilitator, true],
    ['t:t1', P.host, true],
    ['t:t2', P.host, false],
    ['t:t1', P.d1, true],
    ['t:t2', P.d1, false],
    ['t:t2', P.d2, true],
    ['t:t1', P.observer, true],
    ['t:t1', P.d3, false],
    ['t:t1', P.ghost, false],
    ['d:thai', P.d1, true],
    ['d:thai', P.host, true],
    ['d:thai', P.d2, false],
    ['d:thai', P.observer, false],
    ['d:jp', P.facilitator, true],
    ['p:del1', P.d1, true],
    ['p:del1', P.d2, false],
    ['p:del1', P.facilitator, true],
  ])('scope %s, viewer %s → %s', (scope, who, expected) => {
    expect(visibleTo(env(scope), s, who)).toBe(expected);
    expect(inScope(scope, s, who)).toBe(expected);
  });

  it.each<[Scope, string]>([
    ['t:t2', P.d1],
    ['t:t1', P.d3],
    ['t:t1', P.ghost],
  ])('in harvest, table scope %s reaches %s too', (scope, who) => {
    expect(visibleTo(env(scope), standardWorkshop('harvest'), who)).toBe(true);
  });

  it.each<Phase>(['cafe', 'harvest'])('agrees with viewFor in %s: a note event is visible iff the note is in the view', (phase) => {
    const st = standardWorkshop(phase);
    for (const who of Object.values(P)) {
      const v = viewFor(st, who);
      for (const n of Object.values(st.notes)) {
        expect(visibleTo(env(`t:${n.tableId}`), st, who), `${who} / ${n.id}`).toBe(n.id in v.notes);
      }
    }
  });
});

describe('changesViewOf', () => {
  it.each<[string, DomainEvent, string, boolean]>([
    ['own seat change', { type: 'seat:assigned', participantId: P.d1, tableId: 't2' }, P.d1, true],
    ['own unseat', { type: 'seat:assigned', participantId: P.d1, tableId: null }, P.d1, true],
    ["someone else's seat change", { type: 'seat:assigned', participantId: P.d2, tableId: 't1' }, P.d1, false],
    ['own role change', { type: 'participant:role-set', participantId: P.d1, role: 'facilitator' }, P.d1, true],
    ["someone else's role change", { type: 'participant:role-set', participantId: P.d2, role: 'host' }, P.d1, false],
    // A phase change opens or closes every board (harvest/review/closed), so every view changes.
    ['phase change', { type: 'workshop:phase-changed', phase: 'harvest' }, P.d1, true],
    ['phase change (observer)', { type: 'workshop:phase-changed', phase: 'cafe' }, P.observer, true],
    ['a note at own table', SAMPLES['note:edited'][0], P.d1, false],
    [
      'own join',
      {
        type: 'participant:joined',
        participant: { id: P.d1, name: 'x', delegationId: null, role: 'delegate', joinedAt: NOW },
      },
      P.d1,
      false,
    ],
    ['table removed', { type: 'table:removed', tableId: 't1' }, P.d1, false],
  ])('%s', (_n, e, who, expected) => {
    expect(changesViewOf(e, who)).toBe(expected);
  });
});
