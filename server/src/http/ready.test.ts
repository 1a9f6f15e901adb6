// GET /api/ready: the store's ping(); 503 when it fails (Redis in cluster mode: tests/cluster).
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createApp, type App } from '../app';
import type { EventStore } from '../store/eventStore';

const apps: App[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

async function readyWith(store: Partial<EventStore> & { ping?: () => Promise<unknown> }) {
  const app = createApp({ store: { close: async () => {}, ...store } as EventStore, logger: pino({ level: 'silent' }) });
  apps.push(app);
  const port = await app.listen(0);
  const res = await fetch(`http://127.0.0.1:${port}/api/ready`);
  return { status: res.status, body: await res.json() };
}

describe('GET /api/ready', () => {
  it.each<[string, Partial<EventStore> & { ping?: () => Promise<unknown> }, number, unknown]>([
    ['ping answers', { ping: async () => undefined }, 200, { ok: true }],
    ['ping fails', { ping: async () => Promise.reject(new Error('connection refused')) }, 503, { ok: false, reason: 'store unreachable' }],
    [
      'ping fails with a disk error',
      { ping: async () => Promise.reject(new Error('disk I/O error')) },
      503,
      { ok: false, reason: 'store unreachable' },
    ],
  ])('%s → %i', async (_n, store, status, body) => {
    expect(await readyWith(store)).toEqual({ status, body });
  });
});
