/**
 * `freshsim report RUN_DIR [--out FILE.html] [--baseline STRATEGY]`: the
 * self-contained HTML comparison report of a run (opens offline from disk).
 * A multi-scenario sweep directory gets one report per scenario subdirectory.
 */
import { dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { expandRuns, readResults, writeHtmlReport } from '../results-files.js';

/** Parsed flags of `report`. */
export interface ReportArgs {
  readonly run: string;
  readonly out?: string;
  readonly baseline?: string;
}

/** Run the `report` command; prints each report's path; returns the exit code. */
export function reportCommand(args: ReportArgs, io: { stdout: (s: string) => void }): number {
  const runs = expandRuns([args.run]);
  if (runs.length > 1 && args.out !== undefined) {
    throw new UsageError(`'${args.run}' holds ${runs.length} scenario runs; --out names one file, so leave it out (each report goes to its run directory)`);
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
