/**
 * What the runner's commands share: Ctrl-C handling, the progress sink, and
 * the end-of-run account (failed cells with their errors, an interruption)
 * with its exit code: 0 done, 2 cells failed on bad input, 3 cells failed
 * otherwise, 5 a cell ran out of memory, 130 interrupted.
 */
import type { ExperimentPlan } from '../../experiment/index.js';
import { ExitCode } from '../errors.js';
import type { PoolOptions } from '../pool.js';
import type { ProgressSink } from '../progress.js';
import { executePlan, type ExecuteResult } from '../runner.js';
import type { CellRecord } from '../result-store.js';
import { writeSummaries, type WrittenSummary } from '../run-dir.js';

/** Output of a command. */
export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
}

/** What a command needs from its process: an abort signal (Ctrl-C) and where progress goes. */
export interface RunContext {
  readonly signal?: AbortSignal;
  readonly progress?: ProgressSink;
}

/**
 * A signal that aborts on the first SIGINT or SIGTERM (stop scheduling, keep
 * what finished); a second one exits at once. Call `dispose` when done.
 */
export function interruptSignal(stderr: (s: string) => void): { signal: AbortSignal; dispose: () => void } {
  const ac = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    if (ac.signal.aborted) process.exit(130);
    stderr(`\n${sig}: stopping; finished cells are kept (again to quit at once)\n`);
    ac.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: ac.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Progress to this process's stderr. */
export function stderrProgress(): ProgressSink {
  return {
    isTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns,
    write: (s) => { process.stderr.write(s); },
  };
}

/** Tell what did not finish; the exit code if the run cannot be summarised, else undefined. */
export function accountFor(r: ExecuteResult, rerun: string, io: Io): number | undefined {
  if (r.failed.length > 0) {
    io.stderr(`${r.failed.length} cell${r.failed.length === 1 ? '' : 's'} failed:\n`);
    for (const f of r.failed) io.stderr(`  ${f.key} (${f.attempts} attempt${f.attempts === 1 ? '' : 's'}): ${f.error}\n`);
  }
  if (r.interrupted) {
    io.stderr(`interrupted: ${r.records.size} of ${r.plan.cells.length} cells are stored; rerun \`${rerun}\` to resume\n`);
    return ExitCode.interrupted;
  }
  if (r.failed.length > 0) {
    io.stderr(`results not summarised: ${r.records.size} of ${r.plan.cells.length} cells are stored; rerun \`${rerun}\` to retry the failed ones\n`);
    if (r.failed.every((f) => f.inputError)) return ExitCode.badInput;
    return r.failed.some((f) => /^ResourceError\b/.test(f.error)) ? ExitCode.resources : ExitCode.internal;
  }
  return undefined;
}

/** The runner flags every command built on the runner takes. */
export interface RunnerFlags {
  /** Local pool size (default one per core; 0 = in this thread). */
  readonly workers?: number;
  /** Extra attempts for a cell whose worker threw or died (default 1). */
  readonly retries?: number;
  /** redis://HOST:PORT: run the cells on `freshsim worker`s instead of a local pool. */
  readonly queue?: string;
  /** OM1 cache options for the pool's threads. */
  readonly services?: PoolOptions;
}

/**
 * Execute a one-scenario plan into the run directory `out` and write its
 * summaries: the summary with the cells' stored records, or the exit code
 * when the run cannot be summarised (`rerun` is the command that resumes it).
 */
export async function executeAndSummarise(
  plan: ExperimentPlan, out: string, flags: RunnerFlags, rerun: string, io: Io, ctx: RunContext,
): Promise<number | (WrittenSummary & { readonly records: ReadonlyMap<string, CellRecord> })> {
  const started = performance.now();
  const r = await executePlan(plan, {
    dir: out, workers: flags.workers, retries: flags.retries, queue: flags.queue, services: flags.services,
    signal: ctx.signal, progress: ctx.progress, log: (line) => io.stderr(`${line}\n`),
  });
  const code = accountFor(r, rerun, io);
  if (code !== undefined) return code;
  const [summary] = writeSummaries(out, plan, r.records, (performance.now() - started) / 1000);
  return { ...summary, records: r.records };
}
