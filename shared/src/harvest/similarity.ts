// Text similarity for harvest notes: short sticky notes in any of nine ASEAN languages, often
// mixed with English. Pure and deterministic; no I/O, no Node APIs, so the same code runs in the
// browser and on the server.
//
// A note becomes three feature sets:
//   - tokens: words from Intl.Segmenter (dictionary words for Thai, Lao, Khmer and Burmese,
//     spaces and punctuation for Latin script), stop-words removed, Latin words lightly stemmed
//     and diacritics-folded (see text.ts);
//   - concepts: ids from the multilingual concept map (see concept-map.ts and lexicon/), so
//     notes in different languages about the same thing meet ("គ្រោះមហន្តរាយ", "thiên tai" ~ "disaster");
//   - character 3-grams over the normalised text without spaces, for near-duplicates, spelling
//     variants and text that the segmenter splits differently.
// The score is a weighted mix of token TF-IDF cosine, IDF-weighted concept cosine and 3-gram
// Jaccard, floored by the 3-gram Jaccard (a near-identical text is a duplicate whatever its
// words). Notes in two languages share no token and no 3-gram beyond acronyms (KPI, ASEAN),
// so for them the concept channel is nearly the whole score.
import { conceptPrior, matchConcepts } from './concept-map';
import { charNgrams, normalise, noteStemmer, segmentWords, tokenOf } from './text';

export * from './text';
export { conceptLabel, conceptPrior, conceptsOf, GENERIC_CONCEPT_WEIGHT, topicConceptsOf } from './concept-map';

// ---------------------------------------------------------------------------------------------
// Features and index

export interface NoteFeatures {
  id: string;
  text: string;
  /** normalise(text) */
  norm: string;
  /** Content tokens (see tokenize). */
  tokens: string[];
  /** First surface word seen for each token (for labels: "training" rather than "train"). */
  surface: Map<string, string>;
  /** Matched concept ids, sorted. */
  concepts: string[];
  /** Distinct character 3-grams. */
  grams: string[];
}

/** Features of one text; independent of any other note. */
export function features(text: string, id = ''): NoteFeatures {
  const norm = normalise(text);
  const segs = segmentWords(norm);
  const tokens: string[] = [];
  const surface = new Map<string, string>();
  const stemmer = noteStemmer(segs.map((s) => s.text));
  for (const s of segs) {
    const t = tokenOf(s.text, stemmer);
    if (t === null) continue;
    tokens.push(t);
    if (!surface.has(t)) surface.set(t, s.text);
  }
  return { id, text, norm, tokens, surface, concepts: matchConcepts(norm, segs), grams: charNgrams(norm, 3, true) };
}

/** Weights of the score components. They need not sum to 1; the score is divided by their sum. */
export interface SimilarityWeights {
  tokens: number;
  concepts: number;
  grams: number;
}

export const DEFAULT_WEIGHTS: Readonly<SimilarityWeights> = { tokens: 0.45, concepts: 0.35, grams: 0.2 };

/** Sparse vector: sorted term ids and L2-normalised weights. */
interface Sparse {
  ids: Int32Array;
  w: Float64Array;
}

/** Note features compiled against an index: integer ids, IDF weights, sorted arrays. */
export interface CompiledNote {
  tokens: Sparse;
  concepts: Sparse;
  /** Sorted distinct 3-gram ids. */
  grams: Int32Array;
}

export interface SimilarityIndex {
  notes: NoteFeatures[];
  compiled: CompiledNote[];
  /** Note id → position in notes (first occurrence). */
  position: Map<string, number>;
  /** Number of notes the IDF is computed over. */
  size: number;
  tokenIds: Map<string, number>;
  conceptIds: Map<string, number>;
  gramIds: Map<string, number>;
  tokenIdf: Float64Array;
  conceptIdf: Float64Array;
  /** Concept id strings by concept index. */
  conceptNames: string[];
  weights: SimilarityWeights;
}

/**
 * Background weight in the concept vectors' norm (see sparse). Concept weights are IDF divided
 * by the largest possible IDF, ln(1 + N), so they lie in (0, 1] whatever the number of notes:
 * two notes that share a single specific concept (weight ≈ 0.5–0.8) still score high, two that
 * share a single generic one (weight ≈ 0.1–0.2 after GENERIC_CONCEPT_WEIGHT) do not.
 */
export const CONCEPT_BACKGROUND = 0.25;

function idf(df: number, n: number): number {
  return Math.log(1 + n / Math.max(df, 1));
}

function intern(map: Map<string, number>, key: string, df: number[] | null): number {
  let id = map.get(key);
  if (id === undefined) {
    id = map.size;
    map.set(key, id);
    if (df) df.push(0);
  }
  return id;
}

/**
 * `background` adds a constant dimension that no other note shares to the norm, so a note whose
 * only term is a low-weight one does not get cosine 1 with another such note.
 */
function sparse(counts: Map<number, number>, weight: (id: number) => number, background = 0): Sparse {
  const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const w = new Float64Array(ids.length);
  let norm = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    // sub-linear TF: a word repeated on a sticky note is emphasis, not twice the topic
    const v = (1 + Math.log(counts.get(id) as number)) * weight(id);
    w[i] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm + (ids.length > 0 ? background * background : 0));
  if (norm > 0) for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) / norm;
  return { ids, w };
}

/**
 * Features for every note and IDF over the set. Term ids are assigned in note order, so the
 * index (and everything computed from it) is a pure function of the input array.
 */
export function buildIndex(
  notes: ReadonlyArray<{ id: string; text: string }>,
  weights: SimilarityWeights = DEFAULT_WEIGHTS,
): SimilarityIndex {
  const feats = notes.map((n) => features(n.text, n.id));
  const tokenIds = new Map<string, number>();
  const conceptIds = new Map<string, number>();
  const gramIds = new Map<string, number>();
  const tokenDf: number[] = [];
  const conceptDf: number[] = [];
  for (const f of feats) {
    for (const t of new Set(f.tokens)) tokenDf[intern(tokenIds, t, tokenDf)]! += 1;
    for (const c of f.concepts) conceptDf[intern(conceptIds, c, conceptDf)]! += 1;
    for (const g of f.grams) intern(gramIds, g, null);
  }
  const n = feats.length;
  const tokenIdf = Float64Array.from(tokenDf, (df) => idf(df, n));
  const conceptIdf = Float64Array.from(conceptDf, (df) => idf(df, n));
  const compiledNotes = feats.map((f) => compileNote(f, tokenIds, conceptIds, gramIds, tokenIdf, conceptIdf, n));
  const position = new Map<string, number>();
  feats.forEach((f, i) => {
    if (!position.has(f.id)) position.set(f.id, i);
  });
  const conceptNames: string[] = [];
  for (const [name, id] of conceptIds) conceptNames[id] = name;
  return {
    notes: feats,
    compiled: compiledNotes,
    position,
    size: n,
    tokenIds,
    conceptIds,
    gramIds,
    tokenIdf,
    conceptIdf,
    conceptNames,
    weights,
  };
}

/**
 * Compile features against an index's vocabulary. Terms the index has not seen get the IDF of
 * a term seen once (and a fresh id past the vocabulary, so they can still match each other).
 */
function compileNote(
  f: NoteFeatures,
  tokenIds: Map<string, number>,
  conceptIds: Map<string, number>,
  gramIds: Map<string, number>,
  tokenIdf: Float64Array,
  conceptIdf: Float64Array,
  n: number,
  extra?: Map<string, number>,
): CompiledNote {
  const rare = idf(1, Math.max(n, 1));
  const maxIdf = rare;
  const idOf = (vocab: Map<string, number>, key: string, prefix: string): number => {
    const id = vocab.get(key);
    if (id !== undefined) return id;
    const k = prefix + key;
    let e = extra?.get(k);
    if (e === undefined && extra) {
      e = -1 - extra.size;
      extra.set(k, e);
    }
    return e ?? -1;
  };
  const tc = new Map<number, number>();
  for (const t of f.tokens) {
    const id = idOf(tokenIds, t, 't:');
    tc.set(id, (tc.get(id) ?? 0) + 1);
  }
  const cc = new Map<number, number>();
  const prior = new Map<number, number>();
  for (const c of f.concepts) {
    const id = idOf(conceptIds, c, 'c:');
    cc.set(id, 1);
    prior.set(id, conceptPrior(c));
  }
  const gs = new Set<number>();
  for (const g of f.grams) gs.add(idOf(gramIds, g, 'g:'));
  return {
    tokens: sparse(tc, (id) => (id >= 0 ? (tokenIdf[id] as number) : rare)),
    concepts: sparse(cc, (id) => ((id >= 0 ? (conceptIdf[id] as number) : rare) / maxIdf) * (prior.get(id) as number), CONCEPT_BACKGROUND),
    grams: Int32Array.from([...gs].sort((a, b) => a - b)),
  };
}

function dot(a: Sparse, b: Sparse): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) s += (a.w[i++] as number) * (b.w[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return s;
}

function intersectCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      s++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

export interface SimilarityDetail {
  /** Final score in [0, 1]. */
  score: number;
  /** Cosine of the TF-IDF token vectors. */
  tokens: number;
  /** Cosine of the IDF-weighted concept vectors. */
  concepts: number;
  /** Jaccard of the character 3-gram sets. */
  grams: number;
}

/**
 * Combine the components: a weighted mean, floored by the 3-gram Jaccard. When neither note
 * matched any concept the concept channel carries no evidence either way, so it is left out of
 * the mean instead of counting as 0; when only one did, it counts as 0.
 */
export function combine(parts: { tokens: number; concepts: number | null; grams: number }, w: SimilarityWeights = DEFAULT_WEIGHTS): number {
  const total = w.tokens + w.grams + (parts.concepts === null ? 0 : w.concepts);
  if (total <= 0) return 0;
  const mixed = (w.tokens * parts.tokens + w.grams * parts.grams + (parts.concepts === null ? 0 : w.concepts * parts.concepts)) / total;
  return Math.min(1, Math.max(mixed, parts.grams));
}

/** Score two compiled notes (same index). */
export function compiledSimilarity(a: CompiledNote, b: CompiledNote, w: SimilarityWeights = DEFAULT_WEIGHTS): SimilarityDetail {
  const t = dot(a.tokens, b.tokens);
  const ca = a.concepts.ids.length;
  const cb = b.concepts.ids.length;
  const c = ca > 0 && cb > 0 ? dot(a.concepts, b.concepts) : 0;
  const inter = intersectCount(a.grams, b.grams);
  const union = a.grams.length + b.grams.length - inter;
  const g = union > 0 ? inter / union : 0;
  return { score: combine({ tokens: t, concepts: ca > 0 || cb > 0 ? c : null, grams: g }, w), tokens: t, concepts: c, grams: g };
}

type NoteLike = string | { id?: string; text: string };

function compiledFor(x: NoteLike, ctx: SimilarityIndex, extra: Map<string, number>): CompiledNote {
  if (typeof x !== 'string' && x.id !== undefined) {
    const at = ctx.position.get(x.id);
    if (at !== undefined && ctx.notes[at]?.text === x.text) return ctx.compiled[at] as CompiledNote;
  }
  const text = typeof x === 'string' ? x : x.text;
  return compileNote(features(text), ctx.tokenIds, ctx.conceptIds, ctx.gramIds, ctx.tokenIdf, ctx.conceptIdf, ctx.size, extra);
}

/** Components and score of the similarity of two notes; see similarity(). */
export function similarityDetail(a: NoteLike, b: NoteLike, ctx?: SimilarityIndex): SimilarityDetail {
  const index = ctx ?? buildIndex([]);
  const extra = new Map<string, number>();
  return compiledSimilarity(compiledFor(a, index, extra), compiledFor(b, index, extra), index.weights);
}

/**
 * Similarity in [0, 1] of two notes (texts, or `{ id, text }` of notes in `ctx`). `ctx` supplies
 * the IDF weights (build it once with buildIndex over the whole note set); without it every
 * term weighs the same. Symmetric, and 1 for two texts that normalise to the same string.
 */
export function similarity(a: NoteLike, b: NoteLike, ctx?: SimilarityIndex): number {
  return similarityDetail(a, b, ctx).score;
}
