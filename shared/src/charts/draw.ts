// The two drawings every chart is made of: stacked horizontal bars and a labelled grid (heat map
// or matrix). Geometry comes from d3-scale; markup is built here as strings (see svg.ts for why).
import { scaleBand, scaleLinear } from 'd3-scale';
import { max, sum } from 'd3-array';
import { CATEGORICAL, type DrawOptions, type PatternKind, fit, inkOf, pattern, r, rect, svgRoot, text, textWidth } from './svg';

// narrow enough that a phone (about 340 px of content) shrinks the text by less than a third
const WIDTH = 520;
const FS = 13;

/** The page colour between neighbouring marks: white on paper, the theme's background on screen (CSS). */
const gap = (o: DrawOptions): string => (o.mode === 'screen' ? 'class="chart-gap" stroke="#ffffff"' : 'stroke="#ffffff"');

/** A rim of the mark's own colour around a label, so it stays legible over a hatch or dot pattern. */
const halo = (fill: string): string => `stroke="${fill}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;

export interface Drawn {
  svg: string;
  width: number;
  height: number;
}

export interface BarsSpec {
  title: string;
  desc: string;
  axis: string;
  /** Stack series (e.g. delegations); `short` is written inside the segments. */
  series: Array<{ label: string; short: string }>;
  rows: Array<{ label: string; values: number[] }>;
}

/** Colour and, past the palette's length, a pattern: series never differ by colour alone twice. */
function seriesStyle(i: number): { fill: string; ink: string; kind: PatternKind } {
  const c = CATEGORICAL[i % CATEGORICAL.length]!;
  const kinds: PatternKind[] = ['solid', 'hatch', 'dots', 'cross'];
  return { ...c, kind: kinds[Math.floor(i / CATEGORICAL.length) % kinds.length]! };
}

function legend(
  o: DrawOptions,
  items: Array<{ fill: string; label: string }>,
  y0: number,
  width: number,
): { body: string; height: number } {
  const itemW = 156;
  const perRow = Math.max(1, Math.floor((width - 16) / itemW));
  const ink = inkOf(o.mode);
  const body = items
    .map((it, i) => {
      const x = 8 + (i % perRow) * itemW;
      const y = y0 + Math.floor(i / perRow) * 20;
      return (
        rect(x, y, 14, 14, `fill="${it.fill}" stroke="${ink}" stroke-width="0.6"`) +
        text(x + 20, y + 11.5, fit(it.label, 12, itemW - 26), `font-size="12" fill="${ink}"`)
      );
    })
    .join('');
  return { body, height: Math.ceil(items.length / perRow) * 20 };
}

export function drawBars(o: DrawOptions, spec: BarsSpec): Drawn {
  const ink = inkOf(o.mode);
  const rowH = 28;
  const labelW = Math.min(220, Math.max(60, ...spec.rows.map((row) => textWidth(row.label, FS) + 8)));
  const x0 = labelW + 12;
  const x1 = WIDTH - 44;
  const top = 8;
  const y = scaleBand<number>()
    .domain(spec.rows.map((_, i) => i))
    .range([top, top + spec.rows.length * rowH])
    .paddingInner(0.28)
    .paddingOuter(0.14);
  const totals = spec.rows.map((row) => sum(row.values));
  const x = scaleLinear()
    .domain([0, Math.max(1, max(totals) ?? 0)])
    .nice()
    .range([x0, x1]);
  const ticks = x.ticks(Math.min(6, x.domain()[1]!)).filter(Number.isInteger);
  const plotBottom = top + spec.rows.length * rowH;
  const defs: string[] = [];
  const fills = spec.series.map((_, i) => {
    const s = seriesStyle(i);
    if (s.kind === 'solid') return s.fill;
    const id = `${o.id}-s${i}`;
    defs.push(pattern(id, s.kind, s.fill, s.ink));
    return `url(#${id})`;
  });
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${r(x(t))}" x2="${r(x(t))}" y1="${top}" y2="${plotBottom}" stroke="${ink}" stroke-opacity="0.18"/>` +
        text(x(t), plotBottom + 14, String(t), `text-anchor="middle" font-size="11" fill="${ink}"`),
    )
    .join('');
  const bars = spec.rows
    .map((row, i) => {
      const by = y(i)!;
      const bh = y.bandwidth();
      let acc = 0;
      const segs = row.values
        .map((v, s) => {
          if (v <= 0) return '';
          const sx = x(acc);
          acc += v;
          const w = x(acc) - sx;
          const st = seriesStyle(s);
          // one series needs no name inside (the total follows the bar); several are named directly
          const full = `${spec.series[s]!.short} ${v}`;
          const inside =
            spec.series.length === 1 ? '' : textWidth(full, 11) + 6 <= w ? full : textWidth(String(v), 11) + 6 <= w ? String(v) : '';
          // a thin gap in the page colour separates neighbours even where their colours merge in greyscale
          return (
            rect(sx, by, w, bh, `fill="${fills[s]}" ${gap(o)} stroke-width="1"`) +
            (inside
              ? text(sx + w / 2, by + bh / 2 + 4, inside, `text-anchor="middle" font-size="11" fill="${st.ink}" ${halo(st.fill)}`)
              : '')
          );
        })
        .join('');
      return (
        text(labelW, by + bh / 2 + 4.5, fit(row.label, FS, labelW - 4), `text-anchor="end" fill="${ink}"`) +
        segs +
        text(x(acc) + 5, by + bh / 2 + 4.5, String(totals[i]), `font-weight="bold" fill="${ink}"`)
      );
    })
    .join('');
  const axis =
    `<line x1="${x0}" x2="${x0}" y1="${top}" y2="${plotBottom}" stroke="${ink}"/>` +
    text((x0 + x1) / 2, plotBottom + 30, spec.axis, `text-anchor="middle" font-size="12" fill="${ink}"`);
  const showLegend = spec.series.length > 1;
  const lg = showLegend
    ? legend(
        o,
        spec.series.map((s, i) => ({ fill: fills[i]!, label: s.short === s.label ? s.label : `${s.short} · ${s.label}` })),
        plotBottom + 42,
        WIDTH,
      )
    : { body: '', height: 0 };
  const height = Math.ceil(plotBottom + 38 + (showLegend ? lg.height + 8 : 0));
  return {
    svg: svgRoot(o, { width: WIDTH, height, title: spec.title, desc: spec.desc, defs: defs.join(''), body: grid + bars + axis + lg.body }),
    width: WIDTH,
    height,
  };
}

export interface GridCell {
  fill: string;
  ink: string;
  pattern: PatternKind;
  label: string;
  /** Tooltip (and what a pointer user hovers for); the data table carries the same. */
  tip: string;
}

export interface GridSpec {
  title: string;
  desc: string;
  cols: string[];
  rows: string[];
  cells: GridCell[][];
  footer?: { label: string; values: string[] };
  legend?: Array<{ fill: string; ink: string; pattern: PatternKind; label: string }>;
}

export function drawGrid(o: DrawOptions, spec: GridSpec): Drawn {
  const ink = inkOf(o.mode);
  const labelW = Math.min(
    220,
    Math.max(60, ...spec.rows.map((l) => textWidth(l, FS) + 8), spec.footer ? textWidth(spec.footer.label, FS) + 8 : 0),
  );
  const widest = Math.max(0, ...spec.cols.map((c) => textWidth(c, 12) + 10));
  const cellW = Math.max(40, Math.min(104, widest, (WIDTH - labelW - 16) / Math.max(1, spec.cols.length)));
  const cellH = 28;
  const x0 = labelW + 8;
  const top = 26;
  // as wide as its columns (a three-round heat map stays small); the legend may need more
  const width = Math.max(spec.legend?.length ? WIDTH : 240, Math.ceil(x0 + cellW * spec.cols.length + 8));
  const defs = new Map<string, string>();
  const fillOf = (c: { fill: string; ink: string; pattern: PatternKind }): string => {
    if (c.pattern === 'solid' || c.pattern === 'none') return c.pattern === 'none' ? 'none' : c.fill;
    const id = `${o.id}-p${c.pattern}-${c.fill.replace(/[^a-zA-Z0-9]/g, '')}`;
    if (!defs.has(id)) defs.set(id, pattern(id, c.pattern, c.fill, c.ink));
    return `url(#${id})`;
  };
  const head = spec.cols
    .map((c, j) =>
      text(
        x0 + j * cellW + cellW / 2,
        top - 8,
        fit(c, 12, cellW - 4),
        `text-anchor="middle" font-size="12" font-weight="bold" fill="${ink}"`,
      ),
    )
    .join('');
  const body = spec.rows
    .map((row, i) => {
      const cy = top + i * cellH;
      const cells = (spec.cells[i] ?? [])
        .map((c, j) => {
          const cx = x0 + j * cellW;
          const cellInk = c.pattern === 'none' ? ink : c.ink;
          const outline =
            c.pattern === 'none' ? `stroke="${ink}" stroke-dasharray="3 2" stroke-opacity="0.7"` : `${gap(o)} stroke-width="2"`;
          return (
            `<g><title>${c.tip.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)}</title>` +
            rect(cx + 1, cy + 1, cellW - 2, cellH - 2, `fill="${fillOf(c)}" ${outline}`) +
            (c.label
              ? text(
                  cx + cellW / 2,
                  cy + cellH / 2 + 4.5,
                  fit(c.label, 12, cellW - 8),
                  `text-anchor="middle" font-size="12" font-weight="bold" fill="${cellInk}" ${c.pattern === 'none' ? '' : halo(c.fill)}`,
                )
              : '') +
            `</g>`
          );
        })
        .join('');
      return text(labelW, cy + cellH / 2 + 4.5, fit(row, FS, labelW - 4), `text-anchor="end" fill="${ink}"`) + cells;
    })
    .join('');
  let y = top + spec.rows.length * cellH;
  let footer = '';
  if (spec.footer) {
    y += 4;
    footer =
      `<line x1="${x0}" x2="${r(x0 + cellW * spec.cols.length)}" y1="${y}" y2="${y}" stroke="${ink}" stroke-opacity="0.5"/>` +
      text(labelW, y + 18, fit(spec.footer.label, FS, labelW - 4), `text-anchor="end" font-weight="bold" fill="${ink}"`) +
      spec.footer.values
        .map((v, j) => text(x0 + j * cellW + cellW / 2, y + 18, v, `text-anchor="middle" font-weight="bold" fill="${ink}"`))
        .join('');
    y += 26;
  }
  let lg = { body: '', height: 0 };
  if (spec.legend?.length) {
    lg = legend(
      o,
      spec.legend.map((l) => ({ fill: fillOf(l), label: l.label })),
      y + 10,
      width,
    );
    y += 10 + lg.height;
  }
  const height = Math.ceil(y + 8);
  return {
    svg: svgRoot(o, {
      width,
      height,
      title: spec.title,
      desc: spec.desc,
      defs: [...defs.values()].join(''),
      body: head + body + footer + lg.body,
    }),
    width,
    height,
  };
}
