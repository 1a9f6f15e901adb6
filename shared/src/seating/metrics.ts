/**
 * Independent (string-based) evaluation of a seating plan: hard-rule violations and soft metrics.
 * Deliberately does not share code with the optimiser so it can be used to check it.
 */
import type { HardViolations, LowerBounds, Metrics, PlanInput, RoundSeating } from './types';
import { buildModel, evenSpreadPairs } from './model';

interface SoftMetrics {
  repeats: number;
  sameDelegationPairs: number;
  languageIsolated: number;
}

/** Soft metrics of rounds [from, to) counting only participants present in the input. */
function softMetrics(input: PlanInput, rounds: RoundSeating[], from: number, to: number): SoftMetrics {
  const n = input.participants.length;
  const idx = new Map(input.participants.map((p, i) => [p.id, i]));
  const dels = input.participants.map((p) => p.delegation);
  const langs = input.participants.map((p) => new Set(p.languages ?? []));
  const meet = new Map<number, number>();
  let repeats = 0;
  let sameDelegationPairs = 0;
  let languageIsolated = 0;
  for (let r = 0; r < to && r < rounds.length; r++) {
    const round = rounds[r] as RoundSeating;
    for (const members of Object.values(round)) {
      const present = members.map((id) => idx.get(id)).filter((i): i is number => i !== undefined);
      for (let a = 0; a < present.length; a++) {
        const i = present[a] as number;
        for (let b = a + 1; b < present.length; b++) {
          const j = present[b] as number;
          const key = i < j ? i * n + j : j * n + i;
          const m = meet.get(key) ?? 0;
          meet.set(key, m + 1);
          if (r >= from) {
            if (m >= 1) repeats++;
            if (dels[i] === dels[j]) sameDelegationPairs++;
          }
        }
      }
      if (r >= from) {
        for (const i of present) {
          const li = langs[i] as Set<string>;
          if (li.size === 0) continue;
          const shares = present.some((j) => j !== i && [...(langs[j] as Set<string>)].some((l) => li.has(l)));
          if (!shares) languageIsolated++;
        }
      }
    }
  }
  return { repeats, sameDelegationPairs, languageIsolated };
}

function sameRound(a: RoundSeating, b: RoundSeating | undefined): boolean {
  if (b === undefined) return false;
  const norm = (r: RoundSeating): string =>
    JSON.stringify(
      Object.entries(r)
        .filter(([, m]) => m.length > 0)
        .map(([t, m]) => [t, [...m].sort()] as const)
        .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)),
    );
  return norm(a) === norm(b);
}

/** Hard-rule violations and soft metrics of a full schedule (played rounds first). */
export function evaluate(input: PlanInput, rounds: RoundSeating[]): Metrics {
  const played = input.played ?? [];
  const P = played.length;
  const v: HardViolations = { seating: 0, hosts: 0, capacity: 0, balance: 0, noReturn: 0, pins: 0, played: 0, total: 0 };
  const cap = new Map(input.tables.map((t) => [t.id, t.capacity]));
  const n = input.participants.length;

  for (let r = 0; r < P; r++) if (!sameRound(played[r] as RoundSeating, rounds[r])) v.played++;
  if (rounds.length < input.rounds) v.seating += (input.rounds - rounds.length) * Math.max(1, n);
  if (rounds.length > input.rounds) v.seating += rounds.length - input.rounds;

  const seatOf: Array<Map<string, string>> = rounds.map((round) => {
    const m = new Map<string, string>();
    for (const [tid, members] of Object.entries(round)) for (const pid of members) if (!m.has(pid)) m.set(pid, tid);
    return m;
  });
  const sizeOf = (r: number, tid: string): number => (rounds[r] as RoundSeating)[tid]?.length ?? 0;

  for (let r = P; r < rounds.length; r++) {
    const round = rounds[r] as RoundSeating;
    const seen = new Set<string>();
    const known = new Set(input.participants.map((p) => p.id));
    for (const [tid, members] of Object.entries(round)) {
      if (!cap.has(tid)) v.seating += members.length;
      for (const pid of members) {
        if (!known.has(pid) || seen.has(pid)) v.seating++;
        seen.add(pid);
      }
    }
    for (const p of input.participants) if (!seen.has(p.id)) v.seating++;
    let minOpen = Infinity;
    for (const t of input.tables) {
      const s = sizeOf(r, t.id);
      if (s > t.capacity) v.capacity++;
      if (s < t.capacity) minOpen = Math.min(minOpen, s);
    }
    for (const t of input.tables) if (sizeOf(r, t.id) >= minOpen + 2) v.balance++;
    for (const p of input.participants) {
      if (p.hostOf != null && seatOf[r]?.get(p.id) !== p.hostOf) v.hosts++;
    }
    for (const pin of input.pins ?? []) {
      if (pin.round === r + 1 && seatOf[r]?.get(pin.participant) !== pin.table) v.pins++;
    }
  }

  // no return while an unvisited table still has a free seat (travellers only)
  for (const p of input.participants) {
    if (p.hostOf != null) continue;
    const visited = new Set<string>();
    for (let r = 0; r < rounds.length; r++) {
      const t = seatOf[r]?.get(p.id);
      if (t === undefined) continue;
      if (r >= P && visited.has(t)) {
        const free = input.tables.some((u) => !visited.has(u.id) && sizeOf(r, u.id) < u.capacity);
        if (free) v.noReturn++;
      }
      visited.add(t);
    }
  }
  v.total = v.seating + v.hosts + v.capacity + v.balance + v.noReturn + v.pins + v.played;
  return { violations: v, ...softMetrics(input, rounds, 0, rounds.length) };
}

/**
 * Lower bounds for the soft metrics of the full schedule: repeats (pigeonhole), same-delegation
 * pairs (even spread) and language isolation; played rounds contribute their actual values.
 */
export function lowerBounds(input: PlanInput): LowerBounds {
  const m = buildModel(input);
  const { R, P, T, n } = m;
  const playedSoft = softMetrics(input, input.played ?? [], 0, P);
  const nonEmpty = (r: number): number => {
    let k = 0;
    for (let t = 0; t < T; t++) if ((m.size[r * T + t] as number) > 0) k++;
    return k;
  };
  let repeats = playedSoft.repeats;
  for (let r = Math.max(1, P); r < R; r++) {
    const prev = nonEmpty(r - 1);
    for (let t = 0; t < T; t++) repeats += evenSpreadPairs(m.size[r * T + t] as number, prev);
  }
  let sameDelegationPairs = playedSoft.sameDelegationPairs;
  for (let r = P; r < R; r++) {
    const bins = nonEmpty(r);
    for (const k of m.delSizes) sameDelegationPairs += evenSpreadPairs(k, bins);
  }
  let lonely = 0;
  for (let i = 0; i < n; i++) {
    if (!m.hasLang[i]) continue;
    let any = false;
    for (let j = 0; j < n && !any; j++) if (j !== i && m.share && m.share[i * n + j]) any = true;
    if (!any) lonely++;
  }
  return {
    repeats,
    sameDelegationPairs,
    languageIsolated: playedSoft.languageIsolated + lonely * (R - P),
  };
}
