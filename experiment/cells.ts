/**
 * Cells and plans. A cell is (scenario, strategy with parameters,
 * replication): the unit of work the runner schedules, stores and resumes.
 * A cell spec is plain JSON, so it can go to a worker thread, through Redis
 * or to another machine, and its `id` is a hash of exactly what determines
 * its numbers, so a stored record is matched to its cell by content.
 */
import { createHash } from 'node:crypto';
import type { Scenario } from '../scenarios/index.js';
import { ExperimentSpecError } from './errors.js';

/** A strategy module (a user's file): where it is and the hash of its content, which is part of its cells' identity. */
export interface StrategyModuleRef {
  /** Absolute path where the planning machine found it. */
  readonly path: string;
  /** SHA-256 of its content (32 hex digits). */
  readonly hash: string;
}

/** An out-of-process strategy (`exec:COMMAND`): the command and a hash of it and of the files it names. */
export interface StrategyExecRef {
  readonly command: string;
  readonly hash: string;
  /** The script the command runs (its first argument that is a file, as written) and that file's content hash: checked by every worker. */
  readonly script?: { readonly arg: string; readonly hash: string };
}

/** A strategy with resolved parameters under the label results use for it. */
export interface StrategyVariant {
  /** Unique within an experiment; the strategy name unless it has a parameter grid. */
  readonly label: string;
  readonly name: string;
  readonly params: Record<string, unknown>;
  /** Set for a strategy loaded from a module rather than built in. */
  readonly module?: StrategyModuleRef;
  /** Set for an out-of-process strategy. */
  readonly exec?: StrategyExecRef;
}

/** What a cell runs: a strategy (built in, or from a module) with its parameters. */
export interface CellStrategy {
  readonly name: string;
  readonly params: Record<string, unknown>;
  readonly module?: StrategyModuleRef;
  readonly exec?: StrategyExecRef;
}

/** One unit of work; plain JSON. */
export interface CellSpec {
  /** Content hash of (freshsim version, scenario, strategy, parameters, replication). */
  readonly id: string;
  /** Readable `scenario/label/rep N`, unique within an experiment. */
  readonly key: string;
  /** Content hash of the scenario: cells with the same (scenarioId, replication) share a world. */
  readonly scenarioId: string;
  readonly scenario: Scenario;
  readonly label: string;
  readonly strategy: CellStrategy;
  readonly replication: number;
}

/** A whole experiment, expanded into cells (order: scenario, replication, strategy). */
export interface ExperimentPlan {
  readonly name: string;
  readonly freshsim: string;
  readonly scenarios: readonly Scenario[];
  readonly variants: readonly StrategyVariant[];
  readonly seeds: readonly number[];
  /** Label the paired comparisons are against (default: the first non-oracle). */
  readonly baseline?: string;
  readonly cells: readonly CellSpec[];
}

/** JSON with object keys sorted at every level, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  });
}

/** Hex SHA-256 of the canonical JSON of `value`, shortened to 32 characters (128 bits). */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 32);
}

/** Expand scenarios × replications × strategy variants into a plan. */
export function buildPlan(spec: {
  name: string;
  freshsim: string;
  scenarios: readonly Scenario[];
  variants: readonly StrategyVariant[];
  seeds: readonly number[];
  baseline?: string;
}): ExperimentPlan {
  const { scenarios, variants, seeds } = spec;
  if (scenarios.length === 0) throw new ExperimentSpecError('the experiment has no scenarios; expected at least one');
  if (variants.length === 0) throw new ExperimentSpecError('the experiment has no strategies; expected at least one');
  if (seeds.length === 0) throw new ExperimentSpecError('the experiment has no seeds; expected at least one replication');
  const dupScenario = scenarios.find((s, i) => scenarios.findIndex((t) => t.name === s.name) !== i);
  if (dupScenario) throw new ExperimentSpecError(`two scenarios are named '${dupScenario.name}'; expected unique scenario names`);
  const dupLabel = variants.find((v, i) => variants.findIndex((w) => w.label === v.label) !== i);
  if (dupLabel) throw new ExperimentSpecError(`two strategies are labelled '${dupLabel.label}'; expected unique labels`);
  const badSeed = seeds.find((s, i) => !Number.isInteger(s) || s < 1 || seeds.indexOf(s) !== i);
  if (badSeed !== undefined) throw new ExperimentSpecError(`seed ${badSeed}: expected distinct whole replication numbers ≥ 1`);
  if (spec.baseline !== undefined && !variants.some((v) => v.label === spec.baseline)) {
    throw new ExperimentSpecError(`baseline '${spec.baseline}' is not among the strategies (${variants.map((v) => v.label).join(', ')})`);
  }
  const cells: CellSpec[] = [];
  for (const scenario of scenarios) {
    const scenarioId = contentHash(scenario);
    for (const replication of seeds) {
      for (const v of variants) {
        const strategy: CellStrategy = v.module ? { name: v.name, params: v.params, module: v.module }
          : v.exec ? { name: v.name, params: v.params, exec: v.exec } : { name: v.name, params: v.params };
        // A module is identified by its content, not where it lies; a command by itself and the files it names.
        const identity = v.module ? { name: v.name, params: v.params, module: v.module.hash }
          : v.exec ? { name: v.name, params: v.params, exec: v.exec.hash, script: v.exec.script?.hash } : strategy;
        cells.push({
          id: contentHash({ freshsim: spec.freshsim, scenarioId, strategy: identity, replication }),
          key: `${scenario.name}/${v.label}/rep ${replication}`,
          scenarioId,
          scenario,
          label: v.label,
          strategy,
          replication,
        });
      }
    }
  }
  return { ...spec, cells };
}

/** A slice `index` of `count` (1-based), parsed from `I/N`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * The cells of one shard: contiguous blocks of the plan's order, so that the
 * cells sharing a world mostly land in one shard, and shard sizes differ by
 * at most one. Deterministic: the same plan and shard give the same cells.
 */
export function shardCells<T>(cells: readonly T[], shard: Shard): T[] {
  const lo = Math.floor(((shard.index - 1) * cells.length) / shard.count);
  const hi = Math.floor((shard.index * cells.length) / shard.count);
  return cells.slice(lo, hi);
}
