export * from './cafe/model';
export * from './cafe/protocol';
export * from './cafe/decide';
export * from './cafe/reduce';
export * from './cafe/scope';
export * from './text';
export * from './assert';
export * from './presets';
export * from './cafe/clock';
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
export * from './harvest/decide';
export * from './harvest/votes';
export * from './harvest/similarity';
export * from './harvest/suggest';
export * from './review/matrix';
export * from './export/json';
export * from './diagnostics/clientError';
export * from './diagnostics/redact';
export * from './diagnostics/readiness';
export * from './presence/messages';
export * from './presence/roster';
export * from './presence/clusterRoster';
export * from './redaction/redact';
export * from './accounts/schemas';
export * from './accounts/summary';
export * from './accounts/cofacilitators';
export * from './accounts/linkTtl';
export * from './join/joinIdEntropy';
export * from './devices/userAgent';
export * from './devices/schemas';
export * from './templates';
