// How values enter translated sentences. React escapes HTML itself, so i18next's escaping is used
// for the one thing a sentence does need: a value that could reorder the sentence around it — one
// holding right-to-left letters (Arabic, Hebrew, …) or a direction control someone typed into a
// name — is wrapped in FSI…PDI, once, here, so no call site has to remember to do it. Every
// interface language is left-to-right, so a value with only left-to-right letters, digits and
// punctuation cannot reorder anything and is left as typed (accessible names and searches stay
// exactly what people see).
import type { InterpolationOptions } from 'i18next';

const FSI = '\u2068';
const PDI = '\u2069';
// Right-to-left blocks (Hebrew to NKo and Arabic extensions, presentation forms, the historic RTL
// planes) and the explicit direction marks, embeddings, overrides and isolates.
const CAN_REORDER =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export function isolateValue(value: string): string {
  if (!CAN_REORDER.test(value)) return value;
  if (value.startsWith(FSI) && value.endsWith(PDI)) return value;
  return `${FSI}${value}${PDI}`;
}

export const INTERPOLATION: InterpolationOptions = {
  escapeValue: true,
  escape: isolateValue,
};
