// Startup without a service: a node whose PostgreSQL or Redis is down when it starts neither exits
// nor hangs silently. It listens at once with a small handler (GET /api/health 200; GET /api/ready
// 503 naming the services it waits for and since when; anything else 503 `unavailable` with
// Retry-After), retries the services until they answer, then hands the same HTTP server to the app.
// An orchestrator's liveness probe keeps the node alive meanwhile, its readiness probe keeps
// traffic away, and an operator reads why in /api/ready and in the log.
import http from 'node:http';
import { type ServiceWait, type WaitedService, startingReadiness } from '@world-cafe/shared';
import { isUnreachable } from './store/eventStore';

export interface StartupLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** The services this node is waiting for at start, and since when. */
export class StartupWaits {
  private waits = new Map<WaitedService, { since: number; error: string | null }>();

  constructor(private logger: StartupLogger) {}

  /** `service` did not answer (again): logged the first time, the error kept for /api/ready. */
  failed(service: WaitedService, error: string | null) {
    const known = this.waits.get(service);
    if (known) return void (known.error = error);
    this.waits.set(service, { since: Date.now(), error });
    this.logger.warn({ service, err: error }, `${service} is unreachable: waiting for it before serving (GET /api/ready says why)`);
  }

  answered(service: WaitedService) {
    const known = this.waits.get(service);
    if (!known) return;
    this.waits.delete(service);
    this.logger.info({ service, waitedMs: Date.now() - known.since }, `${service} answers: no longer waiting for it`);
  }

  list(): ServiceWait[] {
    return [...this.waits].map(([service, w]) => ({
      service,
      since: new Date(w.since).toISOString(),
      error: w.error?.slice(0, 300) ?? null,
    }));
  }
}

/** Retries `open` until it succeeds; only unreachable-service errors are waited out, others throw. */
export async function whenReachable<T>(
  service: WaitedService,
  waits: StartupWaits,
  open: () => Promise<T>,
  opts: { retryMs?: number; maxRetryMs?: number; transient?: (err: unknown) => boolean } = {},
): Promise<T> {
  const transient = opts.transient ?? isUnreachable;
  for (let delay = opts.retryMs ?? 250; ; delay = Math.min(delay * 2, opts.maxRetryMs ?? 2000)) {
    try {
      const value = await open();
      waits.answered(service);
      return value;
    } catch (err) {
      // a wrong password, a missing database or a failed migration will not heal by waiting
      if (!transient(err)) throw err;
      waits.failed(service, (err as Error).message ?? String(err));
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** The HTTP handler while the node waits: health yes, readiness no (with the reason), else 503. */
export function startingHandler(waits: StartupWaits): http.RequestListener {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && path === '/api/health') return json(200, { ok: true });
    if (req.method === 'GET' && path === '/api/ready') return json(503, startingReadiness(waits.list()));
    json(
      503,
      { error: { code: 'unavailable', message: 'the server is starting: waiting for its database or Redis; please retry' } },
      { 'retry-after': '2' },
    );
  };
}

/** Listens with the starting handler; the app takes the same server over later (createApp's `server`). */
export function listenWhileStarting(waits: StartupWaits, port: number, host: string): Promise<http.Server> {
  const server = http.createServer(startingHandler(waits));
  // a WebSocket handshake before the app is up: refuse it plainly (the client retries)
  server.on('upgrade', (_req, socket) => socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2\r\nContent-Length: 0\r\n\r\n'));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** Hands the server to the app: the starting handlers go, the app's are attached by createApp. */
export function handOver(server: http.Server) {
  server.removeAllListeners('request');
  server.removeAllListeners('upgrade');
}
