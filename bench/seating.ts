/**
 * Seating planner benchmark: `npm run bench:seating`.
 * For each generated case: repeats vs pigeonhole lower bound vs a random host-respecting seating,
 * same-delegation pairs vs even-spread bound, hard-rule violations and the median time.
 */
import { evaluate, lowerBounds, plan, randomSeating, replan } from '@world-cafe/shared/seating';
import type { PlanInput, PlanResult } from '@world-cafe/shared/seating';

interface CaseSpec {
  name: string;
  input: PlanInput;
  target?: (r: PlanResult, ms: number, lb: ReturnType<typeof lowerBounds>) => { label: string; ok: boolean };
}

function makeCase(opts: {
  people: number;
  delegations: number;
  tables: number;
  capacity: number;
  rounds: number;
  hosts: boolean;
  languages?: string[][];
  seed?: number;
}): PlanInput {
  const tables = Array.from({ length: opts.tables }, (_, t) => ({ id: `t${t + 1}`, capacity: opts.capacity }));
  const perDel = Math.ceil(opts.people / opts.delegations);
  const participants = Array.from({ length: opts.people }, (_, i) => {
    // hosts are spread over delegations: participant i belongs to delegation i % delegations
    const d = opts.delegations >= opts.people ? i : i % opts.delegations;
    const p: PlanInput['participants'][number] = { id: `p${i + 1}`, delegation: `D${d + 1}` };
    if (opts.hosts && i < opts.tables) p.hostOf = `t${i + 1}`;
    if (opts.languages) p.languages = opts.languages[i % opts.languages.length];
    return p;
  });
  void perDel;
  return { tables, participants, rounds: opts.rounds, seed: opts.seed ?? 7 };
}

const cases: CaseSpec[] = [
  {
    name: '33p/11d, 5 tables(8), hosts, 3r',
    input: makeCase({ people: 33, delegations: 11, tables: 5, capacity: 8, rounds: 3, hosts: true }),
    target: (r, _ms, lb) => ({ label: `repeats ≤ 1.2×LB (${(1.2 * lb.repeats).toFixed(1)})`, ok: r.metrics.repeats <= 1.2 * lb.repeats }),
  },
  {
    name: '16p, 4 tables(4), 5r (golfer 4-4-5)',
    input: makeCase({ people: 16, delegations: 16, tables: 4, capacity: 4, rounds: 5, hosts: false }),
    target: (r) => ({ label: 'repeats = 0', ok: r.metrics.repeats === 0 }),
  },
  {
    name: '32p, 8 tables(4), 10r (golfer 8-4-10)',
    input: makeCase({ people: 32, delegations: 32, tables: 8, capacity: 4, rounds: 10, hosts: false }),
    target: (r) => ({ label: 'repeats ≤ 15', ok: r.metrics.repeats <= 15 }),
  },
  {
    name: '60p/6d, 8 tables(9), 4r, languages',
    input: makeCase({
      people: 60,
      delegations: 6,
      tables: 8,
      capacity: 9,
      rounds: 4,
      hosts: true,
      languages: [['en'], ['fr', 'en'], ['th'], ['th', 'en'], ['fr'], ['de', 'fr'], ['es'], ['es', 'fr']],
    }),
  },
  {
    name: '200p/20d, 20 tables(12), hosts, 6r',
    input: makeCase({ people: 200, delegations: 20, tables: 20, capacity: 12, rounds: 6, hosts: true }),
  },
  {
    name: '500p/25d, 50 tables(12), hosts, 5r',
    input: makeCase({ people: 500, delegations: 25, tables: 50, capacity: 12, rounds: 5, hosts: true }),
  },
  {
    name: '1000p/40d, 100 tables(12), hosts, 5r',
    input: makeCase({ people: 1000, delegations: 40, tables: 100, capacity: 12, rounds: 5, hosts: true }),
    target: (r, ms, lb) => ({
      label: '0 repeats, delegations at LB, < 2 s',
      ok: r.metrics.repeats === 0 && r.metrics.sameDelegationPairs <= lb.sameDelegationPairs && ms < 2000,
    }),
  },
];

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function timed<T>(fn: () => T, runs: number): { value: T; ms: number } {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    times.push(performance.now() - t0);
  }
  return { value: value as T, ms: median(times) };
}

const pad = (s: string | number, w: number): string => String(s).padStart(w);
const padR = (s: string | number, w: number): string => String(s).padEnd(w);
const rows: string[] = [];
const targets: Array<{ label: string; ok: boolean }> = [];
rows.push(
  `${padR('case', 40)} ${pad('n', 5)} ${pad('rep', 5)} ${pad('repLB', 6)} ${pad('random', 7)} ${pad('sameDel', 8)} ${pad('delLB', 6)} ${pad('rndDel', 7)} ${pad('lang', 5)} ${pad('hard', 5)} ${pad('ms', 8)}  stop`,
);
for (const c of cases) {
  const lb = lowerBounds(c.input);
  const { value: res, ms } = timed(() => plan(c.input), RUNS);
  const base = evaluate(c.input, randomSeating(c.input, 12345));
  const check = evaluate(c.input, res.rounds);
  rows.push(
    `${padR(c.name, 40)} ${pad(c.input.participants.length, 5)} ${pad(res.metrics.repeats, 5)} ${pad(lb.repeats, 6)} ${pad(base.repeats, 7)} ${pad(res.metrics.sameDelegationPairs, 8)} ${pad(lb.sameDelegationPairs, 6)} ${pad(base.sameDelegationPairs, 7)} ${pad(res.metrics.languageIsolated, 5)} ${pad(check.violations.total, 5)} ${pad(ms.toFixed(0), 8)}  ${res.metrics.search.stoppedBy}`,
  );
  targets.push({ label: `${c.name}: hard-rule violations = 0`, ok: check.violations.total === 0 });
  if (c.target) {
    const t = c.target(res, ms, lb);
    targets.push({ label: `${c.name}: ${t.label}`, ok: t.ok });
  }
}

// Re-planning: one late arrival among 1,000 after two played rounds.
{
  const input = cases[cases.length - 1]?.input as PlanInput;
  const full = plan(input);
  const played = full.rounds.slice(0, 2);
  const late: PlanInput = {
    ...input,
    participants: [...input.participants, { id: 'late1', delegation: 'D1' }],
  };
  const { value: re, ms } = timed(() => replan(late, played), Math.max(RUNS, 5));
  const check = evaluate({ ...late, played }, re.rounds);
  const kept = JSON.stringify(re.rounds.slice(0, 2)) === JSON.stringify(played);
  rows.push(
    `${padR('replan: 1000p + 1 late, 3 of 5 rounds left', 40)} ${pad(1001, 5)} ${pad(re.metrics.repeats, 5)} ${pad(re.metrics.lowerBounds.repeats, 6)} ${pad('-', 7)} ${pad(re.metrics.sameDelegationPairs, 8)} ${pad(re.metrics.lowerBounds.sameDelegationPairs, 6)} ${pad('-', 7)} ${pad(re.metrics.languageIsolated, 5)} ${pad(check.violations.total, 5)} ${pad(ms.toFixed(0), 8)}  ${re.metrics.search.stoppedBy}`,
  );
  targets.push({ label: 'replan 1000p + 1 late: hard-rule violations = 0, played rounds kept', ok: check.violations.total === 0 && kept });
  targets.push({ label: `replan 1000p + 1 late: < 100 ms (${ms.toFixed(0)} ms)`, ok: ms < 100 });
}

console.log(rows.join('\n'));
console.log('');
for (const t of targets) console.log(`${t.ok ? 'PASS' : 'FAIL'}  ${t.label}`);
const failed = targets.filter((t) => !t.ok).length;
console.log(failed === 0 ? '\nall targets met' : `\n${failed} target(s) failed`);
process.exitCode = failed === 0 ? 0 : 1;
