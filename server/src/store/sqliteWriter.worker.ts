// The SQLite writer thread: owns its own connection, so the fsync of every commit blocks this
// thread and not the server's event loop. Appends arrive as messages; everything that queued up
// while the previous commit ran is written in ONE transaction (natural group commit), and one
// reply per transaction carries the outcome of each batch, in arrival order.
import { parentPort, workerData } from 'node:worker_threads';
import type { AppendBatch } from './eventStore';
import type { SyncMode } from './schema';
import { openWriterConnection } from './schema';
import { type SnapshotField, SqliteWriter } from './sqliteWriter';

export interface WriterInit {
  file: string;
  synchronous: SyncMode;
}

/**
 * A string is a JSON array of AppendBatch to write; `append` is the same with what is already
 * serialised beside the JSON (a body of MBs is not re-escaped into it): `bodies` holds
 * [index, field, body] for each batch whose snapshot or snapshot part body was left empty in
 * `json`, `events` [index, encodedEvents] for each batch whose encoded events were left out, their
 * envelopes' `e` reduced to `{ type }` (all the writer reads of them besides their JSON); then
 * `close` once.
 */
export type ToWriter = string | ({ t: 'append' } & Beside) | { t: 'close' };
interface Beside {
  json: string;
  bodies: Array<[number, SnapshotField, string]>;
  events?: Array<[number, Array<[number, string]>]>;
}
export type FromWriter = { t: 'done'; outcomes: import('./appendRules').BatchOutcome[]; commits: number } | { t: 'closed' };

const port = parentPort!;
const init = workerData as WriterInit;
const db = openWriterConnection(init.file, init.synchronous);
const writer = new SqliteWriter(db);

let queue: AppendBatch[] = [];
let scheduled = false;

function flush() {
  scheduled = false;
  const batches = queue;
  queue = [];
  if (batches.length === 0) return;
  const outcomes = writer.write(batches);
  port.postMessage({ t: 'done', outcomes, commits: writer.commits } satisfies FromWriter);
}

function batchesOf(msg: string | Beside): AppendBatch[] {
  if (typeof msg === 'string') return JSON.parse(msg) as AppendBatch[];
  const batches = JSON.parse(msg.json) as AppendBatch[];
  for (const [i, field, body] of msg.bodies) batches[i]![field]!.body = body;
  for (const [i, encoded] of msg.events ?? []) batches[i]!.encodedEvents = encoded;
  return batches;
}

port.on('message', (msg: ToWriter) => {
  if (typeof msg === 'string' || msg.t === 'append') {
    for (const b of batchesOf(msg)) queue.push(b);
    if (!scheduled) {
      scheduled = true;
      // after the poll phase: every message that arrived during the last commit joins this one
      setImmediate(flush);
    }
  } else if (msg.t === 'close') {
    flush(); // messages are ordered: every append posted before close is in the queue
    db.close();
    port.postMessage({ t: 'closed' } satisfies FromWriter);
    port.close();
  }
});
