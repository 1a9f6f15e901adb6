// Exports end to end on real SQLite: the demo CLI plays a whole café into a temporary data
// directory, hostile notes are added through the real room, then the export CLI writes every
// format and the files are opened the way a secretariat would (Word package, PDF text, CSV in a
// zip, JSON re-imported).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Envelope,
  type WorkshopState,
  applyEnvelopesOwned,
  commandSchema,
  decide,
  emptyState,
  exportJson,
  formatJoinCode,
  parseExport,
  scopeOf,
} from '@world-cafe/shared';
import { SqliteEventStore } from '../../server/src/store/sqliteStore';
import { RoomRegistry } from '../../server/src/realtime/workshopRoom';
import { loadWorkshop, runExportCli } from '../../server/src/cli/export';
import { renderExport, slugify } from '../../server/src/export/index';
import { runCli } from '../helpers/cli';

const HOSTILE = ['=HYPERLINK("http://evil.example/?q=1","click me")', '+1', '-2', '@SUM(A1:A9)'];
const THAI = /[\u0E00-\u0E7F]/;
const nfc = (s: string) => s.normalize('NFC');

interface Demo {
  workshopId: string;
  joinCode: string;
  facilitatorId: string;
  facilitatorLink: string;
  delegateLink: string;
}

let dataDir: string;
let outDir: string;
let demo: Demo;
let state: WorkshopState;

const out = (name: string) => path.join(outDir, name);
const exportCli = (args: string[]) => runCli('server/src/cli/export.ts', args, { DATA_DIR: dataDir });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-export-'));
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-export-out-'));
  const run = runCli('server/src/cli/demo.ts', ['--json'], { DATA_DIR: dataDir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  demo = JSON.parse(run.stdout) as Demo;

  // hostile notes, through the real room and store (the facilitator may write at any table)
  const file = path.join(dataDir, 'worldcafe.db');
  const store = new SqliteEventStore({ file });
  const rooms = new RoomRegistry(store, () => 0);
  try {
    const room = await rooms.get(demo.workshopId);
    for (const [i, text] of HOSTILE.entries()) {
      const cmd = commandSchema.parse({
        type: 'note:create',
        clientOpId: `hostile-note-${i}`,
        noteId: `n-hostile-${i}`,
        tableId: 't-people',
        text,
        color: 'pink',
        x: 50,
        y: 50 + i * 40,
      });
      const ack = await room.execute(
        cmd,
        { kind: 'participant', participantId: demo.facilitatorId },
        `${demo.facilitatorId}:${cmd.clientOpId}`,
      );
      expect(ack).toMatchObject({ ok: true });
    }
  } finally {
    rooms.dispose();
    await store.close();
  }
  state = (await loadWorkshop(file, demo.workshopId))!;
  expect(state).toBeTruthy();
});

afterAll(() => {
  for (const dir of [dataDir, outDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const thaiNotes = () => Object.values(state.notes).filter((n) => THAI.test(n.text));
const goalTitles = () => state.goalOrder.map((id) => state.goals[id]!.title);

describe('demo CLI', () => {
  it('plays a whole ACCSM café through the domain', () => {
    expect(state.phase).toBe('review');
    expect(state.planYears).toEqual({ start: 2016, end: 2020 });
    expect(Object.keys(state.delegations)).toHaveLength(11);
    expect(state.tableOrder).toHaveLength(5);
    const people = Object.values(state.participants);
    expect(people.filter((p) => p.role === 'facilitator')).toHaveLength(1);
    expect(people.filter((p) => p.role === 'host')).toHaveLength(5);
    expect(people.filter((p) => p.role === 'delegate' || p.role === 'host').length).toBeGreaterThanOrEqual(22);
    expect(state.cafe.history).toHaveLength(3);
    for (const t of state.tableOrder)
      for (let round = 1; round <= 3; round++) {
        const here = Object.values(state.notes).filter((n) => n.tableId === t && n.round === round && !n.id.startsWith('n-hostile'));
        expect(
          here.some((n) => THAI.test(n.text)),
          `${t} round ${round} Thai`,
        ).toBe(true);
        expect(
          here.some((n) => !THAI.test(n.text)),
          `${t} round ${round} English`,
        ).toBe(true);
        expect(state.summaries[`${t}#${round}`]?.text, `${t} round ${round} summary`).toBeTruthy();
      }
    const vote = Object.values(state.harvest.votes)[0]!;
    expect(vote).toMatchObject({ status: 'closed' });
    expect(vote.results).not.toBeNull();
    expect(state.goalOrder.length).toBeGreaterThanOrEqual(4);
    for (const g of Object.values(state.goals)) {
      expect(g.objectives.length).toBeGreaterThan(0);
      expect(g.indicators.length).toBeGreaterThan(0);
      for (const a of g.actions) {
        expect(a.leads.length).toBeGreaterThan(0);
        expect(a.start).toBeGreaterThanOrEqual(2016);
        expect(a.end).toBeLessThanOrEqual(2020);
      }
    }
    const reviewers = new Set(Object.values(state.review.entries).map((e) => e.delegationId));
    expect(reviewers.size).toBeGreaterThanOrEqual(5);
    const statuses = Object.values(state.review.amendments)
      .map((a) => a.status)
      .sort();
    expect(statuses).toEqual(['accepted', 'open']);
    expect(demo.facilitatorLink).toMatch(new RegExp(`^http://localhost:\\d+/w/${demo.workshopId}#k=.{16,}$`));
    expect(demo.delegateLink).toMatch(/#k=.{16,}$/);
  });
});

describe('export CLI', () => {
  it('writes a Word document with the goals and Thai notes intact', async () => {
    // the join code works in any case and with its dash
    const res = exportCli(['--workshop', formatJoinCode(demo.joinCode).toLowerCase(), '--format', 'docx', '--out', out('report.docx')]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(out('report.docx'));
    const zip = await JSZip.loadAsync(fs.readFileSync(out('report.docx')));
    expect(zip.file('[Content_Types].xml')).not.toBeNull();
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = nfc(
      xml
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    );
    for (const title of goalTitles()) expect(text).toContain(nfc(title));
    expect(thaiNotes().length).toBeGreaterThan(10);
    for (const n of thaiNotes()) expect(text).toContain(nfc(n.text));
    // Thai is complex script in Word: a cs font and size on runs, Thai runs hinted and tagged th-TH
    expect(xml).toContain('w:cs="Noto Sans Thai"');
    expect(xml).toMatch(/<w:szCs w:val="\d+"\/>/);
    expect(xml).toContain('w:hint="cs"');
    expect(xml).toContain('w:bidi="th-TH"');
    expect(xml).toContain('<w:rtl w:val="false"/>');
  });

  it('gives the Word document a running header, a footer with PAGE and NUMPAGES fields, and a TOC field', async () => {
    for (const locale of ['en', 'th'] as const) {
      const file = out(`report-fields-${locale}.docx`);
      expect(exportCli(['--workshop', demo.workshopId, '--format', 'docx', '--locale', locale, '--out', file]).code).toBe(0);
      const zip = await JSZip.loadAsync(fs.readFileSync(file));
      const read = (name: string) => zip.file(name)!.async('string');
      const doc = await read('word/document.xml');
      const rels = await read('word/_rels/document.xml.rels');
      // every section (portrait, landscape matrix, portrait) points at a header and a footer
      const sections = doc.match(/<w:sectPr[\s>][\s\S]*?<\/w:sectPr>/g) ?? [];
      expect(sections).toHaveLength(3);
      for (const sect of sections) {
        for (const kind of ['header', 'footer'] as const) {
          const id = new RegExp(`<w:${kind}Reference w:type="default" r:id="([^"]+)"`).exec(sect)?.[1];
          expect(id, kind).toBeDefined();
          const target =
            new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
          expect(target, `${kind} ${id}`).toMatch(new RegExp(`^${kind}\\d+\\.xml$`));
        }
      }
      const headers = await Promise.all(
        Object.keys(zip.files)
          .filter((f) => /^word\/header\d+\.xml$/.test(f))
          .map(read),
      );
      const footers = await Promise.all(
        Object.keys(zip.files)
          .filter((f) => /^word\/footer\d+\.xml$/.test(f))
          .map(read),
      );
      expect(headers.length).toBeGreaterThan(0);
      const textOf = (xml: string) => nfc(xml.replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, '').replace(/<[^>]+>/g, ''));
      for (const h of headers) {
        expect(textOf(h)).toContain(nfc(state.title).replace(/&/g, '&amp;'));
        expect(h).toContain('w:cs="Noto Sans Thai"');
      }
      for (const f of footers) {
        // "Page {PAGE} of {NUMPAGES}" as complex fields
        expect(f).toMatch(/<w:fldChar w:fldCharType="begin"\/>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>/);
        expect(f).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
        expect(textOf(f)).toContain(locale === 'en' ? 'Page ' : 'หน้า ');
        expect(textOf(f)).toContain(locale === 'en' ? ' of ' : ' จาก ');
      }
      // the contents: a TOC field over heading levels 1-2, in a content control Word and LibreOffice know as one,
      // refreshed on opening, already listing the goals
      expect(doc).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
      expect(doc).toContain('<w:docPartGallery w:val="Table of Contents"/>');
      expect(await read('word/settings.xml')).toMatch(/<w:updateFields( w:val="true")?\/>/);
      const toc = /<w:sdtContent>([\s\S]*?)<\/w:sdtContent>/.exec(doc)![1]!;
      for (const [i, title] of goalTitles().entries()) expect(textOf(toc)).toContain(nfc(`${i + 1}. ${title}`).replace(/&/g, '&amp;'));
    }
  });

  // The PDF needs Chromium and pdftotext: it is tested in the browser suite (tests/e2e/export-pdf.test.ts).

  it('writes the CSV files in a zip: BOM, formulas neutralised, Thai intact', async () => {
    const res = exportCli(['--workshop', demo.workshopId, '--format', 'csv', '--out', out('data.zip')]);
    expect(res.code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(out('data.zip')));
    expect(Object.keys(zip.files).sort()).toEqual(
      ['actions.csv', 'amendments.csv', 'clusters.csv', 'goals.csv', 'notes.csv', 'reviews.csv', 'summaries.csv', 'votes.csv'].sort(),
    );
    const bytes = await zip.file('notes.csv')!.async('uint8array');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.startsWith('\uFEFFnote_id,')).toBe(true);
    const lines = csv.split('\r\n');
    for (const [i, text] of HOSTILE.entries()) {
      const line = lines.find((l) => l.startsWith(`n-hostile-${i},`))!;
      const quoted = `"'${text.replace(/"/g, '""')}"`;
      expect(line.includes(`,${quoted},`) || line.includes(`,'${text},`), line).toBe(true);
    }
    expect(csv).not.toMatch(/,[=+\-@][^,]*,/);
    for (const n of thaiNotes()) expect(nfc(csv)).toContain(nfc(n.text));
    const actions = await zip.file('actions.csv')!.async('string');
    expect(actions).toContain(',2016,');
  });

  it('writes Markdown with the goals and Thai, in English or Thai headings', () => {
    expect(exportCli(['--workshop', demo.workshopId, '--format', 'md', '--out', out('report.md')]).code).toBe(0);
    const md = nfc(fs.readFileSync(out('report.md'), 'utf8'));
    for (const title of goalTitles()) expect(md).toContain(title);
    for (const n of thaiNotes()) expect(md).toContain(nfc(n.text));
    expect(md).toContain('## Work-plan goals');
    expect(md).toContain('### Accepted amendments');
    expect(exportCli(['--workshop', demo.workshopId, '--format', 'md', '--locale', 'th', '--out', out('report-th.md')]).code).toBe(0);
    expect(fs.readFileSync(out('report-th.md'), 'utf8')).toContain('## เป้าหมายของแผนงาน');
  });

  it('JSON export → import → export is byte-identical', async () => {
    expect(exportCli(['--workshop', demo.workshopId, '--format', 'json', '--out', out('w.json')]).code).toBe(0);
    const first = fs.readFileSync(out('w.json'), 'utf8');
    expect(first).toBe(exportJson(state));
    const snapshot = JSON.parse(first);
    const parsed = parseExport(snapshot);
    if (!parsed.ok) throw new Error(parsed.message);
    const facilitatorId = Object.values(state.participants).find((p) => p.role === 'facilitator')!.id;
    // an import stamps createdAt with the time of the import; decide at the exported time
    const decision = decide(
      emptyState(),
      { type: 'workshop:import', workshopId: 'imported1', joinCode: 'ZZZZ2345', facilitatorId, state: parsed.state },
      { kind: 'system' },
      { now: snapshot.workshop.createdAt },
    );
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    const envelopes: Envelope[] = decision.events.map((e, i) => ({ seq: i + 1, at: 0, by: null, scope: scopeOf(e), e }));
    const imported = applyEnvelopesOwned(emptyState(), envelopes);
    expect(imported.id).toBe('imported1');
    expect(exportJson(imported)).toBe(first);
  });

  it('fails clearly on bad arguments (2) and unknown workshops or data directories (1)', async () => {
    // the process exit codes
    const bad = exportCli(['--workshop', demo.workshopId, '--format', 'xlsx', '--out', out('x')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown format "xlsx"');
    const unknown = exportCli(['--workshop', 'NOPE-NOPE', '--format', 'md', '--out', out('x')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no workshop');
    // the rest in process (same code path minus the process wrapper)
    const env = { DATA_DIR: dataDir };
    const outcome = (args: string[]) => runExportCli(args, env);
    expect(await outcome(['--workshop', demo.workshopId, '--format', 'md', '--out', out('x'), '--locale', 'fr'])).toMatchObject({
      code: 2,
    });
    expect(await outcome(['--format', 'md', '--out', out('x')])).toMatchObject({ code: 2 });
    expect(await outcome(['--workshop', demo.workshopId, '--format', 'md'])).toMatchObject({ code: 2 });
    expect(await outcome(['--workshop', demo.workshopId, '--format', 'md', '--out', out('x'), '--bogus'])).toMatchObject({ code: 2 });
    expect(
      await outcome(['--workshop', demo.workshopId, '--format', 'md', '--out', out('x'), '--data-dir', path.join(outDir, 'nowhere')]),
    ).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('data directory not found'),
    });
    expect(await outcome(['--workshop', demo.workshopId, '--format', 'md', '--out', out('x'), '--data-dir', outDir])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no World Café database'),
    });
    expect(fs.existsSync(out('x'))).toBe(false);
  });
});

describe('renderExport', () => {
  it('names files after the title and sets content types', async () => {
    const slug = slugify(state.title);
    expect(slug).toBe('preparatory-meeting-of-the-18th-accsm-post-2015-accsm-work');
    const expected = {
      json: ['application/json; charset=utf-8', `${slug}.json`],
      md: ['text/markdown; charset=utf-8', `${slug}.md`],
      csv: ['application/zip', `${slug}-csv.zip`],
      docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', `${slug}.docx`],
    } as const;
    for (const [format, [contentType, filename]] of Object.entries(expected)) {
      const r = await renderExport(state, format as keyof typeof expected);
      expect(r.contentType).toBe(contentType);
      expect(r.filename).toBe(filename);
      expect(r.body.length).toBeGreaterThan(1000);
    }
    expect(slugify('การประชุม')).toBe('world-cafe');
    // the CSV zip is the same bytes for the same workshop
    expect((await renderExport(state, 'csv')).body.equals((await renderExport(state, 'csv')).body)).toBe(true);
  });
});
