/**
 * The CLI's error taxonomy: which exit code an error gets ({@link ExitCode})
 * and how it is told — one line naming what was wrong, no stack unless
 * `--debug` (or FRESHSIM_DEBUG=1) asks for it.
 */
import { ExperimentSpecError } from '../experiment/index.js';
import { ScenarioError } from '../scenarios/index.js';
import { PlanError } from '../sim/index.js';
import { StrategyError } from '../strategies/index.js';
import { ExitCode, UsageError } from './exit-codes.js';

export { ExitCode, UsageError } from './exit-codes.js';



/** The machine ran out of something (disk, memory, threads), or a run would not fit it: exit 5. */
export class ResourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResourceError';
  }
}

/** A fault of the environment that is neither the input's nor a bug (Redis gone for good): exit 3, told without "internal error". */
export class FaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultError';
  }
}

/** Error codes of the system that mean "out of a resource", not a bug nor bad input. */
const RESOURCE_CODES = new Set(['ENOSPC', 'EDQUOT', 'ENOMEM', 'EMFILE', 'ENFILE', 'ERR_WORKER_OUT_OF_MEMORY']);

/** Is `e` a system error meaning the machine ran out of something (disk full, quota, memory, file handles)? */
export function isResourceFault(e: unknown): boolean {
  return e instanceof ResourceError || (e instanceof Error && RESOURCE_CODES.has(String((e as NodeJS.ErrnoException).code)));
}

/** Is `e` the user's fault (exit 2) rather than ours (exit 3)? */
export function isInputError(e: unknown): boolean {
  return e instanceof UsageError || e instanceof ExperimentSpecError || e instanceof ScenarioError || e instanceof StrategyError || e instanceof PlanError;
}

/** Names of the input errors, for errors that crossed a thread or Redis as plain data. */
const INPUT_ERROR_NAMES = new Set(['UsageError', 'ExperimentSpecError', 'StrategyModuleMismatch', 'ExecStrategyError', 'ScenarioError', 'StrategyError', 'PlanError']);

/** Is an error called `name` the user's fault (deterministic, not worth retrying)? */
export function isInputErrorName(name: string): boolean {
  return INPUT_ERROR_NAMES.has(name);
}

/** Is an error called `name` (crossed a thread or Redis as plain data) a resource fault? */
export function isResourceErrorName(name: string): boolean {
  return name === 'ResourceError';
}

/** The exit code of an error that ended a command. */
export function exitCodeOf(e: unknown): number {
  if (isInputError(e)) return ExitCode.badInput;
  if (isResourceFault(e)) return ExitCode.resources;
  return ExitCode.internal;
}

/**
 * Print `e` for a person (one line; the stack too when `debug`) and return
 * its exit code: 2 bad input, 5 resources, 3 anything else (a bug).
 */
export function reportError(e: unknown, stderr: (s: string) => void, debug = false): number {
  const code = exitCodeOf(e);
  const err = e instanceof Error ? e : new Error(String(e));
  // Input errors may list several problems, one per line; a fault's message is cut to its first line.
  const firstLine = err.message.split('\n')[0];
  const what = code === ExitCode.badInput ? err.message : e instanceof FaultError ? firstLine : code === ExitCode.internal ? `internal error: ${firstLine}`
    : e instanceof ResourceError ? firstLine : `out of resources: ${firstLine}`;
  const hint = code === ExitCode.internal && !debug && !(e instanceof FaultError) ? ' (rerun with --debug for the stack trace)' : '';
  stderr(`freshsim: ${what}${hint}\n`);
  if (debug && err.stack) stderr(`${err.stack}\n`);
  return code;
}
