/**
 * `freshsim check RUN_DIR... --baseline BASELINE.json [--tolerance-pp X]
 * [--junit FILE] [--allow-changed]`: the regression gate. Exit 0 when every
 * (scenario, strategy) of the baseline held, 1 when one regressed or is
 * missing, 2 for bad input (a malformed baseline names the field), 4 when a
 * run is of another scenario (fingerprint, constraints) or another
 * strategy's parameters than the baseline (unless --allow-changed). The
 * summary goes to stdout as plain text and, when given (from
 * $GITHUB_STEP_SUMMARY), to the step-summary file as escaped Markdown.
 */
import { appendFileSync } from 'node:fs';
import { baselineMismatches, checkAgainstBaseline } from '../../analysis/index.js';
import { renderGateJunit, renderGateMarkdown } from '../../reports/index.js';
import { ExitCode, UsageError } from '../errors.js';
import { writeFileDurable } from '../files.js';
import { expandRuns, readBaseline, readResults } from '../results-files.js';

/** Parsed flags of `check`. */
export interface CheckArgs {
  readonly runs: readonly string[];
  readonly baseline: string;
  readonly tolerancePp: number;
  readonly junit?: string;
  /** Markdown summary file to append to ($GITHUB_STEP_SUMMARY). */
  readonly stepSummary?: string;
  /** Compare even when the runs' scenario or parameters differ from the baseline's (listed in the summary). */
  readonly allowChanged?: boolean;
}

/** Default tolerance of the gate, in percentage points of the full-order rate. */
export const DEFAULT_TOLERANCE_PP = 1;

/** Run the `check` command; returns the exit code (0 pass, 1 regression, 4 baseline mismatch). */
export function checkCommand(args: CheckArgs, io: { stdout: (s: string) => void; stderr: (s: string) => void }): number {
  if (!Number.isFinite(args.tolerancePp) || args.tolerancePp < 0) {
    throw new UsageError(`--tolerance-pp ${args.tolerancePp}: expected a number of percentage points ≥ 0`);
  }
  if (args.runs.length === 0) throw new UsageError('expected at least one run directory');
  const baseline = readBaseline(args.baseline);
  const runs = expandRuns(args.runs).map((r) => readResults(r).results);
  const scenarios = runs.map((r) => r.scenario);
  const dup = scenarios.find((s, k) => scenarios.indexOf(s) !== k);
  if (dup !== undefined) throw new UsageError(`two runs of scenario '${dup}'; expected one run per scenario`);
  const changed = baselineMismatches(baseline, runs).map((m) => m.message);
  if (changed.length && !args.allowChanged) {
    io.stderr(`freshsim check: the runs do not measure what baseline '${args.baseline}' measured:\n${changed.map((m) => `  ${m}\n`).join('')}` +
      'expected runs of the same scenario and parameters; pass --allow-changed to compare anyway, or record a new baseline deliberately\n');
    return ExitCode.baselineMismatch;
  }
  const gate = checkAgainstBaseline(baseline, runs, args.tolerancePp);
  io.stdout(renderGateMarkdown(gate, args.baseline, { plain: true, acceptedChanges: changed }));
  if (args.stepSummary) appendFileSync(args.stepSummary, `${renderGateMarkdown(gate, args.baseline, { acceptedChanges: changed })}\n`);
  if (args.junit) writeFileDurable(args.junit, renderGateJunit(gate));
  if (!gate.passed) io.stderr(`freshsim check: ${gate.verdicts.filter((v) => !v.passed).length} regression(s) or missing strategies against ${args.baseline}\n`);
  return gate.passed ? ExitCode.ok : ExitCode.regression;
}
