// createApp(deps) builds the whole server from its dependencies and does not listen;
// main.ts reads the environment and listens; tests start it on port 0.
import express from 'express';
import helmet from 'helmet';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { Server } from 'socket.io';
import type { Logger } from 'pino';
import type { EventStore } from './store/eventStore';
import { RoomRegistry } from './realtime/workshopRoom';
import { type IO, createFanout, createPreview } from './realtime/fanout';
import { attachRealtime } from './realtime/connection';
import { createApi } from './http/api';
import { originAllowed } from './http/origin';
import { createClientErrorRoute } from './http/clientErrors';

export interface AppDeps {
  store: EventStore;
  logger: Logger;
  allowedOrigins?: string[];
  /** Built client to serve; omitted in API-only tests. */
  clientDir?: string;
  rateLimit?: { perSecond: number; burst: number };
}

export interface App {
  server: http.Server;
  io: IO;
  listen(port?: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export function createApp({ store, logger, allowedOrigins = [], clientDir, rateLimit }: AppDeps): App {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'connect-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'font-src': ["'self'", 'data:'],
          // venue wifi is often plain http: upgrading the app's own requests to https would break it
          'upgrade-insecure-requests': null,
        },
      },
      // venue wifi is often plain http: HSTS would break it, and COOP is ignored (with a console error) there
      strictTransportSecurity: false,
      crossOriginOpenerPolicy: false,
    }),
  );
  // an imported workshop export is the one large body; everything else stays small
  app.use('/api/workshops/import', express.json({ limit: '20mb' }));
  // browsers' render errors, with a small body limit of their own (parsed before the default)
  app.use('/api/client-errors', createClientErrorRoute(logger));
  app.use(express.json({ limit: '64kb' }));

  const server = http.createServer(app);
  const io: IO = new Server(server, {
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, cb) => cb(null, originAllowed(req.headers.origin, req.headers.host, allowedOrigins)),
  });
  const rooms = new RoomRegistry(store, createFanout(io), createPreview(io));
  attachRealtime(io, { store, rooms, logger, ...(rateLimit ? { rateLimit } : {}) });
  app.use('/api', createApi({ store, rooms, logger }));
  // Malformed JSON, oversized bodies and unexpected failures answer in the API's error shape, never HTML.
  app.use((err: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large') return res.status(413).json({ error: { code: 'too_large', message: 'request body too large' } });
    if (err.status === 400) return res.status(400).json({ error: { code: 'invalid_payload', message: 'malformed JSON' } });
    logger.error({ err }, 'request failed');
    res.status(500).json({ error: { code: 'internal', message: 'unexpected server error' } });
  });

  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Single-page app: every other GET gets the shell, the client routes.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  } else if (clientDir) {
    logger.warn({ clientDir }, 'client not built: run `npm run build`; serving the API only');
  }

  return {
    server,
    io,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address();
          resolve(typeof addr === 'object' && addr ? addr.port : port);
        });
      });
    },
    async close() {
      rooms.dispose();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      await store.close();
    },
  };
}
