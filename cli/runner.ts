/**
 * The experiment runner, the one path every command (`run`, `sweep`, and
 * the commands built on them) takes: a plan of cells → the run directory's
 * result store → the cells not yet stored run on a local worker pool, on a
 * Redis queue, or inline → summaries derived from the stored records alone.
 * Results depend only on the plan, never on timing, pool size or completion
 * order.
 */
import {
  createCellRunner, failureOf, isCellFailure, missingCells, shardCells, type CellFailure, type CellOutcome, type CellSpec, type ExperimentPlan, type Shard,
} from '../experiment/index.js';
import type { DecisionDiagnostic } from '../strategies/index.js';
import { isInputErrorName } from './errors.js';
import { executeOnLanes } from './local-scheduler.js';
import { createPool, defaultWorkers, type PoolOptions } from './pool.js';
import { createProgress, type ProgressSink } from './progress.js';
import { openStore, type CellRecord, type ResultStore } from './result-store.js';
import { readHistoryDir } from './history-files.js';
import { writeExperiment } from './run-dir.js';
import { cellEnv, decisionsSummary } from './strategy-services.js';

/** A cell that failed for good. */
export interface FailedCell {
  readonly key: string;
  readonly error: string;
  /** A deterministic input error (bad parameters, an invalid plan): not retried. */
  readonly inputError: boolean;
  readonly attempts: number;
}

/** How to execute a plan. */
export interface ExecuteOptions {
  /** Run directory (store and experiment.json). */
  readonly dir: string;
  /** Local pool size (default one per core); 0 runs inline in this thread. */
  readonly workers?: number;
  /** `redis://HOST:PORT`: enqueue cells for `freshsim worker`s instead of a local pool. */
  readonly queue?: string;
  /** Seconds to wait for a lost Redis to come back before stopping (default 300). */
  readonly queueTimeout?: number;
  /** Extra attempts for a cell whose worker threw or died (default 1). */
  readonly retries?: number;
  readonly shard?: Shard;
  /** Abort (Ctrl-C): stop scheduling, keep what finished. */
  readonly signal?: AbortSignal;
  readonly progress?: ProgressSink;
  readonly log?: (line: string) => void;
  /** OM1 cache options for pool threads (strategies that solve OM1). */
  readonly services?: PoolOptions;
  /** Called after each cell is stored, with the counts so far (of this shard). */
  readonly onCell?: (key: string, done: number, total: number) => void;
}

/** What executing a plan did. */
export interface ExecuteResult {
  readonly plan: ExperimentPlan;
  /** The records of the plan's cells held by the store now (all of them if `complete`). */
  readonly records: ReadonlyMap<string, CellRecord>;
  /** Cells of this shard (or plan) found already finished. */
  readonly resumed: number;
  /** Cells finished by this call. */
  readonly finished: number;
  readonly failed: readonly FailedCell[];
  readonly interrupted: boolean;
  /** Every cell of the whole plan has a record (summaries can be written). */
  readonly complete: boolean;
  readonly repairedBytes: number;
}

/** Context of one execution, shared by the local and the queue paths. */
export interface Execution {
  readonly store: ResultStore;
  readonly runId: string;
  readonly retries: number;
  readonly signal?: AbortSignal;
  /** Record a finished cell (durably, once; duplicates ignored). */
  finish(cell: CellSpec, outcome: CellOutcome, attempts: number, ranOn: string): void;
  fail(cell: CellSpec, error: { name: string; message: string }, attempts: number): void;
  readonly log: (line: string) => void;
}

/** Execute the cells of `plan` not yet in the store of `opts.dir`. */
export async function executePlan(plan: ExperimentPlan, opts: ExecuteOptions): Promise<ExecuteResult> {
  const retries = opts.retries ?? 1;
  if (!Number.isInteger(retries) || retries < 0) throw new RangeError(`retries ${retries}: expected a whole number ≥ 0`);
  const log = opts.log ?? (() => {});
  const store = openStore(opts.dir); // takes the directory's writer lock first
  try {
    const runId = writeExperiment(opts.dir, plan, opts.shard ?? null);
    if (store.repairedBytes > 0) log(`${store.file}: cut off a half-written last record (${store.repairedBytes} bytes); that cell is redone`);
    const mine = opts.shard ? shardCells(plan.cells, opts.shard) : plan.cells;
    const pending = mine.filter((c) => !store.records.has(c.id));
    const resumed = mine.length - pending.length;
    if (resumed > 0) log(`resuming: ${resumed} of ${mine.length} cells already finished in ${store.file}`);
    const failed: FailedCell[] = [];
    const decisions: DecisionDiagnostic[] = [];
    let finished = 0;
    const progress = opts.progress
      ? createProgress({ total: mine.length, startDone: resumed, sink: opts.progress, clock: () => performance.now() / 1000 })
      : undefined;
    const ex: Execution = {
      store, runId, retries, signal: opts.signal, log,
      finish(cell, outcome, attempts, ranOn) {
        const record: CellRecord = {
          id: cell.id, key: cell.key, figures: outcome.figures, timing: outcome.timing, attempts, ranOn, finishedAt: new Date().toISOString(),
        };
        if (store.append(record)) {
          finished++;
          // Solver diagnostics of cells run here, in pool threads or on other machines.
          decisions.push(...(outcome.decisions ?? []));
        }
        progress?.update(resumed + finished, failed.length);
        opts.onCell?.(cell.key, resumed + finished, mine.length);
      },
      fail(cell, error, attempts) {
        failed.push({ key: cell.key, error: `${error.name}: ${error.message}`, inputError: isInputErrorName(error.name), attempts });
        progress?.update(resumed + finished, failed.length);
      },
    };
    progress?.update(resumed, 0);
    let interrupted: boolean;
    if (opts.queue !== undefined) {
      // bullmq and ioredis load only for --queue.
      const { executeOnQueue } = await import('./queue.js');
      interrupted = await executeOnQueue(pending, opts.queue, ex, opts.queueTimeout);
    } else if (opts.workers === 0) {
      interrupted = await executeInline(pending, ex, opts.services);
    } else {
      const workers = opts.workers ?? defaultWorkers();
      const lanes = pending.length === 0 ? [] : Array.from({ length: workers }, () => createPool(1, opts.services));
      interrupted = pending.length === 0 ? false : await executeOnLanes(pending, lanes, ex);
    }
    progress?.finish(resumed + finished, failed.length);
    const solved = decisionsSummary(decisions);
    if (solved) log(solved);
    const records = new Map(plan.cells.filter((c) => store.records.has(c.id)).map((c) => [c.id, store.records.get(c.id)!]));
    return {
      plan, records, resumed, finished, failed, interrupted,
      complete: missingCells(plan, store.records).length === 0,
      repairedBytes: store.repairedBytes,
    };
  } finally {
    store.close();
  }
}

/** Run cells in this thread, yielding to the event loop between cells so Ctrl-C is heard. */
async function executeInline(cells: readonly CellSpec[], ex: Execution, services: PoolOptions = {}): Promise<boolean> {
  const runCell = createCellRunner(() => performance.now(), readHistoryDir);
  for (const cell of cells) {
    for (let attempts = 1; ; attempts++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (ex.signal?.aborted) return true;
      let result: CellOutcome | CellFailure;
      try {
        const env = await cellEnv(cell.strategy, services);
        result = runCell(cell, env.services, env.definition);
      } catch (e) {
        result = failureOf(cell.id, e);
      }
      if (!isCellFailure(result)) {
        ex.finish(cell, result, attempts, 'inline');
        break;
      }
      if (isInputErrorName(result.error.name) || attempts > ex.retries) {
        ex.fail(cell, result.error, attempts);
        break;
      }
    }
  }
  return false;
}
