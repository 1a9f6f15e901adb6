import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, exportCsv, neutraliseCell, toCsv } from './csv';
import { HOSTILE, exportFixture } from './fixture';

/** A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF records) for round-trip checks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tTAB', "'\tTAB"],
    ['\r=1', `"'\r=1"`],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['a=1', 'a=1'],
    [' =1', ' =1'],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['การพัฒนา, ทดสอบ', '"การพัฒนา, ทดสอบ"'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    [3, '3'],
    [-2, '-2'],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
    [Number.NaN, ''],
  ])('non-text %j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('neutralises only the first character', () => {
    expect(neutraliseCell('-')).toBe("'-");
    expect(neutraliseCell("'=already")).toBe("'=already");
  });

  it('writes a BOM, CRLF records and a final CRLF', () => {
    const csv = toCsv(['a', 'b'], [['1', 2]]);
    expect(csv).toBe(`${CSV_BOM}a,b\r\n1,2\r\n`);
  });
});

describe('exportCsv', () => {
  const files = exportCsv(exportFixture());
  const file = (name: string) => {
    const f = files.find((x) => x.filename === name);
    if (!f) throw new Error(`no ${name}`);
    return f.content;
  };
  const table = (name: string) => {
    const content = file(name);
    expect(content.startsWith(CSV_BOM)).toBe(true);
    const [header, ...rows] = parseCsv(content.slice(1));
    return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
  };

  it('has one file per record table', () => {
    expect(files.map((f) => f.filename)).toEqual([
      'notes.csv',
      'summaries.csv',
      'clusters.csv',
      'votes.csv',
      'goals.csv',
      'actions.csv',
      'reviews.csv',
      'amendments.csv',
    ]);
  });

  it.each([
    ['n-formula', `'${HOSTILE.formula}`],
    ['n-plus', `'${HOSTILE.plus}`],
    ['n-minus', `'${HOSTILE.minus}`],
    ['n-at', `'${HOSTILE.at}`],
    ['n-tab', `'${HOSTILE.tab}`],
    ['n-markup', HOSTILE.markup],
    ['n-lines', HOSTILE.lines],
    ['n-thai', HOSTILE.thai],
  ])('note %s reads back as %j', (id, expected) => {
    const row = table('notes.csv').find((r) => r.note_id === id);
    expect(row?.text).toBe(expected);
  });

  it('no cell in any file starts a formula', () => {
    for (const f of files)
      for (const row of parseCsv(f.content.slice(1)))
        for (const cell of row) expect(cell, `${f.filename}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('keeps Thai intact (NFC) with its delegation and table', () => {
    const row = table('notes.csv').find((r) => r.note_id === 'n-thai')!;
    expect(row.text?.normalize('NFC')).toBe(HOSTILE.thai.normalize('NFC'));
    expect(row).toMatchObject({ table: 'Table 1', round: '1', delegation_code: 'TH', author: 'Hana' });
  });

  it('lists actions with leads and years, reviews, amendments and vote results', () => {
    expect(table('actions.csv')).toEqual([
      expect.objectContaining({ goal_id: 'g1', action: "'=cmd|calc", lead_codes: 'TH; JP', start_year: expect.any(String) }),
    ]);
    const reviews = table('reviews.csv');
    expect(reviews.map((r) => [r.delegation_code, r.stance, r.comments])).toEqual([
      ['TH', 'supports', "'@risk"],
      ['JP', 'amend', ''],
    ]);
    expect(table('amendments.csv').map((a) => [a.amendment_id, a.status])).toEqual([
      ['am1', 'accepted'],
      ['am2', 'open'],
    ]);
    expect(table('votes.csv').map((v) => [v.rank, v.item, v.dots, v.dots_by_delegation])).toEqual([
      ['1', 'Cluster | one', '2', 'JP:1; TH:1'],
      ['2', 'Second', '1', 'JP:1'],
    ]);
  });
});
