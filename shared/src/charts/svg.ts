// SVG as strings: no DOM, so the same function draws in the browser, on the server (PDF) and for
// resvg (Word). Every text comes through esc(); nothing from the workshop reaches markup unescaped.

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * 'screen' draws text and rules in currentColor, so the page's light or dark theme colours them;
 * 'print' uses fixed ink, because resvg and paper have no theme.
 */
export type ChartMode = 'screen' | 'print';

export interface DrawOptions {
  mode: ChartMode;
  /** Unique within the page: prefixes element ids (title, desc, patterns). */
  id: string;
}

export const inkOf = (mode: ChartMode): string => (mode === 'screen' ? 'currentColor' : '#1a1a1a');

/** Okabe–Ito: told apart with the common colour-blindnesses; each with the ink readable on it. */
export const CATEGORICAL: ReadonlyArray<{ fill: string; ink: string }> = [
  { fill: '#0072B2', ink: '#ffffff' },
  { fill: '#E69F00', ink: '#000000' },
  { fill: '#009E73', ink: '#ffffff' },
  { fill: '#CC79A7', ink: '#000000' },
  { fill: '#56B4E9', ink: '#000000' },
  { fill: '#D55E00', ink: '#ffffff' },
  { fill: '#F0E442', ink: '#000000' },
  { fill: '#555555', ink: '#ffffff' },
];

/** Sequential blues, light to dark, so darker means more in colour and in greyscale alike. */
export const SEQUENTIAL: readonly [string, string] = ['#eef3fa', '#08306b'];

export const FONT = "'Noto Sans Thai', 'Noto Sans', 'Segoe UI', system-ui, sans-serif";

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const THAI_MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

/** Approximate width of a text at a font size (no DOM to measure): Thai marks take no width. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const { segment } of segmenter.segment(text)) {
    const base = [...segment].filter((c) => !THAI_MARK.test(c)).join('') || segment;
    w += /[A-Z@%MW]/.test(base) ? 0.68 : /[iljt.,:;'|!]/.test(base) ? 0.3 : 0.56;
  }
  return w * size;
}

/** The text cut at a grapheme boundary (never between a Thai consonant and its marks) to fit. */
export function fit(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (textWidth(out + segment + '…', size) > width) break;
    out += segment;
  }
  return out + '…';
}

export interface SvgRoot {
  width: number;
  height: number;
  title: string;
  desc: string;
  defs?: string;
  body: string;
}

export function svgRoot(o: DrawOptions, root: SvgRoot): string {
  const t = `${o.id}-title`;
  const d = `${o.id}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" role="img" aria-labelledby="${t} ${d}"` +
    ` width="${root.width}" height="${root.height}" viewBox="0 0 ${root.width} ${root.height}"` +
    ` font-family="${esc(FONT)}" font-size="13" color="${o.mode === 'print' ? '#1a1a1a' : 'currentColor'}">` +
    `<title id="${t}">${esc(root.title)}</title><desc id="${d}">${esc(root.desc)}</desc>` +
    (root.defs ? `<defs>${root.defs}</defs>` : '') +
    root.body +
    `</svg>`
  );
}

export function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${r(x)}" y="${r(y)}"${attrs ? ' ' + attrs : ''}>${esc(s)}</text>`;
}

export function rect(x: number, y: number, w: number, h: number, attrs: string): string {
  return `<rect x="${r(x)}" y="${r(y)}" width="${r(Math.max(0, w))}" height="${r(Math.max(0, h))}" ${attrs}/>`;
}

export const r = (n: number): number => Math.round(n * 10) / 10;

export type PatternKind = 'solid' | 'hatch' | 'cross' | 'dots' | 'none';

/** A fill pattern over a colour: the second channel (besides colour) that survives greyscale print. */
export function pattern(id: string, kind: PatternKind, fill: string, ink: string): string {
  const bg = `<rect width="8" height="8" fill="${fill}"/>`;
  const lines: Record<PatternKind, string> = {
    solid: '',
    none: '',
    hatch: `<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="${ink}" stroke-width="1.4" stroke-opacity="0.55"/>`,
    cross: `<path d="M0,0 l8,8 M8,0 l-8,8" stroke="${ink}" stroke-width="1.2" stroke-opacity="0.55"/>`,
    dots: `<circle cx="4" cy="4" r="1.4" fill="${ink}" fill-opacity="0.6"/>`,
  };
  return `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse">${bg}${lines[kind]}</pattern>`;
}
