/**
 * The experiment runner: for each replication, build the world once (common
 * random numbers) and simulate every strategy on it; then summarise.
 * Results depend only on (scenario, strategies, seeds), never on timing.
 */
import { summarise, type Results } from '../analysis/index.js';
import { buildWorld, type Scenario } from '../scenarios/index.js';
import { createStreams, dateOf, indexDemand, simulate, type SimulationResult } from '../sim/index.js';
import { createPlanner, resolvedParams } from '../strategies/index.js';

/** A strategy with its parameters. */
export interface StrategySpec {
  readonly name: string;
  readonly params?: Record<string, unknown>;
}

/** What to run. */
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
  /** Called after each (seed, strategy) cell. */
  readonly onCell?: (done: number, total: number, label: string) => void;
}

/** Decision timing per strategy (not part of results.json: it is not deterministic). */
export interface Timing {
  readonly strategies: Record<string, { decisions: number; meanMs: number; maxMs: number; totalMs: number }>;
}

/** Run every (seed, strategy) cell and summarise. */
export function runExperiment(spec: RunSpec): { results: Results; timing: Timing } {
  const { scenario } = spec;
  if (spec.seeds.length === 0) throw new RangeError('no seeds to run');
  // Validate every strategy and its parameters before any work.
  const params = spec.strategies.map((s) => resolvedParams(s.name, s.params));
  const runs = new Map<string, SimulationResult[]>(spec.strategies.map((s) => [s.name, []]));
  const total = spec.seeds.length * spec.strategies.length;
  let done = 0;
  for (const rep of spec.seeds) {
    const world = buildWorld(scenario, rep);
    const demand = indexDemand(world);
    spec.strategies.forEach((s, k) => {
      const planner = createPlanner(s.name, params[k]);
      const result = simulate(world, planner, { streams: createStreams(scenario.seed, rep), demand, clock: spec.clock });
      runs.get(s.name)!.push(result);
      spec.onCell?.(++done, total, `${s.name} seed ${rep}`);
    });
  }
  const first = scenario.days.history;
  const results = summarise(
    spec.strategies.map((s, k) => ({ name: s.name, params: params[k], runs: runs.get(s.name)! })),
    {
      freshsim: spec.version,
      scenario: scenario.name,
      scenarioSeed: scenario.seed,
      seeds: spec.seeds,
      days: Array.from({ length: scenario.days.evaluation }, (_, k) => dateOf(scenario.startDate, first + k)),
      evaluationStart: first,
      constraints: scenario.constraints,
    },
    spec.baseline,
  );
  const timing: Timing = { strategies: {} };
  for (const [name, rs] of runs) {
    const ms = rs.flatMap((r) => r.decisionMs);
    const totalMs = ms.reduce((a, b) => a + b, 0);
    timing.strategies[name] = { decisions: ms.length, meanMs: ms.length ? totalMs / ms.length : 0, maxMs: ms.length ? Math.max(...ms) : 0, totalMs };
  }
  return { results, timing };
}
