/**
 * The programmatic experiment: what `freshsim run` does, as a function that
 * returns typed results. It uses the same runner (worker pool, Redis queue
 * or this thread, result store), so its numbers equal the CLI's. Nothing
 * runs on import.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Results } from '../analysis/index.js';
import { planOfRun, summarisePlan, type Timing } from '../experiment/index.js';
import { renderHtmlReport } from '../reports/index.js';
import type { Scenario } from '../scenarios/index.js';
import { freshsimVersion, loadScenario } from './files.js';
import { readHistoryDir } from './history-files.js';
import { d3Bundle } from './results-files.js';
import { executePlan, type FailedCell } from './runner.js';
import { strategySpecs } from './strategy-args.js';

/** What {@link runExperiment} runs. */
export interface ExperimentOptions {
  /** A built-in scenario's name, a scenario file or imported directory, or a scenario object (validate it with `validateScenario`). */
  readonly scenario: string | Scenario;
  /** Strategies, as `--strategies` takes them: built-in names, module paths, `name{param=value}`; a list or one comma-separated string. */
  readonly strategies: string | readonly string[];
  /** Replications 1..seeds (default 1). */
  readonly seeds?: number;
  /** Worker threads (default one per core; 0 runs in this thread). */
  readonly workers?: number;
  /** `redis://HOST:PORT`: run the cells on `freshsim worker`s. */
  readonly queue?: string;
  /** Run directory to keep (and resume from); default a temporary one, removed afterwards. */
  readonly dir?: string;
  /** Label the paired comparisons are against (default: the first non-oracle). */
  readonly baseline?: string;
  /** Stops scheduling; finished cells stay in `dir`. */
  readonly signal?: AbortSignal;
}

/** What {@link runExperiment} returns. */
export interface ExperimentOutcome {
  /** The results document (the content of results.json). */
  readonly results: Results;
  /** Decision timing per strategy (wall clock: not deterministic, not part of results). */
  readonly timing: Timing;
}

/** Cells that failed or an interrupted run: `failed` says which and why. */
export class ExperimentFailedError extends Error {
  constructor(readonly failed: readonly FailedCell[], interrupted: boolean) {
    super(interrupted
      ? 'the experiment was interrupted before every cell finished'
      : `${failed.length} cell${failed.length === 1 ? '' : 's'} failed: ${failed.map((f) => `${f.key}: ${f.error}`).join('; ')}`);
    this.name = 'ExperimentFailedError';
  }
}

/** Run strategies on a scenario over seeds and return the results (the same numbers `freshsim run` writes). */
export async function runExperiment(opts: ExperimentOptions): Promise<ExperimentOutcome> {
  const scenario = typeof opts.scenario === 'string' ? loadScenario(opts.scenario) : opts.scenario;
  const list = typeof opts.strategies === 'string' ? opts.strategies : opts.strategies.join(',');
  const strategies = await strategySpecs(list);
  const seeds = Array.from({ length: opts.seeds ?? 1 }, (_, k) => k + 1);
  const plan = planOfRun({ scenario, strategies, seeds, baseline: opts.baseline, version: freshsimVersion() });
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'freshsim-run-'));
  try {
    const r = await executePlan(plan, { dir, workers: opts.workers, queue: opts.queue, signal: opts.signal });
    if (!r.complete) throw new ExperimentFailedError(r.failed, r.interrupted);
    const [{ results, timing }] = summarisePlan(plan, r.records, readHistoryDir);
    return { results, timing };
  } finally {
    if (opts.dir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

/** The self-contained HTML comparison report of `results` (d3 inlined), as a string. */
export function renderReport(results: Results, opts: { baseline?: string } = {}): string {
  return renderHtmlReport(results, { d3Source: d3Bundle(), baseline: opts.baseline });
}
