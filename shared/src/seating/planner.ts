/** Public planning API: plan, replan, randomSeating. */
import { affineRounds, binaryPlaneRounds } from './affine';
import { Engine } from './engine';
import { golferTabu } from './golfer';
import { evaluate, lowerBounds } from './metrics';
import type { Model } from './model';
import { buildModel } from './model';
import { createRng, shuffleInPlace } from './rng';
import type { PlanInput, PlanOptions, PlanResult, RoundSeating, SearchStats } from './types';

export const DEFAULT_TIME_BUDGET_MS = 1500;
export const DEFAULT_MAX_EVALUATIONS = 12_000_000;
/**
 * Pure golfer input: only repeats matter — no delegation can conflict, nobody gave languages,
 * no table has a free seat (so the no-return rule cannot bite). Called only with an algebraic seed
 * (nothing played or fixed, uniform table sizes).
 */
function isPureGolfer(m: Model): boolean {
  if (m.share) return false;
  for (const d of m.delSizes) if (d > 1) return false;
  for (let i = 0; i < m.room.length; i++) if (m.room[i]) return false;
  return true;
}

function toRounds(input: PlanInput, m: Model, e: Engine): RoundSeating[] {
  const out: RoundSeating[] = (input.played ?? []).map((r) => ({ ...r }));
  for (let r = m.P; r < m.R; r++) {
    const round: RoundSeating = {};
    for (let t = 0; t < m.T; t++) {
      const a = e.off[r * m.T + t] as number;
      const b = e.off[r * m.T + t + 1] as number;
      const people: number[] = [];
      for (let k = a; k < b; k++) people.push(e.mem[k] as number);
      // host first, then input order
      people.sort((i, j) => {
        const hi = m.hostTable[i] === t ? 0 : 1;
        const hj = m.hostTable[j] === t ? 0 : 1;
        return hi - hj || i - j;
      });
      round[m.tableIds[t] as string] = people.map((i) => m.ids[i] as string);
    }
    out.push(round);
  }
  return out;
}

/**
 * Algebraic seed for "social golfer" shaped inputs (nothing played or fixed, every planned table
 * of the same size): q² people at q tables of q (affine plane, ≤ q+1 rounds without repeats), or
 * 2^e people at tables of 4 (planes of GF(2)^e: 8-4-9 without repeats, 8-4-10 with 16 — removed
 * afterwards by the golfer tabu search on pure inputs).
 */
function algebraicSeed(m: Model): number[][] | null {
  const { n, T, R, P } = m;
  if (P !== 0 || R < 2 || T < 2) return null;
  const s = m.size[0] as number;
  for (let r = 0; r < R; r++) for (let t = 0; t < T; t++) if (m.size[r * T + t] !== s) return null;
  for (let i = 0; i < R * n; i++) if ((m.fixed[i] as number) >= 0) return null;
  if (n === T * T && s === T) {
    const aff = affineRounds(T, R);
    if (aff) return aff;
  }
  if (s === 4 && n === 4 * T && (n & (n - 1)) === 0 && n >= 8) return binaryPlaneRounds(Math.log2(n), R);
  return null;
}

/** Plan the remaining rounds (all of them unless `input.played` is given). */
export function plan(input: PlanInput, options: PlanOptions = {}): PlanResult {
  const m = buildModel(input);
  const rng = createRng(input.seed ?? 1);
  const e = new Engine(m);
  let seed = algebraicSeed(m);
  let search: SearchStats = { evaluations: 0, steps: 0, stoppedBy: 'skipped' };
  let searched = false;
  if (seed && !options.skipSearch && isPureGolfer(m)) {
    // the algebraic seed may leave repeats (8-4-10: 16); a dedicated tabu search removes them
    const target = lowerBounds(input).repeats;
    const res = golferTabu(seed, m.n, m.T, m.size[0] as number, rng, options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS, target);
    seed = res.rounds;
    search = { evaluations: res.evaluations, steps: res.iterations, stoppedBy: res.repeats <= target ? 'lowerBound' : 'budget' };
    searched = true;
  }
  if (seed) {
    // relabel people randomly (deterministically) so delegations are not aligned with the geometry
    const perm = shuffleInPlace(
      Array.from({ length: m.n }, (_, i) => i),
      rng,
    );
    for (let r = 0; r < m.R; r++) {
      const row = seed[r] as number[];
      const assign = new Array<number>(m.n);
      for (let pt = 0; pt < m.n; pt++) assign[perm[pt] as number] = row[pt] as number;
      e.setRound(r, assign);
    }
    e.recompute(true);
  } else {
    e.construct(rng);
  }
  if (!options.skipSearch && !searched) {
    const budgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
    const start = Date.now();
    search = e.search(rng, options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS, start + budgetMs, Date.now);
  }
  const rounds = toRounds(input, m, e);
  const metrics = evaluate(input, rounds);
  return { rounds, metrics: { ...metrics, lowerBounds: lowerBounds(input), search } };
}

/**
 * Re-plan mid-session: keep `played` verbatim and plan the remaining rounds for the current
 * participants (late arrivals simply have no history; people who left are no longer in the input).
 */
export function replan(input: PlanInput, played: RoundSeating[], options: PlanOptions = {}): PlanResult {
  return plan({ ...input, played }, options);
}

/**
 * Baseline: hosts (and pins) at their tables, everyone else shuffled into the balanced seats.
 * Played rounds are kept.
 */
export function randomSeating(input: PlanInput, seed: number): RoundSeating[] {
  const m = buildModel(input);
  const rng = createRng(seed);
  const e = new Engine(m);
  for (let r = m.P; r < m.R; r++) {
    const assign = new Array<number>(m.n).fill(-1);
    const seats: number[] = [];
    const used = new Int32Array(m.T);
    for (let i = 0; i < m.n; i++) {
      const f = m.fixed[r * m.n + i] as number;
      if (f >= 0) {
        assign[i] = f;
        used[f] = (used[f] as number) + 1;
      }
    }
    for (let t = 0; t < m.T; t++) for (let k = used[t] as number; k < (m.size[r * m.T + t] as number); k++) seats.push(t);
    shuffleInPlace(seats, rng);
    let s = 0;
    for (let i = 0; i < m.n; i++) if ((assign[i] as number) < 0) assign[i] = seats[s++] as number;
    e.setRound(r, assign);
  }
  return toRounds(input, m, e);
}
