// The report's fixed texts in every report language: every field, the {page}/{pages} fields of the
// footer, twelve months, and nothing left in English except words that are the same in both.
import { describe, expect, it } from 'vitest';
import { REPORT_LABELS, REPORT_LOCALES, formatDate, scriptLang } from './report';

type Tree = { [key: string]: string | Tree | readonly string[] };
function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (Array.isArray(v)) v.forEach((x, i) => out.set(`${key}.${i}`, x as string));
    else flatten(v as Tree, key, out);
  }
  return out;
}

/** Words a language writes as English does (month names, "Status", "Café"), by language. */
const SAME: Record<string, readonly string[]> = {
  '*': ['notSet', 'datePattern'],
  th: [],
  vi: ['phases.cafe'],
  id: ['status', 'months.3', 'months.8', 'months.10'],
  ms: ['months.3', 'months.8', 'months.10'],
  fil: ['phases.cafe'],
  km: [],
  lo: [],
  my: [],
};

const english = flatten(REPORT_LABELS.en as unknown as Tree);

describe.each(REPORT_LOCALES.filter((l) => l !== 'en'))('report labels in %s', (locale) => {
  it('has every field, the footer fields, twelve months and no English left', () => {
    const labels = flatten(REPORT_LABELS[locale] as unknown as Tree);
    const allowed = new Set([...SAME['*']!, ...(SAME[locale] ?? [])]);
    const problems: string[] = [];
    for (const [key, source] of english) {
      const value = labels.get(key);
      if (!value?.trim()) problems.push(`missing ${key}`);
      else if (value === source && !allowed.has(key)) problems.push(`${key} is still English: ${value}`);
    }
    expect(problems).toEqual([]);
    expect(REPORT_LABELS[locale].months).toHaveLength(12);
    expect(REPORT_LABELS[locale].pageOf).toContain('{page}');
    expect(REPORT_LABELS[locale].pageOf).toContain('{pages}');
  });
});

describe('formatDate', () => {
  const ms = Date.UTC(2026, 11, 6, 21, 0);
  it.each([
    ['en', '6 December 2026'],
    ['th', '6 ธันวาคม พ.ศ. 2569'],
    ['vi', '6 tháng 12 năm 2026'],
    ['id', '6 Desember 2026'],
    ['fil', 'Disyembre 6, 2026'],
    ['km', '6 ធ្នូ 2026'],
    ['lo', '6 ທັນວາ 2026'],
    ['my', '6 ဒီဇင်ဘာ 2026'],
  ] as const)('%s: %s', (locale, want) => {
    expect(formatDate(ms, locale)).toBe(want);
  });
});

describe('scriptLang', () => {
  it.each([
    ['ASEAN', null],
    ['ภาษาไทย', 'th'],
    ['ພາສາລາວ', 'lo'],
    ['ភាសាខ្មែរ', 'km'],
    ['မြန်မာ', 'my'],
    ['HR database ក្នុងក្រសួង', 'km'],
  ] as const)('%s → %s', (text, want) => {
    expect(scriptLang(text)).toBe(want);
  });
});
