// Topics of suggested groups, and the merging of groups that are about the same topic.
//
// Average linkage keeps groups tight, so one topic written in several languages and with several
// words (training, capacity building, "đào tạo", "ពង្រឹងសមត្ថភាព") often comes out as two or three
// groups. A group's topic is the concept topic (see ConceptInfo.topic) that at least half of its
// notes share; groups with the same topic are merged, a group whose topic is an existing
// cluster's goes to that cluster, and a note left alone joins the group of its topic that it is
// most similar to.
import { conceptTopic, isCrossCutting, isGenericConcept, isRefinement } from './concept-map';
import type { SimilarityIndex } from './similarity';

/** Sparse symmetric similarity graph: for each note, neighbour → score. */
export type Graph = ReadonlyArray<ReadonlyMap<number, number>>;

export interface Group {
  /** Note positions. */
  members: number[];
  /** Existing cluster id, or null for a new group. */
  locked: string | null;
}

/** Topics of one note: the topics of its specific (non-generic) concepts, with the concepts. */
function noteTopics(index: SimilarityIndex, note: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const c of index.compiled[note]!.concepts.ids) {
    if (c < 0) continue;
    const name = index.conceptNames[c]!;
    if (isGenericConcept(name)) continue;
    const t = conceptTopic(name);
    out.set(t, [...(out.get(t) ?? []), c]);
  }
  return out;
}

export interface Topic {
  /** Topic id (a concept id). */
  id: string;
  /** The concept of the topic most notes of the group matched (names the group). */
  concept: string;
}

/**
 * The topics at least half of the notes share, best first: a topic that is not cross-cutting
 * (see ConceptInfo.crossCutting: "online" is how, not what), then a topic led by a refining
 * concept (see ConceptInfo.refines: digital skills before training), then most notes, then the topic more common in the whole harvest
 * (lowest IDF of its leading concept: when a few notes are about disasters *and* local
 * government, the room's bigger theme is the better guess), then the id. Each comes with the
 * concept of it that most notes matched (on a tie, the rarer one), which names the group.
 */
export function topicsOf(index: SimilarityIndex, members: readonly number[]): Topic[] {
  const notes = new Map<string, number>();
  const concepts = new Map<number, number>();
  for (const m of members) {
    for (const [t, cs] of noteTopics(index, m)) {
      notes.set(t, (notes.get(t) ?? 0) + 1);
      for (const c of cs) concepts.set(c, (concepts.get(c) ?? 0) + 1);
    }
  }
  const ranked = [...concepts].sort((a, b) => b[1] - a[1] || index.conceptIdf[b[0]]! - index.conceptIdf[a[0]]! || a[0] - b[0]);
  const lead = (t: string) => ranked.find(([c]) => conceptTopic(index.conceptNames[c]!) === t)![0];
  return [...notes]
    .filter(([, k]) => k * 2 >= members.length)
    .map(([t, k]) => ({ t, k, c: lead(t) }))
    .sort(
      (a, b) =>
        Number(isCrossCutting(a.t)) - Number(isCrossCutting(b.t)) ||
        Number(isRefinement(index.conceptNames[b.c]!)) - Number(isRefinement(index.conceptNames[a.c]!)) ||
        b.k - a.k ||
        index.conceptIdf[a.c]! - index.conceptIdf[b.c]! ||
        (a.t < b.t ? -1 : a.t > b.t ? 1 : 0),
    )
    .map(({ t, c }) => ({ id: t, concept: index.conceptNames[c]! }));
}

/** The best topic of a group (see topicsOf), or null. */
export function topicOf(index: SimilarityIndex, members: readonly number[]): Topic | null {
  return topicsOf(index, members)[0] ?? null;
}

/** Mean similarity between the notes of two sets (a missing edge counts as 0). */
function averageLink(graph: Graph, a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (const x of a) for (const y of b) sum += graph[x]!.get(y) ?? 0;
  return sum / (a.length * b.length);
}

/**
 * Merge groups about the same topic, in three steps, each deterministic (groups are visited
 * by their lowest note position). A group's topics are those at least half of its notes share
 * (see topicsOf); two groups are about the same topic when their best topics are the same.
 *   1. a new group about the topic of an existing cluster joins that cluster (the most similar
 *      one when several clusters qualify; existing clusters never merge);
 *   2. otherwise it joins the first new group it shares a topic with;
 *   3. a note left alone joins the group, sharing one of its own topics, that it is most
 *      similar to, if that average similarity reaches minJoin, or if the group's topic is the
 *      note's only topic (its words may meet none of the group's: "code of ethics" beside
 *      anti-corruption notes; the topic is the evidence). Before step 1, a new group's
 *      notes whose topics do not include the group's are taken out and left alone.
 */
export function mergeSameTopic(index: SimilarityIndex, graph: Graph, groups: readonly Group[], minJoin: number): Group[] {
  const sorted = [...groups]
    .map((g) => ({ members: [...g.members], locked: g.locked }))
    .sort((a, b) => Math.min(...a.members) - Math.min(...b.members));
  const alone = sorted.filter((g) => g.locked === null && g.members.length === 1);
  const kept = sorted.filter((g) => !(g.locked === null && g.members.length === 1));
  // Each group's topics, best first (notes left alone in step 3 have none: nothing joins them).
  const topics = new Map<Group, string[]>(kept.map((g) => [g, topicsOf(index, g.members).map((t) => t.id)]));
  const bestOf = (g: Group) => topics.get(g)?.[0];
  // Same topic: the same best topic. (Any topic in common would chain groups together through
  // notes that mention two topics: online training joins training to digital services.)
  const sameTopic = (a: Group, b: Group) => bestOf(a) !== undefined && bestOf(a) === bestOf(b);
  // A note about another topic only is not kept in a group it reached through shared words
  // (a leadership course beside women in leadership): it is taken out and treated as left alone.
  const ejected: Group[] = [];
  for (const g of kept) {
    const t = bestOf(g);
    if (g.locked !== null || t === undefined) continue;
    const off = g.members.filter((m) => {
      // cross-cutting topics ("online") say how, not what: they fit any group
      const own = [...noteTopics(index, m).keys()].filter((x) => !isCrossCutting(x));
      return own.length > 0 && !own.includes(t);
    });
    if (off.length === 0) continue;
    // the notes taken out together stay together when they share their topics (digital-skills
    // courses taken out of a training group), otherwise each is left alone
    const byTopics = new Map<string, number[]>();
    for (const m of off) {
      const key = [...noteTopics(index, m).keys()].sort().join(' ');
      byTopics.set(key, [...(byTopics.get(key) ?? []), m]);
    }
    const rest = g.members.filter((m) => !off.includes(m));
    g.members = rest.length >= 2 ? rest : [];
    for (const m of rest.length >= 2 ? [] : rest) alone.push({ members: [m], locked: null });
    for (const ms of byTopics.values()) {
      if (ms.length >= 2) ejected.push({ members: ms, locked: null });
      else alone.push({ members: ms, locked: null });
    }
  }
  for (const g of ejected)
    topics.set(
      g,
      topicsOf(index, g.members).map((t) => t.id),
    );
  const out: Group[] = kept.filter((g) => g.locked !== null);
  for (const g of [...kept.filter((k) => k.members.length > 0), ...ejected]) {
    if (g.locked !== null) continue;
    const clusters = out.filter((c) => c.locked !== null && sameTopic(c, g));
    const target = best(clusters, (c) => averageLink(graph, g.members, c.members)) ?? out.find((c) => c.locked === null && sameTopic(c, g));
    if (target) target.members.push(...g.members);
    else out.push(g);
  }
  for (const g of alone) {
    const note = g.members[0]!;
    const own = noteTopics(index, note);
    // cross-cutting topics say how or where ("online", "in the provinces"), not what
    const what = [...own.keys()].filter((t) => !isCrossCutting(t));
    const single = what.length === 1;
    const scored = out
      .filter((c) => {
        const t = bestOf(c);
        return t !== undefined && own.has(t);
      })
      .map((c) => ({ c, s: averageLink(graph, [note], c.members) }))
      // A note about one topic only, the group's, joins it even when its words meet none of the
      // group's (a code of ethics beside anti-corruption notes): its topic is the evidence.
      .filter((x) => x.s >= minJoin || (single && bestOf(x.c) === what[0]));
    const target = best(scored, (x) => x.s)?.c;
    if (target) target.members.push(note);
    else out.push(g);
  }
  for (const g of out) g.members.sort((a, b) => a - b);
  return out;
}

/** The item with the highest score (the first on ties), or undefined. */
function best<T>(items: readonly T[], score: (x: T) => number): T | undefined {
  let top: T | undefined;
  let topScore = -Infinity;
  for (const x of items) {
    const s = score(x);
    if (s > topScore) {
      top = x;
      topScore = s;
    }
  }
  return top;
}

/**
 * Precision first for notes whose evidence is split. A note of a new group that names two or
 * more topics (not counting cross-cutting ones) stays when it is at least as close to the rest
 * of its group (average similarity) as to every group about one of its other topics. Otherwise
 * it moves to the closest such group when it is at least `margin` times as close to it as to its
 * own, and goes to neither when the evidence is split in between (it stays on the board
 * unsuggested): "promotion by the appraisal rating" between merit and performance, a count of
 * women staff between HR data and women in leadership. A note whose other topics have no group
 * stays where it is. Moves are decided on the groups as they came in, so the order of the groups
 * does not matter.
 */
export function moveOrDropSplitNotes(index: SimilarityIndex, graph: Graph, groups: readonly Group[], margin: number): Group[] {
  const best = new Map<Group, string | undefined>(groups.map((g) => [g, topicOf(index, g.members)?.id]));
  const moves: Array<[number, number]> = [];
  const out = groups.map((g) => {
    const t = best.get(g);
    if (g.locked !== null || t === undefined) return { members: [...g.members], locked: g.locked };
    const keep = g.members.filter((m) => {
      const own = [...noteTopics(index, m).keys()].filter((x) => !isCrossCutting(x));
      const rest = g.members.filter((o) => o !== m);
      if (own.length < 2 || rest.length === 0) return true;
      const here = averageLink(graph, [m], rest);
      let to = -1;
      let toScore = here;
      groups.forEach((o, k) => {
        const ot = best.get(o);
        if (o === g || ot === undefined || ot === t || !own.includes(ot)) return;
        const s = averageLink(graph, [m], o.members);
        if (s > toScore) {
          to = k;
          toScore = s;
        }
      });
      if (to >= 0 && toScore >= margin * here) moves.push([m, to]);
      return to < 0;
    });
    return { members: keep, locked: g.locked };
  });
  for (const [m, k] of moves) out[k]!.members.push(m);
  for (const g of out) g.members.sort((a, b) => a - b);
  return out;
}
