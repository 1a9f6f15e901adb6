// The interface languages: each named in its own language (so a reader finds theirs in a list of
// scripts they cannot all read), with the Intl locale used for its dates and numbers.
export const LANGUAGES = [
  { code: 'en', label: 'English', locale: 'en-GB' },
  { code: 'th', label: 'ไทย', locale: 'th-TH' },
  { code: 'vi', label: 'Tiếng Việt', locale: 'vi-VN' },
  { code: 'id', label: 'Bahasa Indonesia', locale: 'id-ID' },
  { code: 'ms', label: 'Bahasa Melayu', locale: 'ms-MY' },
  { code: 'fil', label: 'Filipino', locale: 'fil-PH' },
  { code: 'km', label: 'ភាសាខ្មែរ', locale: 'km-KH' },
  { code: 'lo', label: 'ລາວ', locale: 'lo-LA' },
  { code: 'my', label: 'မြန်မာ', locale: 'my-MM' },
] as const;

export type UiLanguage = (typeof LANGUAGES)[number]['code'];
export const UI_LANGUAGES: readonly UiLanguage[] = LANGUAGES.map((l) => l.code);

export function isUiLanguage(v: unknown): v is UiLanguage {
  return typeof v === 'string' && (UI_LANGUAGES as readonly string[]).includes(v);
}

/** Old or alternative tags browsers still send for these languages. */
const ALIASES: Record<string, string> = { tl: 'fil', in: 'id', zsm: 'ms', khm: 'km', lao: 'lo', mya: 'my', bur: 'my' };

/** The first of the browser's preferred languages (BCP 47 tags, best first) that the interface speaks. */
export function matchLanguage(preferred: readonly string[]): UiLanguage | null {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (isUiLanguage(base)) return base;
    const alias = ALIASES[base];
    if (isUiLanguage(alias)) return alias;
  }
  return null;
}

/** The Intl locale of a UI language (English and anything unknown: en-GB, day before month). */
export function intlLocale(lang: string): string {
  return LANGUAGES.find((l) => l.code === lang)?.locale ?? 'en-GB';
}
