/** Public types of the seating / rotation planner (pure, no I/O). */

export interface TableSpec {
  id: string;
  /** Maximum number of people at the table (hosts included). */
  capacity: number;
}

export interface ParticipantSpec {
  id: string;
  delegation: string;
  /** Id of the table this participant hosts: a host stays at that table in every round. */
  hostOf?: string | null;
  /** Languages spoken; when given, the planner avoids seating the person where nobody else shares one. */
  languages?: string[];
}

/** Person `participant` must sit at `table` in `round` (1-based, counting played rounds). */
export interface PinSpec {
  participant: string;
  table: string;
  round: number;
}

/** One round: table id → ids of the participants seated there. */
export type RoundSeating = Record<string, string[]>;

export interface PlanInput {
  tables: TableSpec[];
  participants: ParticipantSpec[];
  /** Total number of rounds of the session (played rounds included). */
  rounds: number;
  seed?: number;
  /** Rounds already played (history); they are kept verbatim and only the rest is planned. */
  played?: RoundSeating[];
  pins?: PinSpec[];
}

export interface PlanOptions {
  /**
   * Safety cap on the improvement phase in milliseconds (default 1500). The search normally stops
   * first on its deterministic work budget or when it reaches the lower bounds; only when this cap
   * binds can the result depend on machine speed.
   */
  timeBudgetMs?: number;
  /** Deterministic work budget: number of candidate swaps evaluated by the local search. */
  maxEvaluations?: number;
  /** Skip the local search entirely (greedy construction only). */
  skipSearch?: boolean;
}

export interface HardViolations {
  /** Participants missing, seated twice, or unknown ids in a planned round. */
  seating: number;
  /** Host not at their own table. */
  hosts: number;
  /** Table-rounds over capacity. */
  capacity: number;
  /** Table-rounds at least two larger than a table that still had a free seat. */
  balance: number;
  /** A traveller returned to a table while an unvisited table still had a free seat. */
  noReturn: number;
  /** Pins not honoured. */
  pins: number;
  /** Played rounds that were not kept verbatim. */
  played: number;
  total: number;
}

export interface LowerBounds {
  /** Pigeonhole bound on repeated encounters (plus repeats already present in played rounds). */
  repeats: number;
  /** Even-spread bound on same-delegation pairs sharing a table, summed over rounds. */
  sameDelegationPairs: number;
  /** People who share a language with nobody present, times planned rounds. */
  languageIsolated: number;
}

export interface Metrics {
  violations: HardViolations;
  /** Each meeting of a pair after their first (k meetings → k−1 repeats), over all rounds. */
  repeats: number;
  /** Pairs of the same delegation sharing a table, summed over rounds. */
  sameDelegationPairs: number;
  /** Person-rounds where someone with languages shares none with anyone else at the table. */
  languageIsolated: number;
}

export interface SearchStats {
  evaluations: number;
  steps: number;
  stoppedBy: 'lowerBound' | 'budget' | 'time' | 'skipped';
}

export interface PlanMetrics extends Metrics {
  lowerBounds: LowerBounds;
  search: SearchStats;
}

export interface PlanResult {
  rounds: RoundSeating[];
  metrics: PlanMetrics;
}

/** The input is structurally wrong (unknown ids, duplicates, two hosts of one table, …). */
export class PlanInputError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(issues.join('; '));
    this.name = 'PlanInputError';
    this.issues = issues;
  }
}

/** The input is well-formed but cannot be seated (more people than seats, conflicting pins, …). */
export class PlanImpossibleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanImpossibleError';
  }
}
