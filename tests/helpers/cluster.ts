// Several real nodes (child processes) on one PostgreSQL database and one Redis, for the cluster
// suite: bots can move from a killed node to another and resume from their last seq.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import type { Envelope } from '@world-cafe/shared';
import { type RunningServer, startServer } from './server';
import { Bot } from './bots';
import { freePort } from './postgres';

export const FAST = { RATE_LIMIT_PER_SEC: '100000', RATE_LIMIT_BURST: '100000' };

export async function startNodes(
  n: number,
  databaseUrl: string,
  redisUrl: string,
  env: Record<string, string> = {},
): Promise<RunningServer[]> {
  return Promise.all(
    Array.from({ length: n }, () => startServer({ env: { ...FAST, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, ...env } })),
  );
}

/** The same person reconnecting to another node: same token, resuming from its last seq. */
export async function moveBot(bot: Bot, url: string): Promise<Bot> {
  bot.close();
  const next = new Bot(url, bot.token, bot.participantId, { since: () => bot.state.seq });
  next.state = bot.state;
  next.received = bot.received;
  await next.ready();
  return next;
}

/** Every event of a workshop in the database, in seq order. */
export async function logOf(databaseUrl: string, workshopId: string): Promise<Array<Envelope & { opKey: string | null }>> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT seq, at, by, scope, op_key, body FROM events WHERE workshop_id = $1 ORDER BY seq', [workshopId]);
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: Number(r.at),
      by: r.by,
      scope: r.scope,
      opKey: r.op_key,
      e: typeof r.body === 'string' ? JSON.parse(r.body) : r.body,
    }));
  } finally {
    await c.end();
  }
}

export interface PrivateRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A redis-server of our own on a free port (the shared one on 6379 is never touched). */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-redis-'));
  let proc: ChildProcess | null = null;
  const start = async () => {
    const p = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    proc = p;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
      readline.createInterface({ input: p.stdout }).on('line', (l) => {
        if (/Ready to accept connections/.test(l)) {
          clearTimeout(timer);
          resolve();
        }
      });
      p.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
  };
  const stop = async () => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, stop };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
