// The report as PDF: the print-styled HTML document (shared/src/export/html.ts) printed by headless
// Chromium through playwright-core. Chromium shapes Thai with HarfBuzz and picks the installed
// Noto Sans Thai, so Thai comes out right without embedding fonts ourselves.
// One browser per export, always closed (in finally), so no Chromium outlives a request; at most
// MAX_CONCURRENT run at once, the rest wait their turn. The page runs without JavaScript and
// without network: the document is self-contained, and anything else is refused.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export const PDF_CONTENT_TYPE = 'application/pdf';

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

export class PdfUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfUnavailableError';
  }
}

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

export async function renderPdf(html: string, opts: { executablePath?: string } = {}): Promise<Buffer> {
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
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
  });
}
