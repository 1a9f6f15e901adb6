// The PDF export needs Debian's Chromium (to print) and pdftotext (to read it back), so it lives in
// the browser suite: the demo workshop is exported with the CLI and its text must keep Thai intact,
// every page must carry the meeting name and "Page X of N", the contents must point at the right
// pages, and no page may be near-empty (issue 10). Page images land in test-output/e2e/report-*.png.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopState } from '@world-cafe/shared';
import { loadWorkshop } from '../../server/src/cli/export';
import { runCli } from '../helpers/cli';
import { outputPath } from '../helpers/browser';

const THAI = /[\u0E00-\u0E7F]/;
const noSpace = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

let dataDir: string;
let demo: { workshopId: string };
let state: WorkshopState;
const out = outputPath;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-pdf-'));
  const run = runCli('server/src/cli/demo.ts', ['--json'], { DATA_DIR: dataDir });
  expect(run.code).toBe(0);
  demo = JSON.parse(run.stdout);
  state = (await loadWorkshop(path.join(dataDir, 'worldcafe.db'), demo.workshopId))!;
});

afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const thaiNotes = () => Object.values(state.notes).filter((n) => THAI.test(n.text));
const goalTitles = () => state.goalOrder.map((id) => state.goals[id]!.title);

describe('PDF export', () => {
  it('prints the report with Chromium; pdftotext reads the Thai notes and goals back intact', () => {
    const res = runCli('server/src/cli/export.ts', ['--workshop', demo.workshopId, '--format', 'pdf', '--out', out('report.pdf')], {
      DATA_DIR: dataDir,
    });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const pdf = fs.readFileSync(out('report.pdf'));
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = noSpace(execFileSync('pdftotext', ['-enc', 'UTF-8', out('report.pdf'), '-'], { encoding: 'utf8' }));
    // notes without SARA AM (U+0E33), which text extraction may split into NIKHAHIT + SARA AA
    const plain = thaiNotes().filter((n) => !/\u0E33/.test(n.text));
    expect(plain.length).toBeGreaterThan(5);
    expect(plain.filter((n) => !text.includes(noSpace(n.text))).map((n) => n.text)).toEqual([]);
    for (const title of goalTitles()) expect(text).toContain(noSpace(title));
  });

  for (const locale of ['en', 'th'] as const) {
    describe(`in ${locale === 'en' ? 'English' : 'Thai'}`, () => {
      const file = `report-${locale}.pdf`;
      const pageLabel = (i: number, n: number) => (locale === 'en' ? `Page ${i} of ${n}` : `หน้า ${i} จาก ${n}`);
      let pages: string[];

      beforeAll(() => {
        const res = runCli(
          'server/src/cli/export.ts',
          ['--workshop', demo.workshopId, '--format', 'pdf', '--locale', locale, '--out', out(file)],
          {
            DATA_DIR: dataDir,
          },
        );
        expect(res.code, res.stderr).toBe(0);
        // pdftotext ends every page with a form feed
        pages = execFileSync('pdftotext', ['-enc', 'UTF-8', out(file), '-'], { encoding: 'utf8' })
          .split('\f')
          .slice(0, -1);
        // page images for a person to look at
        execFileSync('pdftoppm', ['-r', '40', '-png', out(file), out(`report-${locale}-page`)]);
      });

      it('has the meeting name and "Page X of N" on every page', () => {
        const n = pages.length;
        expect(n).toBeGreaterThan(5);
        const title = noSpace(state.title);
        pages.forEach((text, i) => {
          expect(text, `page ${i + 1}`).toContain(pageLabel(i + 1, n));
          expect(noSpace(text), `page ${i + 1}`).toContain(title);
        });
      });

      it('opens with the title, date and a table of contents whose page numbers are right', () => {
        // -layout keeps each contents line with its page number
        const first = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-f', '1', '-l', '1', out(file), '-'], { encoding: 'utf8' });
        expect(first).toContain(locale === 'en' ? 'Contents' : 'สารบัญ');
        expect(first).toContain(locale === 'en' ? 'World Café outcome report' : 'รายงานผลการประชุมเวิลด์คาเฟ่');
        // every goal is listed with a page number, and its heading is on that page
        goalTitles().forEach((title, i) => {
          const entry = `${i + 1}. ${title}`;
          const line = first.split('\n').find((l) => noSpace(l).startsWith(noSpace(entry).slice(0, 30)));
          expect(line, entry).toBeDefined();
          const page = Number(/(\d+)\s*$/.exec(line!)?.[1]);
          expect(page, entry).toBeGreaterThan(1);
          expect(noSpace(pages[page - 1]!), `${entry} on page ${page}`).toContain(noSpace(entry).slice(0, 30));
        });
      });

      // Measured on the words' bounding boxes (pdftotext -bbox): the lowest word of the body (the
      // running header and footer, printed in the page margins, left out) over the page's height.
      it('has no page less than a fifth used, except the last page before a change of page size and the last page', () => {
        const xhtml = execFileSync('pdftotext', ['-bbox', out(file), '-'], { encoding: 'utf8' });
        const sheets = xhtml
          .split('<page ')
          .slice(1)
          .map((chunk) => {
            const [width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk)!.slice(1).map(Number) as [number, number];
            const ys = [...chunk.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map(
              (m) => [Number(m[1]), Number(m[2])] as const,
            );
            const MARGIN = 36; // pt: the header and footer sit within 36 pt of the edges, the body below/above
            const body = ys.filter(([top, bottom]) => top >= MARGIN && bottom <= height - MARGIN);
            const used = body.length ? (Math.max(...body.map(([, b]) => b)) - MARGIN) / (height - 2 * MARGIN) : 0;
            return { width, used };
          });
        expect(sheets.length).toBe(pages.length);
        const fills = sheets.map((s) => s.used.toFixed(2)).join(' ');
        console.log(`${file}: ${sheets.length} pages, share of each page's height used: ${fills}`);
        const nearEmpty = sheets
          .map((s, i) => ({ page: i + 1, ...s }))
          .filter((s, i) => s.used < 0.2 && i < sheets.length - 1 && sheets[i + 1]!.width === s.width);
        expect(nearEmpty).toEqual([]);
      });
    });
  }
});
