// The PDF export needs Debian's Chromium (to print) and pdftotext (to read it back), so it lives in
// the browser suite: the demo workshop is exported with the CLI and its text must keep Thai intact.
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
});
