// The wire: one zod schema per command and per event, types inferred from them.
// Every string and array has a cap, so validation also bounds memory per message.
import { z } from 'zod';
import { NOTE_COLORS, PHASES, QUESTION_MODES, ROLES } from './model';
import { charCount, cleanText } from './text';

export const LIMITS = {
  noteChars: 500,
  titleChars: 200,
  purposeChars: 2000,
  nameChars: 80,
  questionChars: 500,
  codeChars: 12,
  summaryChars: 1000,
  messageChars: 300,
  rounds: 12,
  roundSeconds: { min: 10, max: 4 * 60 * 60 },
  themes: 30,
  tables: 200,
  delegations: 100,
  tableCapacity: 100,
  boardSize: 4000,
  /** UTF-8 bytes of one command; the transport closes connections that send frames over 64 KiB. */
  messageBytes: 16 * 1024,
} as const;

export const ERROR_CODES = [
  'invalid_payload',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'wrong_phase',
  'table_full',
  'rate_limited',
  'too_large',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, _ and -');

/** Free text: NFC-normalised, controls stripped, counted in graphemes. */
function text(maxChars: number, min = 0) {
  return z
    .string()
    .max(maxChars * 8)
    .transform(cleanText)
    .refine((s) => charCount(s) <= maxChars, { message: `at most ${maxChars} characters` })
    .refine((s) => s.trim().length >= min, { message: min > 0 ? 'must not be empty' : 'invalid' });
}

export const noteTextSchema = text(LIMITS.noteChars, 1);
export const nameSchema = text(LIMITS.nameChars, 1);
export const languageSchema = z.string().min(2).max(12).regex(/^[a-zA-Z-]+$/);
const coord = z.number().finite().min(0).max(LIMITS.boardSize);
const capacity = z.number().int().min(1).max(LIMITS.tableCapacity);

export const themeSchema = z.strictObject({ id: idSchema, name: nameSchema });
export const tableSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  themeId: idSchema.nullable(),
  question: text(LIMITS.questionChars),
  capacity,
});
export const delegationSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  code: z.string().min(1).max(LIMITS.codeChars).regex(/^[A-Za-z0-9-]+$/),
});
export const participantSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  delegationId: idSchema.nullable(),
  role: z.enum(ROLES),
  joinedAt: z.number(),
});
export const noteSchema = z.strictObject({
  id: idSchema,
  tableId: idSchema,
  text: noteTextSchema,
  color: z.enum(NOTE_COLORS),
  x: coord,
  y: coord,
  authorId: idSchema,
  delegationId: idSchema.nullable(),
  round: z.number().int().min(1),
  createdAt: z.number(),
  editedAt: z.number(),
});

// ---------------------------------------------------------------- commands

const op = { clientOpId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/) };

export const commandSchemas = {
  'workshop:update': z.strictObject({
    type: z.literal('workshop:update'),
    ...op,
    title: text(LIMITS.titleChars, 1).optional(),
    purpose: text(LIMITS.purposeChars).optional(),
    language: languageSchema.optional(),
  }),
  'workshop:set-phase': z.strictObject({ type: z.literal('workshop:set-phase'), ...op, phase: z.enum(PHASES) }),
  'theme:add': z.strictObject({ type: z.literal('theme:add'), ...op, theme: themeSchema }),
  'theme:rename': z.strictObject({ type: z.literal('theme:rename'), ...op, themeId: idSchema, name: nameSchema }),
  'theme:remove': z.strictObject({ type: z.literal('theme:remove'), ...op, themeId: idSchema }),
  'table:add': z.strictObject({ type: z.literal('table:add'), ...op, table: tableSchema }),
  'table:update': z.strictObject({
    type: z.literal('table:update'),
    ...op,
    tableId: idSchema,
    name: nameSchema.optional(),
    themeId: idSchema.nullable().optional(),
    question: text(LIMITS.questionChars).optional(),
    capacity: capacity.optional(),
  }),
  'table:remove': z.strictObject({ type: z.literal('table:remove'), ...op, tableId: idSchema }),
  'delegation:add': z.strictObject({ type: z.literal('delegation:add'), ...op, delegation: delegationSchema }),
  'delegation:remove': z.strictObject({ type: z.literal('delegation:remove'), ...op, delegationId: idSchema }),
  'participant:set-role': z.strictObject({
    type: z.literal('participant:set-role'),
    ...op,
    participantId: idSchema,
    role: z.enum(ROLES),
  }),
  'seat:assign': z.strictObject({
    type: z.literal('seat:assign'),
    ...op,
    participantId: idSchema,
    tableId: idSchema.nullable(),
  }),
  'note:create': z.strictObject({
    type: z.literal('note:create'),
    ...op,
    noteId: idSchema,
    tableId: idSchema,
    text: noteTextSchema,
    color: z.enum(NOTE_COLORS),
    x: coord,
    y: coord,
  }),
  'note:edit': z.strictObject({ type: z.literal('note:edit'), ...op, noteId: idSchema, text: noteTextSchema }),
  'note:move': z.strictObject({ type: z.literal('note:move'), ...op, noteId: idSchema, x: coord, y: coord }),
  'note:recolor': z.strictObject({
    type: z.literal('note:recolor'),
    ...op,
    noteId: idSchema,
    color: z.enum(NOTE_COLORS),
  }),
  'note:delete': z.strictObject({ type: z.literal('note:delete'), ...op, noteId: idSchema }),
  'cafe:configure': z.strictObject({
    type: z.literal('cafe:configure'),
    ...op,
    rounds: z.number().int().min(1).max(LIMITS.rounds).optional(),
    roundSeconds: z.number().int().min(LIMITS.roundSeconds.min).max(LIMITS.roundSeconds.max).optional(),
    autoRotate: z.boolean().optional(),
    questionMode: z.enum(QUESTION_MODES).optional(),
    roundQuestions: z.array(text(LIMITS.questionChars)).max(LIMITS.rounds).optional(),
  }),
  'plan:generate': z.strictObject({
    type: z.literal('plan:generate'),
    ...op,
    seed: z.number().int().min(0).max(2 ** 31 - 1),
  }),
  'plan:clear': z.strictObject({ type: z.literal('plan:clear'), ...op }),
  'round:start': z.strictObject({ type: z.literal('round:start'), ...op }),
  'round:pause': z.strictObject({ type: z.literal('round:pause'), ...op }),
  'round:resume': z.strictObject({ type: z.literal('round:resume'), ...op }),
  'round:extend': z.strictObject({ type: z.literal('round:extend'), ...op, minutes: z.union([z.literal(1), z.literal(5)]) }),
  'round:end': z.strictObject({ type: z.literal('round:end'), ...op }),
  'round:rotate': z.strictObject({ type: z.literal('round:rotate'), ...op }),
  'seat:confirm-move': z.strictObject({ type: z.literal('seat:confirm-move'), ...op }),
  'participant:set-absent': z.strictObject({
    type: z.literal('participant:set-absent'),
    ...op,
    participantId: idSchema,
    absent: z.boolean(),
  }),
  'message:broadcast': z.strictObject({
    type: z.literal('message:broadcast'),
    ...op,
    /** Empty text clears the banner. */
    text: text(LIMITS.messageChars),
  }),
  'summary:write': z.strictObject({
    type: z.literal('summary:write'),
    ...op,
    tableId: idSchema,
    round: z.number().int().min(1).max(LIMITS.rounds),
    text: text(LIMITS.summaryChars),
  }),
} as const;

export type CommandType = keyof typeof commandSchemas;
export const COMMAND_TYPES = Object.keys(commandSchemas) as CommandType[];

export const commandSchema = z.discriminatedUnion('type', [
  commandSchemas['workshop:update'],
  commandSchemas['workshop:set-phase'],
  commandSchemas['theme:add'],
  commandSchemas['theme:rename'],
  commandSchemas['theme:remove'],
  commandSchemas['table:add'],
  commandSchemas['table:update'],
  commandSchemas['table:remove'],
  commandSchemas['delegation:add'],
  commandSchemas['delegation:remove'],
  commandSchemas['participant:set-role'],
  commandSchemas['seat:assign'],
  commandSchemas['note:create'],
  commandSchemas['note:edit'],
  commandSchemas['note:move'],
  commandSchemas['note:recolor'],
  commandSchemas['note:delete'],
  commandSchemas['cafe:configure'],
  commandSchemas['plan:generate'],
  commandSchemas['plan:clear'],
  commandSchemas['round:start'],
  commandSchemas['round:pause'],
  commandSchemas['round:resume'],
  commandSchemas['round:extend'],
  commandSchemas['round:end'],
  commandSchemas['round:rotate'],
  commandSchemas['seat:confirm-move'],
  commandSchemas['participant:set-absent'],
  commandSchemas['message:broadcast'],
  commandSchemas['summary:write'],
]);
/** What the client sends (before transforms). */
export type CommandInput = z.input<typeof commandSchema>;
/** What decide() receives (after validation and text normalisation). */
export type Command = z.output<typeof commandSchema>;
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

// System commands come from the server's HTTP edge (create, join), never from a socket.
export const createWorkshopSchema = z.strictObject({
  title: text(LIMITS.titleChars, 1),
  purpose: text(LIMITS.purposeChars).default(''),
  language: languageSchema.default('en'),
  facilitatorName: nameSchema,
  themes: z.array(themeSchema).max(LIMITS.themes).default([]),
  tables: z.array(tableSchema).max(LIMITS.tables).default([]),
  delegations: z.array(delegationSchema).max(LIMITS.delegations).default([]),
});
export type CreateWorkshopInput = z.input<typeof createWorkshopSchema>;
export type CreateWorkshop = z.output<typeof createWorkshopSchema>;

export const joinSchema = z.strictObject({
  code: z.string().min(4).max(20),
  name: nameSchema,
  /** An existing delegation, or a new one typed in by the delegate (free entry). */
  delegationId: idSchema.nullable().optional(),
  newDelegation: z.strictObject({ name: nameSchema, code: delegationSchema.shape.code }).optional(),
  role: z.enum(['delegate', 'observer']).default('delegate'),
});
export type JoinInput = z.input<typeof joinSchema>;
export type Join = z.output<typeof joinSchema>;

export type SystemCommand =
  | {
      type: 'workshop:create';
      workshopId: string;
      joinCode: string;
      facilitatorId: string;
      input: CreateWorkshop;
    }
  | {
      type: 'participant:join';
      participantId: string;
      name: string;
      delegationId: string | null;
      newDelegation?: { id: string; name: string; code: string };
      role: 'delegate' | 'observer';
    }
  /** The server's round clock reached zero. */
  | { type: 'round:timeup' };

// ---------------------------------------------------------------- events

const seatingSchema = z.record(z.string(), z.array(z.string()));

export const eventSchemas = {
  'workshop:created': z.strictObject({
    type: z.literal('workshop:created'),
    workshop: z.strictObject({
      id: idSchema,
      title: z.string(),
      purpose: z.string(),
      language: z.string(),
      joinCode: z.string(),
      createdAt: z.number(),
    }),
    themes: z.array(themeSchema),
    tables: z.array(tableSchema),
    delegations: z.array(delegationSchema),
    facilitator: participantSchema,
  }),
  'workshop:updated': z.strictObject({
    type: z.literal('workshop:updated'),
    title: z.string().optional(),
    purpose: z.string().optional(),
    language: z.string().optional(),
  }),
  'workshop:phase-changed': z.strictObject({ type: z.literal('workshop:phase-changed'), phase: z.enum(PHASES) }),
  'theme:added': z.strictObject({ type: z.literal('theme:added'), theme: themeSchema }),
  'theme:renamed': z.strictObject({ type: z.literal('theme:renamed'), themeId: idSchema, name: z.string() }),
  'theme:removed': z.strictObject({ type: z.literal('theme:removed'), themeId: idSchema }),
  'table:added': z.strictObject({ type: z.literal('table:added'), table: tableSchema }),
  'table:updated': z.strictObject({
    type: z.literal('table:updated'),
    tableId: idSchema,
    name: z.string().optional(),
    themeId: idSchema.nullable().optional(),
    question: z.string().optional(),
    capacity: z.number().optional(),
  }),
  'table:removed': z.strictObject({ type: z.literal('table:removed'), tableId: idSchema }),
  'delegation:added': z.strictObject({ type: z.literal('delegation:added'), delegation: delegationSchema }),
  'delegation:removed': z.strictObject({ type: z.literal('delegation:removed'), delegationId: idSchema }),
  'participant:joined': z.strictObject({ type: z.literal('participant:joined'), participant: participantSchema }),
  'participant:role-set': z.strictObject({
    type: z.literal('participant:role-set'),
    participantId: idSchema,
    role: z.enum(ROLES),
  }),
  'seat:assigned': z.strictObject({
    type: z.literal('seat:assigned'),
    participantId: idSchema,
    tableId: idSchema.nullable(),
  }),
  'note:created': z.strictObject({ type: z.literal('note:created'), note: noteSchema }),
  'note:edited': z.strictObject({
    type: z.literal('note:edited'),
    tableId: idSchema,
    noteId: idSchema,
    text: z.string(),
    editedAt: z.number(),
  }),
  'note:moved': z.strictObject({
    type: z.literal('note:moved'),
    tableId: idSchema,
    noteId: idSchema,
    x: z.number(),
    y: z.number(),
  }),
  'note:recolored': z.strictObject({
    type: z.literal('note:recolored'),
    tableId: idSchema,
    noteId: idSchema,
    color: z.enum(NOTE_COLORS),
    editedAt: z.number(),
  }),
  'note:deleted': z.strictObject({ type: z.literal('note:deleted'), tableId: idSchema, noteId: idSchema }),
  'cafe:configured': z.strictObject({
    type: z.literal('cafe:configured'),
    rounds: z.number().optional(),
    roundSeconds: z.number().optional(),
    autoRotate: z.boolean().optional(),
    questionMode: z.enum(QUESTION_MODES).optional(),
    roundQuestions: z.array(z.string()).optional(),
  }),
  'plan:set': z.strictObject({
    type: z.literal('plan:set'),
    plan: z.array(seatingSchema).nullable(),
    seed: z.number(),
    /** Planner figures for the facilitator (repeats, same-delegation pairs, hard-rule violations). */
    metrics: z.record(z.string(), z.number()).optional(),
  }),
  'round:started': z.strictObject({
    type: z.literal('round:started'),
    round: z.number(),
    endsAt: z.number(),
    /** Everyone's seat for this round (pending moves carried out). */
    seats: z.record(z.string(), z.string()),
    /** Whose seat this event changes (their view of the boards changes with it). */
    moved: z.array(z.string()),
  }),
  'round:paused': z.strictObject({ type: z.literal('round:paused'), remainingMs: z.number() }),
  'round:resumed': z.strictObject({ type: z.literal('round:resumed'), endsAt: z.number() }),
  'round:extended': z.strictObject({
    type: z.literal('round:extended'),
    endsAt: z.number().nullable(),
    remainingMs: z.number(),
  }),
  'round:ended': z.strictObject({ type: z.literal('round:ended'), early: z.boolean() }),
  'round:rotated': z.strictObject({
    type: z.literal('round:rotated'),
    round: z.number(),
    moves: z.record(z.string(), z.string()),
  }),
  'participant:absent-set': z.strictObject({
    type: z.literal('participant:absent-set'),
    participantId: idSchema,
    absent: z.boolean(),
  }),
  'message:broadcast': z.strictObject({ type: z.literal('message:broadcast'), text: z.string(), at: z.number() }),
  'summary:written': z.strictObject({
    type: z.literal('summary:written'),
    tableId: idSchema,
    round: z.number(),
    text: z.string(),
    by: idSchema,
    at: z.number(),
  }),
} as const;

export type EventType = keyof typeof eventSchemas;
export type DomainEvent = { [K in EventType]: z.output<(typeof eventSchemas)[K]> }[EventType];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

export type Scope = null | `t:${string}` | `d:${string}` | `p:${string}`;

/** An event as stored and sent: the domain event plus its place in the log. */
export interface Envelope {
  seq: number;
  /** Server time (ms since epoch) when the event was decided. */
  at: number;
  /** The participant whose command caused it; null for system events. */
  by: string | null;
  /** Who may receive it: null (everyone), `t:TABLE` (that table), `d:DELEGATION`, `p:PARTICIPANT`; facilitators get all. */
  scope: Scope;
  e: DomainEvent;
}

// ---------------------------------------------------------------- acks and server messages

export type Ack =
  | { ok: true; seq: number; duplicate?: boolean }
  | { ok: false; error: { code: ErrorCode; message: string } };

export interface Me {
  workshopId: string;
  participantId: string;
  role: string;
}

export type SyncMessage =
  | { kind: 'snapshot'; state: import('./model').WorkshopState; me: Me }
  | { kind: 'events'; events: Envelope[]; me: Me };

export const handshakeSchema = z.strictObject({
  token: z.string().min(16).max(128),
  /** Last sequence number the client applied; absent or 0 means "send me a snapshot". */
  since: z.number().int().min(0).optional(),
});

export interface ServerToClientEvents {
  sync: (msg: SyncMessage) => void;
  events: (events: Envelope[]) => void;
}

export interface ClientToServerEvents {
  command: (cmd: CommandInput, ack: (res: Ack) => void) => void;
  /** Clock sync: the ack carries the server's Date.now(), for the client's offset estimate. */
  time: (ack: (serverNow: number) => void) => void;
}
