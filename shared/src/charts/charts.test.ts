import { describe, expect, it } from 'vitest';
import type { RoundSeating, WorkshopState } from '../cafe/model';
import { N, P, as, cmd, createdWorkshop, run, standardWorkshop } from '../testing/fixtures';
import { exportFixture } from '../export/fixture';
import { participation, reviewStances, seatingMix, voteBars } from './data';
import { CHART_LABELS, fill } from './labels';
import { delegationActivityFigure, participationFigure, reviewFigure, seatingMixFigures, voteFigure } from './figures';
import { fit, textWidth } from './svg';

const fac = as(P.facilitator);

/** The standard café plus notes in round 2, so the heat map has two rounds to compare. */
function cafeInRound2(): WorkshopState {
  let s = standardWorkshop('cafe');
  s = run(s, cmd({ type: 'round:start' }), fac);
  s = run(s, cmd({ type: 'round:end' }), fac);
  s = run(s, cmd({ type: 'round:rotate' }), fac);
  const note = (id: string, tableId: string, by: string) =>
    (s = run(s, cmd({ type: 'note:create', noteId: id, tableId, text: id, color: 'blue', x: 1, y: 1 }), as(by)));
  note('r2-a', 't2', P.d2);
  note('r2-b', 't2', P.d2);
  note('r2-c', 't1', P.host);
  return s;
}

describe('participation: the heat map cells are the note counts', () => {
  const s = cafeInRound2();
  const data = participation(s);
  it.each([
    // table, round 1, round 2
    ['t1', [2, 1]],
    ['t2', [1, 2]],
    ['t3', [0, 0]],
  ])('%s', (tableId, counts) => {
    expect(data.rounds).toBe(2);
    expect(data.tables.find((t) => t.tableId === tableId)?.counts).toEqual(counts);
  });
  it('counts per delegation, with a silent delegation as zero and people without one apart', () => {
    expect(data.delegations.map((d) => [d.code, d.notes, d.people])).toEqual([
      ['TH', 3, 2],
      ['JP', 3, 2],
    ]);
  });
  it('every cell of the drawing carries its count and the caption names the quiet table', () => {
    const f = participationFigure(s, { mode: 'print', labels: CHART_LABELS.en });
    expect(f.table.rows).toEqual([
      [s.tables.t1!.name, 2, 1],
      [s.tables.t2!.name, 1, 2],
      [s.tables.t3!.name, 0, 0],
    ]);
    expect(f.finding).toBe(`Round 2 so far: fewest notes at ${s.tables.t3!.name} (0), most at ${s.tables.t2!.name} (2).`);
    expect(f.svg).toContain(`<title>${s.tables.t2!.name}, Round 2: 2</title>`);
  });
});

describe('votes: the bars are the revealed dot counts', () => {
  it('is null until the facilitator reveals', () => {
    let s = standardWorkshop('harvest');
    s = run(s, cmd({ type: 'vote:open', voteId: 'v', kind: 'note', budget: 3, per: 'participant', maxPerItem: 3 }), fac);
    s = run(s, cmd({ type: 'vote:cast', voteId: 'v', itemId: N.d1, delta: 1 }), as(P.d1));
    expect(voteBars(s, 'v')).toBeNull();
    expect(voteFigure(s, 'v', 'x', { mode: 'screen', labels: CHART_LABELS.en })).toBeNull();
  });
  it.each([
    ['participant' as const, { [N.d1]: 3, [N.d2]: 1, [N.host]: 0 }, { [N.d1]: [2, 1], [N.d2]: [0, 1], [N.host]: [0, 0] }],
    ['delegation' as const, { [N.d1]: 2, [N.d2]: 1, [N.host]: 0 }, { [N.d1]: [1, 1], [N.d2]: [0, 1], [N.host]: [0, 0] }],
  ] as Array<['participant' | 'delegation', Record<string, number>, Record<string, number[]>]>)('per %s', (per, totals, byDelegation) => {
    let s = standardWorkshop('harvest');
    s = run(s, cmd({ type: 'vote:open', voteId: 'v', kind: 'note', budget: 3, per, maxPerItem: 3 }), fac);
    const cast = (by: string, item: string) => (s = run(s, cmd({ type: 'vote:cast', voteId: 'v', itemId: item, delta: 1 }), as(by)));
    cast(P.d1, N.d1); // TH
    cast(P.d2, N.d1); // JP
    cast(P.d2, N.d2); // JP
    if (per === 'participant') cast(P.host, N.d1); // TH again (the delegation shares one budget otherwise)
    s = run(s, cmd({ type: 'vote:reveal', voteId: 'v' }), fac);
    const bars = voteBars(s, 'v')!;
    expect(bars.delegations.map((d) => d.code)).toEqual(['TH', 'JP']);
    for (const b of bars.bars) {
      expect(b.dots).toBe(totals[b.itemId]);
      expect(b.byDelegation).toEqual(byDelegation[b.itemId]);
    }
    expect(bars.bars[0]!.itemId).toBe(N.d1); // ranked
    const f = voteFigure(s, 'v', 'Notes', { mode: 'print', labels: CHART_LABELS.en })!;
    expect(f.table.rows[0]).toEqual([s.notes[N.d1]!.text, totals[N.d1], per === 'participant' ? 'TH 2, JP 1' : 'TH 1, JP 1']);
    expect(f.finding).toBe(fill(CHART_LABELS.en.votes.finding, { item: s.notes[N.d1]!.text, dots: totals[N.d1]!, total: bars.total }));
  });
});

describe('seating mix from the plan', () => {
  // t1: TH host + TH delegate; t2: JP + JP; then everyone but the host moves
  const plan: RoundSeating[] = [
    { t1: [P.host, P.d1], t2: [P.d2, P.d3], t3: [] },
    { t1: [P.host, P.d2], t2: [P.d1], t3: [P.d3] },
    { t1: [P.host, P.d3], t2: [P.d2], t3: [P.d1] },
  ];
  const s: WorkshopState = { ...standardWorkshop('setup'), cafe: { ...standardWorkshop('setup').cafe, rounds: 3, plan } };
  const mix = seatingMix(s)!;
  it.each([
    // round, counts[delegation][table] (TH, JP × t1, t2, t3), delegations per table
    [
      1,
      [
        [2, 0, 0],
        [0, 2, 0],
      ],
      [1, 1, 0],
    ],
    [
      2,
      [
        [1, 1, 0],
        [1, 0, 1],
      ],
      [2, 1, 1],
    ],
    [
      3,
      [
        [1, 0, 1],
        [1, 1, 0],
      ],
      [2, 1, 1],
    ],
  ])('round %i', (round, counts, delegationsPerTable) => {
    expect(mix.delegations.map((d) => d.code)).toEqual(['TH', 'JP']);
    expect(mix.rounds[round - 1]!.counts).toEqual(counts);
    expect(mix.rounds[round - 1]!.mix).toEqual(delegationsPerTable);
  });
  it('counts the new people each person meets, and the metrics from the seating module', () => {
    expect(Object.fromEntries(mix.met.map((m) => [m.participantId, m.newPeople]))).toEqual({
      [P.host]: 3,
      [P.d1]: 1,
      [P.d2]: 2,
      [P.d3]: 2,
    });
    expect(mix.repeats).toBe(0);
    expect(mix.sameDelegationPairs).toBe(2);
    const figs = seatingMixFigures(s, { mode: 'print', labels: CHART_LABELS.en });
    expect(figs).toHaveLength(4);
    expect(figs[0]!.finding).toBe('Round 1: tables mix 1 to 1 delegations.');
    expect(figs[3]!.finding).toContain('meets 1 to 3 new people');
  });
  it('has no figure without a plan', () => {
    expect(seatingMix(standardWorkshop('setup'))).toBeNull();
    expect(seatingMixFigures(standardWorkshop('setup'), { mode: 'print', labels: CHART_LABELS.en })).toEqual([]);
  });
});

describe('review stances from the review state', () => {
  const s = exportFixture();
  const data = reviewStances(s);
  it('cells are the recorded stances and the missing counts per delegation', () => {
    expect(data.delegations.map((d) => d.code)).toEqual(['TH', 'JP']);
    expect(data.goals.map((g) => g.cells.map((c) => c.stance))).toEqual([
      ['supports', 'amend'],
      [null, null],
    ]);
    // TH's g1 review is complete (situation + feasibility); JP's lacks details; g2 unreviewed by both
    expect(data.missing).toEqual([1, 2]);
  });
  it('the figure says who lags, and marks stance by letter as well as colour', () => {
    const f = reviewFigure(s, { mode: 'print', labels: CHART_LABELS.en });
    expect(f.finding).toBe('0 of 2 delegations have completed their review; most missing: Japan (2).');
    expect(f.table.rows.at(-1)).toEqual(['Missing', 1, 2]);
    expect(f.table.rows[0]).toEqual([expect.stringContaining('1. '), 'Supports', 'Amend (Incomplete)']);
    expect(f.svg).toMatch(/>S<\/text>/);
    // JP's amendment lacks national details and feasibility: its letter carries the incomplete mark
    expect(f.svg).toMatch(/>A!<\/text>/);
  });
});

describe('every figure is an accessible SVG in both languages and both modes', () => {
  const s = exportFixture();
  const planned: WorkshopState = { ...s, cafe: { ...s.cafe, plan: [{ t1: [P.host, P.d1], t2: [P.d2] }] } };
  const all = (labels: (typeof CHART_LABELS)['en'], mode: 'screen' | 'print') => [
    voteFigure(s, 'v1', 'Clusters', { mode, labels })!,
    participationFigure(s, { mode, labels }),
    delegationActivityFigure(s, { mode, labels }),
    reviewFigure(s, { mode, labels }),
    ...seatingMixFigures(planned, { mode, labels }),
  ];
  it.each([
    ['en', 'screen'],
    ['en', 'print'],
    ['th', 'screen'],
    ['th', 'print'],
  ] as const)('%s %s', (locale, mode) => {
    const figs = all(CHART_LABELS[locale], mode);
    expect(figs).toHaveLength(6);
    for (const f of figs) {
      expect(f.svg).toMatch(new RegExp(`^<svg [^>]*role="img" aria-labelledby="${f.id}-title ${f.id}-desc"`));
      expect(f.svg).toContain(`<title id="${f.id}-title">`);
      expect(f.svg).toContain(`<desc id="${f.id}-desc">`);
      expect(f.finding.length).toBeGreaterThan(0);
      expect(f.table.rows.length).toBeGreaterThan(0);
      // hostile workshop text is escaped, never markup
      expect(f.svg).not.toMatch(/<script|<b>/);
      if (mode === 'print') expect(f.svg).not.toMatch(/currentColor|var\(|Canvas/);
      else expect(f.svg).toContain('currentColor');
    }
    if (locale === 'th') expect(figs[3]!.svg).toContain('จุดยืนในการทบทวน');
  });
});

describe('text fitting', () => {
  it.each([
    ['short', 'Sustainable', 200, 'Sustainable'],
    ['cut with an ellipsis', 'Engages and Benefits the People', 80, expect.stringMatching(/^Engages.*…$/)],
    // never splits a Thai consonant from its vowel or tone mark
    ['Thai', 'การพัฒนาข้าราชการ', 40, expect.stringMatching(/^[^\u0E31\u0E34-\u0E3A\u0E47-\u0E4E].*…$/)],
  ])('%s', (_, text, width, expected) => {
    const out = fit(text, 13, width);
    expect(out).toEqual(expected);
    expect(textWidth(out, 13)).toBeLessThanOrEqual(Math.max(width, textWidth(text, 13)));
  });
});

it('a fresh café without notes says so instead of naming a quiet table', () => {
  const s = createdWorkshop();
  const f = participationFigure(s, { mode: 'screen', labels: CHART_LABELS.th });
  expect(f.finding).toBe(CHART_LABELS.th.participation.empty);
});
