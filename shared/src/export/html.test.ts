import { describe, expect, it } from 'vitest';
import { escapeHtml, exportHtml } from './html';
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

  it('is a complete standalone document', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/font-family: 'Noto Sans Thai', system-ui/);
    expect(html).toContain('break-before: page');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|src=|href=/i);
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
