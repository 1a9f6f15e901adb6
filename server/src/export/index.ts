// One entry point for every export format, used by the HTTP endpoints and the export CLI:
// the workshop state in, the file's bytes, content type and download name out.
import JSZip from 'jszip';
import type { WorkshopState } from '@world-cafe/shared';
import { exportJson } from '@world-cafe/shared';
import { buildReport, type Locale } from '@world-cafe/shared/export';
import { renderMarkdown } from '@world-cafe/shared/export';
import { exportCsv } from '@world-cafe/shared/export';
import { DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE, renderOffThread } from './exportThread';

export { PdfUnavailableError } from './pdfUnavailable';

// The Word and PDF renderers run on a thread of their own (exportThread.ts), started by the first
// such export: their libraries (docx, resvg, pdf-lib, playwright-core: several MB of source and
// code) never load into the server's main heap, where a live room's major GCs would walk them.

export const EXPORT_FORMATS = ['docx', 'pdf', 'md', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(v: unknown): v is ExportFormat {
  return typeof v === 'string' && (EXPORT_FORMATS as readonly string[]).includes(v);
}

export interface ExportOptions {
  /** Language of the report's headings; default: the workshop's language when Thai, else English. */
  locale?: Locale;
}

export interface RenderedExport {
  body: Buffer;
  contentType: string;
  filename: string;
}

/** A file-name-safe slug of the title (ASCII letters and digits); Thai-only titles fall back to "world-cafe". */
export function slugify(title: string): string {
  let slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // at most 60 characters, cut between words
  if (slug.length > 60) slug = slug.slice(0, 61).replace(/-[^-]*$/, '') || slug.slice(0, 60);
  return slug || 'world-cafe';
}

// A fixed timestamp inside the zip keeps the same workshop's CSV archive byte-identical.
const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));

export async function renderExport(state: WorkshopState, format: ExportFormat, opts: ExportOptions = {}): Promise<RenderedExport> {
  const slug = slugify(state.title);
  const locale = opts.locale;
  switch (format) {
    case 'json':
      return { body: Buffer.from(exportJson(state), 'utf8'), contentType: 'application/json; charset=utf-8', filename: `${slug}.json` };
    case 'md':
      return {
        body: Buffer.from(renderMarkdown(buildReport(state, { locale })), 'utf8'),
        contentType: 'text/markdown; charset=utf-8',
        filename: `${slug}.md`,
      };
    case 'docx':
      return {
        body: await renderOffThread('docx', buildReport(state, { locale })),
        contentType: DOCX_CONTENT_TYPE,
        filename: `${slug}.docx`,
      };
    case 'pdf':
      return { body: await renderOffThread('pdf', buildReport(state, { locale })), contentType: PDF_CONTENT_TYPE, filename: `${slug}.pdf` };
    case 'csv': {
      const zip = new JSZip();
      for (const f of exportCsv(state)) zip.file(f.filename, f.content, { date: ZIP_DATE });
      const body = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
      return { body, contentType: 'application/zip', filename: `${slug}-csv.zip` };
    }
    default: {
      const never: never = format;
      throw new Error(`unknown export format ${String(never)}`);
    }
  }
}
