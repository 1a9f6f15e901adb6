// What a refused template file tells the person, naming the fields at fault.
import type { TFunction } from 'i18next';
import { type TemplateFileProblem, assertNever } from '@world-cafe/shared';

export function importProblemText(t: TFunction, p: TemplateFileProblem): string {
  switch (p.kind) {
    case 'too_large':
      return t('templates.importTooLarge', { size: Math.ceil(p.bytes / 1024), max: Math.floor(p.max / 1024) });
    case 'not_json':
      return t('templates.importNotJson');
    case 'not_template':
      return t('templates.importNotTemplate');
    case 'invalid':
      return t('templates.importInvalid', { fields: p.fields.map((f) => `${f.path} (${f.message})`).join('; ') });
    default:
      return assertNever(p);
  }
}
