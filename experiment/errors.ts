/**
 * The experiment layer's one error: an experiment that cannot be planned
 * (no scenarios, duplicate labels, a bad seed or baseline). It is the input's
 * fault, so the CLI reports it with its message alone (exit 2).
 */

/** An experiment specification that cannot be turned into a plan. */
export class ExperimentSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExperimentSpecError';
  }
}
