import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PlanImpossibleError, PlanInputError, evaluate, lowerBounds, plan, randomSeating, replan } from './index';
import type { PlanInput, PlanOptions, RoundSeating } from './index';

const FAST: PlanOptions = { maxEvaluations: 30_000, timeBudgetMs: 60_000 };
/** Tiny exhaustive-checked cases: enough evaluations that a feasible case is always solved. */
const TINY_BUDGET: PlanOptions = { maxEvaluations: 100_000, timeBudgetMs: 60_000 };

function mk(n: number, dels: number, tables: number, cap: number, rounds: number, hosts: boolean, seed = 1): PlanInput {
  return {
    tables: Array.from({ length: tables }, (_, t) => ({ id: `t${t + 1}`, capacity: cap })),
    participants: Array.from({ length: n }, (_, i) => ({
      id: `p${i + 1}`,
      delegation: `D${(i % dels) + 1}`,
      ...(hosts && i < tables ? { hostOf: `t${i + 1}` } : {}),
    })),
    rounds,
    seed,
  };
}

/** Random feasible case: some tables with hosts, n ≤ total capacity. */
const caseArb = fc
  .record({
    caps: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 6 }),
    fill: fc.double({ min: 0, max: 1, noNaN: true }),
    dels: fc.integer({ min: 1, max: 6 }),
    hostMask: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    rounds: fc.integer({ min: 1, max: 5 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    langs: fc.boolean(),
  })
  .map(({ caps, fill, dels, hostMask, rounds, seed, langs }): PlanInput => {
    const total = caps.reduce((a, b) => a + b, 0);
    const hostTables = caps.map((_, t) => t).filter((t) => hostMask[t]);
    const n = Math.max(hostTables.length, Math.round(fill * total));
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

/**
 * Exhaustive check (tiny cases only, nothing played, no pins): does some plan satisfy every hard
 * rule? Independent of the planner: any size vector allowed by the evaluator's rules (capacity,
 * hosts, balance) is tried in each round, and travellers are interchangeable for the hard rules, so
 * the state is the multiset of the travellers' visited-table sets.
 */
function hardFeasible(input: PlanInput): boolean {
  const T = input.tables.length;
  const cap = input.tables.map((t) => t.capacity);
  const tIndex = new Map(input.tables.map((t, i) => [t.id, i]));
  const hosts = new Array<number>(T).fill(0);
  let k = 0;
  for (const p of input.participants) {
    if (p.hostOf != null) {
      const t = tIndex.get(p.hostOf) as number;
      hosts[t] = (hosts[t] as number) + 1;
    } else k++;
  }
  const n = input.participants.length;
  // every size vector a planned round may have
  const vectors: number[][] = [];
  const cur = new Array<number>(T).fill(0);
  const gen = (t: number, left: number): void => {
    if (t === T) {
      if (left !== 0) return;
      let minOpen = Infinity;
      for (let u = 0; u < T; u++) if ((cur[u] as number) < (cap[u] as number)) minOpen = Math.min(minOpen, cur[u] as number);
      if (cur.every((s) => s < minOpen + 2)) vectors.push([...cur]);
      return;
    }
    for (let s = hosts[t] as number; s <= Math.min(cap[t] as number, left); s++) {
      cur[t] = s;
      gen(t + 1, left - s);
    }
  };
  gen(0, n);
  const all = (1 << T) - 1;
  const failed = new Set<string>();
  const solve = (round: number, masks: number[]): boolean => {
    if (round === input.rounds) return true;
    const key = `${round}:${masks.join(',')}`;
    if (failed.has(key)) return false;
    for (const sizes of vectors) {
      let roomMask = 0;
      for (let t = 0; t < T; t++) if ((sizes[t] as number) < (cap[t] as number)) roomMask |= 1 << t;
      const left = sizes.map((s, t) => s - (hosts[t] as number));
      const next: number[] = [];
      const tab: number[] = [];
      const place = (i: number): boolean => {
        if (i === masks.length)
          return solve(
            round + 1,
            [...next].sort((a, b) => a - b),
          );
        const v = masks[i] as number;
        // equal masks are interchangeable: keep their tables non-decreasing
        const from = i > 0 && masks[i - 1] === v ? (tab[i - 1] as number) : 0;
        const allowed = (~v & all & roomMask) !== 0 ? ~v & all : all;
        for (let t = from; t < T; t++) {
          if (!(allowed & (1 << t)) || (left[t] as number) === 0) continue;
          left[t] = (left[t] as number) - 1;
          tab[i] = t;
          next[i] = v | (1 << t);
          const ok = place(i + 1);
          left[t] = (left[t] as number) + 1;
          if (ok) return true;
        }
        return false;
      };
      if (place(0)) return true;
    }
    failed.add(key);
    return false;
  };
  return solve(0, new Array<number>(k).fill(0));
}

describe('plan: hard rules (property)', () => {
  it('seats everyone once per round, hosts at home, capacities and balance hold', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const res = plan(input, FAST);
        const m = evaluate(input, res.rounds);
        expect(res.rounds).toHaveLength(input.rounds);
        expect(m.violations.seating).toBe(0);
        expect(m.violations.hosts).toBe(0);
        expect(m.violations.capacity).toBe(0);
        expect(m.violations.balance).toBe(0);
        expect(m.violations.pins).toBe(0);
        // the planner reports exactly what an independent evaluation finds
        expect(res.metrics.violations).toEqual(m.violations);
        expect(res.metrics.repeats).toBe(m.repeats);
      }),
      { numRuns: 60 },
    );
  });

  it('no traveller returns while an unvisited table has a free seat (roomy cases, rounds ≤ tables)', () => {
    const roomy = fc
      .record({
        tables: fc.integer({ min: 2, max: 6 }),
        per: fc.integer({ min: 1, max: 5 }),
        dels: fc.integer({ min: 1, max: 5 }),
        seed: fc.integer({ min: 0, max: 1_000_000 }),
        rounds: fc.integer({ min: 2, max: 6 }),
      })
      .map(({ tables, per, dels, seed, rounds }) => mk(tables * per, dels, tables, per + 2, Math.min(rounds, tables), false, seed));
    fc.assert(
      fc.property(roomy, (input) => {
        const res = plan(input, { maxEvaluations: 400_000, timeBudgetMs: 60_000 });
        expect(evaluate(input, res.rounds).violations.total).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it('regression: no forced return from fixed "+1" table sizes (2 tables, host + 2 travellers, 2 rounds)', () => {
    // The round-2 target sizes used to be fixed up front (t1: 1, t2: 2): with the host pinned at t1,
    // both travellers had to sit at t2 and the one who had been there in round 1 returned although
    // t1 had free seats. The search may now shift the "+1" between tables of the same round.
    for (const seed of [1, 2, 3, 7]) {
      const input: PlanInput = {
        tables: [
          { id: 't1', capacity: 8 },
          { id: 't2', capacity: 8 },
        ],
        participants: [
          { id: 'ploy', delegation: 'TH', hostOf: 't1' },
          { id: 'an', delegation: 'VN' },
          { id: 'siti', delegation: 'MY' },
        ],
        rounds: 2,
        seed,
      };
      const res = plan(input);
      expect(res.metrics.violations.noReturn).toBe(0);
      expect(res.metrics.violations.total).toBe(0);
      expect(evaluate(input, res.rounds).violations).toEqual(res.metrics.violations);
      const [r1, r2] = res.rounds as [RoundSeating, RoundSeating];
      for (const round of [r1, r2]) {
        expect(round.t1?.[0]).toBe('ploy');
        expect(
          Object.values(round)
            .map((m) => m.length)
            .sort(),
        ).toEqual([1, 2]);
      }
      // each traveller sits at both tables
      for (const id of ['an', 'siti']) expect(r1.t1?.includes(id)).toBe(!r2.t1?.includes(id));
    }
  });

  it('meets every hard rule whenever an exhaustive search says it can be done (tiny cases with hosts)', () => {
    const tiny = fc
      .record({
        caps: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 5 }),
        people: fc.integer({ min: 1, max: 12 }),
        hostMask: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        rounds: fc.integer({ min: 1, max: 4 }),
        dels: fc.integer({ min: 1, max: 4 }),
        seed: fc.integer({ min: 0, max: 1_000_000 }),
      })
      .map(({ caps, people, hostMask, rounds, dels, seed }): PlanInput => {
        const total = caps.reduce((a, b) => a + b, 0);
        const hostTables = caps.map((_, t) => t).filter((t) => hostMask[t]);
        const n = Math.min(total, Math.max(people, hostTables.length));
        return {
          tables: caps.map((c, t) => ({ id: `t${t}`, capacity: c })),
          participants: Array.from({ length: n }, (_, i) => ({
            id: `p${i}`,
            delegation: `D${i % dels}`,
            ...(i < hostTables.length ? { hostOf: `t${hostTables[i]}` } : {}),
          })),
          rounds,
          seed,
        };
      });
    let feasible = 0;
    fc.assert(
      fc.property(tiny, (input) => {
        const v = plan(input, TINY_BUDGET).metrics.violations;
        if (hardFeasible(input)) {
          feasible++;
          expect(v).toMatchObject({ total: 0 });
        } else {
          // only the no-return rule can be out of reach
          expect(v.total).toBe(v.noReturn);
        }
      }),
      // a fixed seed: the planner is a bounded search, so a fresh random case on every CI run would
      // make this test flaky (found once: see the named case below)
      { numRuns: 200, seed: 20_261_130 },
    );
    expect(feasible).toBeGreaterThan(100);
  });

  it('a case that needs more than 30,000 evaluations to reach no-return (found by the property above)', () => {
    const input: PlanInput = {
      tables: [
        { id: 't0', capacity: 3 },
        { id: 't1', capacity: 3 },
        { id: 't2', capacity: 4 },
        { id: 't3', capacity: 3 },
      ],
      participants: [
        { id: 'p0', delegation: 'D0', hostOf: 't0' },
        { id: 'p1', delegation: 'D1', hostOf: 't2' },
        ...['D2', 'D0', 'D1', 'D2', 'D0', 'D1', 'D2', 'D0'].map((delegation, i) => ({ id: `p${i + 2}`, delegation })),
      ],
      rounds: 4,
      seed: 999_991,
    };
    expect(plan(input, FAST).metrics.violations.noReturn).toBe(1);
    expect(plan(input, TINY_BUDGET).metrics.violations).toMatchObject({ total: 0 });
  });

  it('exhaustive checker: sanity', () => {
    const base = (caps: number[], hosts: number, rounds: number): PlanInput => ({
      tables: caps.map((c, t) => ({ id: `t${t}`, capacity: c })),
      participants: Array.from({ length: caps.reduce((a, b) => a + b, 0) }, (_, i) => ({
        id: `p${i}`,
        delegation: 'D',
        ...(i < hosts ? { hostOf: `t${i}` } : {}),
      })),
      rounds,
    });
    // full tables: nobody can be forced anywhere, every plan is fine
    expect(hardFeasible(base([2, 2], 0, 4))).toBe(true);
    // 2 tables of 2 with a free seat each (3 people): 3 rounds → someone returns in round 3
    const three = { ...base([2, 2], 0, 3), participants: base([2, 2], 0, 3).participants.slice(0, 3) };
    expect(hardFeasible(three)).toBe(true);
    // 2 tables of 3, 2 hosts + 2 travellers: round 2 needs both travellers to switch tables
    expect(hardFeasible({ ...base([3, 3], 2, 2), participants: base([3, 3], 2, 2).participants.slice(0, 4) })).toBe(true);
    // host + 3 travellers at 2 tables of 3: sizes must be (2, 2), so in round 2 two travellers
    // share the table that only one of them has not visited yet, while the other table has room
    const tight: PlanInput = {
      tables: [
        { id: 'a', capacity: 3 },
        { id: 'b', capacity: 3 },
      ],
      participants: [
        { id: 'h', delegation: 'D', hostOf: 'a' },
        { id: 'x', delegation: 'D' },
        { id: 'y', delegation: 'D' },
        { id: 'z', delegation: 'D' },
      ],
      rounds: 2,
    };
    expect(hardFeasible(tight)).toBe(false);
    expect(hardFeasible({ ...tight, rounds: 1 })).toBe(true);
    const v = plan(tight, FAST).metrics.violations;
    expect(v.total).toBe(v.noReturn);
  });

  it('random baseline respects hosts and the seat plan', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), (input, seed) => {
        const v = evaluate(input, randomSeating(input, seed)).violations;
        expect(v.seating + v.hosts + v.capacity + v.balance).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});

describe('plan: behaviour', () => {
  it('is deterministic for a given seed', () => {
    const input = mk(40, 8, 6, 8, 4, true, 42);
    const a = plan(input, FAST);
    const b = plan(input, FAST);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = plan({ ...input, seed: 43 }, FAST);
    expect(evaluate(input, c.rounds).violations.total).toBe(0);
  });

  it('honours pins', () => {
    const input: PlanInput = {
      ...mk(20, 5, 4, 6, 3, true, 3),
      pins: [
        { participant: 'p10', table: 't2', round: 1 },
        { participant: 'p10', table: 't3', round: 2 },
        { participant: 'p11', table: 't2', round: 3 },
      ],
    };
    const res = plan(input, FAST);
    expect(res.rounds[0]?.t2).toContain('p10');
    expect(res.rounds[1]?.t3).toContain('p10');
    expect(res.rounds[2]?.t2).toContain('p11');
    expect(res.metrics.violations.total).toBe(0);
  });

  it('re-planning keeps played rounds, seats late arrivals and drops leavers', () => {
    const input = mk(30, 6, 5, 8, 4, true, 9);
    const first = plan(input, FAST);
    const played = first.rounds.slice(0, 2);
    const next: PlanInput = {
      ...input,
      participants: [...input.participants.filter((p) => p.id !== 'p20'), { id: 'late', delegation: 'D1' }],
    };
    const res = replan(next, played, FAST);
    expect(res.rounds).toHaveLength(4);
    expect(res.rounds.slice(0, 2)).toEqual(played);
    for (const round of res.rounds.slice(2)) {
      const seated = Object.values(round).flat();
      expect(seated).toContain('late');
      expect(seated).not.toContain('p20');
      expect(seated).toHaveLength(30);
    }
    expect(evaluate({ ...next, played }, res.rounds).violations.total).toBe(0);
  });

  it('avoids seating someone where nobody shares a language', () => {
    const input: PlanInput = {
      tables: Array.from({ length: 3 }, (_, t) => ({ id: `t${t}`, capacity: 4 })),
      participants: [
        ...['a', 'b', 'c'].map((id) => ({ id, delegation: id, languages: ['th'] })),
        ...['d', 'e', 'f', 'g', 'h', 'i'].map((id) => ({ id, delegation: id, languages: ['en'] })),
        ...['j', 'k', 'l'].map((id) => ({ id, delegation: id, languages: ['th', 'en'] })),
      ],
      rounds: 3,
      seed: 5,
    };
    const res = plan(input, FAST);
    expect(res.metrics.languageIsolated).toBe(0);
    // a random seating usually isolates someone
    const rnd = [1, 2, 3, 4, 5].map((s) => evaluate(input, randomSeating(input, s)).languageIsolated);
    expect(Math.max(...rnd)).toBeGreaterThan(0);
  });

  it('spreads delegations and beats the random baseline on repeats', () => {
    const input = mk(33, 11, 5, 8, 3, true, 7);
    const res = plan(input, { maxEvaluations: 400_000, timeBudgetMs: 60_000 });
    const lb = lowerBounds(input);
    expect(res.metrics.sameDelegationPairs).toBe(lb.sameDelegationPairs);
    expect(res.metrics.repeats).toBeLessThanOrEqual(Math.floor(1.2 * lb.repeats));
    expect(res.metrics.repeats).toBeLessThan(evaluate(input, randomSeating(input, 1)).repeats);
  });

  it('finds the perfect 16-4-5 golfer schedule', () => {
    const res = plan(mk(16, 16, 4, 4, 5, false), FAST);
    expect(res.metrics.repeats).toBe(0);
    expect(res.metrics.violations.total).toBe(0);
  });

  it('seeds 2^e people at tables of 4 from planes of GF(2)^e (8-4-9 perfect, 8-4-10 at 16)', () => {
    const nine = plan(mk(32, 32, 8, 4, 9, false), FAST);
    expect(nine.metrics.repeats).toBe(0);
    expect(nine.metrics.violations.total).toBe(0);
    const ten = plan(mk(32, 32, 8, 4, 10, false), { ...FAST, skipSearch: true });
    expect(ten.metrics.repeats).toBeLessThanOrEqual(16);
    expect(ten.metrics.violations.total).toBe(0);
  });

  it('removes the 8-4-10 seed repeats with the golfer tabu search (≤ 15, deterministic)', () => {
    for (const seed of [3, 7]) {
      const res = plan(mk(32, 32, 8, 4, 10, false, seed));
      expect(res.metrics.repeats).toBeLessThanOrEqual(15);
      expect(res.metrics.violations.total).toBe(0);
      expect(res.metrics.search.stoppedBy).not.toBe('time');
    }
    const a = plan(mk(32, 32, 8, 4, 10, false, 3));
    const b = plan(mk(32, 32, 8, 4, 10, false, 3));
    expect(b.rounds).toEqual(a.rounds);
    expect(b.metrics.search).toEqual(a.metrics.search);
  });

  it('handles zero participants and more tables than people', () => {
    expect(plan(mk(0, 1, 3, 4, 2, false), FAST).rounds).toEqual([
      { t1: [], t2: [], t3: [] },
      { t1: [], t2: [], t3: [] },
    ]);
    const res = plan(mk(2, 2, 4, 4, 3, false), FAST);
    expect(res.metrics.violations.seating).toBe(0);
  });
});

describe('plan: impossible and invalid input', () => {
  it.each<[string, PlanInput]>([
    ['more people than seats', mk(10, 2, 2, 4, 2, false)],
    ['host pinned elsewhere', { ...mk(6, 2, 2, 4, 2, true), pins: [{ participant: 'p1', table: 't2', round: 1 }] }],
    [
      'pinned to two tables in one round',
      {
        ...mk(6, 2, 2, 4, 2, false),
        pins: [
          { participant: 'p3', table: 't1', round: 2 },
          { participant: 'p3', table: 't2', round: 2 },
        ],
      },
    ],
    [
      'too many pins at one table',
      {
        ...mk(6, 2, 2, 4, 1, false),
        pins: ['p1', 'p2', 'p3'].map((participant) => ({ participant, table: 't1', round: 1 })),
        tables: [
          { id: 't1', capacity: 2 },
          { id: 't2', capacity: 4 },
        ],
      },
    ],
  ])('%s → PlanImpossibleError', (_name, input) => {
    expect(() => plan(input, FAST)).toThrow(PlanImpossibleError);
  });

  it.each<[string, PlanInput]>([
    [
      'duplicate participant ids',
      {
        ...mk(4, 2, 2, 4, 1, false),
        participants: [
          { id: 'a', delegation: 'x' },
          { id: 'a', delegation: 'y' },
        ],
      },
    ],
    ['unknown hostOf', { ...mk(4, 2, 2, 4, 1, false), participants: [{ id: 'a', delegation: 'x', hostOf: 'nope' }] }],
    [
      'two hosts of one table',
      {
        ...mk(4, 2, 2, 4, 1, false),
        participants: [
          { id: 'a', delegation: 'x', hostOf: 't1' },
          { id: 'b', delegation: 'x', hostOf: 't1' },
        ],
      },
    ],
    ['pin round out of range', { ...mk(4, 2, 2, 4, 1, false), pins: [{ participant: 'p1', table: 't1', round: 2 }] }],
    ['more played rounds than rounds', { ...mk(4, 2, 2, 4, 1, false), played: [{}, {}] as RoundSeating[] }],
  ])('%s → PlanInputError', (_name, input) => {
    expect(() => plan(input, FAST)).toThrow(PlanInputError);
  });
});
