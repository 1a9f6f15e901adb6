import { describe, expect, it } from 'vitest';
import { exportMarkdown, mdCell, mdText } from './markdown';
import { FIXTURE_GOAL_TITLE, FIXTURE_THAI_SITUATION, HOSTILE, exportFixture } from './fixture';

describe('Markdown escaping of user text', () => {
  it.each([
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['a | b', 'a \\| b'],
    ['*bold* and _it_', '\\*bold\\* and \\_it\\_'],
    ['[link](http://x)', '\\[link\\](http://x)'],
    ['`code`', '\\`code\\`'],
    ['~~strike~~', '\\~\\~strike\\~\\~'],
    ['&amp; entity', '\\&amp; entity'],
    ['back\\slash', 'back\\\\slash'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. item', '1\\. item'],
    ['2) item', '2\\) item'],
    ['> quote', '\\> quote'],
    ['===', '\\==='],
    ['    code block', 'code block'],
    ['a # b - c 1. d', 'a # b - c 1. d'],
    ['การพัฒนาข้าราชการ', 'การพัฒนาข้าราชการ'],
  ])('mdText(%j) = %j', (input, expected) => {
    expect(mdText(input)).toBe(expected);
  });

  it('keeps line breaks as hard breaks, each line escaped', () => {
    expect(mdText('one\n# two\n- three', '  ')).toBe('one\\\n  \\# two\\\n  \\- three');
  });

  it.each([
    ['a | b', 'a \\| b'],
    ['one\ntwo', 'one<br>two'],
    ['<b>x</b>', '\\<b\\>x\\</b\\>'],
    ['*x*', '\\*x\\*'],
  ])('mdCell(%j) = %j', (input, expected) => {
    expect(mdCell(input)).toBe(expected);
  });
});

describe('exportMarkdown', () => {
  const md = exportMarkdown(exportFixture());

  it('contains no raw HTML or unescaped markup from user text', () => {
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('<i>');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('\\*bold\\*');
    // the only <br> tags are the renderer's own
    expect(md.replace(/<br>/g, '')).not.toMatch(/(?<!\\)</);
  });

  it('keeps every table row to its header’s columns (user pipes are escaped)', () => {
    const cells = (row: string) => row.split(/(?<!\\)\|/).length - 2;
    let columns = 0;
    let tables = 0;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) {
        columns = 0;
        continue;
      }
      if (columns === 0) {
        columns = cells(line);
        tables++;
      } else expect(cells(line), line).toBe(columns);
    }
    // delegations, tables, notes per table × round, notes per delegation, vote, actions, review stances, review matrix
    expect(tables).toBe(8);
  });

  it('lists the charts’ data: the heat map’s note counts and the missing reviews per delegation', () => {
    const md = exportMarkdown(exportFixture());
    expect(md).toContain('**Notes per table and round.** Over the café: fewest notes at Table 3 (0), most at Table 1 (8).');
    expect(md).toContain('| Table 1 | 8 |\n| Table 2 | 3 |\n| Table 3 | 0 |');
    expect(md).toContain('| Missing | 1 | 2 |');
    expect(md).toContain('**Dot-vote results: Vote on clusters (1).**');
  });

  it('has the goals, their actions and sources, the review and amendments, and Thai intact', () => {
    expect(md).toContain('### 1. Goal \\<b\\>one\\</b\\> \\| \\*bold\\*');
    expect(md).toContain('### 2. Second goal, sharper');
    expect(md).toContain('| \\=cmd\\|calc | Thailand, Japan |');
    expect(md).toContain('*Table 1, Round 1, Thailand*');
    expect(md.normalize('NFC')).toContain(HOSTILE.thai.normalize('NFC'));
    expect(md).toContain(FIXTURE_THAI_SITUATION);
    expect(md).toContain('### Accepted amendments');
    expect(md).toContain('### Open amendments');
    expect(md).toContain('| 1. Goal \\<b\\>one\\</b\\> \\| \\*bold\\* | Supports | Amend (missing: national details, feasibility) |');
    expect(FIXTURE_GOAL_TITLE).toContain('<b>');
  });

  it('uses Thai headings for the Thai locale', () => {
    const th = exportMarkdown(exportFixture(), { locale: 'th' });
    expect(th).toContain('## เป้าหมายของแผนงาน');
    expect(th).toContain('## การสนทนาในแต่ละโต๊ะ');
    expect(th).toContain('พ.ศ. 2566');
  });
});
