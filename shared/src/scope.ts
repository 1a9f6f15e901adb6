// Scoped fan-out: which events and which part of the state each viewer receives.
// A note belongs to its table; facilitators see every table, everyone else only their own.
import type { Participant, WorkshopState } from './model';
import type { DomainEvent, Envelope } from './protocol';
import { assertNever } from './assert';

/** The table an event belongs to, or null when the whole workshop needs it. */
export function scopeOf(e: DomainEvent): string | null {
  switch (e.type) {
    case 'note:created':
      return e.note.tableId;
    case 'note:edited':
    case 'note:moved':
    case 'note:recolored':
    case 'note:deleted':
    case 'summary:written':
      return e.tableId;
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

export function seesAllTables(p: Participant | undefined): boolean {
  return p?.role === 'facilitator';
}

/** The people whose view (their table or their role) this event changes. */
export function rescopedBy(e: DomainEvent): readonly string[] {
  if (e.type === 'seat:assigned' || e.type === 'participant:role-set') return [e.participantId];
  if (e.type === 'round:started') return e.moved;
  return [];
}

export function changesViewOf(e: DomainEvent, participantId: string): boolean {
  return rescopedBy(e).includes(participantId);
}

export function visibleTo(env: Envelope, state: WorkshopState, participantId: string): boolean {
  if (env.table === null) return true;
  const p = state.participants[participantId];
  return seesAllTables(p) || state.seats[participantId] === env.table;
}

/** The state a participant is sent: everything but other tables' notes. */
export function viewFor(state: WorkshopState, participantId: string): WorkshopState {
  const p = state.participants[participantId];
  if (seesAllTables(p)) return state;
  const table = state.seats[participantId];
  const notes: WorkshopState['notes'] = {};
  const summaries: WorkshopState['summaries'] = {};
  if (table) {
    for (const n of Object.values(state.notes)) if (n.tableId === table) notes[n.id] = n;
    for (const [k, v] of Object.entries(state.summaries)) if (v.tableId === table) summaries[k] = v;
  }
  return { ...state, notes, summaries };
}
