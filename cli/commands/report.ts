/**
 * `freshsim report RUN_DIR [--out FILE.html] [--baseline STRATEGY]`: the
 * self-contained HTML comparison report of a run (opens offline from disk).
 * A multi-scenario sweep directory gets one report per scenario subdirectory.
 * `freshsim report RUN_A RUN_B ... --out cmp.html` compares runs side by side.
 */
import { dirname, join } from 'node:path';
import { renderComparisonReport } from '../../reports/index.js';
import { UsageError } from '../errors.js';
import { writeFileDurable } from '../files.js';
import { expandRuns, readResults, writeHtmlReport } from '../results-files.js';

/** Parsed flags of `report`. */
export interface ReportArgs {
  /** One run directory (or results file) for a report; two or more for a comparison. */
  readonly runs: readonly string[];
  readonly out?: string;
  readonly baseline?: string;
}

/** Run the `report` command; prints each report's path; returns the exit code. */
export function reportCommand(args: ReportArgs, io: { stdout: (s: string) => void }): number {
  if (args.runs.length === 0) throw new UsageError('expected a run directory (or two or more to compare)');
  if (args.runs.length > 1) return compareCommand(args, io);
  const [run] = args.runs;
  const runs = expandRuns([run]);
  if (runs.length > 1 && args.out !== undefined) {
    throw new UsageError(`'${run}' holds ${runs.length} scenario runs; --out names one file, so leave it out (each report goes to its run directory)`);
  }
  const loaded = runs.map((r) => readResults(r));
  for (const { results, file } of loaded) {
    const runDir = dirname(file);
    const out = args.out ?? join(runDir, 'report.html');
    writeHtmlReport(results, out, { runDir, source: file, baseline: args.baseline });
    io.stdout(`Report: ${out}\n`);
  }
  return 0;
}

function compareCommand(args: ReportArgs, io: { stdout: (s: string) => void }): number {
  if (args.out === undefined) throw new UsageError(`comparing ${args.runs.length} runs: expected --out FILE.html for the comparison`);
  if (args.baseline !== undefined) throw new UsageError('--baseline applies to a one-run report; a comparison is against its first run');
  const runs = args.runs.map((r) => {
    const found = expandRuns([r]);
    if (found.length !== 1) throw new UsageError(`'${r}' holds ${found.length} scenario runs; expected one run directory per argument when comparing`);
    return { label: r, results: readResults(found[0]).results };
  });
  const shared = Object.keys(runs[0].results.strategies).filter((n) => runs.every((x) => x.results.strategies[n]));
  if (shared.length === 0) throw new UsageError(`the runs have no strategy in common (${runs.map((x) => `${x.label}: ${Object.keys(x.results.strategies).join(', ')}`).join('; ')})`);
  writeFileDurable(args.out, renderComparisonReport(runs));
  io.stdout(`Report: ${args.out}\n`);
  return 0;
}
