import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://... selects PostgreSQL; undefined = the SQLite file in dataDir. */
  databaseUrl: string | undefined;
  /** redis://HOST:PORT: several nodes (cluster mode); needs databaseUrl. */
  redisUrl: string | undefined;
  logLevel: string;
  /** Extra browser origins allowed to open sockets (the app's own origin is always allowed). */
  allowedOrigins: string[];
  sync: 'full' | 'normal';
  clientDir: string;
  rateLimit: { perSecond: number; burst: number };
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const sync = (env.DB_SYNC ?? 'full').toLowerCase();
  if (sync !== 'full' && sync !== 'normal') throw new Error(`DB_SYNC must be full or normal, got ${env.DB_SYNC}`);
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//i.test(databaseUrl))
    throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL (unset it to use SQLite in DATA_DIR)`);
  return {
    port,
    databaseUrl,
    redisUrl: env.REDIS_URL?.trim() || undefined,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sync,
    rateLimit: {
      perSecond: positive(env.RATE_LIMIT_PER_SEC, 20, 'RATE_LIMIT_PER_SEC'),
      burst: positive(env.RATE_LIMIT_BURST, 40, 'RATE_LIMIT_BURST'),
    },
    clientDir: path.resolve(env.CLIENT_DIR ?? path.join(import.meta.dirname, '../../client/dist')),
  };
}

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return n;
}
