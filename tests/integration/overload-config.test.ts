// The overload thresholds and the join budget come from the environment: a room holding
// OVERLOAD_MAX_PENDING unpublished commands refuses the next with `overloaded` and a retry hint,
// and POST /api/join answers 429 past LIMIT_JOINS_PER_MIN.
import { afterAll, describe, expect, it } from 'vitest';
import type { Ack, CommandInput } from '@world-cafe/shared';
import { type RunningServer, startServer } from '../helpers/server';
import { type Bot, connect, createWorkshop, join, opId } from '../helpers/bots';

const servers: RunningServer[] = [];
const bots: Bot[] = [];
afterAll(async () => {
  for (const b of bots) b.close();
  await Promise.all(servers.map((s) => s.stop()));
});

describe('configurable overload thresholds and join budget', () => {
  it('OVERLOAD_MAX_PENDING=2: the third command in flight is refused with overloaded and retryAfterMs, nothing applied', async () => {
    // each commit is held 800 ms, so the first two stay unpublished while the third arrives
    const srv = await startServer({ env: { OVERLOAD_MAX_PENDING: '2', WC_TEST_COMMIT_DELAY_MS: '800' } });
    servers.push(srv);
    const ws = await createWorkshop(srv.url);
    const fac = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
    bots.push(fac);
    const raw = (cmd: CommandInput) => fac.socket.timeout(10_000).emitWithAck('command', cmd) as Promise<Ack>;
    const note = (id: string): CommandInput => ({
      type: 'note:create',
      clientOpId: opId(),
      noteId: id,
      tableId: 't1',
      text: id,
      color: 'yellow',
      x: 0,
      y: 0,
    });
    const acks = await Promise.all(['a', 'b', 'c'].map((id) => raw(note(id))));
    const refused = acks.filter((a) => !a.ok);
    expect(acks.filter((a) => a.ok)).toHaveLength(2);
    expect(refused).toHaveLength(1);
    const err = (refused[0] as Extract<Ack, { ok: false }>).error;
    expect(err.code).toBe('overloaded');
    expect(err.retryAfterMs).toBeGreaterThan(0);
    expect(err.retryAfterMs).toBeLessThanOrEqual(1000);
    expect(Object.keys(fac.state.notes)).toHaveLength(2);
  });

  it('LIMIT_JOINS_PER_MIN=3: the fourth join from one address is 429', async () => {
    const srv = await startServer({ env: { LIMIT_JOINS_PER_MIN: '3' } });
    servers.push(srv);
    const ws = await createWorkshop(srv.url);
    for (const name of ['A', 'B', 'C']) await join(srv.url, ws.joinCode, name);
    const res = await fetch(`${srv.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: ws.joinCode, name: 'D' }),
    });
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('refuses to start with a malformed threshold', async () => {
    await expect(startServer({ env: { OVERLOAD_LAG_MS: 'soon' } })).rejects.toThrow(/OVERLOAD_LAG_MS must be a positive number/);
  });
});
