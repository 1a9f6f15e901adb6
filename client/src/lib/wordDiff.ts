// A word diff for amendments: the goal's current text against the proposal. Words come from
// Intl.Segmenter where the browser has it (Thai writes words without spaces), else from spaces.

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

export function tokenize(text: string, locale = 'en'): string[] {
  const Seg = (Intl as unknown as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (Seg) {
    try {
      return Array.from(new Seg(locale, { granularity: 'word' }).segment(text), (s) => s.segment);
    } catch {
      /* fall through */
    }
  }
  return text.split(/(\s+)/).filter((s) => s.length > 0);
}

/** Longest common subsequence over words; beyond `limit` tokens a side it falls back to "all replaced". */
export function wordDiff(before: string, after: string, locale = 'en', limit = 1500): DiffPart[] {
  const a = tokenize(before, locale);
  const b = tokenize(after, locale);
  if (a.length > limit || b.length > limit)
    return merge([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..], in one flat array
  const lcs = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[at(i, j)] = a[i] === b[j] ? lcs[at(i + 1, j + 1)]! + 1 : Math.max(lcs[at(i + 1, j)]!, lcs[at(i, j + 1)]!);
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[at(i + 1, j)]! >= lcs[at(i, j + 1)]!) out.push({ kind: 'removed', text: a[i++]! });
    else out.push({ kind: 'added', text: b[j++]! });
  }
  while (i < n) out.push({ kind: 'removed', text: a[i++]! });
  while (j < m) out.push({ kind: 'added', text: b[j++]! });
  return merge(out);
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    if (!p.text) continue;
    const last = out.at(-1);
    if (last && last.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}
