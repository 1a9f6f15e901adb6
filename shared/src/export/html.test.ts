import { describe, expect, it } from 'vitest';
import { escapeHtml, exportHtml, printHeaderFooter, renderHtml, tableOfContents } from './html';
import { buildReport } from './report';
import { FIXTURE_THAI_SITUATION, HOSTILE, exportFixture } from './fixture';

describe('HTML escaping', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a | b *c*', 'a | b *c*'],
    ['"quoted" & \'single\'', '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['การพัฒนา', 'การพัฒนา'],
  ])('escapeHtml(%j) = %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('exportHtml', () => {
  const html = exportHtml(exportFixture());

  it('keeps the charts as inline vector SVG that a page break never cuts', () => {
    expect(html).toContain('figure.chart { break-inside: avoid;');
    const figures = [...html.matchAll(/<figure class="chart" id="([^"]+)"><svg [^>]*role="img"/g)].map((m) => m[1]);
    expect(figures).toEqual(['report-participation', 'report-delegations', 'report-vote-v1', 'report-review']);
    expect(html).toContain('<title id="report-review-title">Review stances</title>');
  });

  it('is a complete standalone document', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/font-family: 'Noto Sans Thai', 'Noto Sans Khmer', 'Noto Sans Lao', 'Noto Sans Myanmar', system-ui/);
    expect(html).toContain('section.wide { page: wide; }');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|src=/i);
    // links only point inside the document (the contents)
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.startsWith('#'))).not.toContain(false);
  });

  it('escapes every piece of user text', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>one</b>');
    expect(html).not.toContain('<i>ideas</i>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Goal &lt;b&gt;one&lt;/b&gt; | *bold*');
  });

  it('marks Thai text lang="th" and keeps it intact', () => {
    expect(html.normalize('NFC')).toContain(escapeHtml(HOSTILE.thai).normalize('NFC'));
    expect(html).toContain(`<span class="ut" lang="th">${FIXTURE_THAI_SITUATION}</span>`);
  });

  it('has the review matrix as a table and the Thai locale sets lang="th"', () => {
    expect(html).toMatch(/<table class="matrix">/);
    expect(html).toContain('<td class="s-supports">Supports</td>');
    const th = exportHtml(exportFixture(), { locale: 'th' });
    expect(th.startsWith('<!DOCTYPE html>\n<html lang="th">')).toBe(true);
    expect(th).toContain('ตารางผลการทบทวน');
  });
});

describe('contents and running header/footer', () => {
  const report = buildReport(exportFixture(), { locale: 'en' });

  it('lists every section and every goal, each linking to an anchor that exists', () => {
    const toc = tableOfContents(report);
    expect(toc.filter((e) => e.level === 1).map((e) => e.id)).toEqual([
      'overview',
      'framework',
      'conversations',
      'harvest',
      'goals',
      'review',
      'national',
      'amendments',
    ]);
    expect(toc.filter((e) => e.level === 2).map((e) => e.label)).toEqual(report.goals.map((g) => `${g.number}. ${g.title}`));
    const html = renderHtml(report);
    for (const e of toc) {
      expect(html).toContain(`href="#${e.id}"`);
      expect(html).toContain(`id="${e.id}"`);
    }
  });

  it('prints page numbers only when they are known, in a column of fixed width', () => {
    expect(renderHtml(report)).toContain('<span class="pg"></span>');
    const numbered = renderHtml(report, { pages: { overview: 1, goals: 7 } });
    expect(numbered).toMatch(/href="#overview">.*<span class="pg">1<\/span>/);
    expect(numbered).toMatch(/href="#goals">.*<span class="pg">7<\/span>/);
    expect(numbered).toContain('nav.toc .pg { flex: 0 0 2.5em;');
  });

  it.each([
    ['en', 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>'],
    ['th', 'หน้า <span class="pageNumber"></span> จาก <span class="totalPages"></span>'],
  ] as const)('the %s footer reads "%s"; the header has the escaped meeting name and the date', (locale, footer) => {
    const r = buildReport(exportFixture(), { locale });
    const { headerTemplate, footerTemplate } = printHeaderFooter(r);
    expect(footerTemplate).toContain(footer);
    expect(headerTemplate).toContain(escapeHtml(r.title));
    expect(headerTemplate).toContain(r.dates.created!);
    expect(headerTemplate).not.toMatch(/<script/);
    // Chromium's templates default to font-size 0
    expect(headerTemplate).toContain('font-size: 8pt');
  });
});
