// The bots' Socket.IO client: Engine.IO 4 / Socket.IO 5 spoken over a plain `ws` WebSocket, the
// way the relay's bots speak their relay (bench/notes-worker.ts). A bot reads only the kind of a
// `sync` and the ids of the notes in an `events` frame, so it never parses a snapshot (1,010 copies
// of ~115 KB each were most of the generator's CPU while connecting: a cost each person's own device
// pays, not the server) and skips socket.io-client's per-connection machinery. Exact, not sampled:
// the bench checks every delivery against what it owes, so anything this client missed shows up as
// missing. Websocket transport only, no reconnection: a dropped bot fails the run.
import WebSocket from 'ws';

const SYNC = /^42\["sync",\{"kind":"(\w+)"/;
/** Bytes of a frame decoded before anything else: enough to tell a `sync` and read its kind. */
const HEAD_BYTES = 40;

/**
 * Both stacks' bots: no compression, and no UTF-8 check of what they receive (each person's own
 * device pays for that, not the server; a snapshot is ~115 KB and 1,010 arrive while connecting).
 */
export const BOT_SOCKET_OPTIONS = { perMessageDeflate: false, skipUTF8Validation: true } as const;
const EVENTS = '42["events",';
const NOTE_CREATED = '"e":{"type":"note:created","note":{"id":"';

/** The strings that follow each `marker` in `frame` up to the next quote, in order (a scan: the frame is not parsed). */
export function idsAfter(frame: string, marker: string): string[] {
  const ids: string[] = [];
  for (let at = frame.indexOf(marker); at >= 0; at = frame.indexOf(marker, at + marker.length)) {
    const from = at + marker.length;
    ids.push(frame.slice(from, frame.indexOf('"', from)));
  }
  return ids;
}

/** The ids of the notes created in an `events` frame, in order. */
export const noteIdsIn = (frame: string) => idsAfter(frame, NOTE_CREATED);

export interface LeanHandlers {
  sync(kind: string): void;
  notes(ids: string[]): void;
  /** The connection ended or was refused (connect_error), with why. */
  closed(why: string): void;
}

export class LeanSocket {
  private ws: WebSocket;
  private nextAck = 0;
  private acks = new Map<number, (data: unknown) => void>();

  /** Resolves once the Socket.IO namespace accepted the handshake's auth (`40`). */
  readonly connected: Promise<void>;

  constructor(
    url: string,
    auth: Record<string, unknown>,
    private on: LeanHandlers,
  ) {
    this.ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, BOT_SOCKET_OPTIONS);
    this.connected = new Promise((resolve, reject) => {
      this.ws.on('message', (data) => {
        // a snapshot is decoded no further than its kind (see message)
        const sync = SYNC.exec((data as Buffer).toString('utf8', 0, HEAD_BYTES));
        if (sync) return this.on.sync(sync[1]!);
        const frame = (data as Buffer).toString();
        switch (frame[0]) {
          case '0': // Engine.IO open: join the default namespace with the auth
            return this.ws.send(`40${JSON.stringify(auth)}`);
          case '2': // ping
            return this.ws.send('3');
          case '4':
            return this.message(frame, resolve, reject);
          default:
            return; // noop, close: nothing to do
        }
      });
      this.ws.on('error', (err) => reject(err));
      this.ws.on('close', () => {
        reject(new Error('closed before connecting'));
        this.on.closed('transport close');
      });
    });
  }

  private message(frame: string, resolve: () => void, reject: (err: Error) => void) {
    const type = frame[1];
    if (type === '0') return resolve();
    if (type === '4') return reject(new Error(`connect_error ${frame.slice(2)}`));
    if (type === '1') return this.on.closed('io server disconnect');
    if (type === '3') {
      const bracket = frame.indexOf('[');
      const id = Number(frame.slice(2, bracket));
      const cb = this.acks.get(id);
      if (!cb) return;
      this.acks.delete(id);
      return cb((JSON.parse(frame.slice(bracket)) as unknown[])[0]);
    }
    if (type !== '2') return;
    if (frame.startsWith(EVENTS)) return this.on.notes(noteIdsIn(frame));
  }

  /** Emits `event` with `data`; `ack` gets the server's answer. */
  emit(event: string, data: unknown, ack?: (answer: unknown) => void) {
    let id = '';
    if (ack) {
      const n = this.nextAck++;
      this.acks.set(n, ack);
      id = String(n);
    }
    this.ws.send(`42${id}${JSON.stringify([event, data])}`);
  }

  close() {
    this.ws.terminate();
  }
}
