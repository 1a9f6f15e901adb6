import { describe, expect, it } from 'vitest';
import { type Participant, type ReviewEntry, type WorkshopState, emptyState, reviewKey } from '../cafe/model';
import { summarise } from './summary';

const person = (id: string, role: Participant['role'], delegationId: string | null): Participant => ({
  id,
  name: id,
  role,
  delegationId,
  joinedAt: 1,
});
const entry = (goalId: string, delegationId: string, stance: ReviewEntry['stance']): ReviewEntry => ({
  goalId,
  delegationId,
  stance,
  situation: '',
  needs: '',
  resources: '',
  feasibility: null,
  partners: [],
  comments: '',
  updatedBy: 'x',
  updatedAt: 1,
});

function state(opts: { people: Participant[]; goals: string[]; entries: ReviewEntry[]; notes?: number }): WorkshopState {
  const s = emptyState();
  s.id = 'w1';
  s.title = 'ACCSM café';
  s.phase = 'review';
  s.joinCode = 'ABCDEFGH';
  s.createdAt = 42;
  s.delegations = {
    th: { id: 'th', name: 'Thailand' },
    ph: { id: 'ph', name: 'Philippines' },
    sg: { id: 'sg', name: 'Singapore' },
  } as unknown as WorkshopState['delegations'];
  for (const p of opts.people) s.participants[p.id] = p;
  s.goalOrder = opts.goals;
  for (const e of opts.entries) s.review.entries[reviewKey(e.goalId, e.delegationId)] = e;
  for (let i = 0; i < (opts.notes ?? 0); i++) s.notes[`n${i}`] = { id: `n${i}` } as WorkshopState['notes'][string];
  return s;
}

describe('summarise', () => {
  it.each([
    { name: 'nobody yet', people: [person('f', 'facilitator', null)], goals: ['g1'], entries: [], notes: 0, review: { done: 0, total: 0 } },
    {
      name: 'two reviewing delegations, one goal reviewed by one',
      people: [person('f', 'facilitator', null), person('a', 'delegate', 'th'), person('b', 'host', 'ph'), person('o', 'observer', 'sg')],
      goals: ['g1', 'g2'],
      entries: [entry('g1', 'th', 'supports'), entry('g2', 'th', null), entry('g1', 'sg', 'amend')],
      notes: 3,
      review: { done: 1, total: 4 },
    },
    {
      name: 'everything reviewed',
      people: [person('a', 'delegate', 'th')],
      goals: ['g1'],
      entries: [entry('g1', 'th', 'na')],
      notes: 1,
      review: { done: 1, total: 1 },
    },
  ])('$name', ({ people, goals, entries, notes, review }) => {
    expect(summarise(state({ people, goals, entries, notes }))).toEqual({
      workshopId: 'w1',
      title: 'ACCSM café',
      phase: 'review',
      joinCode: 'ABCDEFGH',
      createdAt: 42,
      people: people.length,
      notes,
      review,
    });
  });
});
