// The workshop state that every client and the server fold from the event log.
// Records keyed by id (not arrays) so reduce() can update one entity without scanning.

export const PHASES = ['setup', 'cafe', 'harvest', 'review', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export const ROLES = ['facilitator', 'host', 'delegate', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const NOTE_COLORS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

export interface Theme {
  id: string;
  name: string;
}

export interface Table {
  id: string;
  name: string;
  themeId: string | null;
  question: string;
  capacity: number;
}

export interface Delegation {
  id: string;
  name: string;
  code: string;
}

export interface Participant {
  id: string;
  name: string;
  delegationId: string | null;
  role: Role;
  joinedAt: number;
}

export interface Note {
  id: string;
  tableId: string;
  text: string;
  color: NoteColor;
  x: number;
  y: number;
  authorId: string;
  delegationId: string | null;
  round: number;
  createdAt: number;
  editedAt: number;
}

export interface WorkshopState {
  id: string;
  title: string;
  purpose: string;
  language: string;
  joinCode: string;
  phase: Phase;
  round: number;
  createdAt: number;
  themes: Record<string, Theme>;
  /** Order of themes and tables as the facilitator arranged them. */
  themeOrder: string[];
  tables: Record<string, Table>;
  tableOrder: string[];
  delegations: Record<string, Delegation>;
  participants: Record<string, Participant>;
  /** participantId -> tableId: who sits where right now. */
  seats: Record<string, string>;
  notes: Record<string, Note>;
  /** Sequence number of the last event folded into this state. */
  seq: number;
}

/** Who is issuing a command: resolved by the server from a verified token, never from the payload. */
export type Actor =
  | { kind: 'participant'; participantId: string }
  /** The server itself (e.g. registering a join before the participant has a token). */
  | { kind: 'system' };

export function emptyState(): WorkshopState {
  return {
    id: '',
    title: '',
    purpose: '',
    language: 'en',
    joinCode: '',
    phase: 'setup',
    round: 1,
    createdAt: 0,
    themes: {},
    themeOrder: [],
    tables: {},
    tableOrder: [],
    delegations: {},
    participants: {},
    seats: {},
    notes: {},
    seq: 0,
  };
}

export function roleOf(state: WorkshopState, actor: Actor): Role | 'system' | null {
  if (actor.kind === 'system') return 'system';
  return state.participants[actor.participantId]?.role ?? null;
}

export function tableCount(state: WorkshopState, tableId: string): number {
  let n = 0;
  for (const t of Object.values(state.seats)) if (t === tableId) n++;
  return n;
}
