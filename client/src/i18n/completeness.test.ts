// Every registered language against English, key by key: the same keys (no missing, no extra), the
// same {{placeholders}}, the plural forms its language needs, and no string left in English. It
// walks the composed dictionaries, so a module another change adds to en.ts (en.<module>.ts) is
// checked in every language as soon as it is registered; and every en.<module>.ts file must have
// a <lang>.<module>.ts beside it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { LANGUAGES, type UiLanguage } from './languages';
import { LOADERS } from './locales';
import { enOidc } from './en.oidc';
import { thOidc } from './th.oidc';
import { viOidc } from './vi.oidc';
import { idOidc } from './id.oidc';
import { msOidc } from './ms.oidc';
import { filOidc } from './fil.oidc';
import { kmOidc } from './km.oidc';
import { loOidc } from './lo.oidc';
import { myOidc } from './my.oidc';

/**
 * Strings that may read the same as English, by language and key: names, codes and symbols.
 * Keep this short; each entry says why.
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  '*': [
    'app.name', // the product's name
    'landing.title', // the product's name
    'exports.pdf', // file formats go by their own names
    'exports.docx',
    'exports.md',
    'exports.csv',
    // the names printed on keyboard keys (Esc, Enter, Ctrl, Delete, Home, End)
    'room.keys.close.keys',
    'room.keys.undo.keys', // Ctrl+Z / ⌘Z
    'ui.board.undoKeys',
    'room.keys.add.keys',
    'room.keys.edit.keys',
    'room.keys.save.keys',
    'room.keys.cancel.keys',
    'room.keys.remove.keys',
    'room.keys.tabs.keys',
  ],
  // "Tablet" is the everyday word for the device in these languages
  id: ['devices.kind.tablet'],
  ms: ['devices.kind.tablet'],
  fil: ['devices.kind.tablet'],
};

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

/** An allow-list entry matches a key exactly, or with * standing for one segment. */
const isAllowed = (allowed: Set<string>, key: string): boolean =>
  [...allowed].some((a) => a === key || new RegExp(`^${a.replace(/\./g, '\\.').replace(/\*/g, '[^.]+')}$`).test(key));
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]!).sort();
/** Braces that are not a well-formed {{name}}: a typo such as "{{n}" or "{ {n}}". */
const strayBraces = (s: string): boolean => /[{}]/.test(s.replace(/\{\{\s*[\w.]+\s*\}\}/g, ''));
const PLURAL = /_(zero|one|two|few|many|other)$/;

const english = flatten(en);
const others = LANGUAGES.map((l) => l.code).filter((c): c is Exclude<UiLanguage, 'en'> => c !== 'en');

describe('English, the source', () => {
  it('has well-formed placeholders and both plural forms wherever it has one', () => {
    for (const [key, value] of english) {
      expect(strayBraces(value), `${key}: ${value}`).toBe(false);
      const m = key.match(PLURAL);
      if (m)
        for (const form of ['one', 'other']) expect(english.has(key.replace(PLURAL, `_${form}`)), `${key} without _${form}`).toBe(true);
    }
  });

  it('each en.<module>.ts has a file of its own in every language', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const files = fs.readdirSync(dir);
    const modules = files.filter((f) => /^en(\.[\w-]+)?\.ts$/.test(f)).map((f) => f.slice(2));
    expect(modules).toContain('.ts');
    const missing = others.flatMap((l) => modules.filter((m) => !files.includes(`${l}${m}`)).map((m) => `${l}${m}`));
    expect(missing).toEqual([]);
  });
});

/** What is wrong with one language's strings, against English's. */
function problemsOf(english: Map<string, string>, strings: Map<string, string>, lng: string): string[] {
  const problems: string[] = [];
  const allowed = new Set([...(SAME_AS_ENGLISH['*'] ?? []), ...(SAME_AS_ENGLISH[lng] ?? [])]);
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  for (const [key, source] of english) {
    const value = strings.get(key);
    if (value === undefined) {
      problems.push(`missing ${key}`);
      continue;
    }
    if (!value.trim()) problems.push(`empty ${key}`);
    const want = placeholders(source).join(', ');
    const got = placeholders(value).join(', ');
    if (want !== got) problems.push(`${key}: placeholders {{${got}}} instead of {{${want}}}`);
    if (strayBraces(value)) problems.push(`${key}: a broken placeholder in "${value}"`);
    if (value === source && !isAllowed(allowed, key) && /\p{L}/u.test(source.replace(/\{\{[^}]*\}\}/g, '')))
      problems.push(`${key} is still English: "${value}"`);
    const plural = key.match(PLURAL);
    if (plural && plural[1] === 'other')
      for (const form of categories)
        if (!strings.has(key.replace(PLURAL, `_${form}`))) problems.push(`${key.replace(PLURAL, '')}: no _${form} form`);
  }
  for (const key of strings.keys())
    if (!english.has(key) && !(PLURAL.test(key) && english.has(key.replace(PLURAL, '_other')))) problems.push(`extra ${key}`);
  return problems;
}

describe.each(others)('%s', (lng) => {
  it('has every key of English and no other, with the same placeholders, no English left and its plural forms', async () => {
    expect(problemsOf(english, flatten((await LOADERS[lng]()) as unknown as Tree), lng)).toEqual([]);
  });
});

// Strings a lazily loaded screen adds itself (i18n.addResourceBundle in its chunk): the same checks.
const LAZY: Record<string, { en: Tree; others: Record<(typeof others)[number], Tree> }> = {
  oidc: {
    en: enOidc,
    others: { th: thOidc, vi: viOidc, id: idOidc, ms: msOidc, fil: filOidc, km: kmOidc, lo: loOidc, my: myOidc },
  },
};

describe.each(Object.keys(LAZY))('the %s strings (added by their screen)', (module) => {
  it.each(others)('%s: every key, the same placeholders, no English left', (lng) => {
    expect(problemsOf(flatten(LAZY[module]!.en), flatten(LAZY[module]!.others[lng]), lng)).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('sees a broken placeholder and stray braces', () => {
    expect(placeholders('{{n}} of {{ cap }}')).toEqual(['cap', 'n']);
    expect(strayBraces('{{n} notes')).toBe(true);
    expect(strayBraces('{{n}} notes')).toBe(false);
  });

  it('finds each kind of fault in a sample dictionary', () => {
    const source = new Map([
      ['a', 'Save'],
      ['b', '{{n}} of {{cap}}'],
      ['c_one', '{{n}} note'],
      ['c_other', '{{n}} notes'],
      ['d', 'Gone'],
      ['app.name', 'World Café'],
      ['room.keys.add.keys', 'Enter'],
    ]);
    const broken = new Map([
      ['a', 'Save'],
      ['b', '{{n}} จาก {{cap}'],
      ['c_other', '{{count}} nota'],
      ['app.name', 'World Café'],
      ['room.keys.add.keys', 'Enter'],
      ['e', 'extra'],
    ]);
    expect(problemsOf(source, broken, 'fil')).toEqual([
      'a is still English: "Save"',
      'b: placeholders {{n}} instead of {{cap, n}}',
      'b: a broken placeholder in "{{n}} จาก {{cap}"',
      'missing c_one',
      'c_other: placeholders {{count}} instead of {{n}}',
      'c: no _one form',
      'missing d',
      'extra e',
    ]);
  });
});
