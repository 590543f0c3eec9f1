/**
 * `freshsim run`: simulate strategies on a scenario over seeds, print the
 * paper's Table 2 and an aggregate table, and write results.json, per-day.csv
 * and timing.json to the output directory. The cells go through the
 * experiment runner (worker pool or queue, result store): an interrupted run
 * resumes when the same command is given again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { checkOutDir, freshsimVersion, loadScenario } from '../files.js';
import { checkPlanSize, checkWorkers } from '../limits.js';
import { writeHtmlReport } from '../results-files.js';
import { planOfRun } from '../../experiment/index.js';
import { aggregateTable, perDayTable } from '../tables.js';
import { executeAndSummarise, type Io, type RunContext, type RunnerFlags } from './outcome.js';

/** Parsed flags of `run`. */
export interface RunArgs extends RunnerFlags {
  readonly scenario: string;
  readonly strategies: string;
  readonly seeds: number;
  readonly out?: string;
  readonly json: boolean;
  readonly baseline?: string;
  readonly overwrite: boolean;
  /** Write report.html (the HTML comparison report) next to the results; default true. */
  readonly report?: boolean;
}

/** Default output directory: runs/<scenario>/<UTC timestamp>. */
function defaultOut(scenario: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  return join('runs', scenario.replace(/[^A-Za-z0-9._-]/g, '_'), stamp);
}

/** Parse `a,b,c` into strategy names (non-empty, no duplicates). */
export function parseStrategyList(list: string): string[] {
  const names = list.split(',').map((s) => s.trim());
  if (names.some((n) => n === '')) throw new UsageError(`--strategies '${list}': expected comma-separated strategy names, e.g. pto-greedy,newsvendor`);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new UsageError(`--strategies lists '${dup}' twice; expected each strategy once`);
  return names;
}

/** Check a count flag: a whole number ≥ `min`. */
export function checkCount(flag: string, value: number | undefined, min: number): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= min)) {
    throw new UsageError(`--${flag} ${value}: expected a whole number ≥ ${min}`);
  }
}

/** Run the `run` command; resolves to the exit code. */
export async function runCommand(args: RunArgs, io: Io, ctx: RunContext = {}): Promise<number> {
  if (!Number.isInteger(args.seeds) || args.seeds < 1) {
    throw new UsageError(`--seeds ${args.seeds}: expected a whole number of replications ≥ 1`);
  }
  checkWorkers('workers', args.workers);
  checkCount('retries', args.retries, 0);
  const scenario = loadScenario(args.scenario);
  const names = parseStrategyList(args.strategies);
  checkPlanSize([scenario], names.length, args.seeds);
  if (args.baseline !== undefined && !names.includes(args.baseline)) {
    throw new UsageError(`--baseline '${args.baseline}' is not among --strategies (${names.join(', ')})`);
  }
  const out = args.out ?? defaultOut(scenario.name);
  checkOutDir(out);
  if (existsSync(join(out, 'results.json')) && !args.overwrite) {
    throw new UsageError(`output directory '${out}' already holds results.json; choose another --out or pass --overwrite`);
  }
  const seeds = Array.from({ length: args.seeds }, (_, k) => k + 1);
  const plan = planOfRun({ scenario, strategies: names.map((name) => ({ name })), seeds, baseline: args.baseline, version: freshsimVersion() });
  const done = await executeAndSummarise(plan, out, args, `freshsim run --scenario ${args.scenario} --strategies ${names.join(',')} --seeds ${args.seeds} --out ${out}`, io, ctx);
  if (typeof done === 'number') return done;
  const { results, timing } = done;
  const json = readFileSync(join(out, 'results.json'), 'utf8');
  const report = args.report === false ? undefined
    : writeHtmlReport(results, join(out, 'report.html'), { runDir: out, source: join(out, 'results.json'), baseline: args.baseline });
  if (args.json) {
    io.stdout(json);
    if (report) io.stderr(`Report: ${report}\n`);
    return 0;
  }
  io.stdout(`Scenario ${results.scenario} — seeds ${seeds.join(', ')} — full-order fulfillment rate per evaluation day (%)\n\n`);
  io.stdout(`${perDayTable(results)}\n\n`);
  io.stdout(`Aggregate over ${seeds.length} seed${seeds.length === 1 ? '' : 's'} × ${results.days.length} days\n\n`);
  io.stdout(`${aggregateTable(results, timing)}\n\n`);
  io.stdout(`Results: ${join(out, 'results.json')}\n`);
  if (report) io.stdout(`Report: ${report}\n`);
  return 0;
}
