import fs from 'node:fs';
import JSZip from 'jszip';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { type Report, buildReport } from '@world-cafe/shared/export';
import { P, as, cmd, run, standardWorkshop, toPhase } from '@world-cafe/shared/testing';
import { lastExportThreadId, renderOffThread } from './exportThread';
import { PdfUnavailableError } from './pdfUnavailable';

/** The standard workshop with 300 more notes at its two tables, harvested: a report of ~40 pages. */
function workshop() {
  let s = standardWorkshop('cafe');
  for (let i = 0; i < 300; i++) {
    const [by, tableId] = i % 2 === 0 ? [P.d1, 't1'] : [P.d2, 't2'];
    const text = `Idea ${i}: pair the delegations' training institutes on leadership programmes`;
    s = run(s, cmd({ type: 'note:create', noteId: `n-bulk-${i}`, tableId, text, color: 'yellow', x: 1, y: 1 }), as(by));
  }
  return toPhase(s, 'harvest');
}
const state = workshop();
const report = () => buildReport(state, { locale: 'en' });

async function documentXml(docx: Buffer): Promise<string> {
  return (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
}

/**
 * CPU time of this thread (the event loop the server's rooms run on) while `work` runs, in ms
 * (Linux, 10 ms ticks). Not wall-clock gaps: beside other load those measure the scheduler too.
 */
async function loopCpu<T>(work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = threadCpuMs();
  const result = await work();
  return { result, cpuMs: threadCpuMs() - before };
}

function threadCpuMs(): number {
  const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 1/100 s
}

describe('renderOffThread', () => {
  it('renders the Word report on another thread, leaving the event loop free', async () => {
    await renderOffThread('docx', report()); // the thread starts and loads its libraries
    const r = report();
    const { result: docx, cpuMs } = await loopCpu(() => renderOffThread('docx', r));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const xml = await documentXml(docx);
    expect(xml).toContain(r.title);
    expect(xml).toContain('Delegate idea'); // a note of table 1
    expect(lastExportThreadId()).toBeGreaterThan(0);
    expect(lastExportThreadId()).not.toBe(threadId);
    // rendered on this thread, this report held the event loop for 122–131 ms (2-core machine,
    // 2026-12-07); off it, the thread spent 0–20 ms of CPU on the export, beside a CPU hog too
    expect(cpuMs).toBeLessThanOrEqual(40);
  }, 60_000);

  it("answers a report the renderer cannot take with the renderer's error, and the thread renders the next one", async () => {
    await renderOffThread('docx', report());
    const before = lastExportThreadId();
    await expect(renderOffThread('docx', { title: 'broken' } as unknown as Report)).rejects.toThrow(/\w/);
    const docx = await renderOffThread('docx', report());
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(lastExportThreadId()).toBe(before); // the same thread: an error is not a crash
  }, 60_000);

  it('prints the PDF report on the thread too, loading its libraries there', async () => {
    const r = report();
    // the first PDF of the process: on this thread, loading playwright-core and pdf-lib held the
    // event loop for ~0.5–1 s and took 880 ms of its CPU (then 50–80 ms a report: pdf-lib reading
    // Chromium's first print)
    const { result: pdf, cpuMs } = await loopCpu(() => renderOffThread('pdf', r));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(lastExportThreadId()).toBeGreaterThan(0);
    expect(cpuMs).toBeLessThanOrEqual(40);
  }, 120_000);

  it('tells a PDF export without Chromium apart (PdfUnavailableError) across the thread', async () => {
    // a timed-out export replaces the thread: the next one starts with the environment set here
    await expect(renderOffThread('docx', report(), 1)).rejects.toThrow(/took longer than/);
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await expect(renderOffThread('pdf', report())).rejects.toBeInstanceOf(PdfUnavailableError);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
      await expect(renderOffThread('docx', report(), 1)).rejects.toThrow(/took longer than/);
    }
    expect((await renderOffThread('pdf', report())).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('fails an export that runs past its time limit, and the next export gets a new thread', async () => {
    await renderOffThread('docx', report());
    const before = lastExportThreadId();
    await expect(renderOffThread('docx', report(), 1)).rejects.toThrow(/took longer than/);
    const docx = await renderOffThread('docx', report());
    expect(await documentXml(docx)).toContain(report().title);
    expect(lastExportThreadId()).not.toBe(before);
  }, 60_000);
});
