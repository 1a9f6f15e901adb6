// A TCP proxy in front of one service for one node, so the nemesis can cut that node off while the
// others keep the service: `cut` destroys every connection and refuses new ones (the node sees
// resets), `pause` stops forwarding in both directions with the sockets left open (the node sees a
// hang), `heal` returns to normal.
import net from 'node:net';

export type ProxyMode = 'up' | 'cut' | 'paused';

export class ServiceProxy {
  private server: net.Server;
  private pairs = new Set<[net.Socket, net.Socket]>();
  mode: ProxyMode = 'up';
  port = 0;

  constructor(private targetPort: number) {
    this.server = net.createServer((client) => {
      if (this.mode === 'cut') return void client.destroy();
      const upstream = net.connect(this.targetPort, '127.0.0.1');
      const pair: [net.Socket, net.Socket] = [client, upstream];
      this.pairs.add(pair);
      const close = () => {
        this.pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      for (const s of pair) {
        s.on('error', close);
        s.on('close', close);
      }
      client.pipe(upstream);
      upstream.pipe(client);
      if (this.mode === 'paused') for (const s of pair) s.pause();
    });
  }

  listen(): Promise<number> {
    return new Promise((resolve) => {
      this.server.listen(0, '127.0.0.1', () => {
        this.port = (this.server.address() as net.AddressInfo).port;
        resolve(this.port);
      });
    });
  }

  cut() {
    this.mode = 'cut';
    for (const [a, b] of [...this.pairs]) {
      a.destroy();
      b.destroy();
    }
    this.pairs.clear();
  }

  pause() {
    this.mode = 'paused';
    for (const pair of this.pairs) for (const s of pair) s.pause();
  }

  heal() {
    this.mode = 'up';
    for (const pair of this.pairs) for (const s of pair) s.resume();
  }

  /** Drops every connection (a restarted service): the node reconnects through the proxy. */
  dropAll() {
    for (const [a, b] of [...this.pairs]) {
      a.destroy();
      b.destroy();
    }
    this.pairs.clear();
  }

  close(): Promise<void> {
    this.dropAll();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
