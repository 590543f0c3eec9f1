/**
 * An experiment run start to end in this thread, without a store: the
 * library path (golden tests use it). The CLI's runner executes the same
 * plan on a pool, a queue or inline, with a result store.
 */
import type { Results } from '../analysis/index.js';
import type { Scenario } from '../scenarios/index.js';
import { resolvedParams } from '../strategies/index.js';
import { createCellRunner } from './cell-run.js';
import { buildPlan, type ExperimentPlan } from './cells.js';
import { summarisePlan, type CellResult, type Timing } from './summarise.js';

/** A strategy with its parameters. */
export interface StrategySpec {
  readonly name: string;
  readonly params?: Record<string, unknown>;
}

/** One scenario, strategies by name, replications 1..N: what `run` asks for. */
export interface RunSpec {
  readonly scenario: Scenario;
  readonly strategies: readonly StrategySpec[];
  /** Replication numbers (1, 2, … N for `--seeds N`). */
  readonly seeds: readonly number[];
  /** Strategy the paired comparisons are against (default: the first non-oracle). */
  readonly baseline?: string;
  readonly version: string;
  /** Wall clock in ms, for decision timing only. */
  readonly clock?: () => number;
}

/** The plan of a {@link RunSpec} (parameters validated and resolved before any work). */
export function planOfRun(spec: RunSpec): ExperimentPlan {
  return buildPlan({
    name: spec.scenario.name,
    freshsim: spec.version,
    scenarios: [spec.scenario],
    variants: spec.strategies.map((s) => ({ label: s.name, name: s.name, params: resolvedParams(s.name, s.params) })),
    seeds: spec.seeds,
    baseline: spec.baseline,
  });
}

/** Run every cell of `spec` in this thread, without a store, and summarise (the library path; golden tests use it). */
export function runExperiment(spec: RunSpec): { results: Results; timing: Timing } {
  if (spec.seeds.length === 0) throw new RangeError('no seeds to run');
  const plan = planOfRun(spec);
  const runCell = createCellRunner(spec.clock);
  const records = new Map<string, CellResult>();
  for (const cell of plan.cells) {
    const o = runCell(cell);
    records.set(cell.id, { figures: o.figures, timing: o.timing });
  }
  const [{ results, timing }] = summarisePlan(plan, records);
  return { results, timing };
}
