/** Validation and the internal, index-based model shared by the planner, baseline and bounds. */
import type { PlanInput, RoundSeating } from './types';
import { PlanImpossibleError, PlanInputError } from './types';

export const MAX_PARTICIPANTS = 5000;
export const MAX_TABLES = 1000;
export const MAX_ROUNDS = 100;

export interface Model {
  n: number;
  T: number;
  /** Total rounds. */
  R: number;
  /** Played rounds (history), always the first P rounds. */
  P: number;
  ids: string[];
  tableIds: string[];
  cap: Int32Array;
  del: Int32Array;
  delSizes: number[];
  hostTable: Int32Array;
  hasLang: Uint8Array;
  /** share[i*n+j] = 1 when i and j share a language (null when nobody gave languages). */
  share: Uint8Array | null;
  /** Table forced in a planned round (host or pin), −1 otherwise; R*n. */
  fixed: Int32Array;
  /** Table of each participant in played rounds (−1 = absent), P*n. */
  playedTable: Int32Array;
  /**
   * Table sizes per round (played: actual present people; planned: initial balanced targets); R*T.
   * The engine may shift a planned round's "+1" between tables (same multiset of sizes) to meet
   * the no-return rule, so the final sizes of a plan are a permutation of these.
   */
  size: Int32Array;
  /** size < capacity (table had a free seat) per round; R*T. */
  room: Uint8Array;
}

/** Structural problems with the input (unknown references, duplicates…). Empty when fine. */
export function validateInput(input: PlanInput): string[] {
  const issues: string[] = [];
  const tableIds = new Set<string>();
  for (const t of input.tables) {
    if (tableIds.has(t.id)) issues.push(`duplicate table id "${t.id}"`);
    tableIds.add(t.id);
    if (!Number.isInteger(t.capacity) || t.capacity < 0) issues.push(`table "${t.id}": capacity must be a non-negative integer`);
  }
  if (input.tables.length > MAX_TABLES) issues.push(`at most ${MAX_TABLES} tables`);
  if (input.participants.length > MAX_PARTICIPANTS) issues.push(`at most ${MAX_PARTICIPANTS} participants`);
  if (!Number.isInteger(input.rounds) || input.rounds < 0 || input.rounds > MAX_ROUNDS) {
    issues.push(`rounds must be an integer between 0 and ${MAX_ROUNDS}`);
  }
  const pids = new Set<string>();
  const hostOfTable = new Map<string, string>();
  for (const p of input.participants) {
    if (pids.has(p.id)) issues.push(`duplicate participant id "${p.id}"`);
    pids.add(p.id);
    if (p.hostOf != null) {
      if (!tableIds.has(p.hostOf)) issues.push(`participant "${p.id}" hosts unknown table "${p.hostOf}"`);
      const other = hostOfTable.get(p.hostOf);
      if (other !== undefined) issues.push(`table "${p.hostOf}" has two hosts ("${other}" and "${p.id}")`);
      else hostOfTable.set(p.hostOf, p.id);
    }
  }
  for (const pin of input.pins ?? []) {
    if (!pids.has(pin.participant)) issues.push(`pin for unknown participant "${pin.participant}"`);
    if (!tableIds.has(pin.table)) issues.push(`pin to unknown table "${pin.table}"`);
    if (!Number.isInteger(pin.round) || pin.round < 1 || pin.round > input.rounds) {
      issues.push(`pin of "${pin.participant}": round must be between 1 and ${input.rounds}`);
    }
  }
  const played = input.played ?? [];
  if (played.length > input.rounds) issues.push(`${played.length} played rounds but only ${input.rounds} rounds in total`);
  played.forEach((round, i) => {
    const seen = new Set<string>();
    for (const [tid, members] of Object.entries(round)) {
      if (!tableIds.has(tid)) issues.push(`played round ${i + 1}: unknown table "${tid}"`);
      for (const pid of members) {
        if (seen.has(pid)) issues.push(`played round ${i + 1}: "${pid}" seated twice`);
        seen.add(pid);
      }
    }
  });
  return issues;
}

/** Number of pairs when k people are spread as evenly as possible over `bins` tables. */
export function evenSpreadPairs(k: number, bins: number): number {
  if (k <= 1) return 0;
  if (bins <= 0) return (k * (k - 1)) / 2;
  const q = Math.floor(k / bins);
  const rem = k - q * bins;
  return (rem * ((q + 1) * q)) / 2 + ((bins - rem) * (q * (q - 1))) / 2;
}

/**
 * Balanced table sizes: N people over tables with bounds [lo, hi], as even as the bounds allow
 * (water-filling). Which tables get the "+1" rotates with `rot`.
 */
export function balancedSizes(N: number, lo: ArrayLike<number>, hi: ArrayLike<number>, rot: number): number[] {
  const T = lo.length;
  const f = (L: number): number => {
    let s = 0;
    for (let t = 0; t < T; t++) s += Math.min(Math.max(L, lo[t] as number), Math.max(hi[t] as number, lo[t] as number));
    return s;
  };
  let maxHi = 0;
  for (let t = 0; t < T; t++) maxHi = Math.max(maxHi, hi[t] as number, lo[t] as number);
  let a = 0;
  let b = maxHi;
  // largest L in [0, maxHi] with f(L) <= N
  while (a < b) {
    const mid = (a + b + 1) >> 1;
    if (f(mid) <= N) a = mid;
    else b = mid - 1;
  }
  const L = a;
  const sizes: number[] = [];
  const eligible: number[] = [];
  for (let t = 0; t < T; t++) {
    const l = lo[t] as number;
    const h = Math.max(hi[t] as number, l);
    sizes.push(Math.min(Math.max(L, l), h));
    if (l <= L && L < h) eligible.push(t);
  }
  let extra = N - f(L);
  if (eligible.length > 0) {
    const start = ((rot % eligible.length) + eligible.length) % eligible.length;
    for (let i = 0; i < eligible.length && extra > 0; i++, extra--) {
      const t = eligible[(start + i) % eligible.length] as number;
      sizes[t] = (sizes[t] as number) + 1;
    }
  }
  return sizes;
}

export function buildModel(input: PlanInput): Model {
  const issues = validateInput(input);
  if (issues.length > 0) throw new PlanInputError(issues);
  const n = input.participants.length;
  const T = input.tables.length;
  const R = input.rounds;
  const played = input.played ?? [];
  const P = played.length;
  const ids = input.participants.map((p) => p.id);
  const tableIds = input.tables.map((t) => t.id);
  const tIndex = new Map(tableIds.map((id, i) => [id, i]));
  const pIndex = new Map(ids.map((id, i) => [id, i]));
  const cap = Int32Array.from(input.tables.map((t) => t.capacity));

  const delIndex = new Map<string, number>();
  const del = new Int32Array(n);
  const delSizes: number[] = [];
  input.participants.forEach((p, i) => {
    let d = delIndex.get(p.delegation);
    if (d === undefined) {
      d = delSizes.length;
      delIndex.set(p.delegation, d);
      delSizes.push(0);
    }
    del[i] = d;
    delSizes[d] = (delSizes[d] as number) + 1;
  });

  const hostTable = new Int32Array(n).fill(-1);
  input.participants.forEach((p, i) => {
    if (p.hostOf != null) hostTable[i] = tIndex.get(p.hostOf) as number;
  });

  // languages
  const langIndex = new Map<string, number>();
  const langSets: number[][] = input.participants.map((p) =>
    [...new Set(p.languages ?? [])].map((l) => {
      let k = langIndex.get(l);
      if (k === undefined) {
        k = langIndex.size;
        langIndex.set(l, k);
      }
      return k;
    }),
  );
  const hasLang = new Uint8Array(n);
  let share: Uint8Array | null = null;
  if (langIndex.size > 0) {
    share = new Uint8Array(n * n);
    const speakers: number[][] = Array.from({ length: langIndex.size }, () => []);
    langSets.forEach((ls, i) => {
      if (ls.length > 0) hasLang[i] = 1;
      for (const l of ls) (speakers[l] as number[]).push(i);
    });
    for (const group of speakers) {
      for (let a = 0; a < group.length; a++) {
        for (let b = a + 1; b < group.length; b++) {
          const i = group[a] as number;
          const j = group[b] as number;
          share[i * n + j] = 1;
          share[j * n + i] = 1;
        }
      }
    }
  }

  // played rounds
  const playedTable = new Int32Array(P * n).fill(-1);
  played.forEach((round, r) => {
    for (const [tid, members] of Object.entries(round)) {
      const t = tIndex.get(tid) as number;
      for (const pid of members) {
        const i = pIndex.get(pid);
        if (i !== undefined) playedTable[r * n + i] = t;
      }
    }
  });

  // fixed seats in planned rounds: hosts then pins
  const fixed = new Int32Array(R * n).fill(-1);
  for (let r = P; r < R; r++) {
    for (let i = 0; i < n; i++) fixed[r * n + i] = hostTable[i] as number;
  }
  for (const pin of input.pins ?? []) {
    const i = pIndex.get(pin.participant) as number;
    const t = tIndex.get(pin.table) as number;
    const r = pin.round - 1;
    if (r < P) {
      if (playedTable[r * n + i] !== t) {
        throw new PlanImpossibleError(`pin of "${pin.participant}" to "${pin.table}" in round ${pin.round} contradicts the played round`);
      }
      continue;
    }
    const h = hostTable[i] as number;
    if (h >= 0 && h !== t) {
      throw new PlanImpossibleError(`"${pin.participant}" hosts "${tableIds[h]}" but is pinned to "${pin.table}" in round ${pin.round}`);
    }
    const cur = fixed[r * n + i] as number;
    if (cur >= 0 && cur !== t) {
      throw new PlanImpossibleError(`"${pin.participant}" is pinned to two tables in round ${pin.round}`);
    }
    fixed[r * n + i] = t;
  }

  // sizes
  const size = new Int32Array(R * T);
  const room = new Uint8Array(R * T);
  for (let r = 0; r < P; r++) {
    for (let i = 0; i < n; i++) {
      const t = playedTable[r * n + i] as number;
      if (t >= 0) size[r * T + t] = (size[r * T + t] as number) + 1;
    }
  }
  let totalCap = 0;
  for (let t = 0; t < T; t++) totalCap += cap[t] as number;
  if (R > P && n > totalCap) {
    throw new PlanImpossibleError(`${n} participants but only ${totalCap} seats`);
  }
  for (let r = P; r < R; r++) {
    const lo = new Array<number>(T).fill(0);
    for (let i = 0; i < n; i++) {
      const t = fixed[r * n + i] as number;
      if (t >= 0) lo[t] = (lo[t] as number) + 1;
    }
    for (let t = 0; t < T; t++) {
      if ((lo[t] as number) > (cap[t] as number)) {
        throw new PlanImpossibleError(
          `table "${tableIds[t]}" has ${lo[t]} fixed people (host/pins) in round ${r + 1} but capacity ${cap[t]}`,
        );
      }
    }
    const sizes = balancedSizes(n, lo, cap, r * 7919);
    for (let t = 0; t < T; t++) size[r * T + t] = sizes[t] as number;
  }
  for (let r = 0; r < R; r++) {
    for (let t = 0; t < T; t++) room[r * T + t] = (size[r * T + t] as number) < (cap[t] as number) ? 1 : 0;
  }
  return { n, T, R, P, ids, tableIds, cap, del, delSizes, hostTable, hasLang, share, fixed, playedTable, size, room };
}

export function playedRounds(input: PlanInput): RoundSeating[] {
  return input.played ?? [];
}
