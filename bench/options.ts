// Command-line values shared by the load benchmarks (bench/notes.ts, bench/cluster.ts): checked
// numbers, rate lists, and the seating of the load (delegate i at table i % T).

export function num(name: string, raw: string, min: number, max: number, int = true): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (int && !Number.isInteger(n)))
    throw new Error(`--${name} must be ${int ? 'an integer' : 'a number'} in [${min}, ${max}], got ${raw}`);
  return n;
}

/** A comma-separated list of notes/s; empty means none. */
export const rateList = (name: string, raw: string) =>
  raw.trim() === '' ? [] : raw.split(',').map((r) => num(name, r.trim(), 1, 50_000, false));

export interface LoadShape {
  delegates: number;
  tables: number;
  facilitators: number;
  /** Seats per table. */
  capacity: number;
  /** Delegate i sits at table i % T: tables differ in size by at most one. */
  tableOf: (delegate: number) => number;
  tableSize: (table: number) => number;
  /** Recipients of a note written at table t: tablemates (the author excluded) + facilitators. */
  recipients: (table: number) => number;
}

export function loadShape(raw: { delegates: string; tables: string; facilitators: string }): LoadShape {
  // at most 1,900: a server admits 2,000 joins per minute from one address (JOIN limiter)
  const delegates = num('delegates', raw.delegates, 2, 1900);
  const tables = num('tables', raw.tables, 1, 200);
  const facilitators = num('facilitators', raw.facilitators, 1, 100);
  if (delegates < tables) throw new Error('--delegates must be at least --tables (every table needs a writer)');
  const capacity = Math.ceil(delegates / tables);
  if (capacity > 100) throw new Error(`ceil(delegates/tables) = ${capacity} exceeds the table capacity limit (100)`);
  const tableSize = (t: number) => Math.floor(delegates / tables) + (t < delegates % tables ? 1 : 0);
  return {
    delegates,
    tables,
    facilitators,
    capacity,
    tableOf: (d) => d % tables,
    tableSize,
    recipients: (t) => tableSize(t) - 1 + facilitators,
  };
}

/** The flags every load benchmark takes (for parseArgs), the run's deadline defaulting to `timeoutMin`. */
export const loadFlags = (timeoutMin: number) =>
  ({
    delegates: { type: 'string' },
    tables: { type: 'string' },
    facilitators: { type: 'string' },
    rates: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    drain: { type: 'string', default: '10' },
    workers: { type: 'string', default: '2' },
    quick: { type: 'boolean', default: false },
    timeout: { type: 'string', default: String(timeoutMin) },
    help: { type: 'boolean', short: 'h', default: false },
  }) as const;

export interface LoadOptions {
  shape: LoadShape;
  rates: number[];
  /** Measured window and warm-up before it, s. */
  seconds: number;
  warmup: number;
  /** Max seconds to wait for late acks and deliveries. */
  drain: number;
  workers: number;
  timeoutMin: number;
}

type Flagged = { [K in 'delegates' | 'tables' | 'facilitators' | 'rates' | 'seconds' | 'warmup']?: string } & {
  drain?: string;
  workers?: string;
  timeout?: string;
  quick?: boolean;
};

/** Reads the load flags; what is not given takes `defaults` ([full run, --quick]); a 3 s window (+1 s warm-up) with --quick. */
export function loadOptions(
  args: Flagged,
  defaults: Record<'delegates' | 'tables' | 'facilitators' | 'rates', [string, string]>,
): LoadOptions {
  const pick = (name: keyof typeof defaults | 'seconds' | 'warmup', [full, quick]: [string, string]) =>
    args[name] ?? (args.quick ? quick : full);
  return {
    shape: loadShape({
      delegates: pick('delegates', defaults.delegates),
      tables: pick('tables', defaults.tables),
      facilitators: pick('facilitators', defaults.facilitators),
    }),
    rates: rateList('rates', pick('rates', defaults.rates)),
    seconds: num('seconds', pick('seconds', ['10', '3']), 0.5, 300, false),
    warmup: num('warmup', pick('warmup', ['2', '1']), 0, 60, false),
    drain: num('drain', args.drain ?? '10', 0.5, 120, false),
    workers: num('workers', args.workers ?? '2', 1, 8),
    timeoutMin: num('timeout', args.timeout ?? '30', 1, 240, false),
  };
}
