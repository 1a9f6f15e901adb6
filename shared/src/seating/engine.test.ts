import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Engine } from './engine';
import { buildModel } from './model';
import { createRng } from './rng';
import type { PlanInput } from './types';

/** Engine invariants of the "+1" move (x alone to a table one smaller, same round). */
describe('Engine.move', () => {
  const arb = fc
    .record({
      caps: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 5 }),
      people: fc.integer({ min: 1, max: 30 }),
      hostMask: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      rounds: fc.integer({ min: 2, max: 4 }),
      dels: fc.integer({ min: 1, max: 4 }),
      langs: fc.boolean(),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
    })
    .map(({ caps, people, hostMask, rounds, dels, langs, seed }): PlanInput => {
      const total = caps.reduce((a, b) => a + b, 0);
      const hostTables = caps.map((_, t) => t).filter((t) => hostMask[t]);
      const n = Math.min(total, Math.max(hostTables.length, people));
      const pool = [['en'], ['fr'], ['en', 'fr'], ['th']];
      return {
        tables: caps.map((c, t) => ({ id: `t${t}`, capacity: c })),
        participants: Array.from({ length: n }, (_, i) => ({
          id: `p${i}`,
          delegation: `D${i % dels}`,
          ...(i < hostTables.length ? { hostOf: `t${hostTables[i]}` } : {}),
          ...(langs ? { languages: pool[i % pool.length] } : {}),
        })),
        rounds,
        seed,
      };
    });

  let moves = 0;
  it('moveDelta predicts the cost change, incremental state matches a recompute, sizes stay a permutation', () => {
    fc.assert(
      fc.property(arb, (input) => {
        const m = buildModel(input);
        const e = new Engine(m);
        const rng = createRng(input.seed ?? 1);
        e.construct(rng);
        const sorted = (r: number): number[] => Array.from(e.size.subarray(r * m.T, (r + 1) * m.T)).sort((a, b) => a - b);
        const before = Array.from({ length: m.R }, (_, r) => sorted(r));
        for (let step = 0; step < 30; step++) {
          const r = rng.int(m.R);
          const x = rng.int(Math.max(1, m.n));
          const B = rng.int(m.T);
          if (m.n === 0 || !e.canMove(r, x, B)) continue;
          const c0 = e.cost();
          const d = e.moveDelta(r, x, B);
          e.move(r, x, B);
          moves++;
          expect(e.cost()).toBe(c0 + d);
          const inc = { ...e.costs };
          const nr = Array.from(e.nr);
          e.recompute(true);
          expect(e.costs).toEqual(inc);
          expect(Array.from(e.nr)).toEqual(nr);
          for (let t = 0; t < m.T; t++) {
            const a = e.off[r * m.T + t] as number;
            const b = e.off[r * m.T + t + 1] as number;
            expect(b - a).toBe(e.size[r * m.T + t]);
            for (let k = a; k < b; k++) {
              const z = e.mem[k] as number;
              expect(e.tableOf[r * m.n + z]).toBe(t);
              expect(e.pos[r * m.n + z]).toBe(k);
            }
            expect(e.room[r * m.T + t]).toBe((e.size[r * m.T + t] as number) < (m.cap[t] as number) ? 1 : 0);
          }
        }
        for (let r = 0; r < m.R; r++) expect(sorted(r)).toEqual(before[r]);
      }),
      { numRuns: 150 },
    );
    expect(moves).toBeGreaterThan(100);
  });
});
