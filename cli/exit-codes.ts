/**
 * The exit codes and the bad-input error, in a module that imports nothing,
 * so the CLI's entry and its flag checks load them without the engine.
 */
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
