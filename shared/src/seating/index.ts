export type {
  HardViolations,
  LowerBounds,
  Metrics,
  ParticipantSpec,
  PinSpec,
  PlanInput,
  PlanMetrics,
  PlanOptions,
  PlanResult,
  RoundSeating,
  SearchStats,
  TableSpec,
} from './types';
export { PlanImpossibleError, PlanInputError } from './types';
export { plan, replan, randomSeating, DEFAULT_MAX_EVALUATIONS, DEFAULT_TIME_BUDGET_MS } from './planner';
export { evaluate, lowerBounds } from './metrics';
export { validateInput, balancedSizes, evenSpreadPairs, MAX_PARTICIPANTS, MAX_ROUNDS, MAX_TABLES } from './model';
export { createRng } from './rng';
export type { Rng } from './rng';
