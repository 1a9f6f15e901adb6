// The Word and PDF reports are built on a worker thread. On the event loop, building a Word report
// (docx's XML, the charts drawn by resvg, the zip) held every live room of the server for 220–340 ms
// (the export tests' workshop; ~300 ms the demo's, ~660 ms a server's first, loading the
// libraries), and a PDF ~100 ms (pdf-lib reading Chromium's first print), ~1 s the first (loading
// playwright-core and pdf-lib): a facilitator exporting a draft while the delegations review froze
// their screens. The thread starts with the first such export and stays (its libraries loaded once,
// in its own heap: not in the main thread's, which a live room's major GCs walk); while idle it does
// not keep the process alive. If it dies or an export runs past EXPORT_THREAD_TIMEOUT_MS, what it
// was rendering fails (the request answers 500) and the next export starts a new thread.
import type { Worker } from 'node:worker_threads';
import type { Report } from '@world-cafe/shared/export';
import { startModuleWorker } from '../moduleWorker';
import type { FromExportWorker, ThreadFormat, ToExportWorker } from './export.worker';
import { PdfUnavailableError } from './pdfUnavailable';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_CONTENT_TYPE = 'application/pdf';

/** An export running longer than this fails, and its thread is replaced (above the PDF's own 60 s per print and its queue). */
export const EXPORT_THREAD_TIMEOUT_MS = 180_000;

interface Job {
  resolve: (body: Buffer) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

let thread: Worker | null = null;
const jobs = new Map<number, Job>();
let nextId = 0;
let lastThreadId = -1;

/** The thread id that rendered the last report (never the main thread's 0), -1 before any. */
export const lastExportThreadId = () => lastThreadId;

function start(): Worker {
  const w = startModuleWorker(import.meta.url, './export.worker', null);
  w.on('message', (msg: FromExportWorker) => {
    const job = jobs.get(msg.id);
    if (!job) return;
    jobs.delete(msg.id);
    clearTimeout(job.timer);
    if (jobs.size === 0) w.unref();
    if ('error' in msg) return job.reject(msg.unavailable ? new PdfUnavailableError(msg.error) : new Error(msg.error));
    lastThreadId = msg.threadId;
    job.resolve(Buffer.from(msg.body.buffer, msg.body.byteOffset, msg.body.byteLength));
  });
  w.on('error', (err) => fail(w, err));
  w.on('exit', (code) => fail(w, new Error(`the export thread exited (code ${code})`)));
  w.unref();
  return w;
}

/** Ends a thread that failed: every export it held fails with `err`. */
function fail(w: Worker, err: Error) {
  if (thread !== w) return;
  thread = null;
  for (const job of jobs.values()) {
    clearTimeout(job.timer);
    job.reject(err);
  }
  jobs.clear();
  void w.terminate();
}

/** The Word or PDF document of `report`, rendered off the event loop. */
export function renderOffThread(format: ThreadFormat, report: Report, timeoutMs = EXPORT_THREAD_TIMEOUT_MS): Promise<Buffer> {
  const w = (thread ??= start());
  const id = ++nextId;
  return new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(() => fail(w, new Error(`the export took longer than ${timeoutMs / 1000} s`)), timeoutMs);
    jobs.set(id, { resolve, reject, timer });
    // referenced while it has work, so a CLI export does not exit before its file is written
    w.ref();
    w.postMessage({ id, format, report } satisfies ToExportWorker);
  });
}
