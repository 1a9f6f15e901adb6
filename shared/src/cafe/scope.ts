// Scoped fan-out: which events and which part of the state each viewer receives.
// A note belongs to its table; facilitators see every table, everyone else only their own.
import type { Participant, WorkshopState } from './model';
import type { DomainEvent, Envelope, Scope, TableSlice } from './protocol';
import { assertNever } from '../assert';
import { isHarvestEvent } from '../harvest/reduce';

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
      return null;
    // a seat change belongs to the table it leads to (or the person, when unseated); its other
    // audience (the table left, the unseated lobby) is decided by seatEventVisible
    case 'seat:assigned':
      return e.tableId !== null ? `t:${e.tableId}` : `p:${e.participantId}`;
    default:
      return assertNever(e);
  }
}

/** Phases in which every board is open to everyone (the harvest looks across all tables). */
export const OPEN_PHASES = ['harvest', 'review', 'closed'] as const;

export function seesAllTables(p: Participant | undefined, state: WorkshopState): boolean {
  return p?.role === 'facilitator' || (OPEN_PHASES as readonly string[]).includes(state.phase);
}

/**
 * What decides which events and which slice of the state someone receives; kept per socket by
 * the server so fan-out needs no state lookups.
 */
export interface Viewer {
  participantId: string;
  facilitator: boolean;
  /** Every table's board is open to this viewer (facilitator, or an open phase). */
  open: boolean;
  table: string | null;
  delegation: string | null;
}

export function viewerOf(state: WorkshopState, participantId: string): Viewer {
  const p = state.participants[participantId];
  return {
    participantId,
    facilitator: p?.role === 'facilitator',
    open: seesAllTables(p, state),
    table: state.seats[participantId] ?? null,
    delegation: p?.delegationId ?? null,
  };
}

/**
 * Who learns of a seat change: facilitators and open boards, the person, the table joined, the
 * table left, and people not seated anywhere yet (the lobby: they pick a table by its occupancy).
 * Everyone else keeps only their own table's seats, so seating a room costs O(people), not O(people²).
 */
function seatEventVisible(e: Extract<DomainEvent, { type: 'seat:assigned' }>, v: Viewer): boolean {
  return (
    v.open ||
    v.table === null ||
    v.participantId === e.participantId ||
    v.table === e.tableId ||
    (e.from !== undefined && v.table === e.from)
  );
}

/** Whether this viewer receives this event (the fan-out's and the catch-up's one rule). */
export function visibleToViewer(env: Envelope, v: Viewer): boolean {
  if (v.facilitator) return true;
  if (env.e.type === 'seat:assigned') return seatEventVisible(env.e, v);
  return scopeVisible(env.scope, v);
}

function scopeVisible(scope: Scope, v: Viewer): boolean {
  if (scope === null || v.facilitator) return true;
  const id = scope.slice(2);
  switch (scope[0]) {
    case 't':
      return v.open || v.table === id;
    case 'd':
      return v.delegation === id;
    case 'p':
      return v.participantId === id;
    default:
      return false;
  }
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
  return visibleToViewer(env, viewerOf(state, participantId));
}

export function inScope(scope: Scope, state: WorkshopState, participantId: string): boolean {
  return scopeVisible(scope, viewerOf(state, participantId));
}

/**
 * A seated delegate in a closed phase knows only its own table's seats (see seatEventVisible);
 * a round start carries everyone's seats, so the client prunes after folding it too.
 */
export function ownTableSeats(state: WorkshopState, participantId: string): WorkshopState {
  const v = viewerOf(state, participantId);
  if (v.facilitator || v.open || v.table === null) return state;
  let foreign = false;
  for (const t of Object.values(state.seats)) if (t !== v.table) foreign = true;
  if (!foreign) return state;
  const seats: WorkshopState['seats'] = {};
  for (const [p, t] of Object.entries(state.seats)) if (t === v.table) seats[p] = t;
  return { ...state, seats };
}

/** The state a participant is sent: everything but other tables' notes. */
export function viewFor(state: WorkshopState, participantId: string): WorkshopState {
  const p = state.participants[participantId];
  if (p?.role === 'facilitator') return state;
  const withBallots = ownReviewsOnly(ownBallotsOnly(state, participantId), participantId);
  if (seesAllTables(p, state)) return withBallots;
  state = ownTableSeats(withBallots, participantId);
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

/** The table-dependent part of someone's view (see TableSlice). */
export function tableSliceFor(state: WorkshopState, participantId: string): TableSlice {
  const v = viewFor(state, participantId);
  return { seq: state.seq, seats: v.seats, notes: v.notes, summaries: v.summaries };
}

/**
 * Applies a slice to a view that is current in everything else (the server sends it right after
 * the events that moved this person, so everything outside the slice is up to date).
 */
export function applyTableSlice(state: WorkshopState, slice: TableSlice): WorkshopState {
  return { ...state, seq: slice.seq, seats: slice.seats, notes: slice.notes, summaries: slice.summaries };
}
