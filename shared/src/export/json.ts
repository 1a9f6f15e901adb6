// The JSON export: the full workshop with a schema version, canonical (sorted keys) so that
// export → import → export gives the same bytes, and re-importable as a new workshop.
import { z } from 'zod';
import type { WorkshopState } from '../cafe/model';
import { CLOCK_STATUSES, PHASES, QUESTION_MODES } from '../cafe/model';
import {
  LIMITS,
  amendmentSchema,
  clusterSchema,
  delegationSchema,
  goalItemSchema,
  goalSchema,
  idSchema,
  nameSchema,
  noteTextSchema,
  participantSchema,
  reviewEntrySchema,
  seatingSchema,
  spotlightSchema,
  textSchema,
  themeSchema,
  voteSchema,
} from '../cafe/protocol';

export const EXPORT_SCHEMA_VERSION = 1;

/** What a workshop is without its identity in this installation (id, join code, log position). */
export type PortableWorkshop = Omit<WorkshopState, 'id' | 'joinCode' | 'seq'>;

const rec = <T extends z.ZodType>(v: T) => z.record(z.string(), v);

// An export is untrusted input: every free text goes through the same hygiene as a live command
// (normalised, marks capped, bidi balanced or stripped from names, counted, not blank where
// required), so an import cannot smuggle in what the commands refuse. A refusal names the field.
// Live text is already clean, so export → import → export still gives the same bytes.
const goalText = textSchema(LIMITS.goalTextChars);
const goalItemRecord = goalItemSchema.extend({ text: textSchema(LIMITS.goalItemChars) });
const noteRecord = z.strictObject({
  id: idSchema,
  tableId: idSchema,
  text: noteTextSchema,
  color: z.string().max(20),
  x: z.number(),
  y: z.number(),
  authorId: idSchema,
  delegationId: idSchema.nullable(),
  round: z.number().int(),
  createdAt: z.number(),
  editedAt: z.number(),
});
const tableRecord = z.strictObject({
  id: idSchema,
  name: nameSchema,
  themeId: idSchema.nullable(),
  question: textSchema(LIMITS.questionChars),
  capacity: z.number().int().min(1).max(1000),
});

const portableSchema = z.strictObject({
  title: textSchema(LIMITS.titleChars, 1),
  purpose: textSchema(LIMITS.purposeChars),
  language: z.string().max(12),
  phase: z.enum(PHASES),
  round: z.number().int().min(1),
  createdAt: z.number(),
  themes: rec(themeSchema),
  themeOrder: z.array(idSchema),
  tables: rec(tableRecord),
  tableOrder: z.array(idSchema),
  delegations: rec(delegationSchema),
  participants: rec(participantSchema),
  seats: rec(idSchema),
  notes: rec(noteRecord),
  cafe: z.strictObject({
    rounds: z.number().int(),
    roundSeconds: z.number().int(),
    autoRotate: z.boolean(),
    questionMode: z.enum(QUESTION_MODES),
    roundQuestions: z.array(textSchema(LIMITS.questionChars)),
    plan: z.array(seatingSchema).nullable(),
    planSeed: z.number(),
    clock: z.strictObject({ status: z.enum(CLOCK_STATUSES), endsAt: z.number().nullable(), remainingMs: z.number() }),
    moves: rec(idSchema),
    history: z.array(seatingSchema),
    absent: rec(z.literal(true)),
    message: z.strictObject({ text: textSchema(LIMITS.messageChars), at: z.number() }).nullable(),
  }),
  summaries: rec(
    z.strictObject({ tableId: idSchema, round: z.number().int(), text: textSchema(LIMITS.summaryChars), by: idSchema, at: z.number() }),
  ),
  planYears: z.strictObject({ start: z.number().int(), end: z.number().int() }),
  harvest: z.strictObject({
    grouping: z.enum(['hosts', 'everyone']),
    clusters: rec(clusterSchema.extend({ name: nameSchema })),
    clusterOrder: z.array(idSchema),
    dismissed: z.array(z.string().max(64)),
    spotlight: spotlightSchema,
    votes: rec(voteSchema),
    voteOrder: z.array(idSchema),
  }),
  goals: rec(
    goalSchema.extend({
      title: textSchema(LIMITS.goalTitleChars),
      rationale: goalText,
      objectives: z.array(goalItemRecord),
      actions: z.array(goalItemRecord.extend({ leads: z.array(idSchema), start: z.number(), end: z.number() })),
      indicators: z.array(goalItemRecord),
    }),
  ),
  goalOrder: z.array(idSchema),
  review: z.strictObject({
    openedAt: z.number().nullable(),
    deadline: z.number().nullable(),
    entries: rec(reviewEntrySchema.extend({ situation: goalText, needs: goalText, resources: goalText, comments: goalText })),
    amendments: rec(amendmentSchema.extend({ baseText: goalText, proposed: goalText, replaced: goalText.nullable() })),
    amendmentOrder: z.array(idSchema),
    reminders: z.array(z.strictObject({ at: z.number(), delegationIds: z.array(idSchema) })),
  }),
});

const exportSchema = z.strictObject({
  schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
  workshop: portableSchema,
});

export function toPortable(state: WorkshopState): PortableWorkshop {
  const { id: _id, joinCode: _code, seq: _seq, ...rest } = state;
  return rest;
}

/** JSON with object keys sorted at every level: stable bytes for the same content. */
export function canonicalJson(value: unknown, indent = 2): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

export function exportJson(state: WorkshopState): string {
  return `${canonicalJson({ schemaVersion: EXPORT_SCHEMA_VERSION, workshop: toPortable(state) })}\n`;
}

export type ParsedExport = { ok: true; state: PortableWorkshop } | { ok: false; message: string };

export function parseExport(raw: unknown): ParsedExport {
  const parsed = exportSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return {
      ok: false,
      message: `not a World Café export (schema ${EXPORT_SCHEMA_VERSION}): ${i?.path.join('.') ?? ''} ${i?.message ?? ''}`.trim(),
    };
  }
  const w = parsed.data.workshop as unknown as PortableWorkshop;
  // cross-references the reducers rely on
  for (const n of Object.values(w.notes)) if (!w.tables[n.tableId]) return { ok: false, message: `note ${n.id} is at an unknown table` };
  for (const [p, t] of Object.entries(w.seats))
    if (!w.participants[p] || !w.tables[t]) return { ok: false, message: `seat of ${p} refers to an unknown person or table` };
  if (w.tableOrder.some((t) => !w.tables[t]) || w.goalOrder.some((g) => !w.goals[g]))
    return { ok: false, message: 'an order lists an unknown table or goal' };
  return { ok: true, state: w };
}
