/**
 * freshsim's library API: what a user needs to write a strategy, run an
 * experiment and render its report. Small and named on purpose (no
 * `export *` of internals); nothing runs on import. See docs/API.md.
 */

// Writing a strategy.
export {
  defineStrategy,
  type DefinedStrategy, type ParamSchema, type ParamValue, type StrategySpecOf,
  type StrategyDefinition, type StrategyServices, type DecisionDiagnostic,
} from './strategies/index.js';
export {
  roundDownToUnit, roundUpToUnit,
  type Batch, type DecisionContext, type ObservableHistory, type Order, type OrderLine, type PlanConstraints, type Planner,
  type Promotion, type RefundRecord, type Site, type Sku, type StockPlan, type UnitKind,
} from './sim/index.js';

// Scenarios.
export { parseScenario, ScenarioError, validateScenario, type Scenario, type ScenarioInput } from './scenarios/index.js';

// Running experiments and reporting.
export { ExperimentFailedError, loadScenario, renderReport, runExperiment, type ExperimentOptions, type ExperimentOutcome } from './cli/index.js';
export type { Results } from './analysis/index.js';
export type { Timing } from './experiment/index.js';
