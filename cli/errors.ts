/**
 * Exit codes of the CLI: 0 success, 1 internal failure, 2 bad input (a flag,
 * a scenario file, a strategy's parameters or plan), with a clear message.
 */
import { ExperimentSpecError } from '../experiment/index.js';
import { ScenarioError } from '../scenarios/index.js';
import { PlanError } from '../sim/index.js';
import { StrategyError } from '../strategies/index.js';

/**
 * The CLI's exit codes, one meaning each (pytest's model: the check's own
 * verdict is 1, a crash is not): 0 success; 1 the regression gate found a
 * regression (`check`); 2 bad input (a flag, file, strategy parameters or
 * plan); 3 internal failure (a bug or a fault that is not the input's);
 * 4 the gate was asked to compare runs of another scenario or other
 * parameters than its baseline; 5 resource exhaustion (too large for this
 * machine, out of memory, disk full); 130 interrupted (Ctrl-C).
 */
export const ExitCode = {
  ok: 0,
  regression: 1,
  badInput: 2,
  internal: 3,
  baselineMismatch: 4,
  resources: 5,
  interrupted: 130,
} as const;

/** Bad input given on the command line or in a file. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Is `e` the user's fault (exit 2) rather than ours (exit 1)? */
export function isInputError(e: unknown): boolean {
  return e instanceof UsageError || e instanceof ExperimentSpecError || e instanceof ScenarioError || e instanceof StrategyError || e instanceof PlanError;
}

/** Names of the input errors, for errors that crossed a thread or Redis as plain data. */
const INPUT_ERROR_NAMES = new Set(['UsageError', 'ExperimentSpecError', 'StrategyModuleMismatch', 'ScenarioError', 'StrategyError', 'PlanError']);

/** Is an error called `name` the user's fault (deterministic, not worth retrying)? */
export function isInputErrorName(name: string): boolean {
  return INPUT_ERROR_NAMES.has(name);
}

/** Print `e` for a person and return the exit code. */
export function reportError(e: unknown, stderr: (s: string) => void): number {
  if (isInputError(e)) {
    stderr(`freshsim: ${(e as Error).message}\n`);
    return 2;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  stderr(`freshsim: internal error: ${err.message}\n${err.stack ?? ''}\n`);
  return 1;
}
