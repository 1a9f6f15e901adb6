// Starts the real server (server/src/main.ts) as a child process on an ephemeral port with its
// own data directory, so tests can kill it with SIGKILL and restart it on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  /** Graceful stop (SIGTERM), waits for exit. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown hooks, no flush. */
  kill(): Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  env?: Record<string, string>;
  port?: number;
  /**
   * The log line that means "started": by default the app is serving ('World Café is listening');
   * STARTING waits only for the HTTP port (a node still waiting for PostgreSQL or Redis).
   */
  until?: string;
}

/** What a node logs once its HTTP port answers health and readiness, before its services answer. */
export const STARTING = 'HTTP port open; connecting to the services before serving';

export function tempDataDir(prefix = 'wc-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(opts.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '', // SQLite in dataDir unless a test passes DATABASE_URL in opts.env
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += String(d)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time\n${stderr}`)), 30_000);
    const lines = readline.createInterface({ input: proc.stdout });
    lines.on('line', (line) => {
      if (process.env.TEST_SERVER_LOGS) console.log('[server]', line);
      try {
        const msg = JSON.parse(line);
        if (msg.msg === (opts.until ?? 'World Café is listening')) {
          clearTimeout(timer);
          resolve(msg.port);
        }
      } catch {
        /* not a log line */
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening\n${stderr}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    proc,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (proc.exitCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}
