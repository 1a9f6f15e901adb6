// What a note is about, from the shared multilingual concept map: concept ids, the same for a
// note in any of the nine languages. Matching a note takes a fraction of a millisecond, but the
// board asks for every note on every render, so results are kept by text (bounded).
import { topicConceptsOf } from '@world-cafe/shared';

const MAX_CACHED = 5000;
const cache = new Map<string, readonly string[]>();

export function noteConcepts(text: string): readonly string[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const ids = topicConceptsOf(text);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(text, ids);
  return ids;
}
