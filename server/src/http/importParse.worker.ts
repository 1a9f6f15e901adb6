// The import's parse and validation, on a thread of its own (see importParse.ts).
import { parentPort } from 'node:worker_threads';
import { type FromImportWorker, IMPORT_PART_ENTRIES, parseExportText, splitLargeRecords } from './importParts';

const post = (msg: FromImportWorker) => parentPort!.postMessage(msg);

parentPort!.once('message', (text: string) => {
  const parsed = parseExportText(text);
  if (!parsed.ok) return post({ t: 'error', message: parsed.message });
  // the state's JSON as the store will hold it, so the main thread does not serialise it again
  const json = JSON.stringify(parsed.state);
  const { head, parts } = splitLargeRecords(parsed.state, IMPORT_PART_ENTRIES);
  post({ t: 'head', state: head, json });
  for (const [field, entries] of parts) post({ t: 'part', field, entries });
  post({ t: 'end' });
});
