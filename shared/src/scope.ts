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
      return e.tableId;
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

/** Does this event change what the participant may see (their table or their role)? */
export function changesViewOf(e: DomainEvent, participantId: string): boolean {
  return (e.type === 'seat:assigned' || e.type === 'participant:role-set') && e.participantId === participantId;
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
  if (table) for (const n of Object.values(state.notes)) if (n.tableId === table) notes[n.id] = n;
  return { ...state, notes };
}
