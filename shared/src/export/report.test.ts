import { describe, expect, it } from 'vitest';
import { buildReport, formatDate, pageLabelParts } from './report';
import { exportFixture } from './fixture';

describe('buildReport', () => {
  const state = exportFixture();
  const report = buildReport(state, { locale: 'en' });

  it('is deterministic and pure', () => {
    expect(buildReport(state, { locale: 'en' })).toEqual(report);
  });

  it('groups participants by delegation with their roles', () => {
    const thai = report.delegations.find((d) => d.id === 'thai')!;
    expect(thai.participants).toEqual([
      { name: 'Hana', role: 'host', roleLabel: 'Table host' },
      { name: 'Dao', role: 'delegate', roleLabel: 'Delegate' },
    ]);
    expect(report.delegations.at(-1)).toMatchObject({ id: null, name: 'Without a delegation' });
  });

  it("gives each table's notes by round with the host's summary", () => {
    const t1 = report.conversations.find((c) => c.tableId === 't1')!;
    expect(t1.theme).toBe('Inclusive');
    expect(t1.rounds).toHaveLength(1);
    expect(t1.rounds[0]!.notes.map((n) => n.id)).toContain('n-thai');
    expect(t1.rounds[0]!.summary).toEqual({ text: 'สรุป: <i>ideas</i> carried forward', by: 'Hana' });
  });

  it('ranks vote results with their delegation split', () => {
    expect(report.votes[0]!.results.map((r) => [r.rank, r.label, r.dots, r.byDelegation.map((d) => `${d.code}:${d.dots}`)])).toEqual([
      [1, 'Cluster | one', 2, ['JP:1', 'TH:1']],
      [2, 'Second', 1, ['JP:1']],
    ]);
  });

  it('resolves goals in full with traceable sources', () => {
    const g = report.goals[0]!;
    expect(g.actions).toEqual([
      expect.objectContaining({
        leads: [expect.objectContaining({ name: 'Thailand' }), expect.objectContaining({ name: 'Japan' })],
        timeline: `${state.planYears.start}–${state.planYears.start + 2}`,
      }),
    ]);
    expect(g.sources.find((s) => s.id === 'n-markup')).toMatchObject({ table: 'Table 2', round: 1, delegation: 'Japan' });
    expect(g.sourceClusters).toEqual(['Cluster | one']);
    expect(report.goals[1]!.title).toBe('Second goal, sharper');
  });

  it('builds the review matrix and every delegation’s details', () => {
    expect(report.review.delegations.map((d) => [d.code, d.complete])).toEqual([
      ['TH', false],
      ['JP', false],
    ]);
    expect(report.review.matrix[0]!.cells.map((c) => [c.label, c.missing])).toEqual([
      ['Supports', []],
      ['Amend', ['national details', 'feasibility']],
    ]);
    expect(report.review.matrix[1]!.cells.map((c) => c.label)).toEqual(['Not reviewed', 'Not reviewed']);
    expect(report.review.details[0]!.entries[0]).toMatchObject({ feasibility: 4, partners: ['Japan'], comments: '@risk' });
  });

  it('lists accepted and open amendments with before and after', () => {
    expect(report.amendments.accepted).toEqual([
      expect.objectContaining({ goalNumber: 2, before: 'Second goal', after: 'Second goal, sharper', delegation: 'Japan' }),
    ]);
    expect(report.amendments.open).toEqual([expect.objectContaining({ goalNumber: 1, after: 'เหตุผลใหม่ <new>', fieldLabel: 'Rationale' })]);
  });

  it('formats dates in English and in the Thai Buddhist era', () => {
    const ms = Date.UTC(2015, 3, 28, 12);
    expect(formatDate(ms, 'en')).toBe('28 April 2015');
    expect(formatDate(ms, 'th')).toBe('28 เมษายน พ.ศ. 2558');
    expect(formatDate(null, 'en')).toBeNull();
  });
});

describe('pageLabelParts', () => {
  it.each([
    ['Page {page} of {pages}', [{ text: 'Page ' }, { field: 'page' }, { text: ' of ' }, { field: 'pages' }]],
    ['หน้า {page} จาก {pages}', [{ text: 'หน้า ' }, { field: 'page' }, { text: ' จาก ' }, { field: 'pages' }]],
    ['{page}/{pages}', [{ field: 'page' }, { text: '/' }, { field: 'pages' }]],
    ['no numbers', [{ text: 'no numbers' }]],
  ])('%j', (label, parts) => {
    expect(pageLabelParts(label)).toEqual(parts);
  });
});
