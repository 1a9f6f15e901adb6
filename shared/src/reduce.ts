// reduce(): state + event -> new state. Pure and immutable (the client's React tree relies on
// reference changes); only the records an event touches are copied.
import type { WorkshopState } from './model';
import type { DomainEvent, Envelope } from './protocol';
import { assertNever } from './assert';

function without<T>(rec: Record<string, T>, id: string): Record<string, T> {
  if (!(id in rec)) return rec;
  const { [id]: _gone, ...rest } = rec;
  return rest;
}

export function reduce(state: WorkshopState, e: DomainEvent): WorkshopState {
  switch (e.type) {
    case 'workshop:created':
      return {
        ...state,
        ...e.workshop,
        phase: 'setup',
        round: 1,
        themes: Object.fromEntries(e.themes.map((t) => [t.id, t])),
        themeOrder: e.themes.map((t) => t.id),
        tables: Object.fromEntries(e.tables.map((t) => [t.id, t])),
        tableOrder: e.tables.map((t) => t.id),
        delegations: Object.fromEntries(e.delegations.map((d) => [d.id, d])),
        participants: { [e.facilitator.id]: e.facilitator },
        seats: {},
        notes: {},
      };
    case 'workshop:updated': {
      const { type: _t, ...patch } = e;
      return { ...state, ...patch };
    }
    case 'workshop:phase-changed':
      return { ...state, phase: e.phase };
    case 'theme:added':
      return {
        ...state,
        themes: { ...state.themes, [e.theme.id]: e.theme },
        themeOrder: [...state.themeOrder, e.theme.id],
      };
    case 'theme:renamed': {
      const theme = state.themes[e.themeId];
      if (!theme) return state;
      return { ...state, themes: { ...state.themes, [e.themeId]: { ...theme, name: e.name } } };
    }
    case 'theme:removed': {
      const tables = { ...state.tables };
      for (const t of Object.values(tables)) if (t.themeId === e.themeId) tables[t.id] = { ...t, themeId: null };
      return {
        ...state,
        themes: without(state.themes, e.themeId),
        themeOrder: state.themeOrder.filter((id) => id !== e.themeId),
        tables,
      };
    }
    case 'table:added':
      return {
        ...state,
        tables: { ...state.tables, [e.table.id]: e.table },
        tableOrder: [...state.tableOrder, e.table.id],
      };
    case 'table:updated': {
      const table = state.tables[e.tableId];
      if (!table) return state;
      const { type: _t, tableId: _id, ...patch } = e;
      return { ...state, tables: { ...state.tables, [e.tableId]: { ...table, ...patch } } };
    }
    case 'table:removed':
      return {
        ...state,
        tables: without(state.tables, e.tableId),
        tableOrder: state.tableOrder.filter((id) => id !== e.tableId),
      };
    case 'delegation:added':
      return { ...state, delegations: { ...state.delegations, [e.delegation.id]: e.delegation } };
    case 'delegation:removed':
      return { ...state, delegations: without(state.delegations, e.delegationId) };
    case 'participant:joined':
      return { ...state, participants: { ...state.participants, [e.participant.id]: e.participant } };
    case 'participant:role-set': {
      const p = state.participants[e.participantId];
      if (!p) return state;
      return { ...state, participants: { ...state.participants, [p.id]: { ...p, role: e.role } } };
    }
    case 'seat:assigned':
      return {
        ...state,
        seats: e.tableId === null ? without(state.seats, e.participantId) : { ...state.seats, [e.participantId]: e.tableId },
      };
    case 'note:created':
      return { ...state, notes: { ...state.notes, [e.note.id]: e.note } };
    case 'note:edited': {
      const note = state.notes[e.noteId];
      if (!note) return state;
      return { ...state, notes: { ...state.notes, [note.id]: { ...note, text: e.text, editedAt: e.editedAt } } };
    }
    case 'note:moved': {
      const note = state.notes[e.noteId];
      if (!note) return state;
      return { ...state, notes: { ...state.notes, [note.id]: { ...note, x: e.x, y: e.y } } };
    }
    case 'note:recolored': {
      const note = state.notes[e.noteId];
      if (!note) return state;
      return { ...state, notes: { ...state.notes, [note.id]: { ...note, color: e.color, editedAt: e.editedAt } } };
    }
    case 'note:deleted':
      return { ...state, notes: without(state.notes, e.noteId) };
    default:
      return assertNever(e);
  }
}

/** Folds stored events, advancing the state's sequence number. */
export function applyEnvelopes(state: WorkshopState, envelopes: readonly Envelope[]): WorkshopState {
  let s = state;
  for (const env of envelopes) {
    if (env.seq <= s.seq) continue; // already applied: replays are harmless
    s = { ...reduce(s, env.e), seq: env.seq };
  }
  return s;
}
