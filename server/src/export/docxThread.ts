// The Word report is rendered on a worker thread. Building it (docx's XML, the charts drawn by
// resvg, the zip) held the event loop for ~300 ms for the demo workshop, ~660 ms on a server's
// first export (loading the libraries), and every live room of the server waited behind it: a
// facilitator exporting a draft while the delegations review would freeze their screens. The
// thread starts with the first Word export and stays (its libraries loaded once, in its own heap:
// not in the main thread's, which a live room's major GCs walk); while idle it does not keep the
// process alive. If it dies or an export runs past DOCX_TIMEOUT_MS, what it was rendering fails
// (the request answers 500) and the next export starts a new thread.
import type { Worker } from 'node:worker_threads';
import type { Report } from '@world-cafe/shared/export';
import { startModuleWorker } from '../moduleWorker';
import type { FromDocxWorker, ToDocxWorker } from './docx.worker';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** An export running longer than this fails, and its thread is replaced. */
export const DOCX_TIMEOUT_MS = 60_000;

interface Job {
  resolve: (body: Buffer) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

let thread: Worker | null = null;
const jobs = new Map<number, Job>();
let nextId = 0;
let lastThreadId = -1;

/** The thread id that rendered the last Word report (never the main thread's 0), -1 before any. */
export const lastDocxThreadId = () => lastThreadId;

function start(): Worker {
  const w = startModuleWorker(import.meta.url, './docx.worker', null);
  w.on('message', (msg: FromDocxWorker) => {
    const job = jobs.get(msg.id);
    if (!job) return;
    jobs.delete(msg.id);
    clearTimeout(job.timer);
    if (jobs.size === 0) w.unref();
    if ('error' in msg) return job.reject(new Error(msg.error));
    lastThreadId = msg.threadId;
    job.resolve(Buffer.from(msg.body.buffer, msg.body.byteOffset, msg.body.byteLength));
  });
  w.on('error', (err) => fail(w, err));
  w.on('exit', (code) => fail(w, new Error(`the Word export thread exited (code ${code})`)));
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

/** The Word document of `report`, rendered off the event loop. */
export function renderDocxOffThread(report: Report, timeoutMs = DOCX_TIMEOUT_MS): Promise<Buffer> {
  const w = (thread ??= start());
  const id = ++nextId;
  return new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(() => fail(w, new Error(`the Word export took longer than ${timeoutMs / 1000} s`)), timeoutMs);
    jobs.set(id, { resolve, reject, timer });
    // referenced while it has work, so a CLI export does not exit before its file is written
    w.ref();
    w.postMessage({ id, report } satisfies ToDocxWorker);
  });
}
