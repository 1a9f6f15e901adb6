import { describe, expect, it } from 'vitest';
import type { Actor, WorkshopState } from '../cafe/model';
import type { DomainEvent, Envelope } from '../cafe/protocol';
import { decide } from '../cafe/decide';
import { applyEnvelopes } from '../cafe/reduce';
import { P, as, cmd, envelopes, standardWorkshop, toPhase, type CommandBody } from '../testing/fixtures';
import {
  RedactionQueue,
  needleOf,
  redactEnvelopes,
  redactEvent,
  redactEventRows,
  redactSnapshotBody,
  redactionsOf,
  type BodyRow,
  type RedactTarget,
} from './redact';

const NOTE = {
  id: 'n1',
  tableId: 't1',
  text: 'secret position',
  color: 'yellow' as const,
  x: 1,
  y: 2,
  authorId: 'del1',
  delegationId: 'thai',
  round: 1,
  createdAt: 1,
  editedAt: 1,
};
const GOAL = {
  id: 'g1',
  title: 'secret goal',
  themeId: null,
  rationale: 'secret why',
  objectives: [{ id: 'o1', text: 'secret objective', version: 1 }],
  actions: [],
  indicators: [],
  status: 'draft' as const,
  sources: { noteIds: [], clusterIds: [] },
  versions: { title: 1, rationale: 1, themeId: 1 },
  createdBy: 'fac',
  createdAt: 1,
  updatedAt: 1,
};
const note = { kind: 'note', id: 'n1' } as const;
const cluster = { kind: 'cluster', id: 'k1' } as const;
const goal = { kind: 'goal', id: 'g1' } as const;
const item = { kind: 'goal-item', goalId: 'g1', id: 'o1' } as const;

describe('redactionsOf: which events delete free text', () => {
  it.each<[DomainEvent, RedactTarget[]]>([
    [{ type: 'note:deleted', tableId: 't1', noteId: 'n1' }, [note]],
    [{ type: 'cluster:deleted', clusterId: 'k1' }, [cluster]],
    [{ type: 'goal:deleted', goalId: 'g1' }, [goal]],
    [{ type: 'goal:item-removed', goalId: 'g1', list: 'objectives', itemId: 'o1' }, [item]],
    [{ type: 'note:moved', tableId: 't1', noteId: 'n1', x: 1, y: 1 }, []],
    [{ type: 'goal:merged', goalId: 'g1', otherId: 'g2', at: 1 }, []],
  ])('%j', (e, targets) => expect(redactionsOf(e)).toEqual(targets));
});

describe('redactEvent', () => {
  it.each<[string, DomainEvent, RedactTarget, DomainEvent | null, RedactTarget[]?]>([
    [
      'note created: text blanked, the rest kept',
      { type: 'note:created', note: NOTE },
      note,
      { type: 'note:created', note: { ...NOTE, text: '' } },
    ],
    [
      'note edited',
      { type: 'note:edited', tableId: 't1', noteId: 'n1', text: 'secret', editedAt: 5 },
      note,
      { type: 'note:edited', tableId: 't1', noteId: 'n1', text: '', editedAt: 5 },
    ],
    ['another note untouched', { type: 'note:created', note: { ...NOTE, id: 'n2' } }, note, null],
    ['note moved carries no text', { type: 'note:moved', tableId: 't1', noteId: 'n1', x: 3, y: 3 }, note, null],
    ['already redacted: untouched', { type: 'note:edited', tableId: 't1', noteId: 'n1', text: '', editedAt: 5 }, note, null],
    [
      'cluster created',
      { type: 'cluster:created', cluster: { id: 'k1', name: 'secret theme', noteIds: ['n1'], createdBy: 'fac' } } as DomainEvent,
      cluster,
      { type: 'cluster:created', cluster: { id: 'k1', name: '', noteIds: ['n1'], createdBy: 'fac' } } as DomainEvent,
    ],
    [
      'cluster renamed',
      { type: 'cluster:renamed', clusterId: 'k1', name: 'secret' },
      cluster,
      { type: 'cluster:renamed', clusterId: 'k1', name: '' },
    ],
    [
      'goal created: every text blanked',
      { type: 'goal:created', goal: GOAL },
      goal,
      { type: 'goal:created', goal: { ...GOAL, title: '', rationale: '', objectives: [{ id: 'o1', text: '', version: 1 }] } },
    ],
    [
      'goal title set',
      { type: 'goal:set', goalId: 'g1', field: 'title', value: 'secret', version: 2, at: 1 },
      goal,
      { type: 'goal:set', goalId: 'g1', field: 'title', value: '', version: 2, at: 1 },
    ],
    ['goal theme set is not text', { type: 'goal:set', goalId: 'g1', field: 'themeId', value: 'th1', version: 2, at: 1 }, goal, null],
    [
      'goal item added',
      { type: 'goal:item-added', goalId: 'g1', list: 'objectives', item: { id: 'o2', text: 'secret', version: 1 }, at: 1 },
      goal,
      { type: 'goal:item-added', goalId: 'g1', list: 'objectives', item: { id: 'o2', text: '', version: 1 }, at: 1 },
    ],
    [
      'goal merge: the merged goal goes too',
      { type: 'goal:merged', goalId: 'g1', otherId: 'g2', at: 1 },
      goal,
      { type: 'goal:merged', goalId: 'g1', otherId: 'g2', at: 1 },
      [{ kind: 'goal', id: 'g2' }],
    ],
    [
      'goal item removed: only that item',
      { type: 'goal:item-set', goalId: 'g1', list: 'objectives', item: { id: 'o1', text: 'secret', version: 2 }, at: 1 },
      item,
      { type: 'goal:item-set', goalId: 'g1', list: 'objectives', item: { id: 'o1', text: '', version: 2 }, at: 1 },
    ],
    [
      'another item untouched',
      { type: 'goal:item-set', goalId: 'g1', list: 'objectives', item: { id: 'o9', text: 'keep', version: 2 }, at: 1 },
      item,
      null,
    ],
    [
      'an imported workshop holding the note',
      { type: 'workshop:imported', workshop: { id: 'w', joinCode: 'X', createdAt: 1 }, state: { notes: { n1: NOTE } } },
      note,
      { type: 'workshop:imported', workshop: { id: 'w', joinCode: 'X', createdAt: 1 }, state: { notes: { n1: { ...NOTE, text: '' } } } },
    ],
  ])('%s', (_name, e, t, expected, also = []) => {
    const r = redactEvent(e, t);
    expect(r?.event ?? null).toEqual(expected);
    expect(r?.also ?? []).toEqual(also);
    if (expected) expect(JSON.stringify(e)).toContain(needleOf(t));
  });
});

describe('redactSnapshotBody', () => {
  it('blanks the note in a snapshot and leaves others', () => {
    const body = JSON.stringify({ v: 1, state: { seq: 4, notes: { n1: NOTE, n2: { ...NOTE, id: 'n2', text: 'keep' } } } });
    const out = redactSnapshotBody(body, note)!;
    expect(out).not.toContain('secret position');
    expect(JSON.parse(out)).toMatchObject({ v: 1, state: { seq: 4, notes: { n1: { text: '' }, n2: { text: 'keep' } } } });
    expect(redactSnapshotBody(out, note)).toBeNull();
  });
});

/** A log as a store holds it, with the store's redaction run at each delete's commit. */
function playLog(start: WorkshopState, steps: Array<[CommandBody, Actor]>) {
  let state = start;
  const log: Envelope[] = [];
  const rows: BodyRow[] = [];
  for (const [body, actor] of steps) {
    const d = decide(state, cmd(body), actor, { now: 1_000 + log.length });
    if (!d.ok) throw new Error(`${body.type}: ${d.error.message}`);
    const envs = envelopes(state, d.events, actor.kind === 'participant' ? actor.participantId : null);
    state = applyEnvelopes(state, envs);
    log.push(...envs);
    for (const env of envs) rows.push({ seq: env.seq, body: JSON.stringify(env.e) });
    const q = new RedactionQueue(envs.flatMap((env) => redactionsOf(env.e)));
    for (let t = q.next(); t; t = q.next()) {
      const target = t;
      const { updates, also } = redactEventRows(
        rows.filter((r) => r.body.includes(needleOf(target))),
        target,
      );
      for (const u of updates) rows[rows.findIndex((r) => r.seq === u.seq)] = u;
      q.add(also);
    }
  }
  return { state, log, rows };
}

describe('a redacted log folds to the same state', () => {
  it('notes, clusters, goals, merged goals and goal items: the text is gone and the state is identical', () => {
    const cafe = standardWorkshop('cafe');
    const fac = as(P.facilitator);
    const d1 = as(P.d1);
    const a = playLog(cafe, [
      [{ type: 'note:create', noteId: 'n1', tableId: 't1', text: 'first secret', color: 'yellow', x: 1, y: 1 }, d1],
      [{ type: 'note:edit', noteId: 'n1', text: 'second secret' }, d1],
      [{ type: 'note:create', noteId: 'n2', tableId: 't1', text: 'kept note', color: 'blue', x: 5, y: 5 }, d1],
      [{ type: 'note:delete', noteId: 'n1' }, d1],
    ]);
    const harvest = toPhase(a.state, 'harvest');
    const b = playLog(harvest, [
      [{ type: 'cluster:create', clusterId: 'k1', name: 'secret cluster', noteIds: ['n2'] }, fac],
      [{ type: 'cluster:rename', clusterId: 'k1', name: 'secret cluster renamed' }, fac],
      [{ type: 'cluster:create', clusterId: 'k2', name: 'kept cluster', noteIds: [] }, fac],
      [{ type: 'cluster:delete', clusterId: 'k1' }, fac],
      [{ type: 'goal:create', goalId: 'g1', title: 'secret goal', themeId: null, clusterIds: [], noteIds: [] }, fac],
      [{ type: 'goal:create', goalId: 'g2', title: 'merged secret goal', themeId: null, clusterIds: [], noteIds: [] }, fac],
      [{ type: 'goal:item-add', goalId: 'g2', list: 'objectives', itemId: 'o2', text: 'merged secret objective' }, fac],
      [{ type: 'goal:merge', goalId: 'g1', otherId: 'g2' }, fac],
      [{ type: 'goal:create', goalId: 'g3', title: 'kept goal', themeId: null, clusterIds: [], noteIds: [] }, fac],
      [{ type: 'goal:item-add', goalId: 'g3', list: 'objectives', itemId: 'o3', text: 'removed secret item' }, fac],
      [{ type: 'goal:item-add', goalId: 'g3', list: 'objectives', itemId: 'o4', text: 'kept item' }, fac],
      [{ type: 'goal:item-remove', goalId: 'g3', list: 'objectives', itemId: 'o3' }, fac],
      [{ type: 'goal:delete', goalId: 'g1' }, fac],
    ]);
    for (const { start, state, log, rows } of [
      { start: cafe, ...a },
      { start: harvest, ...b },
    ]) {
      const stored = rows.map((r) => r.body).join('\n');
      expect(stored).not.toMatch(/secret/);
      const redacted = log.map((env, i) => ({ ...env, e: JSON.parse(rows[i]!.body) as DomainEvent }));
      expect(applyEnvelopes(start, redacted)).toEqual(state);
    }
    expect(a.rows.map((r) => r.body).join()).toContain('kept note');
    expect(b.rows.map((r) => r.body).join()).toMatch(/kept cluster[\s\S]*kept goal[\s\S]*kept item/);
  });
});

describe('redactEnvelopes (a catch-up window in memory)', () => {
  it('replaces the envelopes that carried the text, keeps the others as they were, leaves the input alone', () => {
    const created: Envelope = { seq: 1, at: 1, by: 'del1', scope: 't:t1', e: { type: 'note:created', note: NOTE } };
    const other: Envelope = {
      seq: 2,
      at: 2,
      by: 'del1',
      scope: null,
      e: { type: 'note:created', note: { ...NOTE, id: 'n2', text: 'keep' } },
    };
    const window = [created, other];
    const out = redactEnvelopes(window, [note], 3);
    expect(out).not.toBe(window);
    expect(out[0]).toEqual({ ...created, e: { type: 'note:created', note: { ...NOTE, text: '' } } });
    expect(out[1]).toBe(other);
    expect(window[0]!.e).toEqual({ type: 'note:created', note: NOTE });
    expect(redactEnvelopes(out, [note], 3)).toBe(out);
  });

  it('leaves events at and after the delete: a later note may reuse the id', () => {
    const reused: Envelope = {
      seq: 5,
      at: 5,
      by: 'del1',
      scope: null,
      e: { type: 'note:created', note: { ...NOTE, text: 'a new note, same id' } },
    };
    expect(redactEnvelopes([reused], [note], 4)[0]).toBe(reused);
  });
});
