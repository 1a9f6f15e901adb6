// Affix stripping for Malay, Bahasa Indonesia and Filipino, so that the forms people write on a
// note meet one another and the concept map: "pelatihan", "latihan", "dilatih", "melatih" → latih;
// "pagsasanay", "nagsasanay", "sanayin" → sanay. The English suffix stripper (text.ts) leaves
// these words as they are, or worse ("pelatihan" stays, "latihan" stays: no meeting).
//
// These are rule-based strippers without a dictionary, in the spirit of Nazief–Adriani (Malay and
// Indonesian) and of the Tagalog stemmers (prefixes, -um-/-in- infixes, syllable reduplication,
// -an/-in suffixes). Without a dictionary some roots are cut too far ("digital" → "gital") or a
// nasal prefix is recoded to the wrong initial ("mengajar" → "ajar" but "mengirim" → "irim");
// that is harmless as long as every form of the word is cut the same way, which the minimum stem
// length and the fixed rule order keep for the forms that matter (unit-tested in affixes.test.ts).
// Pure, no tables downloaded.

const LETTERS = /^[a-z]+$/;
const V = 'aeiou';
function isVowel(c: string | undefined): boolean {
  return c !== undefined && V.includes(c);
}
function vowels(w: string): number {
  let n = 0;
  for (const c of w) if (isVowel(c)) n++;
  return n;
}
/** A stem must keep at least this many letters and two vowels (one syllable is too ambiguous). */
const MIN_STEM = 4;
function okStem(w: string): boolean {
  return w.length >= MIN_STEM && vowels(w) >= 2;
}

// ---------------------------------------------------------------------------------------------
// Malay and Indonesian

/** Particles and possessive pronouns, removed first: "kerjanya", "bukankah", "pelatihannya". */
const MALAY_CLITICS = ['lah', 'kah', 'tah', 'pun', 'nya', 'ku', 'mu'];
/** Derivational suffixes, longest first. -i only after a prefix ("mengetahui", "diperbaiki"). */
const MALAY_SUFFIXES = ['kan', 'an'];

/**
 * Prefix rules, tried in order: [prefix, what the stem starts with, letters put back]. The nasal
 * prefixes meN-/peN- change the root's first letter (me+tulis → menulis, pe+kerja → pekerja,
 * me+pilih → memilih, me+sapu → menyapu); the recoding restores it.
 */
const MALAY_PREFIXES: Array<[string, RegExp, string]> = [
  ['ber', /^./, ''],
  ['ter', /^./, ''],
  ['per', /^./, ''],
  ['meny', /^[aeiou]/, 's'],
  ['peny', /^[aeiou]/, 's'],
  ['meng', /^[aeiough]/, ''],
  ['peng', /^[aeiough]/, ''],
  ['mem', /^[bpf]/, ''],
  ['pem', /^[bpf]/, ''],
  ['mem', /^[aeiou]/, 'p'],
  ['pem', /^[aeiou]/, 'p'],
  ['men', /^[cdjtsz]/, ''],
  ['pen', /^[cdjtsz]/, ''],
  ['men', /^[aeiou]/, 't'],
  ['pen', /^[aeiou]/, 't'],
  ['me', /^[lmnrwy]/, ''],
  ['pe', /^[lmnrwy]/, ''],
  ['pel', /^ajar/, ''],
  ['bel', /^ajar/, ''],
  ['be', /^ker/, ''],
  ['di', /^./, ''],
  ['ke', /^./, ''],
  ['se', /^./, ''],
];

function stripMalayPrefix(w: string): { stem: string; prefix: string } | null {
  for (const [prefix, next, put] of MALAY_PREFIXES) {
    if (!w.startsWith(prefix)) continue;
    const rest = w.slice(prefix.length);
    if (!next.test(rest)) continue;
    const stem = put + rest;
    if (okStem(stem)) return { stem, prefix };
  }
  return null;
}

/** The root of a Malay or Indonesian word (lower case, folded); other words unchanged. */
export function malayStem(word: string): string {
  let w = word;
  if (w.length <= MIN_STEM || !LETTERS.test(w)) return w;
  for (const c of MALAY_CLITICS) {
    if (w.endsWith(c) && okStem(w.slice(0, -c.length))) {
      w = w.slice(0, -c.length);
      break;
    }
  }
  // Prefixes first (up to three: "memperbaiki" = mem+per+baik+i, "keberlanjutan" = ke+ber+lanjut+an),
  // then the suffix: "latihan" keeps its root when no prefix is found.
  let first: string | null = null;
  for (let k = 0, next = stripMalayPrefix(w); next !== null && k < 3; k++, next = stripMalayPrefix(w)) {
    w = next.stem;
    first ??= next.prefix;
  }
  // ke- goes with -an only (ke-bijak-an, not ke-bija-kan); -i after a verb prefix and a
  // consonant (me-layan-i, per-baik-i), not after a vowel (me-nilai keeps its i).
  for (const s of first === 'ke' ? ['an'] : MALAY_SUFFIXES) {
    if (w.endsWith(s) && okStem(w.slice(0, -s.length))) return w.slice(0, -s.length);
  }
  if (first !== null && first !== 'ke' && /[^aeiou]i$/.test(w) && okStem(w.slice(0, -1))) return w.slice(0, -1);
  return w;
}

// ---------------------------------------------------------------------------------------------
// Filipino

/** Prefixes, longest first (so "pakikipag" wins over "pa"). */
const FIL_PREFIXES = [
  'pakikipag',
  'makikipag',
  'nakikipag',
  'ipinag',
  'makipag',
  'nakipag',
  'pinag',
  'ipag',
  'mapag',
  'napag',
  'pinaka',
  'maka',
  'naka',
  'paki',
  'ika',
  'mag',
  'nag',
  'pag',
  'ma',
  'na',
  'pa',
  'ka',
];
/**
 * Nasal prefixes before a vowel, with the root's first consonant they replaced:
 * pa+m+pili → "pamimili", pa+m+puno → "pamumuno" (root puno, via the -um- it leaves).
 */
const FIL_NASAL: Array<[RegExp, string]> = [
  [/^[pm]ang(?=[aeiou])/, ''],
  [/^[pm]am(?=[aeiou])/, 'p'],
  [/^[pm]an(?=[aeiou])/, 't'],
];
const FIL_SUFFIXES = ['han', 'hin', 'an', 'in'];

/** "sasanay" → "sanay", "tatrabaho" → "trabaho", "aaral" → "aral": the first syllable, repeated. */
function unreduplicate(w: string): string {
  if (isVowel(w[0]) && w[0] === w[1] && okStem(w.slice(1))) return w.slice(1);
  // CV + a root that starts with the same consonant and has the same first vowel
  if (!isVowel(w[0]) && isVowel(w[1]) && w[2] === w[0]) {
    const rest = w.slice(2);
    const firstVowel = [...rest].find(isVowel);
    if (firstVowel === w[1] && okStem(rest)) return rest;
  }
  return w;
}

/** "-um-" and "-in-" after the first consonant ("bumili" → "bili", "sinulat" → "sulat"), or first. */
function stripInfix(w: string): string {
  const m = /^([^aeiou]{1,2})(um|in)([aeiou].*)$/.exec(w);
  if (m && okStem(m[1]! + m[3]!)) return m[1]! + m[3]!;
  const v = /^(um|in)([aeiou].*)$/.exec(w);
  if (v && okStem(v[2]!)) return v[2]!;
  return w;
}

/** The root of a Filipino word (lower case, folded); other words unchanged. */
export function filipinoStem(word: string): string {
  let w = word;
  if (w.length <= MIN_STEM || !LETTERS.test(w)) return w;
  // One prefix (a second would cut roots such as "kaya" of "kakayahan"), then the repeated
  // syllable of the progressive/abstract forms, then an infix, then a suffix.
  const nasal = FIL_NASAL.find(([re, put]) => re.test(w) && okStem(w.replace(re, put)));
  const p = FIL_PREFIXES.find((x) => w.startsWith(x) && okStem(w.slice(x.length)));
  if (nasal !== undefined) w = w.replace(nasal[0], nasal[1]);
  else if (p !== undefined) w = w.slice(p.length);
  w = unreduplicate(stripInfix(unreduplicate(w)));
  for (const s of FIL_SUFFIXES) {
    if (w.endsWith(s) && okStem(w.slice(0, -s.length))) return w.slice(0, -s.length);
  }
  return w;
}
