/**
 * `freshsim baseline RUN_DIR... --out BASELINE.json`: record the full-order
 * rates of runs as the regression gate's baseline. Updating a committed
 * baseline is meant to be a deliberate, reviewed change, so an existing file
 * is only replaced with --overwrite.
 */
import { existsSync } from 'node:fs';
import { makeBaseline } from '../../analysis/index.js';
import { UsageError } from '../errors.js';
import { freshsimVersion, writeFileDurable } from '../files.js';
import { expandRuns, readResults } from '../results-files.js';

/** Parsed flags of `baseline`. */
export interface BaselineArgs {
  readonly runs: readonly string[];
  readonly out: string;
  readonly overwrite: boolean;
}

/** Run the `baseline` command; returns the exit code. */
export function baselineCommand(args: BaselineArgs, io: { stdout: (s: string) => void }): number {
  if (args.runs.length === 0) throw new UsageError('expected at least one run directory');
  if (existsSync(args.out) && !args.overwrite) {
    throw new UsageError(`baseline '${args.out}' already exists; pass --overwrite to replace it (a deliberate change: review and commit the diff)`);
  }
  const runs = expandRuns(args.runs).map((r) => readResults(r).results);
  const scenarios = runs.map((r) => r.scenario);
  const dup = scenarios.find((s, k) => scenarios.indexOf(s) !== k);
  if (dup !== undefined) throw new UsageError(`two runs of scenario '${dup}'; expected one run per scenario in a baseline`);
  const baseline = makeBaseline(runs, freshsimVersion());
  writeFileDurable(args.out, `${JSON.stringify(baseline, null, 2)}\n`);
  io.stdout(`Baseline: ${args.out} (${baseline.entries.length} scenario × strategy entries: ${baseline.entries.map((e) => `${e.scenario}/${e.strategy}`).join(', ')})\n`);
  return 0;
}
