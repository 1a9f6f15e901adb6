import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  logLevel: string;
  /** Extra browser origins allowed to open sockets (the app's own origin is always allowed). */
  allowedOrigins: string[];
  sync: 'full' | 'normal';
  clientDir: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const sync = (env.DB_SYNC ?? 'full').toLowerCase();
  if (sync !== 'full' && sync !== 'normal') throw new Error(`DB_SYNC must be full or normal, got ${env.DB_SYNC}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sync,
    clientDir: path.resolve(env.CLIENT_DIR ?? path.join(import.meta.dirname, '../../client/dist')),
  };
}
