import { describe, it, expect } from 'vitest';
import { balancedSizes, evenSpreadPairs } from './model';
import { evaluate, lowerBounds } from './metrics';
import type { PlanInput, RoundSeating } from './types';

const people = (ids: string[], del = (i: number) => `D${i}`): PlanInput['participants'] => ids.map((id, i) => ({ id, delegation: del(i) }));

describe('evenSpreadPairs', () => {
  it.each([
    [0, 3, 0],
    [1, 3, 0],
    [3, 5, 0],
    [7, 5, 2], // 2,2,1,1,1
    [6, 5, 1],
    [8, 4, 4], // 2,2,2,2
    [10, 8, 2],
    [4, 1, 6],
    [9, 2, 16], // 5,4 → 10 + 6
    [25, 100, 0],
  ])('%i people over %i tables → %i pairs', (k, bins, expected) => {
    expect(evenSpreadPairs(k, bins)).toBe(expected);
  });
});

describe('balancedSizes', () => {
  it.each([
    { N: 33, lo: [1, 1, 1, 1, 1], hi: [8, 8, 8, 8, 8], sum: 33, spread: 1 },
    { N: 10, lo: [0, 0, 0], hi: [2, 8, 8], sum: 10, spread: -1 },
    { N: 16, lo: [0, 0, 0, 0], hi: [4, 4, 4, 4], sum: 16, spread: 0 },
    { N: 3, lo: [0, 0, 0, 0, 0], hi: [5, 5, 5, 5, 5], sum: 3, spread: 1 },
    { N: 9, lo: [4, 0, 0], hi: [6, 6, 6], sum: 9, spread: -1 },
  ])('N=$N lo=$lo hi=$hi', ({ N, lo, hi, sum, spread }) => {
    const s = balancedSizes(N, lo, hi, 0);
    expect(s.reduce((a, b) => a + b, 0)).toBe(sum);
    s.forEach((x, t) => {
      expect(x).toBeGreaterThanOrEqual(lo[t] as number);
      expect(x).toBeLessThanOrEqual(hi[t] as number);
    });
    if (spread >= 0) expect(Math.max(...s) - Math.min(...s)).toBe(spread);
    // no table may be ≥ 2 larger than a table that still has room
    for (let a = 0; a < s.length; a++) {
      for (let b = 0; b < s.length; b++) {
        if ((s[b] as number) < (hi[b] as number) && (s[a] as number) > (lo[a] as number)) {
          expect((s[a] as number) - (s[b] as number)).toBeLessThanOrEqual(1);
        }
      }
    }
  });
  it('capped tables stay full and the rest is balanced', () => {
    expect(balancedSizes(10, [0, 0, 0], [2, 8, 8], 0).sort()).toEqual([2, 4, 4]);
    expect(balancedSizes(9, [4, 0, 0], [6, 6, 6], 0).sort()).toEqual([2, 3, 4]);
  });
});

describe('evaluate', () => {
  const tables = [
    { id: 'a', capacity: 3 },
    { id: 'b', capacity: 3 },
  ];
  const base: PlanInput = { tables, participants: people(['p1', 'p2', 'p3', 'p4']), rounds: 3 };
  const cases: Array<{ name: string; input: PlanInput; rounds: RoundSeating[]; expect: Record<string, number> }> = [
    {
      name: 'pairs meeting 3 times → 2 repeats each',
      input: base,
      rounds: [
        { a: ['p1', 'p2'], b: ['p3', 'p4'] },
        { a: ['p1', 'p2'], b: ['p3', 'p4'] },
        { a: ['p1', 'p2'], b: ['p3', 'p4'] },
      ],
      expect: { repeats: 4, sameDelegationPairs: 0, noReturn: 8 }, // two pairs × 2 repeats; everyone returns twice while the other table has room
    },
    {
      name: 'same-delegation pairs counted per round',
      input: { ...base, participants: people(['p1', 'p2', 'p3', 'p4'], (i) => (i < 3 ? 'X' : 'Y')), rounds: 1 },
      rounds: [{ a: ['p1', 'p2', 'p3'], b: ['p4'] }],
      expect: { sameDelegationPairs: 3, repeats: 0, balance: 1 },
    },
    {
      name: 'missing, duplicate and unknown people',
      input: { ...base, rounds: 1 },
      rounds: [{ a: ['p1', 'p1', 'zz'], b: ['p2', 'p3'] }],
      expect: { seating: 3, capacity: 0 },
    },
    {
      name: 'host away from their table and capacity exceeded',
      input: { ...base, rounds: 1, participants: [{ id: 'p1', delegation: 'D', hostOf: 'a' }, ...people(['p2', 'p3', 'p4'])] },
      rounds: [{ a: [], b: ['p1', 'p2', 'p3', 'p4'] }],
      expect: { hosts: 1, capacity: 1, balance: 1 },
    },
  ];
  it.each(cases)('$name', ({ input, rounds, expect: exp }) => {
    const m = evaluate(input, rounds);
    const flat: Record<string, number> = { ...m.violations, repeats: m.repeats, sameDelegationPairs: m.sameDelegationPairs };
    for (const [k, v] of Object.entries(exp)) expect(flat[k], k).toBe(v);
  });

  it('no-return: counted only while an unvisited table has a free seat', () => {
    // capacity 2, 2 per table: tables are full, so staying is not a violation
    const full: PlanInput = {
      tables: [
        { id: 'a', capacity: 2 },
        { id: 'b', capacity: 2 },
      ],
      participants: people(['p1', 'p2', 'p3', 'p4']),
      rounds: 2,
    };
    const stay: RoundSeating[] = [
      { a: ['p1', 'p2'], b: ['p3', 'p4'] },
      { a: ['p1', 'p3'], b: ['p2', 'p4'] },
    ];
    expect(evaluate(full, stay).violations.noReturn).toBe(0);
    const roomy: PlanInput = {
      ...full,
      tables: [
        { id: 'a', capacity: 3 },
        { id: 'b', capacity: 3 },
      ],
    };
    expect(evaluate(roomy, stay).violations.noReturn).toBe(2); // p1 and p4 return while the other table had room
  });

  it('language isolation: only people with languages, sharing with nobody at the table', () => {
    const input: PlanInput = {
      tables: [{ id: 'a', capacity: 4 }],
      participants: [
        { id: 'p1', delegation: 'A', languages: ['en'] },
        { id: 'p2', delegation: 'B', languages: ['fr', 'en'] },
        { id: 'p3', delegation: 'C', languages: ['th'] },
        { id: 'p4', delegation: 'D' },
      ],
      rounds: 1,
    };
    expect(evaluate(input, [{ a: ['p1', 'p2', 'p3', 'p4'] }]).languageIsolated).toBe(1);
  });

  it('played rounds must be kept verbatim', () => {
    const played: RoundSeating[] = [{ a: ['p1', 'p2'], b: ['p3', 'p4'] }];
    const input: PlanInput = { ...base, rounds: 2, played };
    const good = evaluate(input, [played[0] as RoundSeating, { a: ['p1', 'p3'], b: ['p2', 'p4'] }]);
    expect(good.violations.played).toBe(0);
    const bad = evaluate(input, [
      { a: ['p1', 'p3'], b: ['p2', 'p4'] },
      { a: ['p1', 'p3'], b: ['p2', 'p4'] },
    ]);
    expect(bad.violations.played).toBe(1);
  });
});

describe('lowerBounds', () => {
  const mk = (n: number, dels: number, tables: number, cap: number, rounds: number, hosts: boolean): PlanInput => ({
    tables: Array.from({ length: tables }, (_, t) => ({ id: `t${t}`, capacity: cap })),
    participants: Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      delegation: `D${i % dels}`,
      ...(hosts && i < tables ? { hostOf: `t${i}` } : {}),
    })),
    rounds,
  });
  it.each([
    // 7,7,7,6,6 from 5 tables: 2+2+2+1+1 = 8 per round from round 2
    { name: '33 people, 5 tables, 3 rounds', input: mk(33, 11, 5, 8, 3, true), repeats: 16, del: 0 },
    { name: 'golfer 4-4-5', input: mk(16, 16, 4, 4, 5, false), repeats: 0, del: 0 },
    { name: '8 at 2 tables, 3 rounds', input: mk(8, 8, 2, 4, 3, false), repeats: 8, del: 0 }, // 4 from 2 tables → 2+2 → 2 pairs per table, 2 tables, rounds 2-3
    { name: '4 delegations of 5 over 4 tables', input: mk(20, 4, 4, 5, 2, false), repeats: 4, del: 8 },
    { name: '1000 people, 40 delegations, 100 tables', input: mk(1000, 40, 100, 12, 5, true), repeats: 0, del: 0 },
  ])('$name', ({ input, repeats, del }) => {
    const lb = lowerBounds(input);
    expect(lb.repeats).toBe(repeats);
    expect(lb.sameDelegationPairs).toBe(del);
  });
});
