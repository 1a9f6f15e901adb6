// The multilingual concept map (data in ./lexicon) compiled for matching: a thesaurus, not a
// classifier. Several concepts can match one note; generic ones (civil servants, ASEAN,
// agencies) weigh little. A Khmer note and an English note about the same thing meet here
// ("គ្រោះមហន្តរាយ" ~ "disaster"), since they share no word or character.
import { CONCEPT_INFO, LEXICONS, type ConceptId, type ConceptInfo } from './lexicon';
import { normalise, phraseTokenOf, SEA_CHAR, segmentWords, stemmerOf, STEMMERS, syllableStartsAt, type Stemmer, type Word } from './text';

/** Weight factor of a generic concept (see ConceptInfo.generic). */
export const GENERIC_CONCEPT_WEIGHT = 0.35;

/** The id of a phrase that covers shorter terms and names no concept (see Lexicon.notTerms). */
const NOT_A_TERM = '';

interface CompiledConcepts {
  /**
   * Latin-script phrase (token sequence, stemmed by its language's stripper, nothing dropped) →
   * concept id. A note's words are stemmed by each stripper in turn, so an Indonesian term meets
   * "dilatih" and "pelatihan" whatever language the rest of the note looks like.
   */
  latinPhrases: Array<{ tokens: string[]; bare: boolean[]; id: ConceptId | typeof NOT_A_TERM; stemmer: Stemmer }>;
  /** Stripper, then first token of a phrase → indexes into latinPhrases. */
  latinByFirst: Map<Stemmer, Map<string, number[]>>;
  /** Every word of the Filipino terms, as written (to read a word without its linker, see linkerless). */
  filWords: Set<string>;
  /** Thai/Lao/Khmer/Burmese phrases (normalised), by their first two UTF-16 units. */
  seaByPrefix: Map<string, Array<{ text: string; id: ConceptId | typeof NOT_A_TERM }>>;
}

/** Whether concept a refines concept b (see ConceptInfo.refines). */
function refines(a: string, b: string): boolean {
  return isConceptId(a) && ((CONCEPT_INFO[a] as ConceptInfo).refines ?? []).includes(b);
}

function refinesEither(a: string, b: string): boolean {
  return refines(a, b) || refines(b, a);
}

let compiled: CompiledConcepts | null = null;
function compiledConcepts(): CompiledConcepts {
  if (compiled) return compiled;
  const latinPhrases: CompiledConcepts['latinPhrases'] = [];
  const latinByFirst = new Map<Stemmer, Map<string, number[]>>(STEMMERS.map((st) => [st, new Map()]));
  const seaByPrefix: CompiledConcepts['seaByPrefix'] = new Map();
  // Roots shared by different words of two concepts ("kasanayan" skills and "pagsasanay" training
  // are both "sanay"; "makabago" innovative and the "pagbabago" of "pagbabago ng klima", climate
  // change, are both "bago"): such a term matches only as written (English stripper, as before
  // affixes). The same word in two concepts' phrases ("latihan", "latihan industri") is no clash,
  // nor are two concepts of one topic ("pemimpin" leader, "pimpinan tinggi" senior executives) or
  // a concept and its refinement ("pemimpin", "kepemimpinan perempuan" women in leadership).
  const conceptsOfRoot = new Map<string, Map<ConceptId, Set<string>>>();
  const rootKey = (lang: Stemmer, words: Word[]) => `${lang} ${words.map((w) => phraseTokenOf(w.text, lang)).join(' ')}`;
  for (const lexicon of LEXICONS) {
    const st = stemmerOf(lexicon.lang);
    if (st === 'en') continue;
    for (const [id, terms] of Object.entries(lexicon.terms) as Array<[ConceptId, string[]]>) {
      for (const term of terms) {
        const segs = segmentWords(normalise(term));
        // the whole term, and each of its words (a one-word term meets a word of a phrase)
        const parts: Array<Word[]> = [segs, ...segs.map((w) => [w])];
        for (const words of parts) {
          const key = rootKey(st, words);
          const byConcept = conceptsOfRoot.get(key) ?? new Map<ConceptId, Set<string>>();
          byConcept.set(id, (byConcept.get(id) ?? new Set()).add(words.map((w) => w.text).join(' ')));
          conceptsOfRoot.set(key, byConcept);
        }
      }
    }
  }
  const filWords = new Set(
    LEXICONS.filter((l) => l.lang === 'fil').flatMap((l) =>
      Object.values(l.terms).flatMap((ts) => ts.flatMap((t) => segmentWords(normalise(t)).map((w) => w.text))),
    ),
  );
  for (const lexicon of LEXICONS) {
    const entries = Object.entries(lexicon.terms) as Array<[ConceptId | typeof NOT_A_TERM, string[]]>;
    if (lexicon.notTerms) entries.push([NOT_A_TERM, lexicon.notTerms]);
    for (const [id, terms] of entries) {
      for (const term of terms) {
        const text = normalise(term);
        if (text.length === 0) continue;
        if (SEA_CHAR.test(text)) {
          const list = seaByPrefix.get(text.slice(0, 2)) ?? [];
          list.push({ text, id });
          seaByPrefix.set(text.slice(0, 2), list);
          continue;
        }
        const segs = segmentWords(text);
        if (segs.length === 0) continue;
        const own = stemmerOf(lexicon.lang);
        const clash =
          own !== 'en' &&
          id !== NOT_A_TERM &&
          [...conceptsOfRoot.get(rootKey(own, segs))!].some(
            ([other, surfaces]) =>
              conceptTopic(other) !== conceptTopic(id) && !refinesEither(other, id) && [...surfaces].some((x) => x !== text),
          );
        const stemmer = clash ? 'en' : own;
        // read the way notes are read (see matchConcepts): "babaeng lider" is "babae" + "lider"
        const words = stemmer === 'malay' ? segs.map((w) => w.text) : segs.map((w) => linkerless(w.text, filWords));
        const tokens = words.map((w) => phraseTokenOf(w, stemmer));
        const bare = words.map((w, k) => w === tokens[k]);
        const byFirst = latinByFirst.get(stemmer)!;
        const list = byFirst.get(tokens[0]!) ?? [];
        list.push(latinPhrases.length);
        byFirst.set(tokens[0]!, list);
        latinPhrases.push({ tokens, bare, id, stemmer });
      }
    }
  }
  compiled = { latinPhrases, latinByFirst, filWords, seaByPrefix };
  return compiled;
}

function isConceptId(id: string): id is ConceptId {
  return Object.hasOwn(CONCEPT_INFO, id);
}

/**
 * Label of a concept in an interface language (a BCP 47 tag such as "th" or "en-GB"; Filipino
 * also as "tl"), English for a language the app does not have; undefined for an unknown id.
 */
export function conceptLabel(id: string, locale = 'en'): string | undefined {
  if (!isConceptId(id)) return undefined;
  const labels: Partial<Record<string, string>> = CONCEPT_INFO[id].label;
  const base = locale.split('-')[0]!.toLowerCase();
  return labels[locale] ?? labels[base === 'tl' ? 'fil' : base] ?? labels.en;
}

/** The concepts of a note a reader should see: specific ones (not generic, not logistics), sorted. */
export function topicConceptsOf(text: string): string[] {
  return conceptsOf(text).filter((c) => !isGenericConcept(c) && !isOffTopic(c));
}

/** Prior weight of a concept id: 1, or GENERIC_CONCEPT_WEIGHT for a generic concept. */
export function conceptPrior(id: string): number {
  return isConceptId(id) && 'generic' in CONCEPT_INFO[id] ? GENERIC_CONCEPT_WEIGHT : 1;
}

const INFO: ReadonlyArray<[ConceptId, ConceptInfo]> = Object.entries(CONCEPT_INFO) as Array<[ConceptId, ConceptInfo]>;

/**
 * Adds the concepts implied by others (see ConceptInfo.impliedBy), then drops the broader
 * concepts that a matched concept refines (see ConceptInfo.refines) and those that give way to a
 * matched concept (see ConceptInfo.givesWayTo).
 */
function withCompounds(found: Set<string>): Set<string> {
  for (const [id, info] of INFO) {
    if (!found.has(id) && info.impliedBy?.some((parts) => parts.every((p) => found.has(p)))) found.add(id);
  }
  for (const [id, info] of INFO) if (found.has(id)) for (const p of info.refines ?? []) if (p !== id) found.delete(p);
  for (const [id, info] of INFO) if (info.givesWayTo?.some((o) => found.has(o))) found.delete(id);
  return found;
}

/**
 * A Filipino word without the linker that ties it to the next word ("babaeng kawani", female
 * staff; "mamamayang Pilipino"): -ng after a vowel, -g after n. Rules alone would also cut roots
 * that end in -ng ("tulong", help), so the linker goes only when the word without it is a word of
 * a Filipino term. Terms are read the same way, so "babaeng lider" and "babae" both meet "babaeng".
 */
function linkerless(word: string, known: ReadonlySet<string>): string {
  if (!word.endsWith('ng')) return word;
  for (const base of [word.slice(0, -2), word.slice(0, -1)]) {
    if (base.length >= 3 && /[aeioun]$/.test(base) && known.has(base)) return base;
  }
  return word;
}

/** A concept matched on the characters [start, end) of a normalised text. */
export interface Span {
  id: string;
  start: number;
  end: number;
}

/**
 * Drops a match that a longer match of another topic covers: a term read inside a longer term
 * means what the longer one means ("exchange", staff exchange, inside "data exchange", e-government;
 * "ศักยภาพ", competence, inside "พัฒนาศักยภาพ", capacity building; Burmese "နည်းပြ", coach, inside
 * "နည်းပြဆရာ", trainer). Only a strictly longer span covers. Cross-cutting concepts stay (they say
 * how or where: "trực tuyến", online, inside "dịch vụ công trực tuyến"), and so do a concept of the
 * same topic (training inside "สถาบันฝึกอบรม", a training institute) and one the longer one refines
 * (withCompounds drops it): the topic rules decide those. A shorter concept that refines the longer
 * one goes like any other ("คุณธรรม", merit, inside the Thai integrity and transparency assessment).
 * Keeping cross-cutting concepts measured better on every labelled set.
 */
export function longestMatches(spans: readonly Span[]): Span[] {
  const covered = (a: Span, b: Span) =>
    b.start <= a.start &&
    a.end <= b.end &&
    b.end - b.start > a.end - a.start &&
    conceptTopic(a.id) !== conceptTopic(b.id) &&
    !refines(b.id, a.id);
  return spans.filter((a) => isCrossCutting(a.id) || !spans.some((b) => covered(a, b)));
}

/** Concept ids matched in a normalised text and its word segments, sorted. */
export function matchConcepts(norm: string, segs: readonly Word[]): string[] {
  const cc = compiledConcepts();
  const spans: Span[] = [];
  // Latin script: contiguous sequences of stemmed words (stop-words included, so "new
  // generation" needs the "new"), once per stripper. With the Malay and Filipino strippers a
  // bare root and a derived word do not meet ("lanjut usia", old age, is not "berkelanjutan",
  // sustainable); two forms of one derivation do ("pelatihan", "dilatih").
  for (const stemmer of STEMMERS) {
    const byFirst = cc.latinByFirst.get(stemmer)!;
    const words = stemmer === 'malay' ? segs.map((s) => s.text) : segs.map((s) => linkerless(s.text, cc.filWords));
    const tokens = words.map((w) => phraseTokenOf(w, stemmer));
    const bare = words.map((w, k) => stemmer === 'en' || w === tokens[k]);
    for (let i = 0; i < tokens.length; i++) {
      const starts = byFirst.get(tokens[i]!);
      if (!starts) continue;
      for (const k of starts) {
        const p = cc.latinPhrases[k]!;
        let ok = i + p.tokens.length <= tokens.length;
        for (let j = 0; ok && j < p.tokens.length; j++) {
          ok = tokens[i + j] === p.tokens[j] && (stemmer === 'en' || bare[i + j] === p.bare[j]);
        }
        if (ok) spans.push({ id: p.id, start: segs[i]!.start, end: segs[i + p.tokens.length - 1]!.end });
      }
    }
  }
  // Scripts without spaces: a substring of the normalised text that starts and ends on word
  // boundaries (so แปล does not match inside เปลี่ยนแปลง). Spaces between the segments are
  // allowed, since the segmenter and the writer do not always agree on where words end.
  // One end may instead fall on a syllable boundary inside a segment (see syllableStartsAt) when
  // the term also spans a word boundary: the segmenter glued a word it does not know to its
  // neighbour and cut the term ("คนใช้|คอม" hides "ใช้คอม", "បណ្តឹ|ងរ|បស់" hides "បណ្តឹង"), so the
  // term's reading wins. A term inside one segment still needs both ends on word boundaries
  // ("ဝန်ကြီး", a minister, is not read inside "ဝန်ကြီးဌာန", a ministry).
  if (SEA_CHAR.test(norm)) {
    const n = norm.length;
    const onWordStart = new Uint8Array(n + 1);
    const onWordEnd = new Uint8Array(n + 1);
    // startsUpTo[p]: how many segments start at or before p (a term [a, b) spans a word boundary
    // when a segment starts strictly inside it)
    const startsUpTo = new Int32Array(n + 1);
    for (const s of segs) {
      onWordStart[s.start] = 1;
      onWordEnd[s.end] = 1;
    }
    for (let p = 0, k = 0; p <= n; p++) {
      k += onWordStart[p]!;
      startsUpTo[p] = k;
    }
    const crossesWord = (from: number, to: number) => startsUpTo[to - 1]! - startsUpTo[from]! > 0;
    for (let at = 0; at < n; at++) {
      const onWord = onWordStart[at] === 1;
      if (!onWord && !syllableStartsAt(norm, at)) continue;
      const candidates = cc.seaByPrefix.get(norm.slice(at, at + 2));
      if (!candidates) continue;
      for (const p of candidates) {
        const end = at + p.text.length;
        if (!norm.startsWith(p.text, at)) continue;
        const endOnWord = onWordEnd[end] === 1;
        const ok = onWord && endOnWord ? true : (onWord ? syllableStartsAt(norm, end) : endOnWord) && crossesWord(at, end);
        if (ok) spans.push({ id: p.id, start: at, end });
      }
    }
  }

  const found = longestMatches(spans)
    .map((m) => m.id)
    .filter((id) => id !== NOT_A_TERM);
  return [...withCompounds(new Set(found))].sort();
}

/** Concept ids of a text (for tests and tools). */
export function conceptsOf(text: string): string[] {
  const norm = normalise(text);
  return matchConcepts(norm, segmentWords(norm));
}

/** The topic a concept belongs to (see ConceptInfo.topic): itself unless it names another. */
export function conceptTopic(id: string): string {
  if (!isConceptId(id)) return id;
  const info = CONCEPT_INFO[id];
  return 'topic' in info ? info.topic : id;
}

/** A generic concept (civil servants, agencies…) names no topic. */
export function isGenericConcept(id: string): boolean {
  return isConceptId(id) && 'generic' in CONCEPT_INFO[id];
}

/**
 * Topic → the topics close to it but distinct (see ConceptInfo.relatedTo), both ways. A concept's
 * relatedTo links its topic, not only itself: women in leadership is filed under gender, and a
 * gender group is still "related to" a leadership group.
 */
const RELATED: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const out = new Map<string, Set<string>>();
  const link = (a: string, b: string) => out.set(a, (out.get(a) ?? new Set()).add(b));
  for (const [id, info] of INFO) {
    if (info.relatedTo === undefined) continue;
    const a = conceptTopic(id);
    const b = conceptTopic(info.relatedTo);
    if (a === b) continue;
    link(a, b);
    link(b, a);
  }
  return out;
})();

/** Whether two topics are close but distinct (see ConceptInfo.relatedTo), in either direction. */
export function areRelatedTopics(a: string, b: string): boolean {
  return RELATED.get(a)?.has(b) ?? false;
}

/** A concept that refines broader ones (see ConceptInfo.refines). */
export function isRefinement(id: string): boolean {
  return isConceptId(id) && 'refines' in CONCEPT_INFO[id];
}

/** A concept of room logistics (see ConceptInfo.offTopic). */
export function isOffTopic(id: string): boolean {
  return isConceptId(id) && 'offTopic' in CONCEPT_INFO[id];
}

/** A cross-cutting concept (see ConceptInfo.crossCutting). */
export function isCrossCutting(id: string): boolean {
  return isConceptId(id) && 'crossCutting' in CONCEPT_INFO[id];
}
