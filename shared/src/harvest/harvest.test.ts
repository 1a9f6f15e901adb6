// Table-driven tests of the harvest's decide and reduce: every command accepted with its events,
// every rejection with its code, permissions by role and grouping setting, phases, cluster
// semantics, provenance of drafted goals, ballot privacy and the revealed tally.
import { describe, expect, it } from 'vitest';
import type { Actor, Phase, WorkshopState } from '../cafe/model';
import type { Command, DomainEvent, ErrorCode } from '../cafe/protocol';
import { decide } from '../cafe/decide';
import { reduce } from '../cafe/reduce';
import { inScope, scopeOf, viewFor, visibleTo } from '../cafe/scope';
import { LATER, N, P, SYSTEM, as, cmd, envelopes, joinCommand, run, standardWorkshop, type CommandBody } from '../testing/fixtures';
import { HARVEST_COMMANDS, type HarvestCommandType } from './decide';
import { HARVEST_EVENTS } from './reduce';
import { dotsSpent, ranked, voteTally, voterKey } from './votes';

const fac = as(P.facilitator);
const host = as(P.host);
const d1 = as(P.d1);
const d2 = as(P.d2);
const obs = as(P.observer);

/** The standard workshop's plan years, derived from the fixture clock (NOV 2023 → 2024–2028). */
const YEARS = { start: 2024, end: 2028 };

function decideAt(state: WorkshopState, body: CommandBody | Command, actor: Actor) {
  const c = 'clientOpId' in body ? body : cmd(body);
  return decide(state, c, actor, { now: LATER });
}

function accepted(state: WorkshopState, body: CommandBody, actor: Actor): DomainEvent[] {
  const d = decideAt(state, body, actor);
  if (!d.ok) throw new Error(`expected ${body.type} accepted, got ${d.error.code}: ${d.error.message}`);
  return d.events;
}

function outcome(state: WorkshopState, body: CommandBody, actor: Actor): 'ok' | ErrorCode {
  const d = decideAt(state, body, actor);
  return d.ok ? 'ok' : d.error.code;
}

const apply = (state: WorkshopState, events: DomainEvent[]) => events.reduce(reduce, state);
const runAs = (state: WorkshopState, body: CommandBody, actor: Actor = fac) => run(state, cmd(body), actor, LATER);

/**
 * The standard workshop in harvest with:
 * - clusters c1 [n-host, n-d1] (Access) and c2 [n-d2] (Skills), by the facilitator
 * - goals g1 (from c1, theme th1) with objective o1, action a1 (thai, 2025–2026), indicator i1; g2 (from c2)
 */
function rich(): WorkshopState {
  let s = standardWorkshop('harvest');
  s = runAs(s, { type: 'cluster:create', clusterId: 'c1', name: 'Access', noteIds: [N.host, N.d1] });
  s = runAs(s, { type: 'cluster:create', clusterId: 'c2', name: 'Skills', noteIds: [N.d2] });
  s = runAs(s, { type: 'goal:create', goalId: 'g1', title: 'Open access', themeId: 'th1', clusterIds: ['c1'], noteIds: [] });
  s = runAs(s, { type: 'goal:create', goalId: 'g2', title: 'Skills for all', themeId: null, clusterIds: ['c2'], noteIds: [] });
  s = runAs(s, { type: 'goal:item-add', goalId: 'g1', list: 'objectives', itemId: 'o1', text: 'Reach everyone' });
  s = runAs(s, {
    type: 'goal:item-add',
    goalId: 'g1',
    list: 'actions',
    itemId: 'a1',
    text: 'Train staff',
    leads: ['thai'],
    start: 2025,
    end: 2026,
  });
  s = runAs(s, { type: 'goal:item-add', goalId: 'g1', list: 'indicators', itemId: 'i1', text: 'People trained' });
  return s;
}
const RICH = rich();

/** RICH with vote v1 open on the clusters: budget 3, per participant, at most 2 per item. */
function withVote(s: WorkshopState = RICH, per: 'participant' | 'delegation' = 'participant', budget = 3, maxPerItem = 2): WorkshopState {
  return runAs(s, { type: 'vote:open', voteId: 'v1', kind: 'cluster', budget, per, maxPerItem });
}
const VOTING = withVote();

// ---------------------------------------------------------------------------------------------

type Check = (before: WorkshopState, after: WorkshopState) => void;
type AcceptCase = [name: string, state: WorkshopState, actor: Actor, body: CommandBody, events: DomainEvent[], check?: Check];

const ACCEPT: AcceptCase[] = [
  [
    'harvest:configure',
    RICH,
    fac,
    { type: 'harvest:configure', grouping: 'everyone' },
    [{ type: 'harvest:configured', grouping: 'everyone' }],
    (_b, a) => expect(a.harvest.grouping).toBe('everyone'),
  ],
  [
    'cluster:create (duplicate note ids collapse)',
    RICH,
    host,
    { type: 'cluster:create', clusterId: 'c3', name: 'Mobility', noteIds: [] },
    [{ type: 'cluster:created', cluster: { id: 'c3', name: 'Mobility', noteIds: [], createdBy: P.host, createdAt: LATER } }],
    (_b, a) => expect(a.harvest.clusterOrder).toEqual(['c1', 'c2', 'c3']),
  ],
  [
    'cluster:create (takes its notes out of other clusters)',
    RICH,
    host,
    { type: 'cluster:create', clusterId: 'c3', name: 'Mobility', noteIds: [N.d2, N.d2, N.d1] },
    [{ type: 'cluster:created', cluster: { id: 'c3', name: 'Mobility', noteIds: [N.d2, N.d1], createdBy: P.host, createdAt: LATER } }],
    (_b, a) => {
      expect(a.harvest.clusters.c1!.noteIds).toEqual([N.host]);
      expect(a.harvest.clusters.c2!.noteIds).toEqual([]);
      expect(a.harvest.clusters.c3!.noteIds).toEqual([N.d2, N.d1]);
    },
  ],
  [
    'cluster:rename',
    RICH,
    fac,
    { type: 'cluster:rename', clusterId: 'c1', name: 'Access for all' },
    [{ type: 'cluster:renamed', clusterId: 'c1', name: 'Access for all' }],
    (_b, a) => expect(a.harvest.clusters.c1!.name).toBe('Access for all'),
  ],
  [
    'cluster:add-notes (only notes not already there; moved from other clusters)',
    RICH,
    fac,
    { type: 'cluster:add-notes', clusterId: 'c1', noteIds: [N.d2, N.host] },
    [{ type: 'cluster:notes-added', clusterId: 'c1', noteIds: [N.d2] }],
    (_b, a) => {
      expect(a.harvest.clusters.c1!.noteIds).toEqual([N.host, N.d1, N.d2]);
      expect(a.harvest.clusters.c2!.noteIds).toEqual([]);
    },
  ],
  [
    'cluster:remove-note',
    RICH,
    fac,
    { type: 'cluster:remove-note', clusterId: 'c1', noteId: N.host },
    [{ type: 'cluster:note-removed', clusterId: 'c1', noteId: N.host }],
    (_b, a) => expect(a.harvest.clusters.c1!.noteIds).toEqual([N.d1]),
  ],
  [
    'cluster:delete (also drops a spotlight on it)',
    runAs(RICH, { type: 'spotlight:set', target: { kind: 'cluster', id: 'c2' } }),
    fac,
    { type: 'cluster:delete', clusterId: 'c2' },
    [{ type: 'cluster:deleted', clusterId: 'c2' }],
    (_b, a) => {
      expect(a.harvest.clusters.c2).toBeUndefined();
      expect(a.harvest.clusterOrder).toEqual(['c1']);
      expect(a.harvest.spotlight).toBeNull();
      // provenance survives deleting the cluster
      expect(a.goals.g2!.sources).toEqual({ noteIds: [N.d2], clusterIds: ['c2'] });
    },
  ],
  [
    'suggestion:dismiss',
    RICH,
    host,
    { type: 'suggestion:dismiss', key: 's:abc' },
    [{ type: 'suggestion:dismissed', key: 's:abc' }],
    (_b, a) => expect(a.harvest.dismissed).toEqual(['s:abc']),
  ],
  [
    'spotlight:set (a goal)',
    RICH,
    fac,
    { type: 'spotlight:set', target: { kind: 'goal', id: 'g1' } },
    [{ type: 'spotlight:set', target: { kind: 'goal', id: 'g1' } }],
    (_b, a) => expect(a.harvest.spotlight).toEqual({ kind: 'goal', id: 'g1' }),
  ],
  [
    'spotlight:set (a note)',
    RICH,
    fac,
    { type: 'spotlight:set', target: { kind: 'note', id: N.d2 } },
    [{ type: 'spotlight:set', target: { kind: 'note', id: N.d2 } }],
  ],
  [
    'spotlight:set (clear)',
    runAs(RICH, { type: 'spotlight:set', target: { kind: 'goal', id: 'g1' } }),
    fac,
    { type: 'spotlight:set', target: null },
    [{ type: 'spotlight:set', target: null }],
    (_b, a) => expect(a.harvest.spotlight).toBeNull(),
  ],
  [
    'vote:open (items default to every goal)',
    RICH,
    fac,
    { type: 'vote:open', voteId: 'v2', kind: 'goal', budget: 5, per: 'delegation', maxPerItem: 2 },
    [
      {
        type: 'vote:opened',
        vote: {
          id: 'v2',
          kind: 'goal',
          items: ['g1', 'g2'],
          budget: 5,
          per: 'delegation',
          maxPerItem: 2,
          status: 'open',
          openedAt: LATER,
          ballots: {},
          results: null,
        },
      },
    ],
    (_b, a) => expect(a.harvest.voteOrder).toEqual(['v2']),
  ],
  [
    'vote:open (explicit items, duplicates collapse)',
    RICH,
    fac,
    { type: 'vote:open', voteId: 'v2', kind: 'note', items: [N.d2, N.d1, N.d2], budget: 2, per: 'participant', maxPerItem: 2 },
    [
      {
        type: 'vote:opened',
        vote: {
          id: 'v2',
          kind: 'note',
          items: [N.d2, N.d1],
          budget: 2,
          per: 'participant',
          maxPerItem: 2,
          status: 'open',
          openedAt: LATER,
          ballots: {},
          results: null,
        },
      },
    ],
  ],
  [
    'vote:open (after the previous one closed)',
    runAs(VOTING, { type: 'vote:close', voteId: 'v1' }),
    fac,
    { type: 'vote:open', voteId: 'v2', kind: 'cluster', budget: 1, per: 'participant', maxPerItem: 1 },
    [
      {
        type: 'vote:opened',
        vote: {
          id: 'v2',
          kind: 'cluster',
          items: ['c1', 'c2'],
          budget: 1,
          per: 'participant',
          maxPerItem: 1,
          status: 'open',
          openedAt: LATER,
          ballots: {},
          results: null,
        },
      },
    ],
  ],
  [
    'vote:cast (+1 by a delegate, per participant)',
    VOTING,
    d1,
    { type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: 1 },
    [{ type: 'vote:cast', voteId: 'v1', voter: `p:${P.d1}`, itemId: 'c1', dots: 1 }],
    (_b, a) => expect(a.harvest.votes.v1!.ballots).toEqual({ [`p:${P.d1}`]: { c1: 1 } }),
  ],
  [
    'vote:cast (-1 takes a dot back)',
    runAs(VOTING, { type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: 1 }, d1),
    d1,
    { type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: -1 },
    [{ type: 'vote:cast', voteId: 'v1', voter: `p:${P.d1}`, itemId: 'c1', dots: 0 }],
    (_b, a) => expect(a.harvest.votes.v1!.ballots[`p:${P.d1}`]).toEqual({ c1: 0 }),
  ],
  [
    'vote:cast (by a host, per delegation: the key is the delegation)',
    withVote(RICH, 'delegation'),
    host,
    { type: 'vote:cast', voteId: 'v1', itemId: 'c2', delta: 1 },
    [{ type: 'vote:cast', voteId: 'v1', voter: 'd:thai', itemId: 'c2', dots: 1 }],
  ],
  [
    'vote:reveal',
    runAs(
      runAs(VOTING, { type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: 1 }, d1),
      { type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: 1 },
      d2,
    ),
    fac,
    { type: 'vote:reveal', voteId: 'v1' },
    [{ type: 'vote:revealed', voteId: 'v1', results: { totals: { c1: 2, c2: 0 }, byDelegation: { c1: { thai: 1, jp: 1 } } } }],
    (_b, a) => {
      expect(a.harvest.votes.v1!.results?.totals).toEqual({ c1: 2, c2: 0 });
      expect(a.harvest.votes.v1!.status).toBe('open');
    },
  ],
  [
    'vote:close',
    VOTING,
    fac,
    { type: 'vote:close', voteId: 'v1' },
    [{ type: 'vote:closed', voteId: 'v1' }],
    (_b, a) => expect(a.harvest.votes.v1!.status).toBe('closed'),
  ],
  [
    'goal:create (from a cluster and a loose note)',
    RICH,
    host,
    { type: 'goal:create', goalId: 'g3', title: 'Access', themeId: 'th2', clusterIds: ['c1'], noteIds: [N.d2, N.d1] },
    [
      {
        type: 'goal:created',
        goal: {
          id: 'g3',
          title: 'Access',
          themeId: 'th2',
          rationale: '• Host idea\n• Delegate idea\n• Other table idea',
          objectives: [],
          actions: [],
          indicators: [],
          status: 'draft',
          sources: { noteIds: [N.host, N.d1, N.d2], clusterIds: ['c1'] },
          versions: { title: 1, rationale: 1, themeId: 1 },
          createdBy: P.host,
          createdAt: LATER,
          updatedAt: LATER,
        },
      },
    ],
    (_b, a) => expect(a.goalOrder).toEqual(['g1', 'g2', 'g3']),
  ],
  [
    'goal:create (blank)',
    RICH,
    fac,
    { type: 'goal:create', goalId: 'g3', title: 'Blank', themeId: null },
    [
      {
        type: 'goal:created',
        goal: {
          id: 'g3',
          title: 'Blank',
          themeId: null,
          rationale: '',
          objectives: [],
          actions: [],
          indicators: [],
          status: 'draft',
          sources: { noteIds: [], clusterIds: [] },
          versions: { title: 1, rationale: 1, themeId: 1 },
          createdBy: P.facilitator,
          createdAt: LATER,
          updatedAt: LATER,
        },
      },
    ],
  ],
  [
    'goal:set (title, by a delegate)',
    RICH,
    d1,
    { type: 'goal:set', goalId: 'g1', field: 'title', value: 'Open access to services', baseVersion: 1 },
    [{ type: 'goal:set', goalId: 'g1', field: 'title', value: 'Open access to services', version: 2, at: LATER }],
    (_b, a) => {
      expect(a.goals.g1!.title).toBe('Open access to services');
      expect(a.goals.g1!.versions).toEqual({ title: 2, rationale: 1, themeId: 1 });
      expect(a.goals.g1!.updatedAt).toBe(LATER);
    },
  ],
  [
    'goal:set (rationale may be empty)',
    RICH,
    host,
    { type: 'goal:set', goalId: 'g1', field: 'rationale', value: '', baseVersion: 1 },
    [{ type: 'goal:set', goalId: 'g1', field: 'rationale', value: '', version: 2, at: LATER }],
  ],
  [
    'goal:set (themeId cleared)',
    RICH,
    d2,
    { type: 'goal:set', goalId: 'g1', field: 'themeId', value: null, baseVersion: 1 },
    [{ type: 'goal:set', goalId: 'g1', field: 'themeId', value: null, version: 2, at: LATER }],
    (_b, a) => expect(a.goals.g1!.themeId).toBeNull(),
  ],
  [
    'goal:set-status',
    RICH,
    fac,
    { type: 'goal:set-status', goalId: 'g1', status: 'agreed' },
    [{ type: 'goal:status-set', goalId: 'g1', status: 'agreed', at: LATER }],
    (_b, a) => expect(a.goals.g1!.status).toBe('agreed'),
  ],
  [
    'goal:item-add (objective)',
    RICH,
    d1,
    { type: 'goal:item-add', goalId: 'g1', list: 'objectives', itemId: 'o2', text: 'Second objective' },
    [{ type: 'goal:item-added', goalId: 'g1', list: 'objectives', item: { id: 'o2', text: 'Second objective', version: 1 }, at: LATER }],
    (_b, a) => expect(a.goals.g1!.objectives.map((o) => o.id)).toEqual(['o1', 'o2']),
  ],
  [
    'goal:item-add (action: timeline defaults to the plan years)',
    RICH,
    d1,
    { type: 'goal:item-add', goalId: 'g1', list: 'actions', itemId: 'a2', text: 'Share data' },
    [
      {
        type: 'goal:item-added',
        goalId: 'g1',
        list: 'actions',
        item: { id: 'a2', text: 'Share data', version: 1, leads: [], start: YEARS.start, end: YEARS.end },
        at: LATER,
      },
    ],
  ],
  [
    'goal:item-add (action on the plan boundaries, two leads)',
    RICH,
    fac,
    {
      type: 'goal:item-add',
      goalId: 'g1',
      list: 'actions',
      itemId: 'a2',
      text: 'x',
      leads: ['thai', 'jp'],
      start: YEARS.start,
      end: YEARS.end,
    },
    [
      {
        type: 'goal:item-added',
        goalId: 'g1',
        list: 'actions',
        item: { id: 'a2', text: 'x', version: 1, leads: ['thai', 'jp'], start: YEARS.start, end: YEARS.end },
        at: LATER,
      },
    ],
  ],
  [
    'goal:item-add (indicator)',
    RICH,
    host,
    { type: 'goal:item-add', goalId: 'g2', list: 'indicators', itemId: 'i9', text: 'Courses held' },
    [{ type: 'goal:item-added', goalId: 'g2', list: 'indicators', item: { id: 'i9', text: 'Courses held', version: 1 }, at: LATER }],
  ],
  [
    'goal:item-set (objective text)',
    RICH,
    d2,
    { type: 'goal:item-set', goalId: 'g1', list: 'objectives', itemId: 'o1', text: 'Reach every citizen', baseVersion: 1 },
    [{ type: 'goal:item-set', goalId: 'g1', list: 'objectives', item: { id: 'o1', text: 'Reach every citizen', version: 2 }, at: LATER }],
    (_b, a) => expect(a.goals.g1!.objectives).toEqual([{ id: 'o1', text: 'Reach every citizen', version: 2 }]),
  ],
  [
    'goal:item-set (action timeline only: text and leads kept)',
    RICH,
    fac,
    { type: 'goal:item-set', goalId: 'g1', list: 'actions', itemId: 'a1', start: 2027, end: 2028, baseVersion: 1 },
    [
      {
        type: 'goal:item-set',
        goalId: 'g1',
        list: 'actions',
        item: { id: 'a1', text: 'Train staff', version: 2, leads: ['thai'], start: 2027, end: 2028 },
        at: LATER,
      },
    ],
  ],
  [
    'goal:item-remove',
    RICH,
    d1,
    { type: 'goal:item-remove', goalId: 'g1', list: 'indicators', itemId: 'i1' },
    [{ type: 'goal:item-removed', goalId: 'g1', list: 'indicators', itemId: 'i1' }],
    (_b, a) => expect(a.goals.g1!.indicators).toEqual([]),
  ],
  [
    'goal:reorder',
    RICH,
    fac,
    { type: 'goal:reorder', goalIds: ['g2', 'g1'] },
    [{ type: 'goal:reordered', goalIds: ['g2', 'g1'] }],
    (_b, a) => expect(a.goalOrder).toEqual(['g2', 'g1']),
  ],
  [
    'goal:merge',
    runAs(runAs(RICH, { type: 'spotlight:set', target: { kind: 'goal', id: 'g2' } }), {
      type: 'goal:item-add',
      goalId: 'g2',
      list: 'objectives',
      itemId: 'o9',
      text: 'Teach',
    }),
    fac,
    { type: 'goal:merge', goalId: 'g1', otherId: 'g2' },
    [{ type: 'goal:merged', goalId: 'g1', otherId: 'g2', at: LATER }],
    (b, a) => {
      expect(a.goals.g2).toBeUndefined();
      expect(a.goalOrder).toEqual(['g1']);
      expect(a.harvest.spotlight).toBeNull();
      const g = a.goals.g1!;
      expect(g.sources).toEqual({ noteIds: [N.host, N.d1, N.d2], clusterIds: ['c1', 'c2'] });
      expect(g.objectives.map((o) => o.id)).toEqual(['o1', 'o9']);
      expect(g.rationale).toBe(`${b.goals.g1!.rationale}\n\n${b.goals.g2!.rationale}`);
      // the rationale changed under anyone editing it: their edit must now be refused as stale
      expect(g.versions.rationale).toBe(b.goals.g1!.versions.rationale + 1);
      expect(g.title).toBe('Open access');
    },
  ],
  [
    'goal:delete',
    runAs(RICH, { type: 'spotlight:set', target: { kind: 'goal', id: 'g1' } }),
    fac,
    { type: 'goal:delete', goalId: 'g1' },
    [{ type: 'goal:deleted', goalId: 'g1' }],
    (_b, a) => {
      expect(a.goals.g1).toBeUndefined();
      expect(a.goalOrder).toEqual(['g2']);
      expect(a.harvest.spotlight).toBeNull();
    },
  ],
];

describe('harvest decide + reduce: every command accepted in its normal case', () => {
  it.each(ACCEPT)('%s', (_name, state, actor, body, events, check) => {
    const got = accepted(state, body, actor);
    expect(got).toEqual(events);
    const after = apply(state, got);
    expect(after).not.toBe(state);
    check?.(state, after);
  });

  it('the table covers every harvest command and every harvest event', () => {
    const commands = new Set(ACCEPT.map(([, , , body]) => body.type));
    expect([...HARVEST_COMMANDS].filter((t) => !commands.has(t))).toEqual([]);
    const events = new Set(ACCEPT.flatMap(([, , , , evs]) => evs.map((e) => e.type)));
    expect([...HARVEST_EVENTS].filter((t) => !events.has(t))).toEqual([]);
  });

  it('reduce does not mutate the state it is given', () => {
    for (const [, state, actor, body] of ACCEPT) {
      const snapshot = JSON.parse(JSON.stringify(state)) as WorkshopState;
      apply(state, accepted(state, body, actor));
      expect(state, body.type).toEqual(snapshot);
    }
  });

  it('events for missing targets are no-ops in reduce (a replayed log after a delete)', () => {
    const gone: DomainEvent[] = [
      { type: 'cluster:renamed', clusterId: 'nope', name: 'x' },
      { type: 'cluster:notes-added', clusterId: 'nope', noteIds: [N.d1] },
      { type: 'cluster:note-removed', clusterId: 'nope', noteId: N.d1 },
      { type: 'vote:cast', voteId: 'nope', voter: 'p:x', itemId: 'c1', dots: 1 },
      { type: 'vote:revealed', voteId: 'nope', results: { totals: {}, byDelegation: {} } },
      { type: 'vote:closed', voteId: 'nope' },
      { type: 'goal:set', goalId: 'nope', field: 'title', value: 'x', version: 2, at: 1 },
      { type: 'goal:merged', goalId: 'g1', otherId: 'nope', at: 1 },
    ];
    for (const e of gone) expect(reduce(RICH, e), e.type).toBe(RICH);
  });
});

// ---------------------------------------------------------------------------------------------

/** One valid command per type, accepted for any actor the permission rule lets through. */
const VALID: { [T in HarvestCommandType]: { state: WorkshopState; body: CommandBody } } = {
  'harvest:configure': { state: RICH, body: { type: 'harvest:configure', grouping: 'everyone' } },
  'cluster:create': { state: RICH, body: { type: 'cluster:create', clusterId: 'c9', name: 'New', noteIds: [N.d2] } },
  'cluster:rename': { state: RICH, body: { type: 'cluster:rename', clusterId: 'c1', name: 'Renamed' } },
  'cluster:add-notes': { state: RICH, body: { type: 'cluster:add-notes', clusterId: 'c1', noteIds: [N.d2] } },
  'cluster:remove-note': { state: RICH, body: { type: 'cluster:remove-note', clusterId: 'c1', noteId: N.d1 } },
  'cluster:delete': { state: RICH, body: { type: 'cluster:delete', clusterId: 'c2' } },
  'suggestion:dismiss': { state: RICH, body: { type: 'suggestion:dismiss', key: 'k1' } },
  'spotlight:set': { state: RICH, body: { type: 'spotlight:set', target: { kind: 'cluster', id: 'c1' } } },
  'vote:open': { state: RICH, body: { type: 'vote:open', voteId: 'v9', kind: 'cluster', budget: 3, per: 'participant', maxPerItem: 3 } },
  'vote:cast': { state: VOTING, body: { type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: 1 } },
  'vote:reveal': { state: VOTING, body: { type: 'vote:reveal', voteId: 'v1' } },
  'vote:close': { state: VOTING, body: { type: 'vote:close', voteId: 'v1' } },
  'goal:create': { state: RICH, body: { type: 'goal:create', goalId: 'g9', title: 'New goal', themeId: null, clusterIds: ['c2'] } },
  'goal:set': { state: RICH, body: { type: 'goal:set', goalId: 'g1', field: 'rationale', value: 'Because', baseVersion: 1 } },
  'goal:set-status': { state: RICH, body: { type: 'goal:set-status', goalId: 'g1', status: 'proposed' } },
  'goal:item-add': { state: RICH, body: { type: 'goal:item-add', goalId: 'g1', list: 'objectives', itemId: 'o9', text: 'More' } },
  'goal:item-set': {
    state: RICH,
    body: { type: 'goal:item-set', goalId: 'g1', list: 'objectives', itemId: 'o1', text: 'Less', baseVersion: 1 },
  },
  'goal:item-remove': { state: RICH, body: { type: 'goal:item-remove', goalId: 'g1', list: 'objectives', itemId: 'o1' } },
  'goal:reorder': { state: RICH, body: { type: 'goal:reorder', goalIds: ['g2', 'g1'] } },
  'goal:merge': { state: RICH, body: { type: 'goal:merge', goalId: 'g1', otherId: 'g2' } },
  'goal:delete': { state: RICH, body: { type: 'goal:delete', goalId: 'g2' } },
};

type RuleKind = 'facilitator' | 'group' | 'voter' | 'writer';
const RULE: { [T in HarvestCommandType]: RuleKind } = {
  'harvest:configure': 'facilitator',
  'cluster:create': 'group',
  'cluster:rename': 'group',
  'cluster:add-notes': 'group',
  'cluster:remove-note': 'group',
  'cluster:delete': 'group',
  'suggestion:dismiss': 'group',
  'spotlight:set': 'facilitator',
  'vote:open': 'facilitator',
  'vote:cast': 'voter',
  'vote:reveal': 'facilitator',
  'vote:close': 'facilitator',
  'goal:create': 'group',
  'goal:set': 'writer',
  'goal:set-status': 'facilitator',
  'goal:item-add': 'writer',
  'goal:item-set': 'writer',
  'goal:item-remove': 'writer',
  'goal:reorder': 'facilitator',
  'goal:merge': 'facilitator',
  'goal:delete': 'facilitator',
};

type RoleName = 'facilitator' | 'host' | 'delegate' | 'observer';
const ACTOR: Record<RoleName, Actor> = { facilitator: fac, host, delegate: d1, observer: obs };

function expected(kind: RuleKind, role: RoleName, grouping: 'hosts' | 'everyone'): 'ok' | 'forbidden' {
  switch (kind) {
    case 'facilitator':
      return role === 'facilitator' ? 'ok' : 'forbidden';
    case 'group':
      if (role === 'facilitator' || role === 'host') return 'ok';
      return role === 'delegate' && grouping === 'everyone' ? 'ok' : 'forbidden';
    case 'voter':
      return role === 'host' || role === 'delegate' ? 'ok' : 'forbidden';
    case 'writer':
      return role === 'observer' ? 'forbidden' : 'ok';
  }
}

describe('harvest permissions by role and grouping setting', () => {
  const cases = HARVEST_COMMANDS.flatMap((type) =>
    (['hosts', 'everyone'] as const).flatMap((grouping) =>
      (['facilitator', 'host', 'delegate', 'observer'] as const).map(
        (role) => [type, grouping, role, expected(RULE[type], role, grouping)] as const,
      ),
    ),
  );
  it.each(cases)('%s with grouping=%s by %s → %s', (type, grouping, role, want) => {
    const { state, body } = VALID[type];
    const s =
      grouping === 'everyone' && state.harvest.grouping !== 'everyone' ? runAs(state, { type: 'harvest:configure', grouping }) : state;
    expect(outcome(s, body, ACTOR[role])).toBe(want);
  });

  it('a stranger is unauthorized', () => {
    expect(outcome(RICH, VALID['goal:set'].body, as(P.ghost))).toBe('unauthorized');
  });

  it('the grouping setting can be changed back', () => {
    const open = runAs(RICH, { type: 'harvest:configure', grouping: 'everyone' });
    expect(outcome(open, VALID['cluster:create'].body, d1)).toBe('ok');
    const closed = runAs(open, { type: 'harvest:configure', grouping: 'hosts' });
    expect(outcome(closed, VALID['cluster:create'].body, d1)).toBe('forbidden');
  });
});

/** The actor the rule allows: the facilitator, except for voting (a host votes). */
const allowed = (type: HarvestCommandType): Actor => (type === 'vote:cast' ? host : fac);
// review and closed are entered through review:open / review:close, which need more setup than
// these tests are about: apply the phase event itself there
const inPhase = (s: WorkshopState, phase: Phase) =>
  phase === 'review' || phase === 'closed'
    ? { ...reduce(s, { type: 'workshop:phase-changed', phase }), seq: s.seq + 1 }
    : runAs(s, { type: 'workshop:set-phase', phase });

describe('harvest commands and the phase', () => {
  const others = HARVEST_COMMANDS.filter((t) => t !== 'harvest:configure');

  it.each(others)('%s is refused outside the harvest (back in the café) with wrong_phase', (type) => {
    const { state, body } = VALID[type];
    expect(outcome(inPhase(state, 'cafe'), body, allowed(type))).toBe('wrong_phase');
  });

  it.each(others)('%s in review: the facilitator may still tidy; nobody else writes', (type) => {
    const { state, body } = VALID[type];
    const review = inPhase(state, 'review');
    expect(outcome(review, body, allowed(type))).toBe(type === 'vote:cast' ? 'wrong_phase' : 'ok');
    if (RULE[type] !== 'facilitator') expect(outcome(review, body, type === 'vote:cast' ? d1 : host)).toBe('wrong_phase');
  });

  it.each(HARVEST_COMMANDS)('%s is refused once the workshop is closed', (type) => {
    const { state, body } = VALID[type];
    const closed = inPhase(inPhase(state, 'review'), 'closed');
    expect(outcome(closed, body, allowed(type))).toBe('wrong_phase');
  });

  it('harvest:configure is allowed before the harvest (set up in advance)', () => {
    expect(outcome(standardWorkshop('cafe'), { type: 'harvest:configure', grouping: 'everyone' }, fac)).toBe('ok');
    expect(outcome(standardWorkshop('setup'), { type: 'harvest:configure', grouping: 'everyone' }, host)).toBe('forbidden');
  });
});

// ---------------------------------------------------------------------------------------------

type RejectCase = [name: string, state: WorkshopState, actor: Actor, body: CommandBody, code: ErrorCode];

const NO_DELEGATION = 'nodel';
/** VOTING per delegation, plus a delegate who belongs to no delegation. */
const BY_DELEGATION = withVote(run(RICH, joinCommand(NO_DELEGATION, 'Nobody', null), SYSTEM, LATER), 'delegation', 3, 2);
const castN = (s: WorkshopState, actor: Actor, itemId: string, n: number) => {
  for (let i = 0; i < n; i++) s = runAs(s, { type: 'vote:cast', voteId: 'v1', itemId, delta: 1 }, actor);
  return s;
};
const CLOSED_VOTE = runAs(VOTING, { type: 'vote:close', voteId: 'v1' });
const REVEALED = runAs(VOTING, { type: 'vote:reveal', voteId: 'v1' });
const EMPTY_HARVEST = standardWorkshop('harvest');

const REJECT: RejectCase[] = [
  // clusters
  ['cluster:create with an existing id', RICH, fac, { type: 'cluster:create', clusterId: 'c1', name: 'Again', noteIds: [] }, 'conflict'],
  [
    'cluster:create with an unknown note',
    RICH,
    fac,
    { type: 'cluster:create', clusterId: 'c9', name: 'X', noteIds: [N.d1, 'n-nope'] },
    'not_found',
  ],
  ['cluster:rename an unknown cluster', RICH, fac, { type: 'cluster:rename', clusterId: 'c9', name: 'X' }, 'not_found'],
  ['cluster:add-notes to an unknown cluster', RICH, fac, { type: 'cluster:add-notes', clusterId: 'c9', noteIds: [N.d1] }, 'not_found'],
  [
    'cluster:add-notes with an unknown note',
    RICH,
    fac,
    { type: 'cluster:add-notes', clusterId: 'c1', noteIds: [N.d2, 'n-nope'] },
    'not_found',
  ],
  ['cluster:add-notes already all there', RICH, fac, { type: 'cluster:add-notes', clusterId: 'c1', noteIds: [N.d1, N.host] }, 'conflict'],
  ['cluster:remove-note from an unknown cluster', RICH, fac, { type: 'cluster:remove-note', clusterId: 'c9', noteId: N.d1 }, 'not_found'],
  ['cluster:remove-note not in the cluster', RICH, fac, { type: 'cluster:remove-note', clusterId: 'c1', noteId: N.d2 }, 'not_found'],
  ['cluster:delete an unknown cluster', RICH, fac, { type: 'cluster:delete', clusterId: 'c9' }, 'not_found'],
  [
    'suggestion:dismiss twice',
    runAs(RICH, { type: 'suggestion:dismiss', key: 'k1' }),
    fac,
    { type: 'suggestion:dismiss', key: 'k1' },
    'conflict',
  ],
  ['spotlight:set an unknown cluster', RICH, fac, { type: 'spotlight:set', target: { kind: 'cluster', id: 'c9' } }, 'not_found'],
  ['spotlight:set an unknown note', RICH, fac, { type: 'spotlight:set', target: { kind: 'note', id: 'n-nope' } }, 'not_found'],
  ['spotlight:set an unknown goal', RICH, fac, { type: 'spotlight:set', target: { kind: 'goal', id: 'g9' } }, 'not_found'],
  // votes
  [
    'vote:open with an existing id',
    CLOSED_VOTE,
    fac,
    { type: 'vote:open', voteId: 'v1', kind: 'cluster', budget: 3, per: 'participant', maxPerItem: 1 },
    'conflict',
  ],
  [
    'vote:open while another vote is open',
    VOTING,
    fac,
    { type: 'vote:open', voteId: 'v2', kind: 'goal', budget: 3, per: 'participant', maxPerItem: 1 },
    'conflict',
  ],
  [
    'vote:open with nothing to vote on',
    EMPTY_HARVEST,
    fac,
    { type: 'vote:open', voteId: 'v2', kind: 'cluster', budget: 3, per: 'participant', maxPerItem: 1 },
    'conflict',
  ],
  [
    'vote:open with an unknown item',
    RICH,
    fac,
    { type: 'vote:open', voteId: 'v2', kind: 'goal', items: ['g1', 'g9'], budget: 3, per: 'participant', maxPerItem: 1 },
    'not_found',
  ],
  [
    'vote:open with a note id on a cluster ballot',
    RICH,
    fac,
    { type: 'vote:open', voteId: 'v2', kind: 'cluster', items: [N.d1], budget: 3, per: 'participant', maxPerItem: 1 },
    'not_found',
  ],
  [
    'vote:open with maxPerItem above the budget',
    RICH,
    fac,
    { type: 'vote:open', voteId: 'v2', kind: 'goal', budget: 2, per: 'participant', maxPerItem: 3 },
    'invalid_payload',
  ],
  ['vote:cast on an unknown vote', VOTING, d1, { type: 'vote:cast', voteId: 'v9', itemId: 'c1', delta: 1 }, 'not_found'],
  ['vote:cast on a closed vote', CLOSED_VOTE, d1, { type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: 1 }, 'wrong_phase'],
  ['vote:cast on an item not on the ballot', VOTING, d1, { type: 'vote:cast', voteId: 'v1', itemId: 'g1', delta: 1 }, 'not_found'],
  ['vote:cast -1 with no dot there', VOTING, d1, { type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: -1 }, 'conflict'],
  ['vote:cast above maxPerItem', castN(VOTING, d1, 'c1', 2), d1, { type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: 1 }, 'conflict'],
  [
    'vote:cast with the budget exhausted',
    castN(castN(VOTING, d1, 'c1', 2), d1, 'c2', 1),
    d1,
    { type: 'vote:cast', voteId: 'v1', itemId: 'c2', delta: 1 },
    'conflict',
  ],
  [
    'vote:cast per delegation: a member spends dots a colleague already used',
    castN(castN(BY_DELEGATION, host, 'c1', 2), host, 'c2', 1),
    d1,
    { type: 'vote:cast', voteId: 'v1', itemId: 'c2', delta: 1 },
    'conflict',
  ],
  [
    'vote:cast per delegation without a delegation',
    BY_DELEGATION,
    as(NO_DELEGATION),
    { type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: 1 },
    'forbidden',
  ],
  ['vote:cast by the facilitator', VOTING, fac, { type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: 1 }, 'forbidden'],
  ['vote:cast by an observer', VOTING, obs, { type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: 1 }, 'forbidden'],
  ['vote:reveal an unknown vote', VOTING, fac, { type: 'vote:reveal', voteId: 'v9' }, 'not_found'],
  ['vote:reveal twice', REVEALED, fac, { type: 'vote:reveal', voteId: 'v1' }, 'conflict'],
  ['vote:close an unknown vote', VOTING, fac, { type: 'vote:close', voteId: 'v9' }, 'not_found'],
  ['vote:close twice', CLOSED_VOTE, fac, { type: 'vote:close', voteId: 'v1' }, 'conflict'],
  // goals
  ['goal:create with an existing id', RICH, fac, { type: 'goal:create', goalId: 'g1', title: 'Again', themeId: null }, 'conflict'],
  ['goal:create with an unknown theme', RICH, fac, { type: 'goal:create', goalId: 'g9', title: 'X', themeId: 'th9' }, 'not_found'],
  [
    'goal:create from an unknown cluster',
    RICH,
    fac,
    { type: 'goal:create', goalId: 'g9', title: 'X', themeId: null, clusterIds: ['c9'] },
    'not_found',
  ],
  [
    'goal:create from an unknown note',
    RICH,
    fac,
    { type: 'goal:create', goalId: 'g9', title: 'X', themeId: null, noteIds: ['n-nope'] },
    'not_found',
  ],
  ['goal:set on an unknown goal', RICH, fac, { type: 'goal:set', goalId: 'g9', field: 'title', value: 'X', baseVersion: 1 }, 'not_found'],
  [
    'goal:set with a stale baseVersion',
    runAs(RICH, { type: 'goal:set', goalId: 'g1', field: 'title', value: 'Y', baseVersion: 1 }, d2),
    d1,
    { type: 'goal:set', goalId: 'g1', field: 'title', value: 'X', baseVersion: 1 },
    'conflict',
  ],
  [
    'goal:set with a baseVersion from the future',
    RICH,
    d1,
    { type: 'goal:set', goalId: 'g1', field: 'title', value: 'X', baseVersion: 2 },
    'conflict',
  ],
  [
    'goal:set an empty title',
    RICH,
    d1,
    { type: 'goal:set', goalId: 'g1', field: 'title', value: '   ', baseVersion: 1 },
    'invalid_payload',
  ],
  ['goal:set a null title', RICH, d1, { type: 'goal:set', goalId: 'g1', field: 'title', value: null, baseVersion: 1 }, 'invalid_payload'],
  [
    'goal:set a null rationale',
    RICH,
    d1,
    { type: 'goal:set', goalId: 'g1', field: 'rationale', value: null, baseVersion: 1 },
    'invalid_payload',
  ],
  [
    'goal:set a title over the limit',
    RICH,
    d1,
    { type: 'goal:set', goalId: 'g1', field: 'title', value: 'x'.repeat(301), baseVersion: 1 },
    'invalid_payload',
  ],
  ['goal:set an unknown theme', RICH, d1, { type: 'goal:set', goalId: 'g1', field: 'themeId', value: 'th9', baseVersion: 1 }, 'not_found'],
  ['goal:set-status to the same status', RICH, fac, { type: 'goal:set-status', goalId: 'g1', status: 'draft' }, 'conflict'],
  ['goal:set-status on an unknown goal', RICH, fac, { type: 'goal:set-status', goalId: 'g9', status: 'agreed' }, 'not_found'],
  [
    'goal:item-add to an unknown goal',
    RICH,
    d1,
    { type: 'goal:item-add', goalId: 'g9', list: 'objectives', itemId: 'o9', text: 'x' },
    'not_found',
  ],
  [
    'goal:item-add with an existing item id',
    RICH,
    d1,
    { type: 'goal:item-add', goalId: 'g1', list: 'objectives', itemId: 'o1', text: 'x' },
    'conflict',
  ],
  [
    'goal:item-add a timeline starting before the plan',
    RICH,
    d1,
    { type: 'goal:item-add', goalId: 'g1', list: 'actions', itemId: 'a9', text: 'x', start: YEARS.start - 1 },
    'invalid_payload',
  ],
  [
    'goal:item-add a timeline ending after the plan',
    RICH,
    d1,
    { type: 'goal:item-add', goalId: 'g1', list: 'actions', itemId: 'a9', text: 'x', end: YEARS.end + 1 },
    'invalid_payload',
  ],
  [
    'goal:item-add a timeline ending before it starts',
    RICH,
    d1,
    { type: 'goal:item-add', goalId: 'g1', list: 'actions', itemId: 'a9', text: 'x', start: 2027, end: 2025 },
    'invalid_payload',
  ],
  [
    'goal:item-add with an unknown lead delegation',
    RICH,
    d1,
    { type: 'goal:item-add', goalId: 'g1', list: 'actions', itemId: 'a9', text: 'x', leads: ['thai', 'xx'] },
    'not_found',
  ],
  [
    'goal:item-add leads on an objective',
    RICH,
    d1,
    { type: 'goal:item-add', goalId: 'g1', list: 'objectives', itemId: 'o9', text: 'x', leads: ['thai'] },
    'invalid_payload',
  ],
  [
    'goal:item-add a timeline on an indicator',
    RICH,
    d1,
    { type: 'goal:item-add', goalId: 'g1', list: 'indicators', itemId: 'i9', text: 'x', start: 2025 },
    'invalid_payload',
  ],
  [
    'goal:item-set on an unknown goal',
    RICH,
    d1,
    { type: 'goal:item-set', goalId: 'g9', list: 'objectives', itemId: 'o1', text: 'x', baseVersion: 1 },
    'not_found',
  ],
  [
    'goal:item-set an unknown item',
    RICH,
    d1,
    { type: 'goal:item-set', goalId: 'g1', list: 'objectives', itemId: 'o9', text: 'x', baseVersion: 1 },
    'not_found',
  ],
  [
    'goal:item-set an item of another list',
    RICH,
    d1,
    { type: 'goal:item-set', goalId: 'g1', list: 'indicators', itemId: 'o1', text: 'x', baseVersion: 1 },
    'not_found',
  ],
  [
    'goal:item-set with a stale baseVersion',
    runAs(RICH, { type: 'goal:item-set', goalId: 'g1', list: 'objectives', itemId: 'o1', text: 'first', baseVersion: 1 }, d2),
    d1,
    { type: 'goal:item-set', goalId: 'g1', list: 'objectives', itemId: 'o1', text: 'second', baseVersion: 1 },
    'conflict',
  ],
  [
    'goal:item-set a timeline outside the plan years',
    RICH,
    d1,
    { type: 'goal:item-set', goalId: 'g1', list: 'actions', itemId: 'a1', end: YEARS.end + 1, baseVersion: 1 },
    'invalid_payload',
  ],
  [
    'goal:item-set a start after the kept end',
    RICH,
    d1,
    { type: 'goal:item-set', goalId: 'g1', list: 'actions', itemId: 'a1', start: 2027, baseVersion: 1 },
    'invalid_payload',
  ],
  [
    'goal:item-set an unknown lead delegation',
    RICH,
    d1,
    { type: 'goal:item-set', goalId: 'g1', list: 'actions', itemId: 'a1', leads: ['xx'], baseVersion: 1 },
    'not_found',
  ],
  ['goal:item-remove an unknown item', RICH, d1, { type: 'goal:item-remove', goalId: 'g1', list: 'objectives', itemId: 'o9' }, 'not_found'],
  [
    'goal:item-remove from an unknown goal',
    RICH,
    d1,
    { type: 'goal:item-remove', goalId: 'g9', list: 'objectives', itemId: 'o1' },
    'not_found',
  ],
  ['goal:reorder missing a goal', RICH, fac, { type: 'goal:reorder', goalIds: ['g1'] }, 'conflict'],
  ['goal:reorder with a duplicate', RICH, fac, { type: 'goal:reorder', goalIds: ['g1', 'g1'] }, 'conflict'],
  ['goal:reorder with an unknown goal', RICH, fac, { type: 'goal:reorder', goalIds: ['g1', 'g9'] }, 'conflict'],
  ['goal:reorder with an extra goal', RICH, fac, { type: 'goal:reorder', goalIds: ['g1', 'g2', 'g9'] }, 'conflict'],
  ['goal:merge into itself', RICH, fac, { type: 'goal:merge', goalId: 'g1', otherId: 'g1' }, 'invalid_payload'],
  ['goal:merge an unknown goal', RICH, fac, { type: 'goal:merge', goalId: 'g1', otherId: 'g9' }, 'not_found'],
  ['goal:merge into an unknown goal', RICH, fac, { type: 'goal:merge', goalId: 'g9', otherId: 'g1' }, 'not_found'],
  ['goal:delete an unknown goal', RICH, fac, { type: 'goal:delete', goalId: 'g9' }, 'not_found'],
];

describe('harvest rejections', () => {
  it.each(REJECT)('%s → %s', (_name, state, actor, body, code) => {
    expect(outcome(state, body, actor)).toBe(code);
  });

  it('a stale edit says why, so the client can show both texts', () => {
    const s = runAs(RICH, { type: 'goal:set', goalId: 'g1', field: 'title', value: 'Y', baseVersion: 1 }, d2);
    const d = decideAt(s, { type: 'goal:set', goalId: 'g1', field: 'title', value: 'X', baseVersion: 1 }, d1);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error.message).toMatch(/stale/);
  });

  it('after a stale edit, re-submitting on the current version is accepted', () => {
    const s = runAs(RICH, { type: 'goal:set', goalId: 'g1', field: 'title', value: 'Y', baseVersion: 1 }, d2);
    const events = accepted(s, { type: 'goal:set', goalId: 'g1', field: 'title', value: 'X', baseVersion: s.goals.g1!.versions.title }, d1);
    expect(events).toEqual([{ type: 'goal:set', goalId: 'g1', field: 'title', value: 'X', version: 3, at: LATER }]);
  });

  it('versions are per field: a title edit does not make a rationale edit stale', () => {
    const s = runAs(RICH, { type: 'goal:set', goalId: 'g1', field: 'title', value: 'Y', baseVersion: 1 }, d2);
    expect(outcome(s, { type: 'goal:set', goalId: 'g1', field: 'rationale', value: 'R', baseVersion: 1 }, d1)).toBe('ok');
    expect(outcome(s, { type: 'goal:set', goalId: 'g1', field: 'themeId', value: 'th2', baseVersion: 1 }, d1)).toBe('ok');
  });

  it('versions are per item: editing o1 does not make an edit of a1 stale', () => {
    const s = runAs(RICH, { type: 'goal:item-set', goalId: 'g1', list: 'objectives', itemId: 'o1', text: 'x', baseVersion: 1 }, d2);
    expect(outcome(s, { type: 'goal:item-set', goalId: 'g1', list: 'actions', itemId: 'a1', text: 'y', baseVersion: 1 }, d1)).toBe('ok');
  });

  it('a merge bumps the rationale version: an edit of the merged-into rationale based on the old one is stale', () => {
    const s = runAs(RICH, { type: 'goal:merge', goalId: 'g1', otherId: 'g2' });
    expect(outcome(s, { type: 'goal:set', goalId: 'g1', field: 'rationale', value: 'mine', baseVersion: 1 }, d1)).toBe('conflict');
  });
});

// ---------------------------------------------------------------------------------------------

describe('cluster semantics', () => {
  const clustersOf = (s: WorkshopState, noteId: string) =>
    s.harvest.clusterOrder.filter((c) => s.harvest.clusters[c]!.noteIds.includes(noteId));

  it('a note is in at most one cluster: adding it elsewhere moves it', () => {
    let s = RICH;
    expect(clustersOf(s, N.d1)).toEqual(['c1']);
    s = runAs(s, { type: 'cluster:add-notes', clusterId: 'c2', noteIds: [N.d1] }, host);
    expect(clustersOf(s, N.d1)).toEqual(['c2']);
    expect(s.harvest.clusters.c1!.noteIds).toEqual([N.host]);
    s = runAs(s, { type: 'cluster:create', clusterId: 'c3', name: 'Third', noteIds: [N.d1, N.host] }, host);
    expect(clustersOf(s, N.d1)).toEqual(['c3']);
    expect(clustersOf(s, N.host)).toEqual(['c3']);
    expect(s.harvest.clusters.c1!.noteIds).toEqual([]);
    // an emptied cluster stays (someone may still be naming it)
    expect(s.harvest.clusters.c1).toBeDefined();
  });

  it('deleting a note (the facilitator may, in the harvest) removes it from its cluster', () => {
    let s = runAs(RICH, { type: 'note:delete', noteId: N.d1 });
    expect(s.notes[N.d1]).toBeUndefined();
    expect(s.harvest.clusters.c1!.noteIds).toEqual([N.host]);
    // the goal keeps its provenance
    expect(s.goals.g1!.sources.noteIds).toContain(N.d1);
    // and the note can no longer be grouped
    expect(outcome(s, { type: 'cluster:add-notes', clusterId: 'c2', noteIds: [N.d1] }, fac)).toBe('not_found');
    s = runAs(s, { type: 'note:delete', noteId: N.d2 });
    expect(s.harvest.clusters.c2!.noteIds).toEqual([]);
  });

  it('delegates cannot delete notes in the harvest (boards are closed)', () => {
    expect(outcome(RICH, { type: 'note:delete', noteId: N.d1 }, d1)).toBe('forbidden');
  });

  it('removing a note from its cluster leaves it unclustered, and deleting a cluster frees its notes', () => {
    let s = runAs(RICH, { type: 'cluster:remove-note', clusterId: 'c1', noteId: N.d1 });
    expect(clustersOf(s, N.d1)).toEqual([]);
    s = runAs(s, { type: 'cluster:delete', clusterId: 'c1' });
    expect(clustersOf(s, N.host)).toEqual([]);
    expect(s.notes[N.host]).toBeDefined();
  });
});

describe('goal:create from a cluster', () => {
  it('copies the cluster’s notes into sources and pre-fills the rationale with them', () => {
    const events = accepted(RICH, { type: 'goal:create', goalId: 'g9', title: 'From c1', themeId: null, clusterIds: ['c1'] }, host);
    const goal = (events[0] as Extract<DomainEvent, { type: 'goal:created' }>).goal;
    expect(goal.sources).toEqual({ noteIds: RICH.harvest.clusters.c1!.noteIds, clusterIds: ['c1'] });
    expect(goal.rationale).toBe(RICH.harvest.clusters.c1!.noteIds.map((id) => `• ${RICH.notes[id]!.text}`).join('\n'));
  });

  it('the copy is a snapshot: regrouping the cluster later does not change the goal’s sources', () => {
    let s = runAs(RICH, { type: 'goal:create', goalId: 'g9', title: 'From c1', themeId: null, clusterIds: ['c1'] });
    s = runAs(s, { type: 'cluster:add-notes', clusterId: 'c1', noteIds: [N.d2] });
    s = runAs(s, { type: 'cluster:delete', clusterId: 'c1' });
    expect(s.goals.g9!.sources).toEqual({ noteIds: [N.host, N.d1], clusterIds: ['c1'] });
  });

  it('an overlong rationale is cut at whole notes with an ellipsis', () => {
    let s = EMPTY_HARVEST;
    const long = 'x'.repeat(490);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(`n-long-${i}`);
      s = runAs(s, { type: 'note:create', noteId: `n-long-${i}`, tableId: 't1', text: `${i} ${long}`, color: 'blue', x: 0, y: 0 });
    }
    s = runAs(s, { type: 'cluster:create', clusterId: 'big', name: 'Big', noteIds: ids });
    const goal = (
      accepted(s, { type: 'goal:create', goalId: 'g9', title: 'Big', themeId: null, clusterIds: ['big'] }, fac)[0] as Extract<
        DomainEvent,
        { type: 'goal:created' }
      >
    ).goal;
    expect(goal.rationale.length).toBeLessThanOrEqual(4000);
    expect(goal.rationale.endsWith('\n…')).toBe(true);
    expect(goal.rationale.startsWith(`• 0 ${long}`)).toBe(true);
    expect(goal.sources.noteIds).toEqual(ids);
  });
});

// ---------------------------------------------------------------------------------------------

describe('ballot privacy', () => {
  // host1 (thai) 2 on c1; del1 (thai) 1 on c1 + 1 on c2; del2 (jp) 2 on c2 — per participant
  const cast = castN(castN(castN(castN(VOTING, host, 'c1', 2), d1, 'c1', 1), d1, 'c2', 1), d2, 'c2', 2);

  it('scopeOf(vote:cast) is the voter key', () => {
    const [e] = accepted(cast, { type: 'vote:cast', voteId: 'v1', itemId: 'c2', delta: -1 }, d1);
    expect(scopeOf(e!)).toBe(`p:${P.d1}`);
    const [d] = accepted(BY_DELEGATION, { type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: 1 }, host);
    expect(scopeOf(d!)).toBe('d:thai');
  });

  it('a participant’s ballot event reaches them and facilitators only, even in the harvest', () => {
    const [e] = accepted(cast, { type: 'vote:cast', voteId: 'v1', itemId: 'c2', delta: -1 }, d1);
    const [env] = envelopes(cast, [e!], P.d1);
    expect(visibleTo(env!, cast, P.d1)).toBe(true);
    expect(visibleTo(env!, cast, P.facilitator)).toBe(true);
    for (const other of [P.host, P.d2, P.d3, P.observer]) expect(visibleTo(env!, cast, other), other).toBe(false);
  });

  it('a delegation’s ballot event reaches its members and facilitators only', () => {
    expect(inScope('d:thai', BY_DELEGATION, P.host)).toBe(true);
    expect(inScope('d:thai', BY_DELEGATION, P.d1)).toBe(true);
    expect(inScope('d:thai', BY_DELEGATION, P.facilitator)).toBe(true);
    for (const other of [P.d2, P.d3, P.observer, NO_DELEGATION]) expect(inScope('d:thai', BY_DELEGATION, other), other).toBe(false);
  });

  it('viewFor keeps only the viewer’s own voter key (and its delegation’s)', () => {
    expect(Object.keys(cast.harvest.votes.v1!.ballots).sort()).toEqual([`p:${P.d1}`, `p:${P.d2}`, `p:${P.host}`]);
    expect(Object.keys(viewFor(cast, P.d1).harvest.votes.v1!.ballots)).toEqual([`p:${P.d1}`]);
    expect(viewFor(cast, P.d1).harvest.votes.v1!.ballots[`p:${P.d1}`]).toEqual({ c1: 1, c2: 1 });
    expect(Object.keys(viewFor(cast, P.d2).harvest.votes.v1!.ballots)).toEqual([`p:${P.d2}`]);
    expect(viewFor(cast, P.d3).harvest.votes.v1!.ballots).toEqual({});
    expect(viewFor(cast, P.observer).harvest.votes.v1!.ballots).toEqual({});
    expect(viewFor(cast, P.facilitator)).toBe(cast);

    let byDel = castN(BY_DELEGATION, host, 'c1', 1);
    byDel = castN(byDel, d2, 'c2', 2);
    expect(Object.keys(viewFor(byDel, P.d1).harvest.votes.v1!.ballots)).toEqual(['d:thai']);
    expect(Object.keys(viewFor(byDel, P.d3).harvest.votes.v1!.ballots)).toEqual(['d:jp']);
    expect(viewFor(byDel, NO_DELEGATION).harvest.votes.v1!.ballots).toEqual({});
  });

  it('viewFor hides ballots of every vote, closed ones too, but keeps revealed results', () => {
    let s = runAs(cast, { type: 'vote:reveal', voteId: 'v1' });
    s = runAs(s, { type: 'vote:close', voteId: 'v1' });
    const v = viewFor(s, P.d2).harvest.votes.v1!;
    expect(Object.keys(v.ballots)).toEqual([`p:${P.d2}`]);
    expect(v.results).toEqual(s.harvest.votes.v1!.results);
  });

  it('the voter key is the person or, in a vote by delegation, the delegation', () => {
    expect(voterKey(VOTING, VOTING.harvest.votes.v1!, P.d1)).toBe(`p:${P.d1}`);
    expect(voterKey(BY_DELEGATION, BY_DELEGATION.harvest.votes.v1!, P.d1)).toBe('d:thai');
    expect(voterKey(BY_DELEGATION, BY_DELEGATION.harvest.votes.v1!, NO_DELEGATION)).toBeNull();
  });
});

describe('reveal: totals and byDelegation', () => {
  it('per participant: totals per item, and dots per delegation of each voter', () => {
    let s = run(VOTING, joinCommand(NO_DELEGATION, 'Nobody', null), SYSTEM, LATER);
    s = castN(s, host, 'c1', 2);
    s = castN(s, d1, 'c1', 1);
    s = castN(s, d1, 'c2', 2);
    s = castN(s, d2, 'c2', 1);
    s = castN(s, as(NO_DELEGATION), 'c1', 1);
    s = castN(s, as(NO_DELEGATION), 'c2', 1);
    s = runAs(s, { type: 'vote:cast', voteId: 'v1', itemId: 'c2', delta: -1 }, as(NO_DELEGATION)); // a dot taken back counts 0
    const [e] = accepted(s, { type: 'vote:reveal', voteId: 'v1' }, fac);
    expect(e).toEqual({
      type: 'vote:revealed',
      voteId: 'v1',
      results: {
        totals: { c1: 4, c2: 3 },
        byDelegation: { c1: { thai: 3, '-': 1 }, c2: { thai: 2, jp: 1 } },
      },
    });
    const after = apply(s, [e!]);
    expect(ranked(after.harvest.votes.v1!)).toEqual([
      { item: 'c1', dots: 4 },
      { item: 'c2', dots: 3 },
    ]);
    expect(dotsSpent(after.harvest.votes.v1!, `p:${P.d1}`)).toBe(3);
  });

  it('per delegation: the shared budget’s dots count once for the delegation', () => {
    let s = castN(BY_DELEGATION, host, 'c1', 1);
    s = castN(s, d1, 'c1', 1);
    s = castN(s, d1, 'c2', 1);
    s = castN(s, d2, 'c2', 2);
    expect(s.harvest.votes.v1!.ballots).toEqual({ 'd:thai': { c1: 2, c2: 1 }, 'd:jp': { c2: 2 } });
    expect(voteTally(s, s.harvest.votes.v1!)).toEqual({
      totals: { c1: 2, c2: 3 },
      byDelegation: { c1: { thai: 2 }, c2: { thai: 1, jp: 2 } },
    });
  });

  it('an item nobody voted for is listed with 0; ties keep ballot order', () => {
    const s = runAs(runAs(VOTING, { type: 'vote:cast', voteId: 'v1', itemId: 'c2', delta: 1 }, d1), { type: 'vote:reveal', voteId: 'v1' });
    expect(s.harvest.votes.v1!.results!.totals).toEqual({ c1: 0, c2: 1 });
    const tie = runAs(VOTING, { type: 'vote:reveal', voteId: 'v1' });
    expect(ranked(tie.harvest.votes.v1!).map((r) => r.item)).toEqual(['c1', 'c2']);
    expect(ranked(VOTING.harvest.votes.v1!)).toEqual([]);
  });

  it('results are visible to everyone after the reveal (workshop-wide event)', () => {
    const [e] = accepted(VOTING, { type: 'vote:reveal', voteId: 'v1' }, fac);
    expect(scopeOf(e!)).toBeNull();
  });
});

describe('a stale edit is refused with what won (the ack may arrive before its event)', () => {
  // RICH after d1 saved title v2 and objective o1 v2
  const won = runAs(
    runAs(RICH, { type: 'goal:set', goalId: 'g1', field: 'title', value: 'Access for all', baseVersion: 1 }, d1),
    { type: 'goal:item-set', goalId: 'g1', list: 'objectives', itemId: 'o1', text: 'Reach every region', baseVersion: 1 },
    d1,
  );
  it.each<[string, CommandBody, unknown]>([
    [
      'goal:set title from v1',
      { type: 'goal:set', goalId: 'g1', field: 'title', value: 'Mine', baseVersion: 1 },
      { version: 2, value: 'Access for all' },
    ],
    ['goal:set rationale is not stale', { type: 'goal:set', goalId: 'g1', field: 'rationale', value: 'Why', baseVersion: 1 }, null],
    [
      'goal:set themeId from a future version',
      { type: 'goal:set', goalId: 'g1', field: 'themeId', value: null, baseVersion: 5 },
      { version: 1, value: 'th1' },
    ],
    [
      'goal:item-set from v1',
      { type: 'goal:item-set', goalId: 'g1', list: 'objectives', itemId: 'o1', text: 'Mine', baseVersion: 1 },
      { version: 2, value: 'Reach every region', item: { id: 'o1', text: 'Reach every region', version: 2 } },
    ],
    [
      'goal:item-set of an action carries the whole action',
      { type: 'goal:item-set', goalId: 'g1', list: 'actions', itemId: 'a1', text: 'Mine', baseVersion: 0 },
      { version: 1, value: 'Train staff', item: { id: 'a1', text: 'Train staff', version: 1, leads: ['thai'], start: 2025, end: 2026 } },
    ],
  ])('%s', (_n, body, current) => {
    const d = decideAt(won, body, fac);
    if (current === null) return expect(d.ok).toBe(true);
    expect(d).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!d.ok && d.error.current).toEqual(current);
    // resending on the carried version is accepted
    const again = decideAt(won, { ...body, baseVersion: (current as { version: number }).version } as CommandBody, fac);
    expect(again.ok).toBe(true);
  });

  it('a title of zero-width characters is blank', () => {
    expect(outcome(RICH, { type: 'goal:set', goalId: 'g1', field: 'title', value: '\u200B\u200D\uFEFF', baseVersion: 1 }, fac)).toBe(
      'invalid_payload',
    );
  });
});
