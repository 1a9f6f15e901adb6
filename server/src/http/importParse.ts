// An imported workshop's export, parsed and validated (shared parseExport, the zod schema of the
// export format) before the room decides it. A large export is parsed and validated on a thread
// of its own: on the event loop, a 16 MB export (40,000 notes) held every live room of the server
// for 388-630 ms (6 imports; JSON.parse of the body ~20 %, the zod pass ~40 %, serialising the event for
// the store ~25 %, GC ~10 %). The thread hands back the validated state in parts
// (importParts.ts) and its JSON, which the store writes as is (AppendBatch.encodedEvents).
import { type PortableWorkshop, assertNever } from '@world-cafe/shared';
import { startModuleWorker } from '../moduleWorker';
import { type FromImportWorker, addPart, parseExportText } from './importParts';

/** Bodies up to this many characters (~256 KB) are parsed on the event loop (~10 ms): a thread costs more to start. */
export const INLINE_IMPORT_CHARS = 256 * 1024;

/** A parse that takes longer than this fails (and its thread is ended). */
export const IMPORT_PARSE_TIMEOUT_MS = 60_000;

export type ParsedImport =
  | { ok: true; state: PortableWorkshop; /** The state's JSON (from the thread; absent inline). */ json?: string }
  | { ok: false; message: string };

/**
 * The export in `text` (the request body), parsed and validated; off the event loop when large.
 * `onPart` (tests) is called as each part of a large one is put back.
 */
export function parseImport(text: string, inlineChars = INLINE_IMPORT_CHARS, onPart?: () => void): Promise<ParsedImport> {
  if (text.length <= inlineChars) return Promise.resolve(parseExportText(text));
  return parseOnThread(text, onPart);
}

function parseOnThread(text: string, onPart?: () => void): Promise<ParsedImport> {
  const worker = startModuleWorker(import.meta.url, './importParse.worker', null);
  return new Promise<ParsedImport>((resolve, reject) => {
    let state: PortableWorkshop | null = null;
    let json = '';
    // Node hands a port's queued messages over in one go: the parts are put back one per turn of
    // the loop, so the rooms' own work runs between them
    const parts: Array<{ field: string; entries: Array<[string, unknown]> }> = [];
    let ended = false;
    let turn: NodeJS.Immediate | null = null;
    const next = () => {
      turn ??= setImmediate(() => {
        turn = null;
        const part = parts.shift();
        if (part) {
          if (state) addPart(state, part.field, part.entries);
          onPart?.();
          return next();
        }
        if (ended) finish(state ? { ok: true, state, json } : new Error('the import thread ended without a state'));
      });
    };
    const finish = (outcome: ParsedImport | Error) => {
      clearTimeout(timer);
      if (turn) clearImmediate(turn);
      worker.removeAllListeners();
      worker.on('error', () => {}); // nothing more is awaited from it
      void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(
      () => finish(new Error(`parsing the import took longer than ${IMPORT_PARSE_TIMEOUT_MS / 1000} s`)),
      IMPORT_PARSE_TIMEOUT_MS,
    );
    worker.on('message', (msg: FromImportWorker) => {
      switch (msg.t) {
        case 'error':
          return finish({ ok: false, message: msg.message });
        case 'head':
          state = msg.state;
          json = msg.json;
          return;
        case 'part':
          parts.push(msg);
          return next();
        case 'end':
          ended = true;
          return next();
        default:
          return assertNever(msg);
      }
    });
    worker.on('error', (err) => finish(err));
    // once it sent everything the thread ends by itself, while its parts may still be put back
    worker.on('exit', (code) => ended || finish(new Error(`the import thread exited (code ${code})`)));
    worker.postMessage(text);
  });
}
