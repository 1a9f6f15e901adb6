// Each chart as a figure: the SVG, a caption that states the main finding, and the same data as a
// table (for screen readers, Markdown and anyone who prefers figures). One builder per chart; the
// board, console, projector, PDF and Word all call these.
import { scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import type { Stance, WorkshopState } from '../cafe/model';
import { STANCES } from '../cafe/model';
import { type ChartLabels, fill } from './labels';
import { type DelegationRef, NO_DELEGATION, participation, reviewStances, seatingMix, voteBars } from './data';
import { type GridCell, drawBars, drawGrid } from './draw';
import { type ChartMode, type DrawOptions, type PatternKind, SEQUENTIAL } from './svg';

export interface ChartTable {
  head: string[];
  rows: Array<Array<string | number>>;
}

export interface ChartFigure {
  /** Unique within a page (used for element ids and anchors). */
  id: string;
  title: string;
  /** The main finding in one sentence: the caption. */
  finding: string;
  svg: string;
  width: number;
  height: number;
  table: ChartTable;
}

export interface FigureOptions {
  mode: ChartMode;
  labels: ChartLabels;
  /** Prefix for element ids when several figures share a page. */
  idPrefix?: string;
}

const name = (d: DelegationRef, L: ChartLabels) => (d.id === NO_DELEGATION ? L.noDelegation : d.name);
const code = (d: DelegationRef, L: ChartLabels) => (d.id === NO_DELEGATION ? L.noDelegation : d.code);

/** The dot-vote results, stacked by delegation; null until revealed. */
export function voteFigure(state: WorkshopState, voteId: string, voteTitle: string, o: FigureOptions): ChartFigure | null {
  const data = voteBars(state, voteId);
  if (!data) return null;
  const L = o.labels;
  const id = `${o.idPrefix ?? 'chart'}-vote-${voteId}`;
  const title = fill(L.votes.title, { vote: voteTitle });
  const top = data.bars[0];
  const leaders = data.bars.filter((b) => b.dots === top?.dots);
  const finding =
    !top || data.total === 0
      ? L.votes.empty
      : leaders.length > 1
        ? fill(L.votes.tie, { count: leaders.length, dots: top.dots, total: data.total })
        : fill(L.votes.finding, { item: top.label, dots: top.dots, total: data.total });
  const drawn = drawBars(
    { mode: o.mode, id },
    {
      title,
      desc: `${L.votes.desc} ${finding}`,
      axis: L.votes.axis,
      series: data.delegations.map((d) => ({ label: name(d, L), short: code(d, L) })),
      rows: data.bars.map((b) => ({ label: b.label, values: b.byDelegation })),
    },
  );
  const table: ChartTable = {
    head: [L.votes.item, L.votes.dots, L.votes.byDelegation],
    rows: data.bars.map((b) => [
      b.label,
      b.dots,
      data.delegations
        .map((d, i) => ({ d, n: b.byDelegation[i]! }))
        .filter(({ n }) => n > 0)
        .map(({ d, n }) => `${code(d, L)} ${n}`)
        .join(', '),
    ]),
  };
  return { id, title, finding, ...drawn, table };
}

/** Bars of a single series (nothing stacked): each value follows its bar. */
function plainBars(d: DrawOptions, title: string, desc: string, axis: string, rows: Array<[string, number]>) {
  return drawBars(d, {
    title,
    desc,
    axis,
    series: [{ label: axis, short: axis }],
    rows: rows.map(([label, v]) => ({ label, values: [v] })),
  });
}

function heat(maxValue: number): (v: number) => { fill: string; ink: string } {
  const scale = scaleLinear<string>()
    .domain([0, Math.max(1, maxValue)])
    .range([SEQUENTIAL[0], SEQUENTIAL[1]]);
  return (v) => ({ fill: scale(v), ink: v / Math.max(1, maxValue) > 0.5 ? '#ffffff' : '#111111' });
}

/** Notes per table × round; zero cells are outlined, not filled, so a quiet table stands out. */
export function participationFigure(state: WorkshopState, o: FigureOptions): ChartFigure {
  const L = o.labels;
  const data = participation(state);
  const id = `${o.idPrefix ?? 'chart'}-participation`;
  const rounds = Array.from({ length: data.rounds }, (_, i) => fill(L.participation.round, { round: i + 1 }));
  const color = heat(max(data.tables.flatMap((t) => t.counts)) ?? 0);
  // during the café the round in progress matters (a table gone quiet now); afterwards, the whole café
  const live = state.phase === 'cafe' && data.focusRound >= 1;
  let finding = L.participation.empty;
  if (data.tables.length > 0 && data.tables.some((t) => t.counts.some((c) => c > 0))) {
    const at = (t: (typeof data.tables)[number]) => (live ? (t.counts[data.focusRound - 1] ?? 0) : t.counts.reduce((a, b) => a + b, 0));
    const quiet = data.tables.reduce((a, b) => (at(b) < at(a) ? b : a));
    const busy = data.tables.reduce((a, b) => (at(b) > at(a) ? b : a));
    const vars = { round: data.focusRound, table: quiet.name, count: at(quiet), busiest: busy.name, max: at(busy) };
    finding =
      at(quiet) === at(busy) ? fill(L.participation.even, vars) : fill(live ? L.participation.finding : L.participation.findingTotal, vars);
  }
  const cells: GridCell[][] = data.tables.map((t) =>
    t.counts.map((n, r) => ({
      ...color(n),
      pattern: n === 0 ? ('none' as const) : ('solid' as const),
      label: String(n),
      tip: `${t.name}, ${rounds[r]}: ${n}`,
    })),
  );
  const drawn = drawGrid(
    { mode: o.mode, id },
    {
      title: L.participation.title,
      desc: `${L.participation.desc} ${finding}`,
      cols: rounds,
      rows: data.tables.map((t) => t.name),
      cells,
      footer:
        data.rounds > 0
          ? { label: L.total, values: rounds.map((_, r) => String(data.tables.reduce((a, t) => a + (t.counts[r] ?? 0), 0))) }
          : undefined,
    },
  );
  return {
    id,
    title: L.participation.title,
    finding,
    ...drawn,
    table: { head: [L.participation.table, ...rounds], rows: data.tables.map((t) => [t.name, ...t.counts]) },
  };
}

/** Notes per delegation, with the number of its people, so a silent delegation shows as zero. */
export function delegationActivityFigure(state: WorkshopState, o: FigureOptions): ChartFigure {
  const L = o.labels;
  const data = participation(state).delegations;
  const id = `${o.idPrefix ?? 'chart'}-delegations`;
  let finding = L.participation.empty;
  if (data.some((d) => d.notes > 0)) {
    const quiet = data.reduce((a, b) => (b.notes < a.notes ? b : a));
    const busy = data.reduce((a, b) => (b.notes > a.notes ? b : a));
    finding = fill(L.participation.delegationFinding, {
      delegation: name(quiet, L),
      count: quiet.notes,
      busiest: name(busy, L),
      max: busy.notes,
    });
  }
  const drawn = plainBars(
    { mode: o.mode, id },
    L.participation.byDelegationTitle,
    `${L.participation.byDelegationDesc} ${finding}`,
    L.participation.notes,
    data.map((d) => [`${code(d, L)} (${d.people})`, d.notes]),
  );
  return {
    id,
    title: L.participation.byDelegationTitle,
    finding,
    ...drawn,
    table: {
      head: [L.participation.delegation, L.participation.people, L.participation.notes],
      rows: data.map((d) => [name(d, L), d.people, d.notes]),
    },
  };
}

/** One figure per planned round (delegations × tables) and one of new people met; [] without a plan. */
export function seatingMixFigures(state: WorkshopState, o: FigureOptions): ChartFigure[] {
  const L = o.labels;
  const data = seatingMix(state);
  if (!data) return [];
  const prefix = o.idPrefix ?? 'chart';
  const color = heat(max(data.rounds.flatMap((r) => r.counts.flat())) ?? 0);
  const figures: ChartFigure[] = data.rounds.map((round) => {
    const id = `${prefix}-seating-${round.round}`;
    const title = fill(L.seating.title, { round: round.round });
    const used = round.mix.filter((m, t) => m > 0 || round.counts.some((row) => (row[t] ?? 0) > 0));
    const finding = fill(L.seating.finding, {
      round: round.round,
      min: Math.min(...(used.length ? used : [0])),
      max: Math.max(0, ...used),
    });
    const cells: GridCell[][] = data.delegations.map((d, i) =>
      data.tables.map((t, j) => {
        const n = round.counts[i]![j]!;
        return {
          ...color(n),
          pattern: n === 0 ? ('none' as const) : ('solid' as const),
          label: n === 0 ? '' : String(n),
          tip: `${name(d, L)}, ${t.name}: ${n}`,
        };
      }),
    );
    const drawn = drawGrid(
      { mode: o.mode, id },
      {
        title,
        desc: `${L.seating.desc} ${finding}`,
        cols: data.tables.map((t) => t.name),
        rows: data.delegations.map((d) => code(d, L)),
        cells,
        footer: { label: L.seating.delegations, values: round.mix.map(String) },
      },
    );
    return {
      id,
      title,
      finding,
      ...drawn,
      table: {
        head: [L.participation.delegation, ...data.tables.map((t) => t.name)],
        rows: [...data.delegations.map((d, i) => [name(d, L), ...round.counts[i]!]), [L.seating.delegations, ...round.mix]],
      },
    };
  });
  const counts = data.met.map((m) => m.newPeople);
  const lo = Math.min(...(counts.length ? counts : [0]));
  const hi = Math.max(0, ...counts);
  const finding = fill(L.seating.metFinding, { rounds: data.rounds.length, min: lo, max: hi, repeats: data.repeats });
  const buckets = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const id = `${prefix}-met`;
  const drawn = plainBars(
    { mode: o.mode, id },
    L.seating.metTitle,
    `${L.seating.metDesc} ${finding}`,
    L.seating.metAxis,
    buckets.map((b) => [fill(L.seating.metRow, { n: b }), counts.filter((c) => c === b).length]),
  );
  figures.push({
    id,
    title: L.seating.metTitle,
    finding: `${finding} ${L.seating.sameDelegation}: ${data.sameDelegationPairs}.`,
    ...drawn,
    table: {
      head: [L.seating.person, L.participation.delegation, L.seating.met],
      rows: data.met.map((m) => [m.name, m.delegation === NO_DELEGATION ? L.noDelegation : m.delegation, m.newPeople]),
    },
  });
  return figures;
}

/** Stance colours (Okabe–Ito) with a pattern each, plus a letter in the cell: three channels. */
export const STANCE_STYLE: Record<Stance, { fill: string; ink: string; pattern: PatternKind }> = {
  supports: { fill: '#009E73', ink: '#ffffff', pattern: 'solid' },
  amend: { fill: '#56B4E9', ink: '#000000', pattern: 'hatch' },
  reservations: { fill: '#E69F00', ink: '#000000', pattern: 'cross' },
  na: { fill: '#BBBBBB', ink: '#000000', pattern: 'dots' },
};

export function reviewFigure(state: WorkshopState, o: FigureOptions): ChartFigure {
  const L = o.labels;
  const data = reviewStances(state);
  const id = `${o.idPrefix ?? 'chart'}-review`;
  const total = data.delegations.length;
  const complete = data.missing.filter((m) => m === 0).length;
  let finding = L.review.empty;
  if (total > 0 && data.goals.length > 0) {
    const worst = data.missing.reduce((a, m, j) => (m > (data.missing[a] ?? 0) ? j : a), 0);
    finding =
      complete === total
        ? fill(L.review.allDone, { total })
        : fill(L.review.finding, { complete, total, delegation: name(data.delegations[worst]!, L), count: data.missing[worst]! });
  }
  const describe = (c: { stance: Stance | null; missing: unknown[] }) =>
    (c.stance ? L.review.stances[c.stance] : L.review.notReviewed) + (c.stance && c.missing.length > 0 ? ` (${L.review.incomplete})` : '');
  const cells: GridCell[][] = data.goals.map((g) =>
    g.cells.map((c, j) => {
      const d = data.delegations[j]!;
      const tip = `${g.number}. ${g.title} — ${name(d, L)}: ${describe(c)}`;
      if (!c.stance) return { fill: 'none', ink: '#111111', pattern: 'none' as const, label: L.review.short.none, tip };
      const st = STANCE_STYLE[c.stance];
      // the mark sits beside the letter, at the letter's size: a corner glyph was too small to see in print
      return { ...st, label: L.review.short[c.stance] + (c.missing.length > 0 ? L.review.incompleteMark : ''), tip };
    }),
  );
  const drawn = drawGrid(
    { mode: o.mode, id },
    {
      title: L.review.title,
      desc: `${L.review.desc} ${finding}`,
      cols: data.delegations.map((d) => d.code),
      rows: data.goals.map((g) => `${g.number}. ${g.title}`),
      cells,
      footer: { label: L.review.missingRow, values: data.missing.map(String) },
      legend: [
        ...STANCES.map((s) => ({ ...STANCE_STYLE[s], label: `${L.review.short[s]} ${L.review.stances[s]}` })),
        { fill: 'none', ink: '#111111', pattern: 'none' as const, label: `${L.review.short.none} ${L.review.notReviewed}` },
        { fill: '#ffffff', ink: '#111111', pattern: 'solid' as const, label: `${L.review.incompleteMark} ${L.review.incomplete}` },
      ],
    },
  );
  return {
    id,
    title: L.review.title,
    finding,
    ...drawn,
    table: {
      head: [L.review.goal, ...data.delegations.map((d) => d.code)],
      rows: [...data.goals.map((g) => [`${g.number}. ${g.title}`, ...g.cells.map(describe)]), [L.review.missingRow, ...data.missing]],
    },
  };
}
