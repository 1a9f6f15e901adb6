// createApp(deps) builds the whole server from its dependencies and does not listen;
// main.ts reads the environment and listens; tests start it on port 0.
import express from 'express';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { Server } from 'socket.io';
import { jsonOnlyParser } from './realtime/jsonParser';
import type { Logger } from 'pino';
import type { EventStore } from './store/eventStore';
import { RoomRegistry, type Rooms } from './realtime/workshopRoom';
import { ClusterRooms } from './cluster/clusterRooms';
import type { WorkshopLeases } from './cluster/leases';
import type { RedisLink } from './cluster/redis';
import { type IO, createFanout } from './realtime/fanout';
import { attachRealtime } from './realtime/connection';
import { createApi } from './http/api';
import { originAllowed } from './http/origin';
import { type AddressLimits, DEFAULT_ADDRESS_LIMITS, type TrustFn, clientAddress, perMinute } from './http/limits';
import { metricsRoute } from './http/metricsRoute';
import { createRejectionLog } from './rejections';
import { Drain } from './realtime/drain';
import { createClientErrorRoute } from './http/clientErrors';
import { APP_HELMET_OPTIONS, securityHeaders } from './http/securityHeaders';
import type { AccountStore } from './accounts/accountStore';
import { createAccountApi } from './accounts/routes';
import { OidcRelyingParty } from './accounts/oidc';
import { DeviceTracker } from './accounts/devices';
import type { OidcConfig } from './config';
import { type AdmissionLimits, configureAdmission } from './realtime/admission';
import { LINK_TTL_DAYS_DEFAULT } from '@world-cafe/shared';
import { NEVER_EXPIRES, createLinkExpiry } from './linkExpiry';
import { type Retention, startRetention } from './retention';

export interface AppDeps {
  store: EventStore;
  logger: Logger;
  allowedOrigins?: string[];
  /** Built client to serve; omitted in API-only tests. */
  clientDir?: string;
  rateLimit?: { perSecond: number; burst: number };
  /** Cluster mode (REDIS_URL with DATABASE_URL): the Redis adapter and the workshop leases. */
  cluster?: { redis: RedisLink; leases: WorkshopLeases };
  /** Whose X-Forwarded-For is believed (TRUST_PROXY); default: nobody's. */
  trustProxy?: TrustFn;
  /** Per-address limits on join-code lookups, invite checks and socket handshakes. */
  addressLimits?: Partial<AddressLimits>;
  /** GET /metrics answers only with this Bearer token; empty or absent = off. */
  metricsToken?: string;
  /** Default lifetime of a delegation review link, in days (30). */
  inviteTtlDays?: number;
  /** Facilitator accounts (/api/auth, /api/me); omitted = those endpoints answer 404. */
  accounts?: AccountStore;
  /** PUBLIC_ORIGIN: the app's address as browsers see it (passkeys' relying party, cookie security, CSRF). */
  publicOrigin?: string;
  /** Organisation sign-in over OpenID Connect (OIDC_*); omitted = off. */
  oidc?: OidcConfig;
  /** Tests: per-address limits of the account endpoints. */
  accountLimits?: { authPerMinute?: number; mePerMinute?: number; templatesPerMinute?: number };
  /** When commands are refused as `overloaded` (process-wide; see realtime/admission.ts). */
  admission?: Partial<AdmissionLimits>;
  /** How long a repeated joinId is answered after the first join (ms). */
  joinRetryMs?: number;
  /** LINK_TTL_DAYS_AFTER_CLOSE: personal links stop this many days after the workshop closed (30; 0 = never). Needs `accounts`. */
  linkTtlDays?: number;
  /** RETENTION_DAYS_AFTER_CLOSE: closed workshops are deleted this many days after closing (absent = never). Needs `accounts`. */
  retentionDays?: number | null;
  /** How often retention runs (ms; default hourly). */
  retentionIntervalMs?: number;
  /** The clock for link expiry, retention and invitations (tests inject one). */
  now?: () => number;
  /**
   * An HTTP server already listening (main.ts answers health and readiness on it while the node
   * waits for its services: startup.ts); the app takes it over. Omitted: the app makes its own.
   */
  server?: http.Server;
}

export interface App {
  server: http.Server;
  io: IO;
  listen(port?: number, host?: string): Promise<number>;
  /** Data retention's job when RETENTION_DAYS_AFTER_CLOSE is set (tests run a pass with runOnce()). */
  retention: Retention | null;
  close(): Promise<void>;
  /**
   * Graceful stop (SIGTERM): refuse new connections and commands, let the commands in flight
   * commit and be acked, tell every socket to reconnect (`restarting`), close, flush the store.
   */
  shutdown(timeoutMs?: number): Promise<void>;
}

export function createApp(deps: AppDeps): App {
  const { store, logger, allowedOrigins = [], clientDir, rateLimit, cluster } = deps;
  const trust: TrustFn = deps.trustProxy ?? (() => false);
  const addressLimits = { ...DEFAULT_ADDRESS_LIMITS, ...deps.addressLimits };
  configureAdmission(deps.admission);
  const rejections = createRejectionLog(logger);
  const drain = new Drain();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trust);
  app.use(securityHeaders(APP_HELMET_OPTIONS));
  // an imported workshop export is the one large body; everything else stays small. It is kept as
  // text: a large one is parsed off the event loop (http/importParse.ts)
  app.use('/api/workshops/import', express.text({ type: 'application/json', limit: '20mb' }));
  // browsers' render errors, with a small body limit of their own (parsed before the default)
  app.use('/api/client-errors', createClientErrorRoute(logger));
  app.use(express.json({ limit: '64kb' }));

  const server = deps.server ?? http.createServer();
  server.on('request', app);
  const handshakeAllowed = perMinute(addressLimits.handshakesPerMinute);
  const io: IO = new Server(server, {
    maxHttpBufferSize: 64 * 1024,
    // the stock encoder minus its search for binary attachments (the wire is JSON only)
    parser: jsonOnlyParser,
    // engine.io asks this only for a new connection (not for each poll of an open one)
    allowRequest: (req, cb) => {
      if (!originAllowed(req.headers.origin, req.headers.host, allowedOrigins)) {
        rejections.record('handshake', 'forbidden', { reason: 'origin not allowed' });
        return cb('origin not allowed', false);
      }
      if (drain.stopping) return cb('restarting', false);
      const address = clientAddress(req, trust);
      void handshakeAllowed(address).then((ok) => {
        if (!ok) rejections.record('handshake', 'rate_limited', { address });
        cb(ok ? null : 'rate_limited', ok);
      });
    },
  });
  if (cluster) io.adapter(cluster.redis.adapter);
  const rooms: Rooms = cluster
    ? new ClusterRooms(store, io, cluster.leases, logger, cluster.redis.bus)
    : new RoomRegistry(store, createFanout(io));
  // each person's devices live beside the accounts (same database); without accounts, none are tracked
  const devices = deps.accounts && new DeviceTracker(deps.accounts, logger);
  const now = deps.now ?? Date.now;
  const { accounts } = deps;
  // close times are read from the log with the account store's SQL (one query surface for both dialects)
  const linkExpiry = accounts
    ? createLinkExpiry({
        rooms,
        ttlDays: deps.linkTtlDays ?? LINK_TTL_DAYS_DEFAULT,
        now,
        closedAt: async (id) => (await accounts.closedWorkshops(id))[0]?.closedAt ?? null,
      })
    : NEVER_EXPIRES;
  attachRealtime(io, { store, rooms, logger, rejections, drain, devices, linkExpiry, ...(rateLimit ? { rateLimit } : {}) });
  app.get('/metrics', metricsRoute(deps.metricsToken ?? ''));
  if (deps.accounts)
    app.use(
      '/api',
      createAccountApi({
        accounts: deps.accounts,
        store,
        rooms,
        io,
        logger,
        rejections,
        devices: devices!,
        cfg: { publicOrigin: deps.publicOrigin, allowedOrigins },
        limits: deps.accountLimits,
        oidc: deps.oidc && new OidcRelyingParty(deps.oidc, logger),
        now,
      }),
    );
  app.use(
    '/api',
    createApi({
      store,
      rooms,
      logger,
      rejections,
      addressLimits,
      inviteTtlDays: deps.inviteTtlDays ?? 30,
      stopping: () => drain.stopping,
      redisPing: cluster ? () => cluster.redis.ping() : undefined,
      joinRetryMs: deps.joinRetryMs,
      linkExpiry,
    }),
  );
  // Malformed JSON, oversized bodies and unexpected failures answer in the API's error shape, never HTML.
  app.use((err: { status?: number; type?: string }, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const refuse = (status: number, code: string, message: string) => {
      rejections.record('http', status === 415 ? 'unsupported_media_type' : code, { type: req.path.slice(0, 60), address: req.ip ?? '' });
      res.status(status).json({ error: { code, message } });
    };
    if (err.type === 'entity.too.large') return refuse(413, 'too_large', 'request body too large');
    // an unsupported charset or Content-Encoding is the client's doing: 415, not a server error
    if (err.status === 415) return refuse(415, 'invalid_payload', 'unsupported charset or encoding: send JSON in UTF-8');
    if (err.status === 400) return refuse(400, 'invalid_payload', 'malformed JSON');
    logger.error({ err }, 'request failed');
    res.status(500).json({ error: { code: 'internal', message: 'unexpected server error' } });
  });

  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    // Source maps are never served, even if a build left some in dist; and a missing asset is a
    // 404, not the app shell (a stale chunk must fail loudly, not parse HTML as JavaScript).
    app.get(/\.map$/, (_req, res) => res.status(404).end());
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get(/^\/assets\//, (_req, res) => res.status(404).end());
    // Single-page app: every other GET gets the shell, the client routes.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  } else if (clientDir) {
    logger.warn({ clientDir }, 'client not built: run `npm run build`; serving the API only');
  }

  const retention =
    accounts && deps.retentionDays
      ? startRetention({ accounts, rooms, io, logger, days: deps.retentionDays, now, intervalMs: deps.retentionIntervalMs })
      : null;

  return {
    server,
    io,
    retention,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const listening = server.address();
        // a server handed over by main.ts is listening already (it answered /api/health meanwhile)
        if (listening && typeof listening === 'object') return resolve(listening.port);
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address();
          resolve(typeof addr === 'object' && addr ? addr.port : port);
        });
      });
    },
    async close() {
      retention?.stop();
      rooms.dispose();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await devices?.close();
      await store.close();
      await deps.accounts?.close();
      if (cluster) await Promise.allSettled([cluster.leases.close(), cluster.redis.close()]);
    },
    async shutdown(timeoutMs = 8000) {
      const deadline = Date.now() + timeoutMs;
      retention?.stop();
      drain.stop(); // new sockets and new commands are refused from here on
      server.close(); // no new HTTP connections; open ones finish their request
      server.closeIdleConnections();
      const settled = await drain.idle(Math.max(0, deadline - Date.now() - 500));
      logger.info({ settled, stillInFlight: drain.size }, 'commands in flight handled; telling clients to reconnect');
      io.emit('restarting', { reason: 'shutdown' });
      rooms.dispose();
      // Closing each connection at the engine level lets its write buffer (the message above)
      // drain first, and the client sees "transport close", after which it reconnects on its own.
      const conns = [...io.sockets.sockets.values()].map((s) => s.conn);
      await Promise.race([
        Promise.all(
          conns.map(
            (c) => new Promise<void>((resolve) => (c.readyState === 'closed' ? resolve() : (c.once('close', () => resolve()), c.close()))),
          ),
        ),
        new Promise((r) => setTimeout(r, Math.max(100, Math.min(1000, deadline - Date.now())))),
      ]);
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await devices?.close();
      await store.close();
      await deps.accounts?.close();
    },
  };
}
