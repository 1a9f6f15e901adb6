// Templates (issue 17): a workshop's setup without its people, notes or reviews — themes, tables
// and their questions, delegations, rounds and their questions, harvest settings — kept by a
// facilitator account, exported and imported as a JSON file. One zod schema per request body and
// one for the file; every string and list capped (a template never grows past TEMPLATE_LIMITS).
import { z } from 'zod';
import { LIMITS, cafeSetupSchema, createWorkshopSchema, harvestSetupSchema, textSchema } from '../cafe/protocol';
import { idSchema } from '../ids';

export const TEMPLATE_LIMITS = {
  nameChars: 80,
  descriptionChars: 500,
  /** Templates one account keeps. */
  perAccount: 100,
  /** UTF-8 bytes of an imported template file (a full ACCSM template is about 4 KB). */
  fileBytes: 48 * 1024,
} as const;

/** What `format` says in an exported file, so another JSON file is refused by name, not by shape. */
export const TEMPLATE_FORMAT = 'world-cafe-template';
export const TEMPLATE_FILE_VERSION = 1;

const shape = createWorkshopSchema.shape;

/** A workshop's setup: what "save as template" keeps and "start from" fills the create form with. */
export const templateSetupSchema = z
  .strictObject({
    purpose: shape.purpose,
    language: shape.language,
    themes: shape.themes,
    tables: shape.tables,
    delegations: shape.delegations,
    cafe: cafeSetupSchema,
    harvest: harvestSetupSchema,
  })
  .superRefine((setup, ctx) => {
    // the same invariants workshop:create checks, named by field here so an import says where
    const seen = new Set<string>();
    const lists = [
      ['themes', setup.themes],
      ['tables', setup.tables],
      ['delegations', setup.delegations],
    ] as const;
    for (const [list, items] of lists)
      items.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `duplicate id ${item.id}` });
        seen.add(item.id);
      });
    const themeIds = new Set(setup.themes.map((t) => t.id));
    setup.tables.forEach((t, i) => {
      if (t.themeId !== null && !themeIds.has(t.themeId))
        ctx.addIssue({ code: 'custom', path: ['tables', i, 'themeId'], message: `no theme has the id ${t.themeId}` });
    });
    if (setup.cafe.roundQuestions.length > setup.cafe.rounds)
      ctx.addIssue({ code: 'custom', path: ['cafe', 'roundQuestions'], message: 'more round questions than rounds' });
  });
export type TemplateSetup = z.output<typeof templateSetupSchema>;
export type TemplateSetupInput = z.input<typeof templateSetupSchema>;

// trimmed: a name typed in a prompt ("  ACCSM 2027 ") is listed and sorted as the person sees it
export const templateNameSchema = z.string().trim().pipe(textSchema(TEMPLATE_LIMITS.nameChars, 1));
const descriptionText = z.string().trim().pipe(textSchema(TEMPLATE_LIMITS.descriptionChars));
export const templateDescriptionSchema = descriptionText.default('');

/** POST /api/me/templates: a template from a setup (an imported file, or the create form). */
export const createTemplateSchema = z.strictObject({
  name: templateNameSchema,
  description: templateDescriptionSchema,
  setup: templateSetupSchema,
});
/** POST /api/me/templates/from-workshop: "save as template" from a workshop the account facilitates. */
export const templateFromWorkshopSchema = z.strictObject({
  workshopId: idSchema,
  name: templateNameSchema,
  description: templateDescriptionSchema,
});
/** PATCH /api/me/templates/:id: rename (and re-describe). */
export const renameTemplateSchema = z.strictObject({
  name: templateNameSchema,
  /** Absent: the description stays as it is. */
  description: descriptionText.optional(),
});

/** An exported template, as a file: re-imported by POST /api/me/templates after parseTemplateFile. */
export const templateFileSchema = z.strictObject({
  format: z.literal(TEMPLATE_FORMAT),
  version: z.literal(TEMPLATE_FILE_VERSION),
  name: templateNameSchema,
  description: templateDescriptionSchema,
  setup: templateSetupSchema,
});
export type TemplateFile = z.output<typeof templateFileSchema>;

/** A saved template as GET /api/me/templates lists it (the setup comes with GET /api/me/templates/:id). */
export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  createdAt: number;
  updatedAt: number;
  counts: SetupCounts;
}
export interface TemplateView extends Omit<TemplateSummary, 'counts'> {
  setup: TemplateSetup;
}
export interface SetupCounts {
  themes: number;
  tables: number;
  delegations: number;
  rounds: number;
}

/** The most round questions a setup has room for: LIMITS.rounds (kept here so a reader sees it). */
export const MAX_ROUND_QUESTIONS = LIMITS.rounds;
