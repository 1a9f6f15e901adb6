import { describe, expect, it } from 'vitest';
import type { Logger } from 'pino';
import { createRejectionLog } from './rejections';

function fakeLogger() {
  const lines: Array<{ obj: Record<string, unknown>; msg: string }> = [];
  const logger = { warn: (obj: Record<string, unknown>, msg: string) => lines.push({ obj, msg }) } as unknown as Logger;
  return { logger, lines };
}

describe('rejection log', () => {
  it('logs the first of each kind per window, then how many were not logged', async () => {
    const { logger, lines } = fakeLogger();
    const log = createRejectionLog(logger, 50);
    for (let i = 0; i < 5; i++) log.record('command', 'invalid_payload', { workshopId: 'w1', type: 'note:create' });
    log.record('handshake', 'unauthorized', { reason: 'unknown token' });
    expect(lines.map((l) => [l.obj.where, l.obj.code])).toEqual([
      ['command', 'invalid_payload'],
      ['handshake', 'unauthorized'],
    ]);
    await new Promise((r) => setTimeout(r, 60));
    log.record('command', 'invalid_payload', {});
    expect(lines[2]!.obj).toMatchObject({ where: 'command', code: 'invalid_payload', suppressedBefore: 4 });
  });

  it.each<[string, boolean]>([
    ['invalid_payload', true],
    ['too_large', true],
    ['rate_limited', true],
    ['unauthorized', true],
    ['conflict', false],
    ['forbidden', false],
    ['wrong_phase', false],
  ])('code %s is logged at the edge: %s', (code, logged) => {
    const { logger, lines } = fakeLogger();
    createRejectionLog(logger).record('command', code);
    expect(lines.length > 0).toBe(logged);
  });

  it('a command outcome logs the command type from the schema, never its text', () => {
    const { logger, lines } = fakeLogger();
    const log = createRejectionLog(logger);
    log.command({ type: 'note:create', text: 'SECRET' }, { ok: false, error: { code: 'invalid_payload' } }, performance.now(), {
      workshopId: 'w1',
    });
    log.command({ type: 'made-up', text: 'SECRET' }, { ok: false, error: { code: 'too_large' } }, performance.now(), {});
    expect(lines.map((l) => l.obj.type)).toEqual(['note:create', 'invalid']);
    expect(JSON.stringify(lines)).not.toContain('SECRET');
  });
});
