/**
 * A run directory: `experiment.json` (the whole plan, so a directory can be
 * resumed or merged without the command that made it), `cells.jsonl` (the
 * result store), and the summaries derived from the records: `results.json`,
 * `per-day.csv` and `timing.json` — at the top for a one-scenario experiment,
 * under `<scenario>/` for each scenario otherwise.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summariseFigures, type Results } from '../analysis/index.js';
import { scenarioDateOf, validateScenario } from '../scenarios/index.js';
import { buildPlan, type ExperimentPlan, type Shard } from './cells.js';
import { UsageError } from './errors.js';
import { writeFileDurable } from './files.js';
import type { CellRecord } from './result-store.js';
import { perDayCsv } from './tables.js';

/** File name of the plan inside a run directory. */
export const EXPERIMENT_FILE = 'experiment.json';
const FORMAT = 'freshsim-experiment/1';

/** What experiment.json holds. */
export interface ExperimentDoc {
  readonly format: string;
  /** Random id of this run directory; names its jobs on a queue. */
  readonly runId: string;
  readonly shard: Shard | null;
  readonly plan: Omit<ExperimentPlan, 'cells'>;
  readonly cells: number;
}

/** Decision timing per strategy label. */
export interface Timing {
  readonly strategies: Record<string, { decisions: number; meanMs: number; maxMs: number; totalMs: number }>;
}

/** Read a directory's experiment.json, if any. */
export function readExperiment(dir: string): ExperimentDoc | undefined {
  const file = join(dir, EXPERIMENT_FILE);
  if (!existsSync(file)) return undefined;
  let doc: ExperimentDoc;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as ExperimentDoc;
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${(e as Error).message}); expected a freshsim experiment record`);
  }
  if (doc?.format !== FORMAT || typeof doc.runId !== 'string' || typeof doc.plan !== 'object') {
    throw new UsageError(`${file}: not a freshsim experiment record (expected format '${FORMAT}')`);
  }
  return doc;
}

/** Write the plan to `dir`, keeping the directory's run id if it has one; returns the run id. */
export function writeExperiment(dir: string, plan: ExperimentPlan, shard: Shard | null): string {
  const runId = readExperiment(dir)?.runId ?? randomUUID();
  const { cells, ...rest } = plan;
  const doc: ExperimentDoc = { format: FORMAT, runId, shard, plan: rest, cells: cells.length };
  writeFileDurable(join(dir, EXPERIMENT_FILE), `${JSON.stringify(doc, null, 2)}\n`);
  return runId;
}

/** The plan recorded in a directory's experiment.json (cells rebuilt from it). */
export function planOf(doc: ExperimentDoc, dir: string): ExperimentPlan {
  const p = doc.plan;
  const scenarios = p.scenarios.map((s, i) => validateScenario(s, `${join(dir, EXPERIMENT_FILE)} plan.scenarios[${i}]`));
  return buildPlan({ name: p.name, freshsim: p.freshsim, scenarios, variants: p.variants, seeds: p.seeds, baseline: p.baseline });
}

/** The cells of `plan` that `records` lack. */
export function missingCells(plan: ExperimentPlan, records: ReadonlyMap<string, CellRecord>): ExperimentPlan['cells'] {
  return plan.cells.filter((c) => !records.has(c.id));
}

/** Summaries of every scenario of a complete plan, from the records alone (in plan order: completion order never matters). */
export function summarisePlan(plan: ExperimentPlan, records: ReadonlyMap<string, CellRecord>): { scenario: string; results: Results; timing: Timing }[] {
  const missing = missingCells(plan, records);
  if (missing.length > 0) throw new Error(`cannot summarise: ${missing.length} cells have no record (first: ${missing[0].key})`);
  const idOf = new Map(plan.cells.map((c) => [`${c.scenario.name}\n${c.label}\n${c.replication}`, c.id]));
  return plan.scenarios.map((scenario) => {
    const cellsOf = (label: string) => plan.seeds.map((rep) => records.get(idOf.get(`${scenario.name}\n${label}\n${rep}`)!)!);
    const first = scenario.days.history;
    const results = summariseFigures(
      plan.variants.map((v) => ({ name: v.label, params: v.params, cells: cellsOf(v.label).map((r) => r.figures) })),
      {
        freshsim: plan.freshsim,
        scenario: scenario.name,
        scenarioSeed: scenario.seed,
        seeds: plan.seeds,
        days: Array.from({ length: scenario.days.evaluation }, (_, k) => scenarioDateOf(scenario, first + k)),
        evaluationStart: first,
        constraints: scenario.constraints,
        ...(scenario.history ? { ordersFixedAcrossSeeds: true } : {}),
      },
      plan.baseline,
    );
    const timing: Timing = { strategies: {} };
    for (const v of plan.variants) {
      const ts = cellsOf(v.label).map((r) => r.timing);
      const decisions = ts.reduce((a, t) => a + t.decisions, 0);
      const totalMs = ts.reduce((a, t) => a + t.totalMs, 0);
      const maxMs = ts.reduce((a, t) => Math.max(a, t.maxMs), 0);
      timing.strategies[v.label] = { decisions, meanMs: decisions ? totalMs / decisions : 0, maxMs, totalMs };
    }
    return { scenario: scenario.name, results, timing };
  });
}

/** Where a scenario's summaries go. */
export function summaryDir(dir: string, plan: ExperimentPlan, scenario: string): string {
  return plan.scenarios.length === 1 ? dir : join(dir, scenario.replace(/[^A-Za-z0-9._-]/g, '_'));
}

/** One scenario's summary as written: its results, timing and the path of its results.json. */
export interface WrittenSummary {
  readonly scenario: string;
  readonly results: Results;
  readonly timing: Timing;
  readonly file: string;
}

/** Write results.json, per-day.csv and timing.json for every scenario; returns the summaries (plan order) with their results.json paths. */
export function writeSummaries(dir: string, plan: ExperimentPlan, records: ReadonlyMap<string, CellRecord>, wallSeconds: number): WrittenSummary[] {
  return summarisePlan(plan, records).map(({ scenario, results, timing }) => {
    const out = summaryDir(dir, plan, scenario);
    writeFileDurable(join(out, 'results.json'), resultsJson(results));
    writeFileDurable(join(out, 'per-day.csv'), perDayCsv(results));
    writeFileDurable(join(out, 'timing.json'), `${JSON.stringify({ ...timing, wallSeconds }, null, 2)}\n`);
    return { scenario, results, timing, file: join(out, 'results.json') };
  });
}

/** The text of results.json. */
export function resultsJson(results: Results): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
