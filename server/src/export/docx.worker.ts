// The Word export's thread (see docxThread.ts): renders the reports it is sent, as they come.
import { parentPort, threadId } from 'node:worker_threads';
import type { Report } from '@world-cafe/shared/export';
import { renderDocx } from './docx';

export interface ToDocxWorker {
  id: number;
  report: Report;
}
export type FromDocxWorker = { id: number; body: Uint8Array; threadId: number } | { id: number; error: string };

const port = parentPort!;
port.on('message', ({ id, report }: ToDocxWorker) => {
  renderDocx(report).then(
    (body) => port.postMessage({ id, body, threadId } satisfies FromDocxWorker),
    (err: unknown) => port.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies FromDocxWorker),
  );
});
