// Scoped fan-out: which events and which part of the state each viewer receives.
// A note belongs to its table; facilitators see every table, everyone else only their own.
import type { Participant, WorkshopState } from './model';
import type { DomainEvent, Envelope, Scope } from './protocol';
import { assertNever } from './assert';
import { isHarvestEvent } from './harvest/reduce';

/** Who an event belongs to: a table, a delegation, a person, or (null) the whole workshop. */
export function scopeOf(e: DomainEvent): Scope {
  // ballots stay with the voter (and facilitators) until the facilitator reveals the tally
  if (e.type === 'vote:cast') return e.voter as Scope;
  // a delegation's national details stay within the delegation (and the chair) until the report
  if (e.type === 'review:recorded') return `d:${e.entry.delegationId}`;
  if (isHarvestEvent(e)) return null;
  switch (e.type) {
    case 'note:created':
      return `t:${e.note.tableId}`;
    case 'note:edited':
    case 'note:moved':
    case 'note:recolored':
    case 'note:deleted':
    case 'summary:written':
      return `t:${e.tableId}`;
    case 'cafe:configured':
    case 'plan:set':
    case 'round:started':
    case 'round:paused':
    case 'round:resumed':
    case 'round:extended':
    case 'round:ended':
    case 'round:rotated':
    case 'participant:absent-set':
    case 'message:broadcast':
    case 'review:opened':
    case 'review:deadline-set':
    case 'amendment:proposed':
    case 'amendment:decided':
    case 'review:reminded':
    case 'workshop:imported':
    case 'workshop:created':
    case 'workshop:updated':
    case 'workshop:phase-changed':
    case 'theme:added':
    case 'theme:renamed':
    case 'theme:removed':
    case 'table:added':
    case 'table:updated':
    case 'table:removed':
    case 'delegation:added':
    case 'delegation:removed':
    case 'participant:joined':
    case 'participant:role-set':
    case 'seat:assigned':
      return null;
    default:
      return assertNever(e);
  }
}

/** Phases in which every board is open to everyone (the harvest looks across all tables). */
export const OPEN_PHASES = ['harvest', 'review', 'closed'] as const;

export function seesAllTables(p: Participant | undefined, state: WorkshopState): boolean {
  return p?.role === 'facilitator' || (OPEN_PHASES as readonly string[]).includes(state.phase);
}

/** The people whose view (their table or their role) this event changes. */
export function rescopedBy(e: DomainEvent): readonly string[] {
  if (e.type === 'seat:assigned' || e.type === 'participant:role-set') return [e.participantId];
  if (e.type === 'round:started') return e.moved;
  return [];
}

/** A phase change opens (or closes) every board to everyone: every view changes. */
export function changesEveryView(e: DomainEvent): boolean {
  return e.type === 'workshop:phase-changed';
}

export function changesViewOf(e: DomainEvent, participantId: string): boolean {
  return changesEveryView(e) || rescopedBy(e).includes(participantId);
}

export function visibleTo(env: Envelope, state: WorkshopState, participantId: string): boolean {
  return inScope(env.scope, state, participantId);
}

export function inScope(scope: Scope, state: WorkshopState, participantId: string): boolean {
  if (scope === null) return true;
  const p = state.participants[participantId];
  if (p?.role === 'facilitator') return true;
  const id = scope.slice(2);
  switch (scope[0]) {
    case 't':
      return seesAllTables(p, state) || state.seats[participantId] === id;
    case 'd':
      return p?.delegationId === id;
    case 'p':
      return participantId === id;
    default:
      return false;
  }
}

/** The state a participant is sent: everything but other tables' notes. */
export function viewFor(state: WorkshopState, participantId: string): WorkshopState {
  const p = state.participants[participantId];
  if (p?.role === 'facilitator') return state;
  const withBallots = ownReviewsOnly(ownBallotsOnly(state, participantId), participantId);
  if (seesAllTables(p, state)) return withBallots;
  state = withBallots;
  const table = state.seats[participantId];
  const notes: WorkshopState['notes'] = {};
  const summaries: WorkshopState['summaries'] = {};
  if (table) {
    for (const n of Object.values(state.notes)) if (n.tableId === table) notes[n.id] = n;
    for (const [k, v] of Object.entries(state.summaries)) if (v.tableId === table) summaries[k] = v;
  }
  return { ...state, notes, summaries };
}

/** Others' dots stay hidden: a participant's view keeps only its own and its delegation's ballots. */
function ownBallotsOnly(state: WorkshopState, participantId: string): WorkshopState {
  const ids = state.harvest.voteOrder;
  if (ids.length === 0) return state;
  const keep = new Set([`p:${participantId}`]);
  const d = state.participants[participantId]?.delegationId;
  if (d) keep.add(`d:${d}`);
  const votes: WorkshopState['harvest']['votes'] = {};
  for (const [id, v] of Object.entries(state.harvest.votes)) {
    votes[id] = { ...v, ballots: Object.fromEntries(Object.entries(v.ballots).filter(([k]) => keep.has(k))) };
  }
  return { ...state, harvest: { ...state.harvest, votes } };
}

function ownReviewsOnly(state: WorkshopState, participantId: string): WorkshopState {
  const entries = state.review.entries;
  if (Object.keys(entries).length === 0) return state;
  const d = state.participants[participantId]?.delegationId;
  const own = Object.fromEntries(Object.entries(entries).filter(([, e]) => e.delegationId === d));
  return { ...state, review: { ...state.review, entries: own } };
}
