// Template ⇄ workshop: the setup a workshop's state holds, the create request a setup fills, the
// question mode the create form's questions imply, and a template file written and read back.
import type { z } from 'zod';
import type { QuestionMode, Table, WorkshopState } from '../cafe/model';
import { type CreateWorkshopInput, LIMITS } from '../cafe/protocol';
import {
  TEMPLATE_FILE_VERSION,
  TEMPLATE_FORMAT,
  TEMPLATE_LIMITS,
  type SetupCounts,
  type TemplateFile,
  type TemplateSetup,
  templateFileSchema,
} from './schemas';

/** The setup of a workshop, in the facilitator's order: no people, seats, notes, harvest or reviews. */
export function setupOfWorkshop(state: WorkshopState): TemplateSetup {
  const { cafe } = state;
  return {
    purpose: state.purpose,
    language: state.language,
    themes: state.themeOrder.flatMap((id) => (state.themes[id] ? [{ id, name: state.themes[id].name }] : [])),
    tables: state.tableOrder.flatMap((id) => {
      const t = state.tables[id];
      return t ? [{ id, name: t.name, themeId: t.themeId, question: t.question, capacity: t.capacity }] : [];
    }),
    delegations: Object.values(state.delegations).map(({ id, name, code }) => ({ id, name, code })),
    cafe: {
      rounds: cafe.rounds,
      roundSeconds: cafe.roundSeconds,
      autoRotate: cafe.autoRotate,
      questionMode: cafe.questionMode,
      roundQuestions: cafe.roundQuestions.slice(0, cafe.rounds),
    },
    harvest: { grouping: state.harvest.grouping },
  };
}

/** The create request a setup fills; the person's own title and name complete it. */
export function createInputFromSetup(setup: TemplateSetup, who: { title: string; facilitatorName: string }): CreateWorkshopInput {
  return {
    title: who.title,
    facilitatorName: who.facilitatorName,
    purpose: setup.purpose,
    language: setup.language,
    themes: setup.themes.map((t) => ({ ...t })),
    tables: setup.tables.map((t) => ({ ...t })),
    delegations: setup.delegations.map((d) => ({ ...d })),
    cafe: { ...setup.cafe, roundQuestions: [...setup.cafe.roundQuestions] },
    harvest: { ...setup.harvest },
  };
}

/** Which questions a café asks, from what the form holds: per table, per round, or both. */
export function questionModeFor(tables: Pick<Table, 'question'>[], roundQuestions: string[]): QuestionMode {
  const perRound = roundQuestions.some((q) => q.trim());
  const perTable = tables.some((t) => t.question.trim());
  if (perRound) return perTable ? 'both' : 'round';
  return 'table';
}

/** What the create form's "Rounds" fields hold. */
export interface RoundsForm {
  rounds: number;
  minutes: number;
  roundQuestions: string[];
  autoRotate: boolean;
  everyoneGroups: boolean;
}

/**
 * The café and harvest settings of a create request, from the form: counts clamped to what the
 * server accepts (a number field can hold anything), questions trimmed, only as many as rounds
 * (trailing empty ones dropped), and the question mode the questions imply.
 */
export function settingsFromForm(
  form: RoundsForm,
  tables: Pick<Table, 'question'>[],
): { cafe: TemplateSetup['cafe']; harvest: TemplateSetup['harvest'] } {
  const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Number.isFinite(n) ? n : min));
  const rounds = Math.round(clamp(form.rounds, 1, LIMITS.rounds));
  const roundSeconds = Math.round(clamp(form.minutes * 60, LIMITS.roundSeconds.min, LIMITS.roundSeconds.max));
  const questions = form.roundQuestions.slice(0, rounds).map((q) => q.trim());
  while (questions.length && !questions[questions.length - 1]) questions.pop();
  return {
    cafe: {
      rounds,
      roundSeconds,
      autoRotate: form.autoRotate,
      questionMode: questionModeFor(tables, questions),
      roundQuestions: questions,
    },
    harvest: { grouping: form.everyoneGroups ? 'everyone' : 'hosts' },
  };
}

/** The create form's "Rounds" fields from a setup (the reverse of settingsFromForm). */
export function formFromSettings(setup: Pick<TemplateSetup, 'cafe' | 'harvest'>): RoundsForm {
  return {
    rounds: setup.cafe.rounds,
    minutes: setup.cafe.roundSeconds / 60,
    roundQuestions: [...setup.cafe.roundQuestions],
    autoRotate: setup.cafe.autoRotate,
    everyoneGroups: setup.harvest.grouping === 'everyone',
  };
}

export function setupCounts(setup: TemplateSetup): SetupCounts {
  return { themes: setup.themes.length, tables: setup.tables.length, delegations: setup.delegations.length, rounds: setup.cafe.rounds };
}

export function templateFile(t: { name: string; description: string; setup: TemplateSetup }): TemplateFile {
  return { format: TEMPLATE_FORMAT, version: TEMPLATE_FILE_VERSION, name: t.name, description: t.description, setup: t.setup };
}

/** A file name for an exported template: its name with anything unsafe in a file name replaced. */
export function templateFileName(name: string): string {
  const stem = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]+/g, '-')
    // control characters (no file system wants them), without a regex of control characters
    .replace(/\p{Cc}+/gu, '-')
    .trim()
    .slice(0, 60);
  return `${stem || 'template'}.template.json`;
}

export type TemplateFileProblem =
  | { kind: 'too_large'; bytes: number; max: number }
  | { kind: 'not_json'; message: string }
  | { kind: 'not_template' }
  | { kind: 'invalid'; fields: Array<{ path: string; message: string }> };

export type ParsedTemplateFile = { ok: true; file: TemplateFile } | { ok: false; problem: TemplateFileProblem };

/** The dotted path of a zod issue ("setup.tables.2.question"), or "file" for the whole. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || 'file';
}

/** Reads an exported template file: size-capped, JSON, the right format, then every field. */
export function parseTemplateFile(text: string): ParsedTemplateFile {
  const bytes = utf8Bytes(text);
  if (bytes > TEMPLATE_LIMITS.fileBytes) return { ok: false, problem: { kind: 'too_large', bytes, max: TEMPLATE_LIMITS.fileBytes } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: { kind: 'not_json', message: (err as Error).message } };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== TEMPLATE_FORMAT)
    return { ok: false, problem: { kind: 'not_template' } };
  const parsed = templateFileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, file: parsed.data };
  return { ok: false, problem: { kind: 'invalid', fields: issuesOf(parsed.error) } };
}

/** UTF-8 length without TextEncoder (shared runs where the DOM's types are not declared). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

export function issuesOf(error: z.ZodError, max = 5): Array<{ path: string; message: string }> {
  return error.issues.slice(0, max).map((i) => ({ path: issuePath(i.path), message: i.message }));
}
