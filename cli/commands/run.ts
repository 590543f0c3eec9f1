/**
 * `freshsim run`: simulate strategies on a scenario over seeds, print the
 * paper's Table 2 and an aggregate table, and write results.json, per-day.csv
 * and timing.json to the output directory.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { freshsimVersion, loadScenario, writeFileDurable } from '../files.js';
import { runExperiment } from '../runner.js';
import { aggregateTable, perDayCsv, perDayTable } from '../tables.js';

/** Parsed flags of `run`. */
export interface RunArgs {
  readonly scenario: string;
  readonly strategies: string;
  readonly seeds: number;
  readonly out?: string;
  readonly json: boolean;
  readonly baseline?: string;
  readonly overwrite: boolean;
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

/** Run the `run` command; returns the exit code. */
export function runCommand(args: RunArgs, io: { stdout: (s: string) => void; stderr: (s: string) => void }): number {
  if (!Number.isInteger(args.seeds) || args.seeds < 1) {
    throw new UsageError(`--seeds ${args.seeds}: expected a whole number of replications ≥ 1`);
  }
  const scenario = loadScenario(args.scenario);
  const names = parseStrategyList(args.strategies);
  if (args.baseline !== undefined && !names.includes(args.baseline)) {
    throw new UsageError(`--baseline '${args.baseline}' is not among --strategies (${names.join(', ')})`);
  }
  const out = args.out ?? defaultOut(scenario.name);
  if (existsSync(join(out, 'results.json')) && !args.overwrite) {
    throw new UsageError(`output directory '${out}' already holds results.json; choose another --out or pass --overwrite`);
  }
  const seeds = Array.from({ length: args.seeds }, (_, k) => k + 1);
  const started = performance.now();
  const { results, timing } = runExperiment({
    scenario,
    strategies: names.map((name) => ({ name })),
    seeds,
    baseline: args.baseline,
    version: freshsimVersion(),
    clock: () => performance.now(),
    onCell: (done, total, label) => io.stderr(`[${done}/${total}] ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`),
  });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileDurable(join(out, 'results.json'), json);
  writeFileDurable(join(out, 'per-day.csv'), perDayCsv(results));
  writeFileDurable(join(out, 'timing.json'), `${JSON.stringify({ ...timing, wallSeconds: (performance.now() - started) / 1000 }, null, 2)}\n`);
  if (args.json) {
    io.stdout(json);
    return 0;
  }
  io.stdout(`Scenario ${results.scenario} — seeds ${seeds.join(', ')} — full-order fulfillment rate per evaluation day (%)\n\n`);
  io.stdout(`${perDayTable(results)}\n\n`);
  io.stdout(`Aggregate over ${seeds.length} seed${seeds.length === 1 ? '' : 's'} × ${results.days.length} days\n\n`);
  io.stdout(`${aggregateTable(results, timing)}\n\n`);
  io.stdout(`Results: ${join(out, 'results.json')}\n`);
  return 0;
}
