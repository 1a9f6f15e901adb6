// The templates' strings (a per-feature file set registered with its screens, not composed into
// <lang>.ts): every language has English's keys and no other, the same {{placeholders}}, and no
// string left in English.
import { describe, expect, it } from 'vitest';
import { enTemplates } from './en.templates';
import { thTemplates } from './th.templates';
import { viTemplates } from './vi.templates';
import { idTemplates } from './id.templates';
import { msTemplates } from './ms.templates';
import { filTemplates } from './fil.templates';
import { kmTemplates } from './km.templates';
import { loTemplates } from './lo.templates';
import { myTemplates } from './my.templates';
import { LANGUAGES } from './languages';

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = '', out = new Map<string, string>()) => {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
};
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]!).sort();

const others = {
  th: thTemplates,
  vi: viTemplates,
  id: idTemplates,
  ms: msTemplates,
  fil: filTemplates,
  km: kmTemplates,
  lo: loTemplates,
  my: myTemplates,
};
const english = flatten(enTemplates);

describe('template strings', () => {
  it('cover every interface language', () => {
    expect(Object.keys(others).sort()).toEqual(
      LANGUAGES.map((l) => l.code)
        .filter((c) => c !== 'en')
        .sort(),
    );
  });

  it.each(Object.entries(others))('%s: the same keys and placeholders as English, nothing left in English', (_lng, strings) => {
    const mine = flatten(strings);
    expect([...mine.keys()].sort()).toEqual([...english.keys()].sort());
    const problems: string[] = [];
    for (const [key, source] of english) {
      const value = mine.get(key)!;
      if (!value.trim()) problems.push(`empty ${key}`);
      if (placeholders(value).join() !== placeholders(source).join()) problems.push(`${key}: placeholders differ`);
      if (value === source) problems.push(`${key} is still English`);
    }
    expect(problems).toEqual([]);
  });
});
