// A counting TCP proxy in front of Redis for one node: it forwards both ways untouched and reads the
// replies Redis sends to the node (RESP2), attributing the bytes of every pub/sub message
// (`message`/`smessage` pushes) to its channel. What a node receives is measured where it arrives,
// at its Redis connections, whatever the node's code believes it subscribed to.
import net from 'node:net';

/** One complete RESP2 value at `at`: where it ends, and for arrays their first three elements as text. */
function scan(buf: Buffer, at: number): { end: number; head: string[] } | null {
  const line = buf.indexOf('\r\n', at);
  if (line < 0) return null;
  const type = String.fromCharCode(buf[at]!);
  const rest = buf.toString('latin1', at + 1, line);
  switch (type) {
    case '+':
    case '-':
    case ':':
      return { end: line + 2, head: [rest] };
    case '$': {
      const n = Number(rest);
      if (n < 0) return { end: line + 2, head: [] };
      const end = line + 2 + n + 2;
      return end > buf.length ? null : { end, head: [buf.toString('latin1', line + 2, line + 2 + n)] };
    }
    case '*': {
      const n = Number(rest);
      let end = line + 2;
      const head: string[] = [];
      for (let i = 0; i < n; i++) {
        const v = scan(buf, end);
        if (!v) return null;
        if (i < 3) head.push(v.head[0] ?? '');
        end = v.end;
      }
      return { end, head };
    }
    default:
      throw new Error(`not RESP2 at byte ${at}: ${JSON.stringify(type)}`);
  }
}

export class RedisMeter {
  private server: net.Server;
  private sockets = new Set<net.Socket>();
  /** channel -> bytes of pub/sub messages on it received by this node. */
  readonly byChannel = new Map<string, number>();
  /** Every byte Redis sent to this node (replies and messages). */
  total = 0;
  port = 0;

  constructor(private target: { host: string; port: number }) {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      this.sockets.add(client).add(upstream);
      const close = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      for (const s of [client, upstream]) s.on('error', close).on('close', close);
      client.pipe(upstream);
      let pending: Buffer = Buffer.alloc(0);
      upstream.on('data', (chunk: Buffer) => {
        client.write(chunk);
        this.total += chunk.length;
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        let at = 0;
        for (let v = scan(pending, at); v; v = scan(pending, at)) {
          const [kind, channel] = v.head;
          if (kind === 'message' || kind === 'smessage') this.byChannel.set(channel!, (this.byChannel.get(channel!) ?? 0) + v.end - at);
          at = v.end;
        }
        pending = pending.subarray(at);
      });
    });
  }

  /** Listens on a free loopback port; the node's REDIS_URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Bytes of messages on channels whose name contains any of `needles` (e.g. workshop ids). */
  bytesMatching(needles: readonly string[]): number {
    let sum = 0;
    for (const [ch, n] of this.byChannel) if (needles.some((x) => ch.includes(x))) sum += n;
    return sum;
  }

  reset() {
    this.byChannel.clear();
    this.total = 0;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
