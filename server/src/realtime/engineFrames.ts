// Writing a Socket.IO packet that was encoded once to many sockets, each as its WebSocket frame.
//
// Socket.IO's broadcast hands each socket's Engine.IO connection the packet and its pre-encoded
// frame; per socket Engine.IO then creates a packet object, emits `packetCreate`, buffers it,
// flushes, emits `flush` and `drain` twice (socket and server), and marks its transport unwritable
// until the write's callback comes back a tick later, which emits three more events. At 1,000
// notes/s that chain cost about as much CPU as the fan-out's own work (profile in the README).
// A frame is written straight to the socket's WebSocket when nothing of Engine.IO's can be ahead
// of it (its buffer is empty, no upgrade under way): the bytes then reach the wire in the order
// the packets were written, exactly as through Engine.IO. Otherwise, and for long-polling sockets
// or WebSockets with compression, the packet goes through Engine.IO as before.
//
// Writes are corked for the length of a publication and its acks (corkingWrites): a socket's
// events frame and the acks of its own commands in that batch leave in ONE write. Each write to a
// socket is a system call that, on loopback or on a busy host, also wakes the reader; it was the
// largest single cost of a note (a third of the main thread at 1,000 notes/s), so the author's echo
// and ack sharing one saves about one write in ten. The bench's relay corks its ticks the same way.
import type { Socket as NetSocket } from 'node:net';
import type { AppSocket } from './fanout';
import { RawJson } from './jsonParser';

/** The header of an unmasked, final WebSocket text frame of `length` payload bytes (RFC 6455 §5.2). */
export function textFrameHeader(length: number): Buffer {
  if (length < 126) return Buffer.from([0x81, length]);
  if (length < 65536) {
    const h = Buffer.allocUnsafe(4);
    h[0] = 0x81;
    h[1] = 126;
    h.writeUInt16BE(length, 2);
    return h;
  }
  const h = Buffer.allocUnsafe(10);
  h[0] = 0x81;
  h[1] = 127;
  h.writeBigUInt64BE(BigInt(length), 2);
  return h;
}

/** The WebSocket text frame carrying the Engine.IO message (`4`) of a Socket.IO packet. */
export function packetFrame(packet: string): [Buffer, Buffer] {
  const payload = Buffer.from('4' + packet);
  return [textFrameHeader(payload.length), payload];
}

/** What this module reads of Engine.IO's connection and ws's socket (neither is in their typings). */
interface EngineConn {
  readyState: string;
  upgrading: boolean;
  writeBuffer: unknown[];
  transport: {
    name: string;
    perMessageDeflate?: unknown;
    socket?: { readyState: number; _socket?: NetSocket; _sender?: { sendFrame?(frame: Buffer[], cb?: () => void): void } };
  };
  write(packet: string, options: { wsPreEncodedFrame: Buffer[] }): void;
}

/**
 * Writes `packet` (a Socket.IO packet of the default namespace, as text) to the socket, using
 * `frame` (packetFrame(packet), shared by every recipient) where it can. Returns false if the
 * socket is not open (nothing written).
 */
export function writePacket(socket: AppSocket, packet: string, frame: Buffer[]): boolean {
  const conn = socket.conn as unknown as EngineConn;
  if (!socket.connected || conn.readyState !== 'open') return false;
  const { transport } = conn;
  const ws = transport.name === 'websocket' && !transport.perMessageDeflate ? transport.socket : undefined;
  if (ws && ws.readyState === 1 && !conn.upgrading && conn.writeBuffer.length === 0 && typeof ws._sender?.sendFrame === 'function') {
    const raw = ws._socket;
    if (corked && raw && !corked.has(raw)) {
      raw.cork();
      corked.add(raw);
    }
    ws._sender.sendFrame(frame);
  } else {
    // `wsPreEncodedFrame`: Engine.IO's option for a frame computed beforehand (untyped)
    conn.write(packet, { wsPreEncodedFrame: frame });
  }
  return true;
}

/**
 * Emits `event` to one socket with its argument already encoded (`json`), through writePacket:
 * Socket.IO's emit would queue it behind a write still awaiting its callback (a connecting
 * socket's CONNECT packet), to leave in a write of its own a tick later.
 */
export function emitJson(socket: AppSocket, event: string, json: string): void {
  // writePacket writes packets of the default namespace's format only
  if (socket.nsp.name !== '/') return void (socket as unknown as { emit(ev: string, arg: RawJson): void }).emit(event, new RawJson(json));
  const packet = `2[${JSON.stringify(event)},${json}]`;
  writePacket(socket, packet, packetFrame(packet));
}

/**
 * Corks the TCP socket under `socket`'s WebSocket until the event loop's next turn. Called as a
 * handshake is accepted: Socket.IO then writes its CONNECT packet and the `connection` handler the
 * catch-up (a snapshot) in the same step, which would otherwise be two writes to a socket that is
 * read at once; one write saves a system call per person connecting (1,010 in bench:notes' setup).
 */
export function corkUntilNextTurn(socket: { conn: unknown }) {
  const { transport } = socket.conn as EngineConn;
  const raw = transport.name === 'websocket' ? transport.socket?._socket : undefined;
  if (!raw) return;
  raw.cork();
  setImmediate(() => raw.uncork());
}

/** The sockets corked by writePacket during corkingWrites (null outside it). */
let corked: Set<NetSocket> | null = null;

/**
 * Runs `fn` (a publication and its acks, all synchronous) with every socket it writes a frame to
 * corked, then uncorks them: what `fn` wrote to one socket, frames and the acks sent through
 * Socket.IO alike, goes out in one write, in the order written.
 */
export function corkingWrites<T>(fn: () => T): T {
  if (corked) return fn();
  const mine = (corked = new Set());
  try {
    return fn();
  } finally {
    corked = null;
    for (const raw of mine) raw.uncork();
  }
}
