/**
 * The floor for `npm run bench:notes`: a bare `ws` server that relays a note to the other sockets
 * at the sender's table AND to every facilitator socket (the same 17 recipients per note as the
 * app at 8 per table and 10 facilitators), and acks the sender at once. No validation, no storage,
 * no state beyond the rooms. Runs as its own process (its own event loop, like the real server):
 *   node --import tsx bench/notes-relay.ts     -> prints {"port":N} on stdout once listening.
 * Wire: a client first sends {"t":"join","table":K} (a delegate) or {"t":"join","fac":true} (a
 * facilitator) and gets {"t":"joined"}; then {"t":"note","id":"...",...}; the server replies
 * {"t":"ack","id":"..."} and forwards the note's raw bytes (no re-encoding) to the recipients.
 */
import { WebSocketServer, type WebSocket } from 'ws';

const tables = new Map<number, Set<WebSocket>>();
const facilitators = new Set<WebSocket>();
const wss = new WebSocketServer({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0), maxPayload: 64 * 1024 });

wss.on('connection', (ws) => {
  let table: Set<WebSocket> | undefined;
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    let msg: { t?: string; id?: string; table?: number; fac?: boolean };
    try {
      msg = JSON.parse((data as Buffer).toString()) as typeof msg;
    } catch {
      return;
    }
    if (msg.t === 'join' && msg.fac === true) {
      facilitators.add(ws);
      ws.send('{"t":"joined"}');
    } else if (msg.t === 'join' && typeof msg.table === 'number') {
      table?.delete(ws);
      table = tables.get(msg.table) ?? new Set();
      tables.set(msg.table, table);
      table.add(ws);
      ws.send('{"t":"joined"}');
    } else if (msg.t === 'note' && table) {
      ws.send(`{"t":"ack","id":${JSON.stringify(msg.id)}}`);
      for (const peer of table) if (peer !== ws && peer.readyState === 1) peer.send(data, { binary: false });
      for (const fac of facilitators) if (fac.readyState === 1) fac.send(data, { binary: false });
    }
  });
  ws.on('close', () => {
    table?.delete(ws);
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
