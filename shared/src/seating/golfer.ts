/**
 * Dedicated tabu search for pure "social golfer" instances (every group of every round the same
 * size, nothing pinned): minimise the number of repeats (each meeting of a pair after the first).
 * Conflict-directed swaps in the style of Dotú & Van Hentenryck (2005): a person sitting with
 * someone already met is swapped with a person of another group of the same round — best
 * non-tabu delta (aspiration when it beats the best), random tie-breaks, perturbation of the best
 * solution after a stall. Deterministic for a given RNG and evaluation budget.
 */
import type { Rng } from './rng';

export interface GolferResult {
  /** rounds[r][person] = group index. */
  rounds: number[][];
  repeats: number;
  iterations: number;
  /** Swap deltas evaluated. */
  evaluations: number;
}

/**
 * @param init rounds[r][person] = group (each group exactly `s` people); improved copy returned.
 * @param maxEvaluations budget of swap evaluations (checked once per iteration).
 * @param target stop once the repeats are at most this (e.g. a lower bound).
 */
export function golferTabu(init: number[][], n: number, G: number, s: number, rng: Rng, maxEvaluations: number, target = 0): GolferResult {
  const R = init.length;
  const grp = new Int32Array(R * n);
  const mem = new Int32Array(R * G * s);
  const pos = new Int32Array(R * n);
  const meet = new Int16Array(n * n);
  const load = (rounds: ArrayLike<ArrayLike<number>>): void => {
    const fill = new Int32Array(R * G);
    meet.fill(0);
    for (let r = 0; r < R; r++) {
      const row = rounds[r] as ArrayLike<number>;
      for (let p = 0; p < n; p++) {
        const g = row[p] as number;
        const k = fill[r * G + g] as number;
        fill[r * G + g] = k + 1;
        grp[r * n + p] = g;
        mem[(r * G + g) * s + k] = p;
        pos[r * n + p] = k;
      }
    }
    for (let rg = 0; rg < R * G; rg++) {
      for (let a = 0; a < s; a++) {
        const x = mem[rg * s + a] as number;
        for (let b = a + 1; b < s; b++) {
          const y = mem[rg * s + b] as number;
          meet[x * n + y] = (meet[x * n + y] as number) + 1;
          meet[y * n + x] = (meet[y * n + x] as number) + 1;
        }
      }
    }
  };
  const totalCost = (): number => {
    let c = 0;
    for (let x = 0; x < n; x++) for (let y = x + 1; y < n; y++) if ((meet[x * n + y] as number) > 1) c += (meet[x * n + y] as number) - 1;
    return c;
  };
  load(init);
  let cost = totalCost();
  let best = cost;
  const bestGrp = grp.slice();
  const tabu = new Int32Array(R * n * G); // iteration until which person p may not re-enter group g in round r
  const cand = new Int32Array(R * n * 2);
  const out = (): GolferResult => {
    const rounds: number[][] = [];
    for (let r = 0; r < R; r++) rounds.push(Array.from(bestGrp.subarray(r * n, (r + 1) * n)));
    return { rounds, repeats: best, iterations: it, evaluations };
  };
  // delta of moving x out of its group (without y) into y's group (without y), and vice versa
  const swapDelta = (r: number, x: number, y: number): number => {
    const gx = (r * G + (grp[r * n + x] as number)) * s;
    const gy = (r * G + (grp[r * n + y] as number)) * s;
    let d = 0;
    for (let k = 0; k < s; k++) {
      const u = mem[gx + k] as number;
      if (u !== x) {
        if ((meet[x * n + u] as number) > 1) d--;
        if ((meet[y * n + u] as number) > 0) d++;
      }
      const v = mem[gy + k] as number;
      if (v !== y) {
        if ((meet[y * n + v] as number) > 1) d--;
        if ((meet[x * n + v] as number) > 0) d++;
      }
    }
    return d;
  };
  const doSwap = (r: number, x: number, y: number): void => {
    const ax = grp[r * n + x] as number;
    const ay = grp[r * n + y] as number;
    const gx = (r * G + ax) * s;
    const gy = (r * G + ay) * s;
    for (let k = 0; k < s; k++) {
      const u = mem[gx + k] as number;
      if (u !== x) {
        meet[x * n + u] = (meet[x * n + u] as number) - 1;
        meet[u * n + x] = (meet[u * n + x] as number) - 1;
        meet[y * n + u] = (meet[y * n + u] as number) + 1;
        meet[u * n + y] = (meet[u * n + y] as number) + 1;
      }
      const v = mem[gy + k] as number;
      if (v !== y) {
        meet[y * n + v] = (meet[y * n + v] as number) - 1;
        meet[v * n + y] = (meet[v * n + y] as number) - 1;
        meet[x * n + v] = (meet[x * n + v] as number) + 1;
        meet[v * n + x] = (meet[v * n + x] as number) + 1;
      }
    }
    const px = pos[r * n + x] as number;
    const py = pos[r * n + y] as number;
    mem[gx + px] = y;
    mem[gy + py] = x;
    pos[r * n + y] = px;
    pos[r * n + x] = py;
    grp[r * n + x] = ay;
    grp[r * n + y] = ax;
  };
  let it = 0;
  let evaluations = 0;
  let sinceBest = 0;
  const stall = 200;
  const kicks = 4;
  while (evaluations < maxEvaluations && best > target) {
    it++;
    // best non-tabu swap involving a conflicting person
    let bestD = Infinity;
    let nb = 0;
    for (let r = 0; r < R; r++) {
      for (let x = 0; x < n; x++) {
        const gx = (r * G + (grp[r * n + x] as number)) * s;
        let conflict = false;
        for (let k = 0; k < s; k++) {
          const u = mem[gx + k] as number;
          if (u !== x && (meet[x * n + u] as number) > 1) {
            conflict = true;
            break;
          }
        }
        if (!conflict) continue;
        const ax = grp[r * n + x] as number;
        for (let y = 0; y < n; y++) {
          const ay = grp[r * n + y] as number;
          if (ay === ax) continue;
          const d = swapDelta(r, x, y);
          evaluations++;
          if (d > bestD) continue;
          const isTabu = (tabu[(r * n + x) * G + ay] as number) > it || (tabu[(r * n + y) * G + ax] as number) > it;
          if (isTabu && cost + d >= best) continue;
          if (d < bestD) {
            bestD = d;
            nb = 0;
          }
          cand[nb * 2] = r * n + x;
          cand[nb * 2 + 1] = y;
          nb++;
          if (nb * 2 >= cand.length) nb--;
        }
      }
    }
    if (nb === 0) {
      sinceBest = stall;
    } else {
      const c = rng.int(nb);
      const rx = cand[c * 2] as number;
      const r = Math.floor(rx / n);
      const x = rx - r * n;
      const y = cand[c * 2 + 1] as number;
      const ax = grp[r * n + x] as number;
      const ay = grp[r * n + y] as number;
      doSwap(r, x, y);
      cost += bestD;
      tabu[(r * n + x) * G + ax] = it + 4 + rng.int(50);
      tabu[(r * n + y) * G + ay] = it + 4 + rng.int(50);
      if (cost < best) {
        best = cost;
        bestGrp.set(grp);
        sinceBest = 0;
      } else sinceBest++;
    }
    if (sinceBest >= stall) {
      // perturb the best solution: a few random swaps
      const rounds: Int32Array[] = [];
      for (let r = 0; r < R; r++) rounds.push(bestGrp.subarray(r * n, (r + 1) * n));
      load(rounds);
      tabu.fill(0);
      for (let k = 0; k < kicks; k++) {
        const r = rng.int(R);
        const x = rng.int(n);
        const y = rng.int(n);
        if (grp[r * n + x] !== grp[r * n + y]) doSwap(r, x, y);
      }
      cost = totalCost();
      sinceBest = 0;
    }
  }
  return out();
}
