import path from 'node:path';
import { configFromEnv } from './config';
import { tuneGc } from './gcTuning';
import { createLogger } from './logger';
import { openStore } from './store/openStore';
import { type App, type AppDeps, createApp } from './app';
import { StartupWaits, handOver, listenWhileStarting, whenReachable } from './startup';
import { connectRedis } from './cluster/redis';
import { WorkshopLeases } from './cluster/leases';
import { openAccountStore } from './accounts/accountStore';

// A server must outlive a failed background promise (a dropped connection, a late publish): log it.
process.on('unhandledRejection', (reason) =>
  logger.error({ err: reason instanceof Error ? reason.message : String(reason) }, 'unhandled rejection'),
);

const config = configFromEnv();
tuneGc(config.heapGrowingPercent);
const logger = createLogger(config.logLevel);
if (config.redisUrl && !config.databaseUrl)
  throw new Error('REDIS_URL (several nodes) needs DATABASE_URL: the nodes must share one PostgreSQL log');

// Listen at once: while PostgreSQL or Redis is unreachable the node waits for it (startup.ts),
// answering GET /api/health and saying in GET /api/ready what it waits for.
const waits = new StartupWaits(logger);
const server = await listenWhileStarting(waits, config.port, config.host);
// tests/helpers/server.ts (STARTING) waits for this line to reach a node that is still waiting
logger.info({ port: (server.address() as { port: number }).port }, 'HTTP port open; connecting to the services before serving');
let app: App | null = null;

/** Orchestrators (systemd, Docker, Kubernetes) wait about 10 s after SIGTERM before SIGKILL. */
const SHUTDOWN_LIMIT_MS = 10_000;

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // The handler catches its own failures (below), so nothing waits on the promise it returns.
  process.on(signal, () => void stop(signal));
}

// opening migrates the schema (versioned: see store/migrations.ts)
const storeLocation = config.databaseUrl ?? path.join(config.dataDir, 'worldcafe.db');
const openTheStore = () =>
  openStore(storeLocation, {
    synchronous: config.sync,
    logger,
    // test hook (see SqliteStoreOptions.commitDelayMs); never set in production
    commitDelayMs: Number(process.env.WC_TEST_COMMIT_DELAY_MS ?? 0) || 0,
  });
const [store, redis] = await Promise.all([
  config.databaseUrl ? whenReachable('postgresql', waits, openTheStore) : openTheStore(),
  // Several nodes: PostgreSQL holds the log and the workshop leases, Redis carries the nodes' messages.
  // The Redis client retries its first connection by itself; its failures are what /api/ready shows.
  config.redisUrl
    ? connectRedis(config.redisUrl, logger, config.redisKeyPrefix, {
        onError: (err: string) => {
          if (!app) waits.failed('redis', err);
        },
        onReady: () => waits.answered('redis'),
      })
    : undefined,
]);
const cluster: AppDeps['cluster'] =
  redis && config.databaseUrl ? { redis, leases: new WorkshopLeases(config.databaseUrl, logger) } : undefined;
handOver(server);
app = createApp({
  server,
  store,
  logger,
  allowedOrigins: config.allowedOrigins,
  clientDir: config.clientDir,
  rateLimit: config.rateLimit,
  cluster,
  trustProxy: config.trustProxy,
  metricsToken: config.metricsToken,
  inviteTtlDays: config.inviteTtlDays,
  addressLimits: config.addressLimits,
  // after openStore, which has migrated the schema the accounts live in
  accounts: openAccountStore(storeLocation),
  publicOrigin: config.publicOrigin,
  accountLimits: { authPerMinute: config.authPerMinute, templatesPerMinute: config.templatesPerMinute },
  oidc: config.oidc,
  admission: config.admission,
  joinRetryMs: config.joinRetryMs,
  linkTtlDays: config.linkTtlDays,
  retentionDays: config.retentionDays,
});
const port = await app.listen(config.port, config.host);
logger.info(
  {
    port,
    url: `http://localhost:${port}`,
    store: config.databaseUrl ? 'postgresql' : 'sqlite',
    cluster: Boolean(cluster),
    dataDir: config.dataDir,
  },
  'World Café is listening',
);

async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  // still waiting for a service: nothing in flight, nobody connected
  if (!app) {
    logger.info({ signal, waitingFor: waits.list().map((w) => w.service) }, 'shut down while waiting for services');
    server.close();
    process.exit(0);
  }
  logger.info({ signal }, 'shutting down: finishing the commands in flight');
  // a last resort: whatever happens, exit before the orchestrator's SIGKILL
  setTimeout(() => {
    logger.error({ ms: Date.now() - started }, 'graceful shutdown took too long; exiting');
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS - 500).unref();
  try {
    await app.shutdown(SHUTDOWN_LIMIT_MS - 2000);
    logger.info({ ms: Date.now() - started }, 'shut down');
    process.exit(0);
  } catch (err) {
    logger.error({ err }, 'graceful shutdown failed');
    process.exit(1);
  }
}
