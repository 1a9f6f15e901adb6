// The thread the Word and PDF exports are built on (see exportThread.ts): renders the reports it is
// sent, as they come; each renderer is loaded on the first report of its kind.
import { parentPort, threadId } from 'node:worker_threads';
import type { Report } from '@world-cafe/shared/export';
import { PdfUnavailableError } from './pdfUnavailable';

export type ThreadFormat = 'docx' | 'pdf';

export interface ToExportWorker {
  id: number;
  format: ThreadFormat;
  report: Report;
}
export type FromExportWorker =
  | { id: number; body: Uint8Array; threadId: number }
  /** `unavailable`: the PDF's Chromium is missing or would not start (PdfUnavailableError). */
  | { id: number; error: string; unavailable: boolean };

async function render(format: ThreadFormat, report: Report): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return (await import('./docx')).renderDocx(report);
    case 'pdf':
      return (await import('./pdf')).renderReportPdf(report);
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

const port = parentPort!;
port.on('message', ({ id, format, report }: ToExportWorker) => {
  render(format, report).then(
    (body) => port.postMessage({ id, body, threadId } satisfies FromExportWorker),
    (err: unknown) =>
      port.postMessage({
        id,
        error: err instanceof Error ? err.message : String(err),
        unavailable: err instanceof PdfUnavailableError,
      } satisfies FromExportWorker),
  );
});
