// What is wrong with the create form, field by field. Pure: the form's values in, a list of
// problems out, each tied to the field it is about (so the field is marked aria-invalid and
// described by its message, and the summary links to it) and carrying an i18n key, never text.
// Problems found by the shared zod schema (the server's own check) are tied to a field by their path.
import type { CreateWorkshopInput } from '@world-cafe/shared';

/** A field of the create form: the fixed ones, or one theme's name / one table's name or seats. */
export type CreateField =
  | 'title'
  | 'facilitatorName'
  | 'purpose'
  | `theme:${string}`
  | `table:${string}:name`
  | `table:${string}:capacity`
  | `table:${string}:question`
  | 'form';

export interface FieldProblem {
  field: CreateField;
  key:
    | 'create.needTitle'
    | 'create.needName'
    | 'create.needThemeName'
    | 'create.needTableName'
    | 'create.badTableCapacity'
    | 'create.fieldInvalid'
    | 'create.formInvalid';
  /** Interpolation values; `n` is the 1-based position of the theme or table. */
  values?: { n?: number; max?: number };
}

export interface CreateFormValues {
  title: string;
  facilitatorName: string;
  themes: ReadonlyArray<{ id: string; name: string }>;
  tables: ReadonlyArray<{ id: string; name: string; capacity: number }>;
}

/** The form's own checks, in the order the fields appear. */
export function createFormProblems(v: CreateFormValues, maxCapacity: number): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!v.title.trim()) out.push({ field: 'title', key: 'create.needTitle' });
  if (!v.facilitatorName.trim()) out.push({ field: 'facilitatorName', key: 'create.needName' });
  v.themes.forEach((th, i) => {
    if (!th.name.trim()) out.push({ field: `theme:${th.id}`, key: 'create.needThemeName', values: { n: i + 1 } });
  });
  v.tables.forEach((tb, i) => {
    if (!tb.name.trim()) out.push({ field: `table:${tb.id}:name`, key: 'create.needTableName', values: { n: i + 1 } });
    if (!(tb.capacity >= 1 && tb.capacity <= maxCapacity))
      out.push({ field: `table:${tb.id}:capacity`, key: 'create.badTableCapacity', values: { n: i + 1, max: maxCapacity } });
  });
  return out;
}

const TABLE_FIELDS = new Set(['name', 'capacity', 'question']);

/** A problem the shared schema found, on the field its path points at (or on the whole form). */
export function schemaProblem(input: CreateWorkshopInput, path: ReadonlyArray<PropertyKey>): FieldProblem {
  const field = fieldOfIssue(input, path);
  return { field, key: field === 'form' ? 'create.formInvalid' : 'create.fieldInvalid' };
}

/** The field a schema issue's path points at ('form' when it is about no single field). */
export function fieldOfIssue(input: CreateWorkshopInput, path: ReadonlyArray<PropertyKey>): CreateField {
  const [head, index, leaf] = path;
  if (head === 'title' || head === 'facilitatorName' || head === 'purpose') return head;
  if (head === 'themes' && typeof index === 'number' && input.themes?.[index]) return `theme:${input.themes[index].id}`;
  if (head === 'tables' && typeof index === 'number' && input.tables?.[index]) {
    const id = input.tables[index].id;
    return typeof leaf === 'string' && TABLE_FIELDS.has(leaf) ? (`table:${id}:${leaf}` as CreateField) : `table:${id}:name`;
  }
  return 'form';
}
