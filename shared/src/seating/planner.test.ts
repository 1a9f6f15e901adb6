import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PlanImpossibleError, PlanInputError, evaluate, lowerBounds, plan, randomSeating, replan } from './index';
import type { PlanInput, PlanOptions, RoundSeating } from './index';

const FAST: PlanOptions = { maxEvaluations: 30_000, timeBudgetMs: 60_000 };

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
        ...(langs ? { languages: pool[i % pool.length] as string[] } : {}),
      })),
      rounds,
      seed,
    };
  });

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
    [
      'host pinned elsewhere',
      { ...mk(6, 2, 2, 4, 2, true), pins: [{ participant: 'p1', table: 't2', round: 1 }] },
    ],
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
    ['duplicate participant ids', { ...mk(4, 2, 2, 4, 1, false), participants: [{ id: 'a', delegation: 'x' }, { id: 'a', delegation: 'y' }] }],
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
