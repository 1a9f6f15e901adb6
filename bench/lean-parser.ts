// The bots' socket.io parser: the standard one, except for the two big frames a bot reads only a
// little of. A `sync` is reduced to its kind (a bot never looks at the state: parsing 1,010 copies
// of a ~115 KB snapshot was most of the generator's CPU while connecting, a cost each person's own
// device pays, not the server) and an `events` frame to the ids of the notes it creates, found by
// scanning as the relay's bots do (bench/notes-worker.ts). Exact, not sampled: the bench checks
// every delivery against what it owes, so a note the scan missed shows up as missing.
import * as parser from 'socket.io-parser';

const SYNC = /^2\["sync",\{"kind":"(\w+)"/;
const EVENTS = '2["events",';
const NOTE_CREATED = '"e":{"type":"note:created","note":{"id":"';

/** Stands in for what a bot reads of an envelope: `e.type` and, for a note, `e.note.id`. */
type LeanEnvelope = { e: { type: 'note:created'; note: { id: string } } };

export function notesIn(frame: string): LeanEnvelope[] {
  const out: LeanEnvelope[] = [];
  for (let at = frame.indexOf(NOTE_CREATED); at >= 0; at = frame.indexOf(NOTE_CREATED, at + NOTE_CREATED.length)) {
    const from = at + NOTE_CREATED.length;
    out.push({ e: { type: 'note:created', note: { id: frame.slice(from, frame.indexOf('"', from)) } } });
  }
  return out;
}

class Decoder extends parser.Decoder {
  override add(chunk: unknown) {
    if (typeof chunk === 'string') {
      const sync = SYNC.exec(chunk.slice(0, 40));
      if (sync) return this.emitReserved('decoded', { type: parser.PacketType.EVENT, nsp: '/', data: ['sync', { kind: sync[1] }] });
      if (chunk.startsWith(EVENTS))
        return this.emitReserved('decoded', { type: parser.PacketType.EVENT, nsp: '/', data: ['events', notesIn(chunk)] });
    }
    super.add(chunk);
  }
}

export const leanParser = { ...parser, Decoder } as unknown as typeof parser;
