// The report as PDF: the print-styled HTML document (shared/src/export/html.ts) printed by headless
// Chromium through playwright-core. Chromium shapes Thai with HarfBuzz and picks the installed
// Noto Sans Thai, so Thai comes out right without embedding fonts ourselves.
// One browser per export, always closed (in finally), so no Chromium outlives a request; at most
// MAX_CONCURRENT run at once, the rest wait their turn. The page runs without JavaScript and
// without network: the document is self-contained, and anything else is refused.
// Every page carries a running header (meeting name, date) and "Page X of Y" (Chromium's header
// and footer templates). The contents list needs page numbers Chromium cannot compute in CSS, so
// the report is printed twice: the first print's named destinations (one per contents link) say
// on which page each entry landed, and the second print fills them in. The page-number column has
// a fixed width, so the second print paginates exactly like the first.
import fs from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { chromium, type Page } from 'playwright-core';
import type { Report } from '@world-cafe/shared/export';
import { printHeaderFooter, renderHtml } from '@world-cafe/shared/export';
import { PdfUnavailableError } from './pdfUnavailable';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const MAX_CONCURRENT = 2;
const TIMEOUT_MS = 60_000;

export { PdfUnavailableError };

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

let running = 0;
const waiting: Array<() => void> = [];

async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** The 1-based page of every named destination in a PDF (Chromium names them after the link targets' ids). */
export async function destinationPages(pdf: Uint8Array): Promise<Record<string, number>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageOf = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const out: Record<string, number> = {};
  for (const [name, value] of dests?.entries() ?? []) {
    const dest = doc.context.lookup(value);
    // [pageRef /XYZ left top zoom], or a dictionary holding it under /D
    const array = dest instanceof PDFArray ? dest : dest instanceof PDFDict ? dest.lookupMaybe(PDFName.of('D'), PDFArray) : undefined;
    const ref = array?.get(0);
    const page = ref instanceof PDFRef ? pageOf.get(ref.toString()) : undefined;
    if (page !== undefined) out[name.decodeText()] = page;
  }
  return out;
}

async function print(page: Page, html: string, chrome: { headerTemplate: string; footerTemplate: string }): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load' });
  return page.pdf({
    format: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    outline: true,
    tagged: true,
    ...chrome,
  });
}

/** The report printed to PDF: running header and footer on every page, contents with page numbers. */
export async function renderReportPdf(report: Report, opts: { executablePath?: string } = {}): Promise<Buffer> {
  const chrome = printHeaderFooter(report);
  return withPage(opts, async (page) => {
    const first = await print(page, renderHtml(report), chrome);
    return print(page, renderHtml(report, { pages: await destinationPages(first) }), chrome);
  });
}

async function withPage<T>(opts: { executablePath?: string }, fn: (page: Page) => Promise<T>): Promise<T> {
  const executablePath = opts.executablePath ?? chromiumPath();
  if (!fs.existsSync(executablePath))
    throw new PdfUnavailableError(
      `PDF export needs Chromium, which was not found at ${executablePath}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH`,
    );
  return slot(async () => {
    let browser;
    try {
      browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: TIMEOUT_MS });
    } catch (err) {
      throw new PdfUnavailableError(`could not start Chromium at ${executablePath}: ${(err as Error).message.split('\n')[0]}`);
    }
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT_MS);
      await page.route('**/*', (route) => route.abort());
      await page.emulateMedia({ media: 'print' });
      return await fn(page);
    } finally {
      await browser.close();
    }
  });
}
