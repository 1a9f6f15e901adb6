/**
 * The floor for `npm run bench:notes`: a bare `ws` server doing the least the app's delivery
 * contract needs, so the ratio app / relay is fair. Like the app it
 *   - batches: notes arriving within one 10 ms publish tick go out together (a quiet relay, whose
 *     last flush was 10 ms ago or more, flushes on the next turn of the event loop); a flush that
 *     wrote to many sockets stretches the next tick by the app's own rule (publishTickFor);
 *   - builds each group's frame once, as WebSocket frame bytes written to every recipient (as the
 *     app writes its events frames): per tick, one frame per table with that table's notes (sent
 *     to everyone seated there, the author included: the echo) and one frame with all the tick's
 *     notes for the facilitators;
 *   - echoes the author before the ack: acks go out after the tick's frames;
 *   - writes each socket once per tick: its sockets are corked while the tick's frames and acks are
 *     sent (as the app corks a publication and its acks, server/src/realtime/engineFrames.ts);
 *   - keeps the same limits: 64 KiB max payload.
 * No validation, no storage, no state beyond the rooms. Runs as its own process:
 *   node --import tsx bench/notes-relay.ts     -> prints {"port":N} on stdout once listening.
 * Wire: a client first sends {"t":"join","table":K} (a delegate) or {"t":"join","fac":true} (a
 * facilitator) and gets {"t":"joined"}; then {"t":"note","id":"...",...}; recipients get
 * {"t":"notes","n":[<raw note>,...]} (the notes' bytes, not re-encoded) and the author
 * {"t":"ack","id":"..."}.
 */
import type { Socket } from 'node:net';
import * as wsModule from 'ws';
import { WebSocketServer, type WebSocket } from 'ws';
// the app's tick and its stretch, so that both batch alike
import { PUBLISH_TICK_MS, publishTickFor } from '../server/src/realtime/publishTick.ts';

/** The spacing of flushes now: the app's tick, stretched by the last flush's writes as the app's is. */
let tickMs = PUBLISH_TICK_MS;

const tables = new Map<number, Set<WebSocket>>();
const facilitators = new Set<WebSocket>();
const wss = new WebSocketServer({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0), maxPayload: 64 * 1024 });

/** This tick's notes: raw bytes per table, and the authors to ack (in arrival order). */
let byTable = new Map<number, string[]>();
let acks: Array<[WebSocket, string]> = [];
let lastFlush = 0;
let timer: NodeJS.Timeout | NodeJS.Immediate | null = null;

function schedule() {
  if (timer) return;
  const wait = lastFlush + tickMs - performance.now();
  timer = wait <= 0 ? setImmediate(flush) : setTimeout(flush, wait);
}

function flush() {
  timer = null;
  lastFlush = performance.now();
  const batch = byTable;
  const toAck = acks;
  byTable = new Map();
  acks = [];
  const all: string[] = [];
  const corked = new Set<WebSocket>();
  let written = 0;
  const send = (ws: WebSocket, frame: Buffer[]) => {
    if (ws.readyState !== 1) return;
    written++;
    const { _socket, _sender } = internalsOf(ws);
    if (!corked.has(ws)) {
      corked.add(ws);
      _socket.cork();
    }
    _sender.sendFrame(frame);
  };
  for (const [t, notes] of batch) {
    const frame = textFrame(`{"t":"notes","n":[${notes.join(',')}]}`);
    for (const peer of tables.get(t) ?? []) send(peer, frame);
    all.push(...notes);
  }
  if (all.length && facilitators.size) {
    const frame = textFrame(`{"t":"notes","n":[${all.join(',')}]}`);
    for (const fac of facilitators) send(fac, frame);
  }
  // the app's count is of its fan-out's writes, acks aside
  tickMs = publishTickFor(written);
  for (const [ws, id] of toAck) send(ws, textFrame(`{"t":"ack","id":${JSON.stringify(id)}}`));
  for (const ws of corked) internalsOf(ws)._socket.uncork();
}

/** ws's framing (untyped): an unmasked final text frame, [header, payload]. */
const { Sender } = wsModule as unknown as { Sender: { frame(data: Buffer, o: object): Buffer[] } };
const textFrame = (text: string) => Sender.frame(Buffer.from(text), { fin: true, opcode: 1, mask: false, readOnly: false, rsv1: false });

/** The TCP socket and frame writer under a ws WebSocket (untyped members, as Engine.IO uses them). */
const internalsOf = (ws: WebSocket) => ws as unknown as { _socket: Socket; _sender: { sendFrame(frame: Buffer[]): void } };

wss.on('connection', (ws) => {
  let table: number | null = null;
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    const raw = (data as Buffer).toString();
    let msg: { t?: string; id?: string; table?: number; fac?: boolean };
    try {
      msg = JSON.parse(raw);
    } catch {
      return;
    }
    if (msg.t === 'join' && msg.fac === true) {
      facilitators.add(ws);
      ws.send('{"t":"joined"}');
    } else if (msg.t === 'join' && typeof msg.table === 'number') {
      if (table !== null) tables.get(table)?.delete(ws);
      table = msg.table;
      let room = tables.get(table);
      if (!room) tables.set(table, (room = new Set()));
      room.add(ws);
      ws.send('{"t":"joined"}');
    } else if (msg.t === 'note' && table !== null && typeof msg.id === 'string') {
      let notes = byTable.get(table);
      if (!notes) byTable.set(table, (notes = []));
      notes.push(raw);
      acks.push([ws, msg.id]);
      schedule();
    }
  });
  ws.on('close', () => {
    if (table !== null) tables.get(table)?.delete(ws);
    facilitators.delete(ws);
  });
});

wss.on('listening', () => {
  const addr = wss.address();
  process.stdout.write(JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0 }) + '\n');
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const c of wss.clients) c.terminate();
    wss.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  });
}
// the bench may die without a signal (SIGKILL): never outlive it
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
