// Text limits are counted in user-perceived characters (grapheme clusters), so a Thai note
// with tone marks or an emoji note gets the same 500 "characters" a Latin note does.

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function charCount(text: string): number {
  if (text.length <= 1) return text.length;
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

/** Unicode NFC and no C0 controls except tab and newline: what we store and show. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  // strip first: a control between a letter and its mark would otherwise block composition
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '').normalize('NFC');
}
