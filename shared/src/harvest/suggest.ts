// "Suggest clusters" for the harvest: propose groups of near-duplicate and related notes across
// tables, computed from the note texts alone (see similarity.ts). Pure and deterministic: the
// same notes (in any order) give the same suggestions with the same keys.
//
// Algorithm:
//   1. buildIndex over all notes (IDF over the whole harvest).
//   2. Candidate pairs from inverted indexes (tokens, concepts, 3-grams) with per-note
//      accumulators, so pairs that share nothing are never scored; a pair is kept as an edge
//      when its score reaches half the threshold. A note that is no idea for the plan (room
//      logistics, thanks, or one or two words that name no topic: see isNoIdea) keeps no edge.
//   3. Average-linkage agglomerative clustering over the sparse graph (a missing edge counts as
//      similarity 0), merging while the best average similarity is ≥ threshold. Existing
//      clusters enter as locked clusters: they can absorb free notes but never merge with each
//      other; what a locked cluster absorbs is proposed as "add these notes to cluster X".
//   4. Groups about the same topic are merged (see topics.ts): average linkage keeps groups
//      tight, so one topic written with different words in different languages comes out in
//      pieces; a piece about an existing cluster's topic goes to that cluster, and a note left
//      alone joins the group of its topic it is most similar to.
//   5. Each group of ≥ 2 free notes (or each non-empty addition) becomes a suggestion, keyed by a
//      hash of its sorted note ids (plus the target cluster), minus the dismissed keys; a group
//      without a topic must be near-copies (score ≥ threshold × NO_TOPIC_FACTOR). Labels are
//      concept labels in the UI language (options.locale).

import { buildIndex, combine, conceptLabel, type SimilarityIndex, type SimilarityWeights, DEFAULT_WEIGHTS } from './similarity';
import { areRelatedTopics, isGenericConcept, isOffTopic } from './concept-map';
import { moveOrDropSplitNotes, mergeSameTopic, topicOf } from './topics';

export interface SuggestNote {
  id: string;
  text: string;
  tableId?: string;
}

export interface ExistingCluster {
  clusterId: string;
  noteIds: string[];
}

export interface SuggestOptions {
  /** Minimum average similarity for notes to be grouped (default 0.18). */
  threshold?: number;
  /** Every pair in a group at or above this makes it a 'duplicate' group (default 0.7). */
  duplicateThreshold?: number;
  /** Clusters already made in the harvest; their notes are not proposed for new groups. */
  existing?: ExistingCluster[];
  /** Keys of suggestions the facilitator dismissed; not proposed again. */
  dismissed?: string[];
  /** Score weights (see similarity.ts). */
  weights?: SimilarityWeights;
  /** UI language of the labels (BCP 47, e.g. "th"); concept labels fall back to English. */
  locale?: string;
}

export interface Suggestion {
  /** Stable id: a hash of the sorted note ids (and the target cluster, if any). */
  key: string;
  /** Notes to group (or, with targetClusterId, to add to that cluster), sorted. */
  noteIds: string[];
  /** Short name for the group: a concept label in the UI language, or the central note's top words. */
  label: string;
  /** Average pairwise similarity inside the group (with the target cluster's notes). */
  score: number;
  kind: 'duplicate' | 'related';
  /** The notes (with the target cluster's) come from more than one table. */
  crossTable: boolean;
  /** Set when the suggestion is to add noteIds to an existing cluster. */
  targetClusterId?: string;
  /**
   * Keys of other suggestions about a close but distinct topic (one-stop centres and digital
   * government; women in leadership and leadership): offered apart, shown as "related to".
   */
  related?: string[];
}

export const DEFAULT_THRESHOLD = 0.18;
export const DEFAULT_DUPLICATE_THRESHOLD = 0.7;
/**
 * Pairs scoring below threshold × EDGE_FLOOR are dropped from the graph (count as 0 in the
 * averages): keeps the graph sparse at the cost of slightly underestimating group averages.
 */
const EDGE_FLOOR = 0.5;
/**
 * A note left alone joins a group of one of its topics when its average similarity to the
 * group reaches threshold × JOIN_FACTOR (see topics.ts).
 */
const JOIN_FACTOR = 0.5;
/**
 * A note naming two topics whose group is not the closest of its topics' groups moves to the
 * other only when it is at least SPLIT_MARGIN times as close to it; in between it goes to
 * neither (see moveOrDropSplitNotes). Second fresh set: 0.956 / 0.850 when every such note is
 * dropped, 0.957 / 0.882 at 2, 0.957 / 0.889 at 1.5 (and precision 0.988 instead of 1.000 on the
 * independent held-out part), 0.957 / 0.908 at 1 (0.977 there).
 */
const SPLIT_MARGIN = 2;
/** A new group without a topic is proposed only when its score reaches threshold × NO_TOPIC_FACTOR. */
const NO_TOPIC_FACTOR = 2.5;

// ---------------------------------------------------------------------------------------------
// Stable key

/** cyrb53: a 53-bit string hash (Math.imul only, so identical in every JS engine). */
function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Key of a suggestion: depends only on the set of note ids (and the target cluster). */
export function suggestionKey(noteIds: readonly string[], targetClusterId?: string): string {
  const ids = [...new Set(noteIds)].sort();
  // JSON keeps ids with separators in them unambiguous.
  const payload = JSON.stringify(targetClusterId === undefined ? ids : [targetClusterId, ids]);
  return 'sg-' + hash53(payload).toString(36).padStart(11, '0');
}

// ---------------------------------------------------------------------------------------------
// Pairwise edges via inverted indexes

/** Sparse symmetric similarity graph: for each note, neighbour → score (score ≥ floor). */
type Graph = Array<Map<number, number>>;

interface Postings {
  /** For term v: docs[offset[v] .. offset[v+1]) in increasing order, with weights. */
  offset: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
}

function postings(lists: Array<{ ids: ArrayLike<number>; w?: ArrayLike<number> }>, vocab: number): Postings {
  const offset = new Int32Array(vocab + 1);
  for (const l of lists) for (let k = 0; k < l.ids.length; k++) offset[(l.ids[k] as number) + 1]!++;
  for (let v = 0; v < vocab; v++) offset[v + 1]! += offset[v] as number;
  const fill = offset.slice(0, vocab);
  const docs = new Int32Array(offset[vocab] as number);
  const weights = new Float64Array(offset[vocab] as number);
  lists.forEach((l, i) => {
    for (let k = 0; k < l.ids.length; k++) {
      const v = l.ids[k] as number;
      const at = fill[v]!++;
      docs[at] = i;
      weights[at] = l.w ? (l.w[k] as number) : 1;
    }
  });
  return { offset, docs, weights };
}

/** First position in docs[lo, hi) holding a doc > i (docs are sorted). */
function firstAfter(docs: Int32Array, lo: number, hi: number, i: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((docs[mid] as number) <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * All pairs with score ≥ floor, from inverted indexes: for each note i, walk the postings of its
 * tokens, concepts and 3-grams (only the part after i) and accumulate the token dot product,
 * the concept dot product and the number of shared 3-grams per other note j. A pair that shares
 * no token, concept or 3-gram scores 0 and is never touched. This computes exactly the same
 * score as compiledSimilarity, without allocating per pair.
 */
function buildGraph(index: SimilarityIndex, floor: number, w: SimilarityWeights): Graph {
  const notes = index.compiled;
  const n = notes.length;
  const graph: Graph = Array.from({ length: n }, () => new Map<number, number>());
  const tokenPost = postings(
    notes.map((c) => c.tokens),
    index.tokenIds.size,
  );
  const conceptPost = postings(
    notes.map((c) => c.concepts),
    index.conceptIds.size,
  );
  const gramPost = postings(
    notes.map((c) => ({ ids: c.grams })),
    index.gramIds.size,
  );
  const tok = new Float64Array(n);
  const con = new Float64Array(n);
  const gram = new Int32Array(n);
  const seen = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  let nt = 0;
  const walk = (i: number, post: Postings, ids: ArrayLike<number>, ws: ArrayLike<number> | null, acc: Float64Array | Int32Array) => {
    for (let k = 0; k < ids.length; k++) {
      const v = ids[k] as number;
      const hi = post.offset[v + 1] as number;
      const wi = ws ? (ws[k] as number) : 1;
      for (let p = firstAfter(post.docs, post.offset[v] as number, hi, i); p < hi; p++) {
        const j = post.docs[p] as number;
        if (seen[j] !== i) {
          seen[j] = i;
          touched[nt++] = j;
          tok[j] = 0;
          con[j] = 0;
          gram[j] = 0;
        }
        acc[j]! += ws ? wi * (post.weights[p] as number) : 1;
      }
    }
  };
  for (let i = 0; i < n; i++) {
    const a = notes[i]!;
    nt = 0;
    walk(i, tokenPost, a.tokens.ids, a.tokens.w, tok);
    walk(i, conceptPost, a.concepts.ids, a.concepts.w, con);
    walk(i, gramPost, a.grams, null, gram);
    const aHasConcepts = a.concepts.ids.length > 0;
    for (let k = 0; k < nt; k++) {
      const j = touched[k] as number;
      const b = notes[j]!;
      const inter = gram[j] as number;
      const union = a.grams.length + b.grams.length - inter;
      const g = union > 0 ? inter / union : 0;
      const bHasConcepts = b.concepts.ids.length > 0;
      const concepts = aHasConcepts || bHasConcepts ? (con[j] as number) : null;
      const score = combine({ tokens: tok[j] as number, concepts, grams: g }, w);
      if (score >= floor && score > 0) {
        graph[i]!.set(j, score);
        graph[j]!.set(i, score);
      }
    }
  }
  return graph;
}

// ---------------------------------------------------------------------------------------------
// Average-linkage agglomerative clustering over the sparse graph

interface Cluster {
  members: number[];
  /** Min member position: deterministic tie-break. */
  rank: number;
  /** Existing cluster id when locked. */
  locked: string | null;
  alive: boolean;
  /** Neighbour cluster → sum of pair similarities between the two clusters. */
  links: Map<number, number>;
}

interface HeapItem {
  avg: number;
  a: number;
  b: number;
  ra: number;
  rb: number;
  va: number;
  vb: number;
}

/** Max-heap on avg, then lower ranks first (deterministic). */
class Heap {
  private items: HeapItem[] = [];
  get size(): number {
    return this.items.length;
  }
  private before(x: HeapItem, y: HeapItem): boolean {
    if (x.avg !== y.avg) return x.avg > y.avg;
    const xl = Math.min(x.ra, x.rb);
    const yl = Math.min(y.ra, y.rb);
    if (xl !== yl) return xl < yl;
    return Math.max(x.ra, x.rb) < Math.max(y.ra, y.rb);
  }
  push(item: HeapItem): void {
    const h = this.items;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): HeapItem | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

function agglomerate(
  n: number,
  graph: Graph,
  locked: Array<string | null>,
  lockedGroups: Map<string, number[]>,
  threshold: number,
): Cluster[] {
  const clusters: Cluster[] = [];
  const version: number[] = [];
  const clusterOf = new Int32Array(n).fill(-1);
  // initial clusters: one per locked group, one per free note
  for (const [cid, members] of lockedGroups) {
    const c = clusters.length;
    clusters.push({ members: [...members], rank: Math.min(...members), locked: cid, alive: true, links: new Map() });
    version.push(0);
    for (const m of members) clusterOf[m] = c;
  }
  for (let i = 0; i < n; i++) {
    if (locked[i] !== null) continue;
    clusterOf[i] = clusters.length;
    clusters.push({ members: [i], rank: i, locked: null, alive: true, links: new Map() });
    version.push(0);
  }
  for (let i = 0; i < n; i++) {
    const ci = clusterOf[i] as number;
    if (ci < 0) continue;
    const links = clusters[ci]!.links;
    // forEach, not for…of with destructuring: no [key, value] array per entry in these hot loops
    graph[i]!.forEach((s, j) => {
      const cj = clusterOf[j] as number;
      if (cj < 0 || cj === ci) return;
      links.set(cj, (links.get(cj) ?? 0) + s);
    });
  }
  // Each cluster keeps one heap entry: its most similar neighbour. Average linkage is reducible
  // (the similarity of X to A ∪ B is a weighted mean of its similarities to A and to B, so it
  // never exceeds the larger one), so when a merge changes X's neighbour, X's entry can be
  // recomputed lazily when it comes up: the recomputed value is never higher. This keeps the
  // heap at one live entry per cluster instead of one per linked pair.
  const heap = new Heap();
  const offerBest = (a: number) => {
    const A = clusters[a]!;
    // the best neighbour by (avg desc, then the heap's rank order), without allocating per link
    let bestB = -1;
    let bestAvg = 0;
    A.links.forEach((sum, b) => {
      const B = clusters[b]!;
      if (A.locked !== null && B.locked !== null) return;
      const avg = sum / (A.members.length * B.members.length);
      if (avg < threshold) return;
      if (bestB < 0 || avg > bestAvg || (avg === bestAvg && B.rank < clusters[bestB]!.rank)) {
        bestB = b;
        bestAvg = avg;
      }
    });
    if (bestB >= 0) heap.push({ avg: bestAvg, a, b: bestB, ra: A.rank, rb: clusters[bestB]!.rank, va: version[a]!, vb: version[bestB]! });
  };
  clusters.forEach((_, a) => offerBest(a));
  while (heap.size > 0) {
    const top = heap.pop()!;
    if (!clusters[top.a]!.alive || version[top.a] !== top.va) continue; // superseded entry
    if (!clusters[top.b]!.alive || version[top.b] !== top.vb) {
      offerBest(top.a); // its neighbour changed: look again
      continue;
    }
    // Merge the cluster with fewer links into the other (fewer map updates); the survivor
    // takes the lower rank and the lock, so the result does not depend on which one survives.
    const [keep, gone] = clusters[top.a]!.links.size >= clusters[top.b]!.links.size ? [top.a, top.b] : [top.b, top.a];
    const A = clusters[keep]!;
    const B = clusters[gone]!;
    A.members.push(...B.members);
    A.rank = Math.min(A.rank, B.rank);
    A.locked = A.locked ?? B.locked;
    B.alive = false;
    A.links.delete(gone);
    B.links.forEach((s, x) => {
      if (x === keep) return;
      A.links.set(x, (A.links.get(x) ?? 0) + s);
      const X = clusters[x]!;
      X.links.set(keep, (X.links.get(keep) ?? 0) + s);
      X.links.delete(gone);
    });
    B.links.clear();
    version[keep]!++;
    offerBest(keep);
  }
  return clusters.filter((c) => c.alive);
}

// ---------------------------------------------------------------------------------------------
// Notes that are no idea for the plan

/** Fewer distinct content words than this, and no topic concept: a test or a single word. */
const MIN_WORDS_WITHOUT_TOPIC = 3;
/**
 * Laughing faces (😂 🤣 😆 😹) mark a joke in any language ("Leadership = more meetings 😂");
 * the normalised text has no emoji, so they are looked for in the note as written.
 */
const JOKE_MARK = /[\u{1F602}\u{1F923}\u{1F606}\u{1F639}]/u;

/**
 * Room logistics, thanks, greetings and tests (a logistics concept), a joke (a laughing face), or
 * a note too short to say anything that names no topic: whatever language it is in, "tes tes",
 * "ok" or "ทดสอบ" is one or two words and matches no concept of a topic.
 */
function isNoIdea(index: SimilarityIndex, m: number): boolean {
  if (JOKE_MARK.test(index.notes[m]!.text)) return true;
  // Array.from: ids is an Int32Array, whose map would turn the names back into numbers
  const names = Array.from(index.compiled[m]!.concepts.ids, (c) => index.conceptNames[c] ?? '');
  if (names.some(isOffTopic)) return true;
  if (names.some((c) => !isGenericConcept(c))) return false;
  return new Set(index.notes[m]!.tokens).size < MIN_WORDS_WITHOUT_TOPIC;
}

// ---------------------------------------------------------------------------------------------
// Labels

function groupLabel(index: SimilarityIndex, graph: Graph, members: number[], locale: string): string {
  // The group's topic, named by the concept of it that most notes matched.
  const topic = topicOf(index, members);
  const topicLabel = topic && conceptLabel(topic.concept, locale);
  if (topicLabel) return topicLabel;
  // Otherwise a concept (even a generic one) that at least half the notes share, the most
  // specific (highest IDF) first.
  const counts = new Map<number, number>();
  for (const m of members) for (const c of index.compiled[m]!.concepts.ids) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best = -1;
  let bestScore = 0;
  for (const [c, k] of [...counts].sort((x, y) => x[0] - y[0])) {
    if (k * 2 < members.length) continue;
    const score = k * (index.conceptIdf[c] as number);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (best >= 0) {
    const label = conceptLabel(index.conceptNames[best] as string, locale);
    if (label) return label;
  }
  // Otherwise the most central note's top words.
  const central = centralNote(graph, members);
  const f = index.notes[central]!;
  const weights = new Map<string, number>();
  for (const t of f.tokens) {
    const id = index.tokenIds.get(t);
    weights.set(t, id === undefined ? 0 : (index.tokenIdf[id] as number));
  }
  const top = [...weights]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .slice(0, 3)
    .map(([t]) => t);
  const inOrder = [...new Set(f.tokens)].filter((t) => top.includes(t)).map((t) => f.surface.get(t) ?? t);
  return inOrder.length > 0 ? inOrder.join(' ') : f.text.slice(0, 40);
}

function centralNote(graph: Graph, members: number[]): number {
  let best = members[0]!;
  let bestSum = -1;
  for (const m of [...members].sort((a, b) => a - b)) {
    let s = 0;
    for (const o of members) if (o !== m) s += graph[m]!.get(o) ?? 0;
    if (s > bestSum) {
      best = m;
      bestSum = s;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Entry point

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Propose clusters of near-duplicate and related notes. Notes are processed in id order, so
 * the result does not depend on input order. Suggestions come sorted by score (best first),
 * then key.
 */
export function suggestClusters(notes: ReadonlyArray<SuggestNote>, options: SuggestOptions = {}): Suggestion[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const dupThreshold = options.duplicateThreshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const dismissed = new Set(options.dismissed ?? []);
  const locale = options.locale ?? 'en';

  // dedupe by id (first wins), then sort by id
  const byId = new Map<string, SuggestNote>();
  for (const n of notes) if (!byId.has(n.id)) byId.set(n.id, n);
  const sorted = [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
  const n = sorted.length;
  if (n < 2) return [];
  const pos = new Map(sorted.map((x, i) => [x.id, i]));

  // existing clusters: a note belongs to the first cluster (by clusterId) that lists it
  const locked = new Array<string | null>(n).fill(null);
  const lockedGroups = new Map<string, number[]>();
  for (const c of [...(options.existing ?? [])].sort((a, b) => compareIds(a.clusterId, b.clusterId))) {
    if (lockedGroups.has(c.clusterId)) continue;
    const members: number[] = [];
    for (const id of c.noteIds) {
      const p = pos.get(id);
      if (p === undefined || locked[p] !== null) continue;
      locked[p] = c.clusterId;
      members.push(p);
    }
    if (members.length > 0)
      lockedGroups.set(
        c.clusterId,
        members.sort((a, b) => a - b),
      );
  }

  const index = buildIndex(sorted, weights);
  const graph = buildGraph(index, threshold * EDGE_FLOOR, weights);
  // Logistics, thanks and tests ("the training room is on floor 2") are no idea for the plan,
  // nor is a word or two that names no topic ("test", "tes tes", "ok", "asdf"): such a note keeps
  // no edge, so it is never grouped (an existing cluster keeps it).
  const noIdea = new Array<boolean>(n).fill(false);
  for (let m = 0; m < n; m++) {
    if (locked[m] !== null || !isNoIdea(index, m)) continue;
    noIdea[m] = true;
    for (const o of graph[m]!.keys()) graph[o]!.delete(m);
    graph[m]!.clear();
  }
  // ...and it does not join a group by its topic either ("Leadership = more meetings 😂" names
  // leadership, the only topic of the joke, but is no idea about it)
  const merged = mergeSameTopic(
    index,
    graph,
    agglomerate(n, graph, locked, lockedGroups, threshold).map((c) => ({ members: c.members, locked: c.locked })),
    threshold * JOIN_FACTOR,
  );
  const groups = moveOrDropSplitNotes(index, graph, merged, SPLIT_MARGIN).map((g) => ({
    ...g,
    members: g.members.filter((m) => !noIdea[m]),
  }));

  const out: Suggestion[] = [];
  const topicOfSuggestion = new Map<Suggestion, string | null>();
  for (const c of groups) {
    const fresh = c.members.filter((m) => locked[m] === null).sort((a, b) => a - b);
    if (fresh.length === 0) continue;
    if (c.locked === null && fresh.length < 2) continue;
    const all = [...c.members].sort((a, b) => a - b);
    // score: mean similarity of the pairs that involve at least one proposed note
    let sum = 0;
    let pairs = 0;
    let minPair = Infinity;
    for (let x = 0; x < all.length; x++) {
      for (let y = x + 1; y < all.length; y++) {
        const a = all[x]!;
        const b = all[y]!;
        if (locked[a] !== null && locked[b] !== null) continue;
        const s = graph[a]!.get(b) ?? 0;
        sum += s;
        pairs++;
        minPair = Math.min(minPair, s);
      }
    }
    const score = pairs > 0 ? sum / pairs : 0;
    // Without a shared topic only near-copies are worth the room's time: two short notes that
    // share one rare word ("The room is too cold", "Where is the prayer room?") are not a group.
    if (c.locked === null && score < threshold * NO_TOPIC_FACTOR && topicOf(index, all) === null) continue;
    // Nor is a group none of whose pairs is linked: once a note split between two topics has
    // left it (see moveOrDropSplitNotes), the rest may share only the name of a topic, no evidence.
    if (c.locked === null && score === 0) continue;
    const noteIds = fresh.map((m) => sorted[m]!.id);
    const target = c.locked ?? undefined;
    const key = suggestionKey(noteIds, target);
    if (dismissed.has(key)) continue;
    const tables = new Set(all.map((m) => sorted[m]!.tableId).filter((t): t is string => t !== undefined));
    const s: Suggestion = {
      key,
      noteIds,
      label: groupLabel(index, graph, all, locale),
      score,
      kind: pairs > 0 && minPair >= dupThreshold ? 'duplicate' : 'related',
      crossTable: tables.size > 1,
    };
    if (target !== undefined) s.targetClusterId = target;
    out.push(s);
    topicOfSuggestion.set(s, topicOf(index, all)?.id ?? null);
  }
  for (const a of out) {
    const ta = topicOfSuggestion.get(a);
    if (!ta) continue;
    const related = out.filter((b) => b !== a && areRelatedTopics(ta, topicOfSuggestion.get(b) ?? '')).map((b) => b.key);
    if (related.length > 0) a.related = related.sort(compareIds);
  }
  out.sort((a, b) => b.score - a.score || compareIds(a.key, b.key));
  return out;
}
