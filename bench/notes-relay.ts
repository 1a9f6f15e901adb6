/**
 * The floor for `npm run bench:notes`: a bare `ws` server that only relays a message to the other
 * sockets at the sender's table, and echoes an ack to the sender at once. No validation, no
 * storage, no state. Runs as its own process (its own event loop, like the real server):
 *   node --import tsx bench/notes-relay.ts     -> prints {"port":N} on stdout once listening.
 * Wire: client sends {"t":"join","table":K} first, then {"t":"note","id":"...",...};
 * server replies {"t":"ack","id":"..."} and forwards the note's raw bytes to the tablemates.
 */
import { WebSocketServer, type WebSocket } from 'ws';

const tables = new Map<number, Set<WebSocket>>();
const wss = new WebSocketServer({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0), maxPayload: 64 * 1024 });

wss.on('connection', (ws) => {
  let table: Set<WebSocket> | undefined;
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    let msg: { t?: string; id?: string; table?: number };
    try {
      msg = JSON.parse(String(data));
    } catch {
      return;
    }
    if (msg.t === 'join' && typeof msg.table === 'number') {
      table?.delete(ws);
      table = tables.get(msg.table) ?? new Set();
      tables.set(msg.table, table);
      table.add(ws);
      ws.send(JSON.stringify({ t: 'joined' }));
    } else if (msg.t === 'note' && table) {
      ws.send(`{"t":"ack","id":${JSON.stringify(msg.id)}}`);
      for (const peer of table) if (peer !== ws && peer.readyState === 1) peer.send(data, { binary: false });
    }
  });
  ws.on('close', () => table?.delete(ws));
});

wss.on('listening', () => {
  const addr = wss.address();
  process.stdout.write(JSON.stringify({ port: typeof addr === "object" && addr ? addr.port : 0 }) + '\n');
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const c of wss.clients) c.terminate();
    wss.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  });
}
