// Text normalisation, word segmentation and tokens for harvest notes in the nine languages
// delegates write in: English, Vietnamese, Bahasa Indonesia, Malay and Filipino (Latin script,
// words between spaces) and Thai, Khmer, Lao and Burmese (no spaces between words). Pure; no
// Node APIs, so the same code runs in the browser and on the server.
import { filipinoStem, malayStem } from './lang/affixes';
import { zawgyiToUnicode } from './lang/zawgyi';
import { LEXICONS, type LexiconLang } from './lexicon';

// ---------------------------------------------------------------------------------------------
// Normalisation

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Thai, Lao, Khmer and Burmese letters: scripts written without spaces between words. */
const SEA_RANGE = '\\u0E00-\\u0EFF\\u1780-\\u17FF\\u1000-\\u109F';
/** Digits of those scripts, mapped to ASCII: [first code point of 0, regex]. */
const NATIVE_DIGITS: Array<[number, RegExp]> = [
  [0x0e50, /[\u0E50-\u0E59]/g], // Thai
  [0x0ed0, /[\u0ED0-\u0ED9]/g], // Lao
  [0x17e0, /[\u17E0-\u17E9]/g], // Khmer
  [0x1040, /[\u1040-\u1049]/g], // Burmese
];
const SEA_THEN_LATIN = new RegExp(`([${SEA_RANGE}])(?=[a-z0-9])`, 'g');
const LATIN_THEN_SEA = new RegExp(`([a-z0-9])(?=[${SEA_RANGE}])`, 'g');

/**
 * Burmese typed in Zawgyi converted to Unicode (see lang/zawgyi.ts); lower case, zero-width
 * characters and soft hyphens removed; Latin diacritics folded (so a
 * Vietnamese note typed without tone marks on a phone meets one typed with them: "Đào tạo",
 * "dao tao"); Khmer subscript ḍa written as subscript ta (both spellings are in use); native
 * digits to ASCII; the Thai and Lao repetition marks dropped (ดีๆ → ดี); a space between a
 * Thai/Lao/Khmer/Burmese run and a Latin/digit run; "e-learning"-style single-letter prefixes
 * joined ("elearning"); every other run of punctuation, symbols and emoji turned into one space.
 */
export function normalise(text: string): string {
  let s = zawgyiToUnicode(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/đ/g, 'd')
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(/\u17D2\u178A/g, '\u17D2\u178F')
    .replace(/[\u0E46\u0EC6]/g, ' ');
  for (const [zero, re] of NATIVE_DIGITS) s = s.replace(re, (d) => String(d.charCodeAt(0) - zero));
  return (
    s
      // the segmenter would otherwise glue the first Latin letter to the word before it
      // ("ผ่านe-learning" → "ผ่านe", "learning")
      .replace(SEA_THEN_LATIN, '$1 ')
      .replace(LATIN_THEN_SEA, '$1 ')
      .replace(/(^|[^\p{L}\p{N}])([a-z])[-‐‑](?=[a-z]{2})/gu, '$1$2')
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
      .trim()
  );
}

// ---------------------------------------------------------------------------------------------
// Stop-words and stemming

/**
 * Function words of every language, normalised. One set for all: a sticky note is too short to
 * detect its language reliably, and the lists were checked against each other so that no word
 * is a function word in one language and a topic word in another (e.g. Vietnamese "tại" is not
 * listed, because folded it is the "tai" of "thiên tai", disaster).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  LEXICONS.flatMap((l) =>
    l.stopWords
      .split(/\s+/)
      .map((w) => normalise(w))
      .filter((w) => w.length > 0),
  ),
);

const VOWEL = /[aeiouy]/;

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && /[bcdghkmnprtvw]/.test(w[n - 1] as string)) return w.slice(0, -1);
  return w;
}

/**
 * A deliberately small English suffix stripper (not Porter): plural -s/-es/-ies, -ing, -ed,
 * -ation/-tion → -at/-t, -ment, -ive, -ly, final -e, and a doubled final consonant
 * (planning → plan, programme → program). It only has to map the forms people write on notes
 * (train/training/trained, participate/participation, corruption/corrupt) to the same stem.
 * It runs on every Latin-script word; notes and concept terms go through it alike, so what it
 * does to a Malay or Filipino word does not matter as long as it is the same on both sides.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  // plurals
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // inflections
  if (w.endsWith('ing') && w.length >= 6 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length >= 5 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  // derivations
  if (w.endsWith('ation') && w.length >= 8) w = w.slice(0, -3);
  else if (w.endsWith('tion') && w.length >= 7) w = w.slice(0, -3);
  else if (w.endsWith('ment') && w.length >= 8) w = w.slice(0, -4);
  else if (w.endsWith('ive') && w.length >= 7) w = w.slice(0, -3);
  else if (w.endsWith('ly') && w.length >= 6) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1);
  return undouble(w);
}

/**
 * Which affix stripper reads a Latin-script word: English suffixes, Malay/Indonesian affixes
 * (lang/affixes.ts) or Filipino affixes. Vietnamese words are syllables the English stripper
 * leaves alone (three letters or fewer) or treats the same on every side.
 */
export type Stemmer = 'en' | 'malay' | 'fil';
export const STEMMERS: readonly Stemmer[] = ['en', 'malay', 'fil'];

/** The stripper for a lexicon's language. */
export function stemmerOf(lang: LexiconLang): Stemmer {
  return lang === 'ms' || lang === 'id' ? 'malay' : lang === 'fil' ? 'fil' : 'en';
}

/** A Latin word stemmed by the given stripper. */
export function stemAs(stemmer: Stemmer, word: string): string {
  switch (stemmer) {
    case 'en':
      return stem(word);
    case 'malay':
      return malayStem(word);
    case 'fil':
      return filipinoStem(word);
    default: {
      const never: never = stemmer;
      throw new Error(`unknown stemmer ${String(never)}`);
    }
  }
}

/** Function words of each stripper's languages (Vietnamese counts with English: same stripper). */
const STOP_WORDS_BY_STEMMER: ReadonlyMap<Stemmer, ReadonlySet<string>> = new Map(
  STEMMERS.map((st) => [
    st,
    new Set(
      LEXICONS.filter((l) => stemmerOf(l.lang) === st).flatMap((l) =>
        l.stopWords
          .split(/\s+/)
          .map((w) => normalise(w))
          .filter((w) => w.length > 0),
      ),
    ),
  ]),
);

/**
 * The stripper for a note's content words, from its function words ("yang", "dan" → Malay or
 * Indonesian; "ang", "ng", "mga" → Filipino). A note with none, or a tie, reads as English, as
 * before: a note too short to tell is cut the English way. Concept matching does not depend on
 * this guess (concept-map.ts tries each language's terms with that language's stripper).
 */
export function noteStemmer(words: readonly string[]): Stemmer {
  let best: Stemmer = 'en';
  let bestCount = 0;
  for (const st of STEMMERS) {
    const stops = STOP_WORDS_BY_STEMMER.get(st)!;
    let count = 0;
    for (const w of words) if (stops.has(w)) count++;
    if (count > bestCount) {
      best = st;
      bestCount = count;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Segmentation and tokens

/** A letter of a script written without spaces (Thai, Lao, Khmer, Burmese). */
export const SEA_CHAR = new RegExp(`[${SEA_RANGE}]`);
const LATIN_WORD = /^[a-z]+$/;

let segmenter: Intl.Segmenter | null = null;
function wordSegmenter(): Intl.Segmenter {
  // ICU picks the break dictionary by script, not by locale: one segmenter splits Thai, Lao,
  // Khmer and Burmese into dictionary words and Latin text on spaces and punctuation.
  return (segmenter ??= new Intl.Segmenter('th', { granularity: 'word' }));
}

/** A word of the normalised text, with its offsets (used to match concept phrases). */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** Word-like segments of already-normalised text. */
export function segmentWords(norm: string): Word[] {
  const out: Word[] = [];
  for (const s of wordSegmenter().segment(norm)) {
    if (s.isWordLike) out.push({ text: s.segment, start: s.index, end: s.index + s.segment.length });
  }
  return out;
}

/**
 * Whether a syllable of Thai, Lao, Khmer or Burmese surely starts at position p of a normalised
 * text, by the script's own rules (no dictionary): before a Thai or Lao leading vowel (เ แ โ ใ ไ,
 * ເ ແ ໂ ໃ ໄ); before a Khmer consonant or independent vowel not stacked under the one before it
 * (no coeng before it); before a Burmese consonant that is neither stacked (virama before it) nor
 * a final (asat or virama after it). The dictionary segmenter misses words it does not know and
 * glues them to their neighbours ("คนใช้|คอม", "បណ្តឹ|ងរ|បស់"); a concept term may start or end
 * on such a syllable boundary when its other end is on a word boundary (see matchConcepts).
 */
export function syllableStartsAt(norm: string, p: number): boolean {
  if (p <= 0 || p >= norm.length) return false;
  const c = norm.charCodeAt(p);
  const prev = norm.charCodeAt(p - 1);
  if ((c >= 0x0e40 && c <= 0x0e44) || (c >= 0x0ec0 && c <= 0x0ec4)) return true;
  if (c >= 0x1780 && c <= 0x17b3) return prev !== 0x17d2 && prev >= 0x1780 && prev <= 0x17ff;
  if (c >= 0x1000 && c <= 0x1021) {
    const next = norm.charCodeAt(p + 1);
    return prev !== 0x1039 && next !== 0x103a && next !== 0x1039 && prev >= 0x1000 && prev <= 0x109f;
  }
  return false;
}

/** Word segments of a text after normalisation, before stop-words and stemming. */
export function words(text: string): string[] {
  return segmentWords(normalise(text)).map((w) => w.text);
}

/** A word as the concept matcher sees it: Latin words stemmed, nothing dropped. */
export function phraseTokenOf(word: string, stemmer: Stemmer = 'en'): string {
  return LATIN_WORD.test(word) ? stemAs(stemmer, word) : word;
}

/** The content token of a word, or null for a stop-word, a one-letter word or a single digit. */
export function tokenOf(word: string, stemmer: Stemmer = 'en'): string | null {
  if (STOP_WORDS.has(word)) return null;
  if (SEA_CHAR.test(word)) return word;
  if (LATIN_WORD.test(word)) return word.length < 2 ? null : stemAs(stemmer, word);
  // digits, other scripts, or mixed letters/digits ("kpi2", "360")
  if (/^\p{N}+$/u.test(word) && word.length < 2) return null;
  return word;
}

/** Content tokens: segmented, stop-words removed, Latin words stemmed. Order and repeats kept. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const segs = segmentWords(normalise(text));
  const stemmer = noteStemmer(segs.map((w) => w.text));
  for (const w of segs) {
    const t = tokenOf(w.text, stemmer);
    if (t !== null) out.push(t);
  }
  return out;
}

/** Distinct character n-grams (default 3) of the normalised text with spaces removed. */
export function charNgrams(text: string, n = 3, alreadyNormalised = false): string[] {
  const chars = Array.from((alreadyNormalised ? text : normalise(text)).replace(/\s+/g, ''));
  if (chars.length === 0) return [];
  if (chars.length < n) return [chars.join('')];
  const set = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) set.add(chars.slice(i, i + n).join(''));
  return [...set];
}
