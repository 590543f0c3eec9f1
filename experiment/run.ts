/**
 * An experiment run start to end in this thread, without a store: the
 * library path (golden tests use it). The CLI's runner executes the same
 * plan on a pool, a queue or inline, with a result store.
 */
import type { Results } from '../analysis/index.js';
import type { HistoryReader, Scenario } from '../scenarios/index.js';
import { resolvedParams, type StrategyDefinition, type StrategyServices } from '../strategies/index.js';
import { createCellRunner } from './cell-run.js';
import { buildPlan, type ExperimentPlan, type StrategyExecRef, type StrategyModuleRef, type StrategyVariant } from './cells.js';
import { summarisePlan, type CellResult, type Timing } from './summarise.js';

/** A strategy with its parameters: a built-in by name, or a loaded module (its reference and definition). */
export interface StrategySpec {
  readonly name: string;
  readonly params?: Record<string, unknown>;
  /** Label in results (default: the name); two variants of one strategy need distinct labels. */
  readonly label?: string;
  readonly module?: { readonly ref: StrategyModuleRef; readonly definition: StrategyDefinition<any> };
  /** An out-of-process strategy: its command and the definition that talks to it. */
  readonly exec?: { readonly ref: StrategyExecRef; readonly definition: StrategyDefinition<any> };
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
  /** Services handed to every cell (HiGHS for strategies that solve OM1). */
  readonly services?: StrategyServices;
  /** Loads the imported directory of a history scenario (cli/'s reads the disk). */
  readonly readHistory?: HistoryReader;
}

/** The variant of a strategy spec (parameters validated, defaults filled in). */
export function variantOf(s: StrategySpec): StrategyVariant {
  const params = resolvedParams(s.module?.definition ?? s.exec?.definition ?? s.name, s.params);
  const label = s.label ?? s.name;
  return s.module ? { label, name: s.name, params, module: s.module.ref } : s.exec ? { label, name: s.name, params, exec: s.exec.ref } : { label, name: s.name, params };
}

/** The plan of a {@link RunSpec} (parameters validated and resolved before any work). */
export function planOfRun(spec: RunSpec): ExperimentPlan {
  return buildPlan({
    name: spec.scenario.name,
    freshsim: spec.version,
    scenarios: [spec.scenario],
    variants: spec.strategies.map(variantOf),
    seeds: spec.seeds,
    baseline: spec.baseline,
  });
}

/** Run every cell of `spec` in this thread, without a store, and summarise (the library path; golden tests use it). */
export function runExperiment(spec: RunSpec): { results: Results; timing: Timing } {
  if (spec.seeds.length === 0) throw new RangeError('no seeds to run');
  const plan = planOfRun(spec);
  const runCell = createCellRunner(spec.clock, spec.readHistory);
  const records = new Map<string, CellResult>();
  for (const cell of plan.cells) {
    const own = spec.strategies.find((s) => s.name === cell.strategy.name && (s.module || s.exec));
    const o = runCell(cell, spec.services, own?.module?.definition ?? own?.exec?.definition);
    records.set(cell.id, { figures: o.figures, timing: o.timing });
  }
  const [{ results, timing }] = summarisePlan(plan, records, spec.readHistory);
  return { results, timing };
}
