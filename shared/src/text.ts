// Text limits are counted in user-perceived characters (grapheme clusters), so a Thai note
// with tone marks or an emoji note gets the same 500 "characters" a Latin note does.
// Text hygiene lives here too: what counts as blank, how many combining marks one character may
// stack, and which invisible direction controls may reach other people's screens.

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function charCount(text: string): number {
  if (text.length <= 1) return text.length;
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

/**
 * Combining marks kept on one base character. Real scripts stack few (Thai at most 3, Vietnamese
 * 2, Tibetan stacks up to about 8); "Zalgo" text stacks thousands, which would count as one
 * character yet draw over the lines around it. Marks beyond this many in a row are dropped.
 */
export const MAX_MARKS_PER_GRAPHEME = 10;
const MARK_RUN = new RegExp(`(\\p{M}{${MAX_MARKS_PER_GRAPHEME}})\\p{M}+`, 'gu');

/** Printable ASCII, tabs and newlines only: no control to strip, nothing to compose, no mark, no bidi. */
const PLAIN = /^[\t\n\x20-\x7E]*$/;

/**
 * Unicode NFC, no C0 controls except tab and newline, at most MAX_MARKS_PER_GRAPHEME combining
 * marks in a row, and every bidi embedding, override or isolate closed at the end of its line
 * (see balanceBidi): what we store and show.
 */
export function cleanText(text: string): string {
  // most notes are plain printable ASCII, which every rule below leaves as it is (a note's
  // validation spent more time here than in the rest of its schema)
  if (PLAIN.test(text)) return text;
  // strip first: a control between a letter and its mark would otherwise block composition
  // eslint-disable-next-line no-control-regex
  const stripped = text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '').normalize('NFC');
  return balanceBidi(stripped.replace(MARK_RUN, '$1'));
}

/**
 * Blank = nothing visible: only whitespace and default-ignorable code points (zero-width space,
 * joiners, word joiner, BOM, soft hyphen, direction marks, variation selectors, ...).
 */
export function isBlank(text: string): boolean {
  return /^[\s\p{Default_Ignorable_Code_Point}]*$/u.test(text);
}

/** LRE RLE PDF LRO RLO (embeddings, overrides) and LRI RLI FSI PDI (isolates). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Names (of people, delegations, tables, themes, clusters) are shown inline inside other
 * sentences and lists, where an override could reverse what follows ("RLO" + "gnp.exe"), so every
 * bidi embedding, override and isolate is removed. Direction marks (LRM, RLM, ALM) stay: they
 * affect only neutral characters next to them and right-to-left names may need them.
 */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Free text (notes, goals, comments) may use embeddings and isolates legitimately in mixed
 * English/Arabic/Hebrew writing, so they stay, but each line closes what it opened: a missing
 * PDF/PDI is appended at the end of the line and an unmatched closer is dropped, so nothing
 * leaks into the text shown after it (exports, lists, screens without isolation).
 */
export function balanceBidi(text: string): string {
  if (!/[\u202A-\u202E\u2066-\u2069]/.test(text)) return text;
  return text.split('\n').map(balanceLine).join('\n');
}

function balanceLine(line: string): string {
  // a stack of what is open: 'e' = embedding/override (closed by PDF), 'i' = isolate (closed by PDI)
  const open: Array<'e' | 'i'> = [];
  let out = '';
  for (const ch of line) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x202a && c <= 0x202e && c !== 0x202c) open.push('e');
    else if (c >= 0x2066 && c <= 0x2068) open.push('i');
    else if (c === 0x202c) {
      // PDF closes the innermost embedding only if no isolate is open inside it
      if (open[open.length - 1] !== 'e') continue;
      open.pop();
    } else if (c === 0x2069) {
      // PDI closes the innermost isolate and every embedding opened inside it (made explicit)
      const at = open.lastIndexOf('i');
      if (at < 0) continue;
      out += '\u202C'.repeat(open.length - at - 1);
      open.length = at;
    }
    out += ch;
  }
  for (let i = open.length - 1; i >= 0; i--) out += open[i] === 'e' ? '\u202C' : '\u2069';
  return out;
}
