// Small immutable helpers for the id-keyed records and id lists the state is made of.

/** The record without one key; the same object when the key is absent (so no-ops keep identity). */
export function without<T>(rec: Record<string, T>, id: string): Record<string, T> {
  if (!Object.hasOwn(rec, id)) return rec;
  const { [id]: _gone, ...rest } = rec;
  return rest;
}

/** Ids in first-seen order, each once. */
export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
