export * from './model';
export * from './protocol';
export * from './decide';
export * from './reduce';
export * from './scope';
export * from './text';
export * from './assert';
export * from './presets';
export * from './cafe';
export {
  plan,
  replan,
  evaluate,
  lowerBounds,
  randomSeating,
  PlanImpossibleError,
  PlanInputError,
  type PlanInput,
  type PlanResult,
  type PlanMetrics,
  type PlanOptions,
} from './seating';
