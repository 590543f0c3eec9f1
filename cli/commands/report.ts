/**
 * `freshsim report RUN_DIR [--out FILE.html] [--baseline STRATEGY]`: the
 * self-contained HTML comparison report of a run (opens offline from disk).
 */
import { dirname, join } from 'node:path';
import { readResults, writeHtmlReport } from '../results-files.js';

/** Parsed flags of `report`. */
export interface ReportArgs {
  readonly run: string;
  readonly out?: string;
  readonly baseline?: string;
}

/** Run the `report` command; prints the report's path; returns the exit code. */
export function reportCommand(args: ReportArgs, io: { stdout: (s: string) => void }): number {
  const { results, file } = readResults(args.run);
  const runDir = dirname(file);
  const out = args.out ?? join(runDir, 'report.html');
  writeHtmlReport(results, out, { runDir, source: file, baseline: args.baseline });
  io.stdout(`Report: ${out}\n`);
  return 0;
}
