// POST /api/client-errors against the real server: a valid report lands in the server log (and
// nothing else from the body does), bad and oversized bodies are refused, a flood is rate-limited.
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server';

let srv: RunningServer;
const logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  srv = await startServer();
  readline.createInterface({ input: srv.proc.stdout! }).on('line', (line) => {
    try {
      logLines.push(JSON.parse(line));
    } catch {
      /* not a log line */
    }
  });
});
afterAll(async () => {
  await srv?.stop();
});

const post = (body: unknown) =>
  fetch(`${srv.url}/api/client-errors`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function logged(message: string): Promise<Record<string, unknown> | undefined> {
  for (let i = 0; i < 50; i++) {
    const hit = logLines.find((l) => (l.clientError as { message?: string } | undefined)?.message === message);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

describe('client error reports', () => {
  it('logs a valid report with its stacks, capped, at warn level', async () => {
    const res = await post({
      message: 'Minified React error #185',
      stack: 'Error: x\n    at Goals',
      componentStack: '\n    in FacilitatorGoalTools',
      route: 'workshop',
    });
    expect(res.status).toBe(204);
    const line = await logged('Minified React error #185');
    expect(line).toMatchObject({
      level: 40,
      msg: 'client render error',
      clientError: { route: 'workshop', componentStack: '\n    in FacilitatorGoalTools' },
    });
  });

  it('redacts keys, personal links and tokens before logging', async () => {
    const key = 'Zq3v9XbT1kLmN0pQrStUvWxY2aBcDeF4';
    const res = await post({
      message: `cannot open /w/w1#k=${key}`,
      stack: `Error: Bearer ${key}\n    at /f/${key}\n    token ${key}`,
      route: 'workshop',
    });
    expect(res.status).toBe(204);
    const line = await logged('cannot open /w/w1#k=[redacted]');
    expect(line).toBeDefined();
    expect(JSON.stringify(line)).not.toContain(key);
    expect((line!.clientError as { stack: string }).stack).toBe('Error: Bearer [redacted]\n    at /f/[redacted]\n    token [redacted]');
  });

  it('refuses extra fields, a URL as the route and malformed JSON', async () => {
    expect((await post({ message: 'a', route: 'workshop', noteText: 'secret' })).status).toBe(400);
    expect((await post({ message: 'a', route: '/w/x#k=key' })).status).toBe(400);
    expect((await post('{"message":')).status).toBe(400);
  });

  it('refuses a body over 16 KB', async () => {
    expect((await post({ message: 'big', stack: 'x'.repeat(20_000), route: 'workshop' })).status).toBe(413);
  });

  it('rate-limits a crash loop (10 a minute per address)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post({ message: `loop ${i}`, route: 'workshop' })).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 204).length).toBeLessThanOrEqual(10);
  });
});
