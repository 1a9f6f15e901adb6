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

export const QUESTION_MODES = ['table', 'round', 'both'] as const;
export type QuestionMode = (typeof QUESTION_MODES)[number];
export const CLOCK_STATUSES = ['idle', 'running', 'paused', 'ended'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

/** One round's seating: table id -> participant ids. */
export type RoundSeating = Record<string, string[]>;

export interface RoundClock {
  status: ClockStatus;
  /** Server time the round ends at, while running. */
  endsAt: number | null;
  /** Time left while idle (not started) or paused. */
  remainingMs: number;
}

export interface CafeState {
  rounds: number;
  roundSeconds: number;
  autoRotate: boolean;
  questionMode: QuestionMode;
  /** Question of round r at index r-1 (the classic café's deepening questions). */
  roundQuestions: string[];
  /** The seating plan for every round (played rounds included), or null for manual seating. */
  plan: RoundSeating[] | null;
  planSeed: number;
  clock: RoundClock;
  /** Seat cards: participant -> table they should move to for the coming round. */
  moves: Record<string, string>;
  /** Seating as it was when each played round started. */
  history: RoundSeating[];
  absent: Record<string, true>;
  message: { text: string; at: number } | null;
}

export interface Summary {
  tableId: string;
  round: number;
  text: string;
  by: string;
  at: number;
}

export const summaryKey = (tableId: string, round: number) => `${tableId}#${round}`;

// ---------------------------------------------------------------- harvest

export const VOTE_KINDS = ['cluster', 'note', 'goal'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];
export const GOAL_STATUSES = ['draft', 'proposed', 'agreed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const GOAL_LISTS = ['objectives', 'actions', 'indicators'] as const;
export type GoalList = (typeof GOAL_LISTS)[number];
export const GOAL_FIELDS = ['title', 'rationale', 'themeId'] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];

export interface Cluster {
  id: string;
  name: string;
  noteIds: string[];
  createdBy: string;
  createdAt: number;
}

export interface VoteResults {
  totals: Record<string, number>;
  /** item -> delegation (or '-' for none) -> dots */
  byDelegation: Record<string, Record<string, number>>;
}

export interface Vote {
  id: string;
  kind: VoteKind;
  items: string[];
  budget: number;
  /** One budget per person, or one shared by each delegation (intergovernmental rules). */
  per: 'participant' | 'delegation';
  maxPerItem: number;
  status: 'open' | 'closed';
  openedAt: number;
  /** voter key (`p:ID` or `d:ID`) -> item -> dots. A participant's client holds only its own key. */
  ballots: Record<string, Record<string, number>>;
  /** Published when the facilitator reveals; hidden (null) until then. */
  results: VoteResults | null;
}

export interface GoalItem {
  id: string;
  text: string;
  version: number;
}

export interface GoalAction extends GoalItem {
  /** Lead delegations. */
  leads: string[];
  start: number;
  end: number;
}

export interface Goal {
  id: string;
  title: string;
  themeId: string | null;
  rationale: string;
  objectives: GoalItem[];
  actions: GoalAction[];
  indicators: GoalItem[];
  status: GoalStatus;
  sources: { noteIds: string[]; clusterIds: string[] };
  /** Version per scalar field; an edit names the version it was based on, a stale one is refused. */
  versions: Record<GoalField, number>;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export type SpotlightTarget = { kind: VoteKind; id: string };

export interface HarvestState {
  /** Who may group notes and draft goals besides facilitators. */
  grouping: 'hosts' | 'everyone';
  clusters: Record<string, Cluster>;
  clusterOrder: string[];
  /** Keys of cluster suggestions the room dismissed. */
  dismissed: string[];
  spotlight: SpotlightTarget | null;
  votes: Record<string, Vote>;
  voteOrder: string[];
}

export function emptyHarvest(): HarvestState {
  return { grouping: 'hosts', clusters: {}, clusterOrder: [], dismissed: [], spotlight: null, votes: {}, voteOrder: [] };
}

// ---------------------------------------------------------------- review

export const STANCES = ['supports', 'amend', 'reservations', 'na'] as const;
export type Stance = (typeof STANCES)[number];
export const AMENDABLE_FIELDS = ['title', 'rationale'] as const;
export type AmendableField = (typeof AMENDABLE_FIELDS)[number];

/** One delegation's review of one goal: shared by the delegation's members. */
export interface ReviewEntry {
  goalId: string;
  delegationId: string;
  stance: Stance | null;
  situation: string;
  needs: string;
  resources: string;
  /** 1 (hard) to 5 (easy). */
  feasibility: number | null;
  /** Delegations to work with on it. */
  partners: string[];
  comments: string;
  updatedBy: string;
  updatedAt: number;
}

export interface Amendment {
  id: string;
  goalId: string;
  delegationId: string;
  field: AmendableField;
  /** The goal's text when the amendment was proposed. */
  baseText: string;
  proposed: string;
  status: 'open' | 'accepted' | 'rejected';
  by: string;
  at: number;
  decidedBy: string | null;
  decidedAt: number | null;
  /** The text it replaced, when accepted (the goal's history). */
  replaced: string | null;
}

export interface ReviewState {
  openedAt: number | null;
  deadline: number | null;
  /** keyed by reviewKey(goalId, delegationId) */
  entries: Record<string, ReviewEntry>;
  amendments: Record<string, Amendment>;
  amendmentOrder: string[];
  reminders: Array<{ at: number; delegationIds: string[] }>;
}

export const reviewKey = (goalId: string, delegationId: string) => `${goalId}#${delegationId}`;

export function emptyReview(): ReviewState {
  return { openedAt: null, deadline: null, entries: {}, amendments: {}, amendmentOrder: [], reminders: [] };
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
  cafe: CafeState;
  /** Hosts' carry-forward summaries, keyed by summaryKey(table, round). */
  summaries: Record<string, Summary>;
  /** The years the drafted work plan spans (action timelines must fall within them). */
  planYears: { start: number; end: number };
  harvest: HarvestState;
  goals: Record<string, Goal>;
  goalOrder: string[];
  review: ReviewState;
  /** Sequence number of the last event folded into this state. */
  seq: number;
}

/** Who is issuing a command: resolved by the server from a verified token, never from the payload. */
export type Actor =
  | { kind: 'participant'; participantId: string }
  /** The server itself (e.g. registering a join before the participant has a token). */
  | { kind: 'system' };

/** The café of a new workshop: three 20-minute rounds, no plan, the clock idle. */
export function emptyCafe(): CafeState {
  return {
    rounds: 3,
    roundSeconds: 20 * 60,
    autoRotate: false,
    questionMode: 'table',
    roundQuestions: [],
    plan: null,
    planSeed: 1,
    clock: { status: 'idle', endsAt: null, remainingMs: 20 * 60 * 1000 },
    moves: {},
    history: [],
    absent: {},
    message: null,
  };
}

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
    cafe: emptyCafe(),
    summaries: {},
    planYears: { start: 2026, end: 2030 },
    harvest: emptyHarvest(),
    goals: {},
    goalOrder: [],
    review: emptyReview(),
    seq: 0,
  };
}

export function roleOf(state: WorkshopState, actor: Actor): Role | 'system' | null {
  if (actor.kind === 'system') return 'system';
  return state.participants[actor.participantId]?.role ?? null;
}
