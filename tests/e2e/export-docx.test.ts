// The Word export as a reader other than Word sees it: LibreOffice (soffice --headless) turns the
// demo workshop's .docx into a PDF, and pdftotext reads it back. Every page must carry the running
// header (meeting name) and a footer whose PAGE / NUMPAGES fields LibreOffice filled in, and the
// contents must be shown as entries, not as the field code. Page images land in
// test-output/e2e/report-docx-*.png for a person to look at. Needs /usr/bin/soffice (LibreOffice).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopState } from '@world-cafe/shared';
import { loadWorkshop } from '../../server/src/cli/export';
import { runCli } from '../helpers/cli';
import { outputPath as out } from '../helpers/browser';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const noSpace = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

let dataDir: string;
let profile: string;
let workshopId: string;
let state: WorkshopState;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-docx-'));
  // a LibreOffice profile of its own, so a desktop LibreOffice (or another run) never locks this one out
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-lo-profile-'));
  const run = runCli('server/src/cli/demo.ts', ['--json'], { DATA_DIR: dataDir });
  expect(run.code).toBe(0);
  workshopId = JSON.parse(run.stdout).workshopId;
  state = (await loadWorkshop(path.join(dataDir, 'worldcafe.db'), workshopId))!;
});

afterAll(() => {
  for (const dir of [dataDir, profile]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('Word export in LibreOffice', () => {
  for (const locale of ['en', 'th'] as const) {
    it(`${locale}: renders with the header, "page X of N" and the contents on every page`, () => {
      const docx = out(`report-docx-${locale}.docx`);
      const res = runCli('server/src/cli/export.ts', ['--workshop', workshopId, '--format', 'docx', '--locale', locale, '--out', docx], {
        DATA_DIR: dataDir,
      });
      expect(res.code, res.stderr).toBe(0);
      execFileSync(
        SOFFICE,
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.dirname(docx), docx],
        {
          stdio: 'ignore',
          timeout: 120_000,
        },
      );
      const pdf = docx.replace(/\.docx$/, '.pdf');
      const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
      execFileSync('pdftoppm', ['-r', '40', '-png', pdf, pdf.replace(/\.pdf$/, '-page')]);
      const n = pages.length;
      expect(n).toBeGreaterThan(5);
      const title = noSpace(state.title);
      pages.forEach((text, i) => {
        const label = locale === 'en' ? `Page ${i + 1} of ${n}` : `หน้า ${i + 1} จาก ${n}`;
        expect(text, `page ${i + 1}`).toContain(label);
        expect(noSpace(text), `page ${i + 1}`).toContain(title);
      });
      // the contents on the first page: entries, goals included, and never the field code
      const first = noSpace(pages[0]!);
      expect(first).toContain(noSpace(locale === 'en' ? 'Contents' : 'สารบัญ'));
      expect(pages[0]).not.toMatch(/TOC\s*\\/);
      state.goalOrder.forEach((id, i) => expect(first).toContain(noSpace(`${i + 1}. ${state.goals[id]!.title}`)));
    });
  }
});
