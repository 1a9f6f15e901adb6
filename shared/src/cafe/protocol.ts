// The wire: one zod schema per command and per event, types inferred from them.
// Every string and array has a cap, so validation also bounds memory per message.
import { z } from 'zod';
import type { PortableWorkshop } from '../export/json';
import { looksRandom } from '../join/joinIdEntropy';
import {
  AMENDABLE_FIELDS,
  GOAL_FIELDS,
  GOAL_LISTS,
  GOAL_STATUSES,
  NOTE_COLORS,
  PHASES,
  QUESTION_MODES,
  ROLES,
  STANCES,
  VOTE_KINDS,
} from './model';
import { charCount, cleanText, isBlank, stripBidiControls } from '../text';

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
  goalTitleChars: 300,
  goalTextChars: 4000,
  goalItemChars: 1000,
  goalItems: 50,
  clusterNotes: 500,
  voteItems: 200,
  voteBudget: 50,
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
  'overloaded',
  'unavailable',
  'too_large',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

import { idSchema } from '../ids';
export { idSchema };

/**
 * Free text: NFC-normalised, controls stripped, combining marks capped, bidi controls balanced
 * (names: removed), counted in graphemes. Required text must have something visible: only
 * whitespace and zero-width characters is blank.
 */
export function textSchema(maxChars: number, min: 0 | 1 = 0, clean: (s: string) => string = cleanText) {
  return text(maxChars, min, clean);
}
function text(maxChars: number, min: 0 | 1 = 0, clean: (s: string) => string = cleanText) {
  return (
    z
      .string()
      // generous pre-cap on UTF-16 units before the grapheme count (one grapheme can be many units)
      .max(maxChars * 16)
      .transform(clean)
      .refine((s) => s.length <= maxChars || charCount(s) <= maxChars, { message: `at most ${maxChars} characters` })
      .refine((s) => min === 0 || !isBlank(s), { message: 'must not be empty' })
  );
}

export const noteTextSchema = text(LIMITS.noteChars, 1);
/** Names are shown inline in other sentences: bidi embeddings, overrides and isolates are removed. */
export const nameSchema = text(LIMITS.nameChars, 1, (s) => stripBidiControls(cleanText(s)));
export const languageSchema = z
  .string()
  .min(2)
  .max(12)
  .regex(/^[a-zA-Z-]+$/);
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
  code: z
    .string()
    .min(1)
    .max(LIMITS.codeChars)
    .regex(/^[A-Za-z0-9-]+$/),
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

const idList = (max: number) => z.array(idSchema).max(max);
const year = z.number().int().min(2000).max(2100);
export const planYearsSchema = z
  .strictObject({ start: year, end: year })
  .refine((y) => y.end >= y.start && y.end - y.start <= 20, { message: 'end must be on or after start, within 20 years' });
export const spotlightSchema = z.strictObject({ kind: z.enum(VOTE_KINDS), id: idSchema }).nullable();
const actionFields = { leads: idList(20).optional(), start: year.optional(), end: year.optional() };

const op = {
  clientOpId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
};

export const commandSchemas = {
  'workshop:update': z.strictObject({
    type: z.literal('workshop:update'),
    ...op,
    title: text(LIMITS.titleChars, 1).optional(),
    purpose: text(LIMITS.purposeChars).optional(),
    language: languageSchema.optional(),
    planYears: planYearsSchema.optional(),
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
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
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
  'harvest:configure': z.strictObject({ type: z.literal('harvest:configure'), ...op, grouping: z.enum(['hosts', 'everyone']) }),
  'cluster:create': z.strictObject({
    type: z.literal('cluster:create'),
    ...op,
    clusterId: idSchema,
    name: nameSchema,
    noteIds: idList(LIMITS.clusterNotes),
  }),
  'cluster:rename': z.strictObject({ type: z.literal('cluster:rename'), ...op, clusterId: idSchema, name: nameSchema }),
  'cluster:add-notes': z.strictObject({
    type: z.literal('cluster:add-notes'),
    ...op,
    clusterId: idSchema,
    noteIds: idList(LIMITS.clusterNotes).min(1),
  }),
  'cluster:remove-note': z.strictObject({ type: z.literal('cluster:remove-note'), ...op, clusterId: idSchema, noteId: idSchema }),
  'cluster:delete': z.strictObject({ type: z.literal('cluster:delete'), ...op, clusterId: idSchema }),
  'suggestion:dismiss': z.strictObject({ type: z.literal('suggestion:dismiss'), ...op, key: z.string().min(1).max(64) }),
  'spotlight:set': z.strictObject({ type: z.literal('spotlight:set'), ...op, target: spotlightSchema }),
  'vote:open': z.strictObject({
    type: z.literal('vote:open'),
    ...op,
    voteId: idSchema,
    kind: z.enum(VOTE_KINDS),
    /** Items to vote on; omitted = every cluster/note/goal at opening time. */
    items: idList(LIMITS.voteItems).optional(),
    budget: z.number().int().min(1).max(LIMITS.voteBudget),
    per: z.enum(['participant', 'delegation']),
    maxPerItem: z.number().int().min(1).max(LIMITS.voteBudget),
  }),
  'vote:cast': z.strictObject({
    type: z.literal('vote:cast'),
    ...op,
    voteId: idSchema,
    itemId: idSchema,
    delta: z.union([z.literal(1), z.literal(-1)]),
  }),
  'vote:reveal': z.strictObject({ type: z.literal('vote:reveal'), ...op, voteId: idSchema }),
  'vote:close': z.strictObject({ type: z.literal('vote:close'), ...op, voteId: idSchema }),
  'goal:create': z.strictObject({
    type: z.literal('goal:create'),
    ...op,
    goalId: idSchema,
    title: text(LIMITS.goalTitleChars, 1),
    themeId: idSchema.nullable(),
    clusterIds: idList(50).default([]),
    noteIds: idList(LIMITS.clusterNotes).default([]),
  }),
  'goal:set': z.strictObject({
    type: z.literal('goal:set'),
    ...op,
    goalId: idSchema,
    field: z.enum(GOAL_FIELDS),
    value: z
      .string()
      .max(LIMITS.goalTextChars * 8)
      .nullable(),
    /** The field version this edit was based on: a stale edit is refused with `conflict`. */
    baseVersion: z.number().int().min(0),
  }),
  'goal:set-status': z.strictObject({ type: z.literal('goal:set-status'), ...op, goalId: idSchema, status: z.enum(GOAL_STATUSES) }),
  'goal:item-add': z.strictObject({
    type: z.literal('goal:item-add'),
    ...op,
    goalId: idSchema,
    list: z.enum(GOAL_LISTS),
    itemId: idSchema,
    text: text(LIMITS.goalItemChars),
    ...actionFields,
  }),
  'goal:item-set': z.strictObject({
    type: z.literal('goal:item-set'),
    ...op,
    goalId: idSchema,
    list: z.enum(GOAL_LISTS),
    itemId: idSchema,
    text: text(LIMITS.goalItemChars).optional(),
    ...actionFields,
    baseVersion: z.number().int().min(0),
  }),
  'goal:item-remove': z.strictObject({
    type: z.literal('goal:item-remove'),
    ...op,
    goalId: idSchema,
    list: z.enum(GOAL_LISTS),
    itemId: idSchema,
  }),
  'goal:reorder': z.strictObject({ type: z.literal('goal:reorder'), ...op, goalIds: idList(500) }),
  'goal:merge': z.strictObject({ type: z.literal('goal:merge'), ...op, goalId: idSchema, otherId: idSchema }),
  'goal:delete': z.strictObject({ type: z.literal('goal:delete'), ...op, goalId: idSchema }),
  'review:open': z.strictObject({ type: z.literal('review:open'), ...op, deadline: z.number().int().min(0).nullable() }),
  'review:set-deadline': z.strictObject({
    type: z.literal('review:set-deadline'),
    ...op,
    deadline: z.number().int().min(0).nullable(),
  }),
  'review:record': z.strictObject({
    type: z.literal('review:record'),
    ...op,
    goalId: idSchema,
    stance: z.enum(STANCES).nullable().optional(),
    situation: text(LIMITS.goalTextChars).optional(),
    needs: text(LIMITS.goalTextChars).optional(),
    resources: text(LIMITS.goalTextChars).optional(),
    feasibility: z.number().int().min(1).max(5).nullable().optional(),
    partners: idList(LIMITS.delegations).optional(),
    comments: text(LIMITS.goalTextChars).optional(),
  }),
  'amendment:propose': z.strictObject({
    type: z.literal('amendment:propose'),
    ...op,
    amendmentId: idSchema,
    goalId: idSchema,
    field: z.enum(AMENDABLE_FIELDS),
    text: text(LIMITS.goalTextChars, 1),
  }),
  'amendment:decide': z.strictObject({ type: z.literal('amendment:decide'), ...op, amendmentId: idSchema, accept: z.boolean() }),
  'review:remind': z.strictObject({
    type: z.literal('review:remind'),
    ...op,
    /** Omitted: every delegation that has not finished. */
    delegationIds: idList(LIMITS.delegations).optional(),
  }),
  'review:close': z.strictObject({
    type: z.literal('review:close'),
    ...op,
    /** Close before every delegation has reviewed and before the deadline. */
    force: z.boolean().default(false),
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
  commandSchemas['harvest:configure'],
  commandSchemas['cluster:create'],
  commandSchemas['cluster:rename'],
  commandSchemas['cluster:add-notes'],
  commandSchemas['cluster:remove-note'],
  commandSchemas['cluster:delete'],
  commandSchemas['suggestion:dismiss'],
  commandSchemas['spotlight:set'],
  commandSchemas['vote:open'],
  commandSchemas['vote:cast'],
  commandSchemas['vote:reveal'],
  commandSchemas['vote:close'],
  commandSchemas['goal:create'],
  commandSchemas['goal:set'],
  commandSchemas['goal:set-status'],
  commandSchemas['goal:item-add'],
  commandSchemas['goal:item-set'],
  commandSchemas['goal:item-remove'],
  commandSchemas['goal:reorder'],
  commandSchemas['goal:merge'],
  commandSchemas['goal:delete'],
  commandSchemas['review:open'],
  commandSchemas['review:set-deadline'],
  commandSchemas['review:record'],
  commandSchemas['amendment:propose'],
  commandSchemas['amendment:decide'],
  commandSchemas['review:remind'],
  commandSchemas['review:close'],
]);
/** What the client sends (before transforms). */
export type CommandInput = z.input<typeof commandSchema>;
/** What decide() receives (after validation and text normalisation). */
export type Command = z.output<typeof commandSchema>;
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** The café's shape a new workshop may start with (a template's rounds; see cafe:configure). */
export const cafeSetupSchema = z.strictObject({
  rounds: z.number().int().min(1).max(LIMITS.rounds),
  roundSeconds: z.number().int().min(LIMITS.roundSeconds.min).max(LIMITS.roundSeconds.max),
  autoRotate: z.boolean(),
  questionMode: z.enum(QUESTION_MODES),
  roundQuestions: z.array(text(LIMITS.questionChars)).max(LIMITS.rounds),
});
/** The harvest settings a new workshop may start with (see harvest:configure). */
export const harvestSetupSchema = z.strictObject({ grouping: z.enum(['hosts', 'everyone']) });

// System commands come from the server's HTTP edge (create, join), never from a socket.
export const createWorkshopSchema = z.strictObject({
  title: text(LIMITS.titleChars, 1),
  purpose: text(LIMITS.purposeChars).default(''),
  language: languageSchema.default('en'),
  facilitatorName: nameSchema,
  themes: z.array(themeSchema).max(LIMITS.themes).default([]),
  tables: z.array(tableSchema).max(LIMITS.tables).default([]),
  delegations: z.array(delegationSchema).max(LIMITS.delegations).default([]),
  planYears: planYearsSchema.optional(),
  /** Rounds, their length and questions (a template's); absent: the defaults of emptyCafe(). */
  cafe: cafeSetupSchema.optional(),
  harvest: harvestSetupSchema.optional(),
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
  /** A delegation review link's secret (see POST /api/workshops/:id/invites). */
  invite: z.string().min(16).max(128).optional(),
  /**
   * Idempotency key made by the client (at least 128 random bits, e.g. 22 base64url characters
   * or a UUID), the same for every retry of one join: a retry returns the same participant and
   * token instead of making a second person. It is a secret like the token derived from it.
   */
  joinId: z
    .string()
    .min(22)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'a join id uses letters, digits, _ and -')
    .refine(looksRandom, 'a join id must be random (at least 128 random bits: 22 base64url characters or a UUID)')
    .optional(),
});
export type JoinInput = z.input<typeof joinSchema>;

/** POST /api/workshops/:id/invites: a delegation review link, valid for `expiresInDays` (default: the server's). */
export const issueInviteSchema = z
  .strictObject({
    delegationId: idSchema,
    /** Lifetime in days, up to a year (fractions allowed). Neither this nor expiresAt: the server's default (INVITE_TTL_DAYS, 30). */
    expiresInDays: z.number().finite().positive().max(365).optional(),
    /** Or an absolute end (ms since epoch, server time), at most a year ahead. */
    expiresAt: z.number().int().positive().optional(),
  })
  .refine((v) => v.expiresInDays === undefined || v.expiresAt === undefined, { message: 'give expiresInDays or expiresAt, not both' });
export type IssueInvite = z.infer<typeof issueInviteSchema>;
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
      /** Joined with a delegation's review link: allowed after the live session, delegation fixed. */
      viaInvite?: boolean;
    }
  /**
   * A workshop from its export: `state` is parseExport()'s output (validated at the edge, off the
   * main thread for a large file: server/src/http/importParse.ts), so deciding it costs no parse.
   */
  | { type: 'workshop:import'; workshopId: string; joinCode: string; facilitatorId: string; state: PortableWorkshop }
  /** The server's round clock reached zero. */
  | { type: 'round:timeup' };

// ---------------------------------------------------------------- events

export const seatingSchema = z.record(z.string(), z.array(z.string()));
export const clusterSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  noteIds: z.array(idSchema),
  createdBy: idSchema,
  createdAt: z.number(),
});
export const voteResultsSchema = z.strictObject({
  totals: z.record(z.string(), z.number()),
  byDelegation: z.record(z.string(), z.record(z.string(), z.number())),
});
export const voteSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(VOTE_KINDS),
  items: z.array(idSchema),
  budget: z.number(),
  per: z.enum(['participant', 'delegation']),
  maxPerItem: z.number(),
  status: z.enum(['open', 'closed']),
  openedAt: z.number(),
  ballots: z.record(z.string(), z.record(z.string(), z.number())),
  results: voteResultsSchema.nullable(),
});
export const reviewEntrySchema = z.strictObject({
  goalId: idSchema,
  delegationId: idSchema,
  stance: z.enum(STANCES).nullable(),
  situation: z.string(),
  needs: z.string(),
  resources: z.string(),
  feasibility: z.number().nullable(),
  partners: z.array(idSchema),
  comments: z.string(),
  updatedBy: idSchema,
  updatedAt: z.number(),
});
export const amendmentSchema = z.strictObject({
  id: idSchema,
  goalId: idSchema,
  delegationId: idSchema,
  field: z.enum(AMENDABLE_FIELDS),
  baseText: z.string(),
  proposed: z.string(),
  status: z.enum(['open', 'accepted', 'rejected']),
  by: idSchema,
  at: z.number(),
  decidedBy: idSchema.nullable(),
  decidedAt: z.number().nullable(),
  replaced: z.string().nullable(),
});
export const goalItemSchema = z.strictObject({ id: idSchema, text: z.string(), version: z.number() });
/** Objectives and indicators use the common fields; actions add leads and a timeline. */
const goalActionSchema = goalItemSchema.extend({ leads: z.array(idSchema), start: z.number(), end: z.number() }).partial({
  leads: true,
  start: true,
  end: true,
});
export const goalSchema = z.strictObject({
  id: idSchema,
  title: z.string(),
  themeId: idSchema.nullable(),
  rationale: z.string(),
  objectives: z.array(goalItemSchema),
  actions: z.array(goalItemSchema.extend({ leads: z.array(idSchema), start: z.number(), end: z.number() })),
  indicators: z.array(goalItemSchema),
  status: z.enum(GOAL_STATUSES),
  sources: z.strictObject({ noteIds: z.array(idSchema), clusterIds: z.array(idSchema) }),
  versions: z.strictObject({ title: z.number(), rationale: z.number(), themeId: z.number() }),
  createdBy: idSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});

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
    planYears: z.strictObject({ start: z.number(), end: z.number() }),
  }),
  'workshop:updated': z.strictObject({
    type: z.literal('workshop:updated'),
    title: z.string().optional(),
    purpose: z.string().optional(),
    language: z.string().optional(),
    planYears: z.strictObject({ start: z.number(), end: z.number() }).optional(),
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
    /** The table left (null: was not seated); tells that table's people. Absent in logs written before it existed. */
    from: idSchema.nullable().optional(),
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
  'harvest:configured': z.strictObject({ type: z.literal('harvest:configured'), grouping: z.enum(['hosts', 'everyone']) }),
  'cluster:created': z.strictObject({ type: z.literal('cluster:created'), cluster: clusterSchema }),
  'cluster:renamed': z.strictObject({ type: z.literal('cluster:renamed'), clusterId: idSchema, name: z.string() }),
  'cluster:notes-added': z.strictObject({ type: z.literal('cluster:notes-added'), clusterId: idSchema, noteIds: z.array(idSchema) }),
  'cluster:note-removed': z.strictObject({ type: z.literal('cluster:note-removed'), clusterId: idSchema, noteId: idSchema }),
  'cluster:deleted': z.strictObject({ type: z.literal('cluster:deleted'), clusterId: idSchema }),
  'suggestion:dismissed': z.strictObject({ type: z.literal('suggestion:dismissed'), key: z.string() }),
  'spotlight:set': z.strictObject({ type: z.literal('spotlight:set'), target: spotlightSchema }),
  'vote:opened': z.strictObject({ type: z.literal('vote:opened'), vote: voteSchema }),
  'vote:cast': z.strictObject({
    type: z.literal('vote:cast'),
    voteId: idSchema,
    /** `p:PARTICIPANT` or `d:DELEGATION`: also the event's scope, so ballots stay private until revealed. */
    voter: z.string(),
    itemId: idSchema,
    dots: z.number(),
  }),
  'vote:revealed': z.strictObject({ type: z.literal('vote:revealed'), voteId: idSchema, results: voteResultsSchema }),
  'vote:closed': z.strictObject({ type: z.literal('vote:closed'), voteId: idSchema }),
  'goal:created': z.strictObject({ type: z.literal('goal:created'), goal: goalSchema }),
  'goal:set': z.strictObject({
    type: z.literal('goal:set'),
    goalId: idSchema,
    field: z.enum(GOAL_FIELDS),
    value: z.string().nullable(),
    version: z.number(),
    at: z.number(),
  }),
  'goal:status-set': z.strictObject({
    type: z.literal('goal:status-set'),
    goalId: idSchema,
    status: z.enum(GOAL_STATUSES),
    at: z.number(),
  }),
  'goal:item-added': z.strictObject({
    type: z.literal('goal:item-added'),
    goalId: idSchema,
    list: z.enum(GOAL_LISTS),
    item: goalActionSchema,
    at: z.number(),
  }),
  'goal:item-set': z.strictObject({
    type: z.literal('goal:item-set'),
    goalId: idSchema,
    list: z.enum(GOAL_LISTS),
    item: goalActionSchema,
    at: z.number(),
  }),
  'goal:item-removed': z.strictObject({
    type: z.literal('goal:item-removed'),
    goalId: idSchema,
    list: z.enum(GOAL_LISTS),
    itemId: idSchema,
  }),
  'goal:reordered': z.strictObject({ type: z.literal('goal:reordered'), goalIds: z.array(idSchema) }),
  'goal:merged': z.strictObject({ type: z.literal('goal:merged'), goalId: idSchema, otherId: idSchema, at: z.number() }),
  'goal:deleted': z.strictObject({ type: z.literal('goal:deleted'), goalId: idSchema }),
  'review:opened': z.strictObject({ type: z.literal('review:opened'), at: z.number(), deadline: z.number().nullable() }),
  'review:deadline-set': z.strictObject({ type: z.literal('review:deadline-set'), deadline: z.number().nullable() }),
  'review:recorded': z.strictObject({ type: z.literal('review:recorded'), entry: reviewEntrySchema }),
  'amendment:proposed': z.strictObject({ type: z.literal('amendment:proposed'), amendment: amendmentSchema }),
  'amendment:decided': z.strictObject({
    type: z.literal('amendment:decided'),
    amendmentId: idSchema,
    accepted: z.boolean(),
    by: idSchema,
    at: z.number(),
    replaced: z.string().nullable(),
  }),
  'review:reminded': z.strictObject({ type: z.literal('review:reminded'), delegationIds: z.array(idSchema), at: z.number() }),
  /** A JSON export re-imported as a new workshop: the whole state in one event. */
  'workshop:imported': z.strictObject({
    type: z.literal('workshop:imported'),
    workshop: z.strictObject({ id: idSchema, joinCode: z.string(), createdAt: z.number() }),
    state: z.record(z.string(), z.unknown()),
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

/**
 * Carried by the `conflict` ack of a stale `goal:set` / `goal:item-set`: the value and version
 * that won (as the server decided them, possibly a few ms before their event is committed and
 * sent). `value` is the field's value (goal:set) or the item's text (goal:item-set, which also
 * carries the whole `item`). Resending with `baseVersion: current.version` is not stale.
 */
export interface StaleCurrent {
  version: number;
  value: string | null;
  item?: import('./model').GoalItem | import('./model').GoalAction;
}

export type Ack =
  | { ok: true; seq: number; duplicate?: boolean }
  | { ok: false; error: { code: ErrorCode; message: string; current?: StaleCurrent; retryAfterMs?: number } };

export interface Me {
  workshopId: string;
  participantId: string;
  role: string;
}

/**
 * What a person's seat decides in their view (their table's notes, summaries and seats), sent
 * instead of a whole snapshot when only their seat changed: everything else they already hold.
 */
export interface TableSlice {
  /** The state's seq after this slice is applied. */
  seq: number;
  seats: import('./model').WorkshopState['seats'];
  notes: import('./model').WorkshopState['notes'];
  summaries: import('./model').WorkshopState['summaries'];
}

export type SyncMessage =
  | { kind: 'snapshot'; state: import('./model').WorkshopState; me: Me }
  | { kind: 'events'; events: Envelope[]; me: Me }
  | { kind: 'table'; slice: TableSlice; me: Me };

export const handshakeSchema = z.strictObject({
  token: z.string().min(16).max(128),
  /** Last sequence number the client applied; absent or 0 means "send me a snapshot". */
  since: z.number().int().min(0).optional(),
  /** The browser's own random id (kept on the device), for the facilitator's list of a person's devices. */
  device: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
});

/** What a person is editing right now (a goal field or list item); never persisted. */
export const presenceSchema = z.strictObject({ goalId: idSchema, field: z.string().min(1).max(80) }).nullable();
export type Presence = z.infer<typeof presenceSchema>;

export interface ServerToClientEvents {
  sync: (msg: SyncMessage) => void;
  events: (events: Envelope[]) => void;
  presence: (msg: { participantId: string; editing: Presence }) => void;
  /**
   * The server is shutting down (SIGTERM). Every command acked so far is committed; commands not
   * acked will not be: resend them (same clientOpId) after reconnecting. The connection closes
   * right after this message; the client reconnects on its own.
   */
  restarting: (msg: { reason: 'shutdown' }) => void;
  /**
   * This connection's secret stopped working: the facilitator reissued the person's link
   * (`credential_revoked`), deleted the workshop (`workshop_deleted`) or removed this co-facilitator
   * account, whose keys end with it (`facilitator_removed`). The server closes the
   * connection right after; reconnecting with the old secret is refused (`unauthorized`).
   */
  revoked: (msg: { reason: 'credential_revoked' | 'workshop_deleted' | 'facilitator_removed' }) => void;
  /** Who is connected: the roster on connect, then changes (see presence/messages.ts). */
  online: (msg: import('../presence/messages').OnlineMessage) => void;
  /** Volatile: someone at my table (or any table, for facilitators) is typing. */
  typing: (msg: import('../presence/messages').TypingMessage) => void;
}

export interface ClientToServerEvents {
  command: (cmd: CommandInput, ack: (res: Ack) => void) => void;
  /** Clock sync: the ack carries the server's Date.now(), for the client's offset estimate. */
  time: (ack: (serverNow: number) => void) => void;
  /** Volatile: tell the workshop what I am editing (null when I stop). */
  presence: (editing: Presence) => void;
  /** Volatile, rate-limited: I am (or stopped) typing at my table. */
  typing: (msg: import('../presence/messages').TypingInput) => void;
}
