// An import's parse, which the main thread (a small export) and the import's thread (a large one)
// share, and how a validated import crosses from that thread to the main thread: the state without
// its large records, then those records a part at a time. Each message is its own task on the main
// thread, so receiving 40,000 notes (a 16 MB export) is ~20 turns of a few ms, not one of ~100 ms.
import { type ParsedExport, type PortableWorkshop, parseExport } from '@world-cafe/shared';

/** The export in `text` (a request body), parsed and validated (parseExport: the export format's schema). */
export function parseExportText(text: string): ParsedExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'malformed JSON' };
  }
  return parseExport(raw);
}

/** Entries per part (2,000 notes: ~1 MB, a few ms to receive). */
export const IMPORT_PART_ENTRIES = 2000;

export type FromImportWorker =
  | { t: 'error'; message: string }
  /** The validated state, its records of more than a part's entries emptied; `json`: the whole state's JSON. */
  | { t: 'head'; state: PortableWorkshop; json: string }
  | { t: 'part'; field: string; entries: Array<[string, unknown]> }
  | { t: 'end' };

type Fields = Record<string, unknown>;

/** `state` with every record (a plain object) of more than `per` entries emptied, and those entries in parts. */
export function splitLargeRecords(
  state: PortableWorkshop,
  per: number,
): { head: PortableWorkshop; parts: Array<[string, Array<[string, unknown]>]> } {
  const head: Fields = { ...state };
  const parts: Array<[string, Array<[string, unknown]>]> = [];
  for (const [field, value] of Object.entries(state)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const entries = Object.entries(value as Fields);
    if (entries.length <= per) continue;
    head[field] = {};
    for (let i = 0; i < entries.length; i += per) parts.push([field, entries.slice(i, i + per)]);
  }
  return { head: head as unknown as PortableWorkshop, parts };
}

/** Puts a part back into the state being received (the inverse of splitLargeRecords, a part at a time). */
export function addPart(state: PortableWorkshop, field: string, entries: Array<[string, unknown]>) {
  const record = (state as unknown as Record<string, Fields>)[field];
  if (!record || typeof record !== 'object') throw new Error(`an import part for an unknown record: ${field}`);
  for (const [k, v] of entries) record[k] = v;
}
