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
import { parseResults, type Results } from '../analysis/index.js';
import { buildPlan, summarisePlan, type ExperimentPlan, type Shard, type Timing } from '../experiment/index.js';
import { validateScenario } from '../scenarios/index.js';
import { UsageError } from './errors.js';
import { readHistoryDir } from './history-files.js';
import { writeFileDurable, writeFilesDurable } from './files.js';
import type { CellRecord } from './result-store.js';
import { perDayCsv } from './tables.js';

export type { Timing } from '../experiment/index.js';

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

/** Does the directory's recorded plan differ from `plan` (other scenarios, strategies, seeds or baseline)? The version it was made with may differ. */
export function isOtherPlan(doc: ExperimentDoc, plan: ExperimentPlan): boolean {
  const { cells: _cells, freshsim: _v, ...mine } = plan;
  const { freshsim: _w, ...theirs } = doc.plan;
  return JSON.stringify(mine) !== JSON.stringify(theirs);
}

/**
 * Refuse to put `plan` into a run directory that records another experiment
 * (exit 2), unless `overwrite`: its summaries would be replaced by ones of
 * another plan. The same plan resumes.
 */
export function checkSamePlan(dir: string, plan: ExperimentPlan, overwrite: boolean, what = 'run directory'): void {
  const doc = readExperiment(dir);
  if (doc && !overwrite && isOtherPlan(doc, plan)) {
    throw new UsageError(
      `${what} '${dir}' holds another experiment ('${doc.plan.name}', ${doc.cells} cells); choose another --out, or pass --overwrite to replace its plan`,
    );
  }
}

/** Write the plan to `dir`, keeping the directory's run id if it has one; returns the run id. */
export function writeExperiment(dir: string, plan: ExperimentPlan, shard: Shard | null): string {
  scenarioDirs(plan); // refuse unsafe or colliding scenario folders before any cell runs
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

/** A scenario name as a folder name: characters other than letters, digits, `.`, `_` and `-` become `_`. */
export function folderName(scenario: string): string {
  return scenario.replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * The folder of each scenario of a multi-scenario plan (by scenario name);
 * refuses (exit 2) names whose folder would leave the run directory or be
 * empty (`.`, `..`, ``) and names that would share a folder ("a b", "a_b").
 * A one-scenario plan writes at the top of the run directory.
 */
export function scenarioDirs(plan: Pick<ExperimentPlan, 'scenarios'>): Map<string, string> {
  const dirs = new Map<string, string>();
  if (plan.scenarios.length === 1) return dirs;
  const owner = new Map<string, string>();
  for (const { name } of plan.scenarios) {
    const folder = folderName(name);
    if (folder === '' || /^\.+$/.test(folder)) {
      throw new UsageError(`scenario name '${name}' cannot name a folder of the run directory (it cleans up to '${folder}'); expected letters, digits, '.', '_' or '-'`);
    }
    const other = owner.get(folder.toLowerCase());
    if (other !== undefined && other !== name) {
      throw new UsageError(`scenario names '${other}' and '${name}' would share the folder '${folder}' of the run directory; expected names that differ in letters or digits`);
    }
    owner.set(folder.toLowerCase(), name);
    dirs.set(name, folder);
  }
  return dirs;
}

/** Where a scenario's summaries go. */
export function summaryDir(dir: string, plan: ExperimentPlan, scenario: string): string {
  return plan.scenarios.length === 1 ? dir : join(dir, scenarioDirs(plan).get(scenario) ?? folderName(scenario));
}

/** One scenario's summary as written: its results, timing and the path of its results.json. */
export interface WrittenSummary {
  readonly scenario: string;
  readonly results: Results;
  readonly timing: Timing;
  readonly file: string;
}

/**
 * Write results.json, per-day.csv and timing.json for every scenario;
 * returns the summaries (plan order) with their results.json paths. Every
 * summary is computed, and every file written aside, before any is replaced:
 * a summary that cannot be computed or a full disk leaves the previous
 * summaries as they were.
 */
export function writeSummaries(dir: string, plan: ExperimentPlan, records: ReadonlyMap<string, CellRecord>, wallSeconds: number): WrittenSummary[] {
  const written = summarisePlan(plan, records, readHistoryDir).map(({ scenario, results, timing }) => {
    const out = summaryDir(dir, plan, scenario);
    const text = resultsJson(results);
    checkSummary(text, results.scenario, join(out, 'results.json'));
    const files = [
      { file: join(out, 'results.json'), text },
      { file: join(out, 'per-day.csv'), text: perDayCsv(results) },
      { file: join(out, 'timing.json'), text: `${JSON.stringify({ ...timing, wallSeconds }, null, 2)}\n` },
    ];
    return { summary: { scenario, results, timing, file: join(out, 'results.json') }, files };
  });
  writeFilesDurable(written.flatMap((w) => w.files));
  return written.map((w) => w.summary);
}

/** Refuse to write a summary (its results.json `text`) its own reader would reject (a NaN, a missing field): exit 3, nothing replaced. */
function checkSummary(text: string, scenario: string, file: string): void {
  try {
    parseResults(JSON.parse(text), file);
  } catch (e) {
    throw new Error(`the summary of scenario '${scenario}' cannot be computed (${(e as Error).message.split('\n')[0]}); nothing was written — please report this`);
  }
}

/** The text of results.json. */
export function resultsJson(results: Results): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
