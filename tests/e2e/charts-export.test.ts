// The charts in the reports, checked the way a reader meets them. The demo workshop is exported
// with the CLI: the PDF (Chromium) must keep the charts as vector drawings (no raster image in
// the file, the charts' own words extractable as text) and the Word file must embed them as PNG
// pictures with alt text, which LibreOffice then shows. The pages with charts are turned into
// PNG with pdftoppm under test-output/charts/ for a person to look at. Needs soffice and poppler.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_LABELS } from '@world-cafe/shared/charts';
import { ROOT } from '../helpers/server';
import { runCli } from '../helpers/cli';

const OUT = path.join(ROOT, 'test-output', 'charts');
const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const noSpace = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

let dataDir: string;
let profile: string;
let workshopId: string;

beforeAll(() => {
  fs.mkdirSync(OUT, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-charts-'));
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-lo-charts-'));
  const run = runCli('server/src/cli/demo.ts', ['--json'], { DATA_DIR: dataDir });
  expect(run.code, run.stderr).toBe(0);
  workshopId = JSON.parse(run.stdout).workshopId;
});

afterAll(() => {
  for (const dir of [dataDir, profile]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const exportTo = (format: 'pdf' | 'docx', locale: 'en' | 'th', file: string) => {
  const res = runCli('server/src/cli/export.ts', ['--workshop', workshopId, '--format', format, '--locale', locale, '--out', file], {
    DATA_DIR: dataDir,
  });
  expect(res.code, res.stderr).toBe(0);
};

/** 1-based numbers of the pages whose text contains any of the needles; each rendered to PNG. */
function chartPages(pdf: string, needles: string[], prefix: string): number[] {
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  const hits = pages.flatMap((text, i) => (needles.some((n) => noSpace(text).includes(noSpace(n))) ? [i + 1] : []));
  for (const n of hits)
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', String(n), '-l', String(n), pdf, path.join(OUT, `${prefix}-p${n}`)]);
  return hits;
}

describe.each(['en', 'th'] as const)('charts in the %s reports', (locale) => {
  const L = CHART_LABELS[locale];

  it('PDF: vector charts (no raster image), their words kept as text, never cut by a page break', () => {
    const pdf = path.join(OUT, `report-${locale}.pdf`);
    exportTo('pdf', locale, pdf);
    // pdfimages lists every raster image of the file: the charts must not be among them
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(images).toEqual([]);
    const text = noSpace(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
    // words that exist only inside the SVGs (axis names, legend entries), so only vector text carries them
    for (const word of [`${L.review.short.supports}${L.review.stances.supports}`, L.votes.axis, L.review.missingRow])
      expect(text).toContain(noSpace(word));
    const pages = chartPages(pdf, [L.participation.title, L.review.title, fillVote(L.votes.title)], `report-${locale}-pdf`);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // the page drawings themselves: pdftocairo turns a chart page back into SVG, made of paths
    const svg = execFileSync('pdftocairo', ['-svg', '-f', String(pages[0]), '-l', String(pages[0]), pdf, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(50);
    expect(svg).not.toMatch(/<image /);
    // a chart and its caption share a page: the words at the chart's top and bottom sit with the caption below it
    const byPage = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f').map(noSpace);
    const captionPage = (title: string) => byPage.find((p) => p.includes(noSpace(`${title}.`)))!;
    expect(captionPage(L.participation.title)).toContain(noSpace(L.total));
    expect(captionPage(L.review.title)).toContain(noSpace(L.review.missingRow));
    expect(captionPage(L.review.title)).toContain(noSpace(`${L.review.short.supports} ${L.review.stances.supports}`));
  }, 180_000);

  it('Word: PNG pictures with alt text, shown by LibreOffice', async () => {
    const docx = path.join(OUT, `report-${locale}.docx`);
    exportTo('docx', locale, docx);
    const zip = await JSZip.loadAsync(fs.readFileSync(docx));
    const media = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
    expect(media.length).toBe(4); // participation, delegations, the demo's vote, review stances
    for (const f of media) expect((await zip.file(f)!.async('nodebuffer')).subarray(1, 4).toString('latin1')).toBe('PNG');
    const xml = await zip.file('word/document.xml')!.async('string');
    const descr = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
    expect(descr).toHaveLength(4);
    for (const d of descr) expect(d.length).toBeGreaterThan(40);
    expect(descr.some((d) => d.includes(L.review.title))).toBe(true);
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, docx], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const pdf = docx.replace(/\.docx$/, '.pdf');
    // LibreOffice draws the pictures: they are images in its PDF, on the pages of their captions
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(images.length).toBeGreaterThanOrEqual(4);
    expect(chartPages(pdf, [L.participation.title, L.review.title], `report-${locale}-docx`).length).toBeGreaterThanOrEqual(2);
  }, 240_000);
});

/** The vote chart's title up to its placeholder (the vote's own name follows it). */
function fillVote(template: string): string {
  return template.split('{{')[0]!;
}
