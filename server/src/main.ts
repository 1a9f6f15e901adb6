import path from 'node:path';
import { configFromEnv } from './config';
import { createLogger } from './logger';
import { openStore } from './store/openStore';
import { createApp } from './app';

const config = configFromEnv();
const logger = createLogger(config.logLevel);
// opening migrates the schema (versioned: see store/migrations.ts)
const store = await openStore(config.databaseUrl ?? path.join(config.dataDir, 'worldcafe.db'), {
  synchronous: config.sync,
  logger,
  // test hook (see SqliteStoreOptions.commitDelayMs); never set in production
  commitDelayMs: Number(process.env.WC_TEST_COMMIT_DELAY_MS ?? 0) || 0,
});
const app = createApp({ store, logger, allowedOrigins: config.allowedOrigins, clientDir: config.clientDir,
  rateLimit: config.rateLimit,
});
const port = await app.listen(config.port, config.host);
logger.info(
  { port, url: `http://localhost:${port}`, store: config.databaseUrl ? 'postgresql' : 'sqlite', dataDir: config.dataDir },
  'World Café is listening',
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  });
}
