/**
 * The experiment layer's public API: an experiment as data (a plan of
 * cells, each named by a hash of what determines its numbers), running one
 * cell, and summarising finished cells into results documents. Pure: no
 * files, threads, processes or wall clock (a clock for decision timing is
 * handed in); cli/ does the I/O and scheduling around it.
 */
export {
  buildPlan, canonicalJson, contentHash, shardCells,
  type CellSpec, type ExperimentPlan, type Shard, type StrategyVariant,
} from './cells.js';
export {
  createCellRunner, failureOf, isCellFailure,
  type CellFailure, type CellOutcome, type CellTiming,
} from './cell-run.js';
export { ExperimentSpecError } from './errors.js';
export { planOfRun, runExperiment, type RunSpec, type StrategySpec } from './run.js';
export { missingCells, summarisePlan, type CellResult, type Timing } from './summarise.js';
