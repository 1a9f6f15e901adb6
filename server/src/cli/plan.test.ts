import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'server/src/cli/plan.ts');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(content: string | null): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `in-${Math.random().toString(36).slice(2)}.json`);
  if (content !== null) writeFileSync(file, content);
  return new Promise((res) => {
    execFile('node', ['--import', 'tsx', CLI, file], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      res({ code, stdout, stderr });
    });
  });
}

const good = {
  tables: [
    { id: 't1', capacity: 8 },
    { id: 't2', capacity: 8 },
    { id: 't3', capacity: 8 },
  ],
  participants: Array.from({ length: 15 }, (_, i) => ({
    id: `p${i + 1}`,
    delegation: ['TH', 'FR', 'DE', 'JP', 'BR'][i % 5],
    ...(i < 3 ? { hostOf: `t${i + 1}` } : {}),
    ...(i % 2 === 0 ? { languages: ['en'] } : { languages: ['en', 'fr'] }),
  })),
  rounds: 3,
  seed: 7,
};

describe('plan CLI', { timeout: 60_000 }, () => {
  it('prints rounds and metrics as JSON (exit 0)', async () => {
    const { code, stdout } = await run(JSON.stringify(good));
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { rounds: Array<Record<string, string[]>>; metrics: { violations: { total: number } } };
    expect(out.rounds).toHaveLength(3);
    for (const round of out.rounds) {
      expect(Object.keys(round).sort()).toEqual(['t1', 't2', 't3']);
      expect(Object.values(round).flat().sort()).toEqual(good.participants.map((p) => p.id).sort());
      expect(round.t1?.[0]).toBe('p1');
    }
    expect(out.metrics.violations.total).toBe(0);
  });

  it('is deterministic and supports played rounds and pins', async () => {
    const a = await run(JSON.stringify(good));
    const b = await run(JSON.stringify(good));
    expect(a.stdout).toBe(b.stdout);
    const first = JSON.parse(a.stdout) as { rounds: Array<Record<string, string[]>> };
    const replanned = await run(
      JSON.stringify({ ...good, played: first.rounds.slice(0, 1), pins: [{ participant: 'p9', table: 't2', round: 3 }] }),
    );
    expect(replanned.code).toBe(0);
    const out = JSON.parse(replanned.stdout) as { rounds: Array<Record<string, string[]>> };
    expect(out.rounds[0]).toEqual(first.rounds[0]);
    expect(out.rounds[2]?.t2).toContain('p9');
  });

  it('exits 1 with the reason for an impossible case', async () => {
    const { code, stderr, stdout } = await run(
      JSON.stringify({ ...good, tables: [{ id: 't1', capacity: 4 }], participants: good.participants.map(({ hostOf: _h, ...p }) => p) }),
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/15 participants but only 4 seats/);
  });

  it.each([
    ['unreadable file', null, /cannot read/],
    ['not JSON', '{"tables": [', /not valid JSON/],
    ['schema error', JSON.stringify({ ...good, rounds: 'three' }), /rounds/],
    ['unknown key (strict)', JSON.stringify({ ...good, extra: true }), /extra/],
    ['too many rounds', JSON.stringify({ ...good, rounds: 1000 }), /rounds/],
    [
      'unknown hostOf table',
      JSON.stringify({ ...good, participants: [...good.participants, { id: 'x', delegation: 'TH', hostOf: 't9' }] }),
      /unknown table "t9"/,
    ],
    [
      'duplicate ids',
      JSON.stringify({ ...good, participants: [...good.participants, { id: 'p1', delegation: 'TH' }] }),
      /duplicate participant id "p1"/,
    ],
    [
      'two hosts of one table',
      JSON.stringify({ ...good, participants: [...good.participants, { id: 'x', delegation: 'TH', hostOf: 't1' }] }),
      /two hosts/,
    ],
  ])('exits 2 on %s', async (_name, content, message) => {
    const { code, stderr, stdout } = await run(content);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
