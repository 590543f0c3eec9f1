/**
 * The distributed path, worker side (`freshsim worker`): takes jobs (a few
 * cells sharing a world) from the Redis queue and runs each job's cells in
 * order on one of `concurrency` single-thread lanes, so the world is built
 * once per job (the main thread stays free to renew job locks). Each finished
 * cell is written to the job's state (in its data) at once; a cell that throws fails the
 * job, which BullMQ retries up to the attempts its coordinator allowed,
 * running only the cells not yet finished; a deterministic input error is
 * recorded for its cell and the job goes on. A worker that dies (SIGKILL)
 * loses its locks and its jobs go back to the queue for another worker after
 * `lockMs`, which runs only the cells left. A worker
 * of another freshsim version than the coordinator that enqueued a job puts
 * the job back untouched (no attempt used) and stops: one machine left on an
 * old release must not mix its numbers into a run. So does a worker lacking
 * a job's strategy module or exec script, or holding another version of it.
 */
import { hostname } from 'node:os';
import { DelayedError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { isCellFailure, type CellFailure, type CellOutcome } from '../experiment/index.js';
import { isInputErrorName } from './errors.js';
import { freshsimVersion } from './files.js';
import { moduleDefinition, StrategyModuleMismatch } from './strategy-modules.js';
import { checkExecScript } from './exec-strategy.js';
import { createPool, type PoolOptions } from './pool.js';
import { DEFAULT_QUEUE_TIMEOUT_S, watchQueue } from './queue-watch.js';
import { checkRedis, isJobState, jobCells, QUEUE_NAME, redisConnection, type CellJobData, type JobCellResult, type JobResult } from './queue.js';

/** How many times a job may be taken back from a dead worker before it counts as failed. */
const MAX_STALLS = 3;

/** Options of `freshsim worker`. */
export interface QueueWorkerOptions {
  readonly url: string;
  readonly concurrency: number;
  /** Job lock in ms: how long a dead worker's cells wait before others take them (default 30 000). */
  readonly lockMs?: number;
  readonly log: (line: string) => void;
  /** OM1 cache options for the pool's threads. */
  readonly services?: PoolOptions;
  /** Resolves when the worker should stop (after finishing the cells it is running). */
  readonly stop: Promise<void>;
  /** This worker's freshsim version (default: the installed one). */
  readonly version?: string;
  /** Seconds to wait for a lost Redis before stopping with a FaultError (default 300). */
  readonly queueTimeout?: number;
}

/** Why a worker stopped: asked to, or it met a job of another freshsim version (the message says which). */
export type WorkerStop = { readonly reason: 'stopped' } | { readonly reason: 'version'; readonly message: string };

/** How soon a job put back by a worker of the wrong version is offered again (ms). */
const PUT_BACK_MS = 500;

/** Connection errors (Redis away), told once per outage by the watch; anything else is logged as it comes. */
function isConnectionError(e: Error): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return (typeof code === 'string' && /^E[A-Z]+$/.test(code)) || /Connection is closed|connect E|Stream isn't writeable/i.test(e.message);
}

/**
 * Run cells from the queue until `stop` resolves or a job of another freshsim
 * version arrives. A Redis lost meanwhile is told once, with a countdown, and
 * waited for up to `queueTimeout` seconds; then it rejects with a FaultError
 * (the jobs it held go back to the queue when their locks lapse).
 */
export async function runQueueWorker(opts: QueueWorkerOptions): Promise<WorkerStop> {
  if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1) {
    throw new RangeError(`concurrency ${opts.concurrency}: expected a whole number ≥ 1`);
  }
  await checkRedis(opts.url);
  const lockMs = opts.lockMs ?? 30_000;
  // One single-thread pool per concurrent job: a job's cells run on one thread, which keeps their world.
  const lanes = Array.from({ length: opts.concurrency }, () => createPool(1, opts.services));
  const free = lanes.map((_, k) => k);
  const name = `${hostname()}:${process.pid}`;
  const version = opts.version ?? freshsimVersion();
  let mismatch: ((message: string) => void) | undefined;
  const mismatched = new Promise<string>((resolve) => { mismatch = resolve; });
  const worker = new Worker<CellJobData, JobResult>(
    QUEUE_NAME,
    async (job, token) => {
      if (job.data.freshsim !== version || !Array.isArray(job.data.cells) || typeof job.data.scenario !== 'object') {
        const message = `job ${job.name} was enqueued by freshsim ${job.data.freshsim ?? '(an older version)'}, this worker runs freshsim ${version}; ` +
          'expected the same version on every machine of a run (cell ids and numbers depend on it): put back for another worker';
        // Back to the queue without using an attempt; stop taking jobs.
        await job.moveToDelayed(Date.now() + PUT_BACK_MS, token);
        mismatch?.(message);
        throw new DelayedError();
      }
      // A strategy module this machine lacks, or holds in another version: put the job back, like another freshsim version.
      // The same for the script of an exec strategy (resolved against this worker's directory, as the command is).
      for (const cell of jobCells(job.data)) {
        if (!cell.strategy.module && !cell.strategy.exec) continue;
        try {
          if (cell.strategy.module) await moduleDefinition(cell.strategy.module);
          else checkExecScript(cell.strategy.exec!);
        } catch (e) {
          if (!(e instanceof StrategyModuleMismatch)) continue; // a broken module fails its cells in the lane, clearly
          const message = `job ${job.name}: ${(e as Error).message}: put back for another worker`;
          await job.moveToDelayed(Date.now() + PUT_BACK_MS, token);
          mismatch?.(message);
          throw new DelayedError();
        }
      }
      const lane = free.pop();
      if (lane === undefined) throw new Error(`worker ${name}: more jobs at once than its ${lanes.length} lanes`);
      try {
        const before = isJobState(job.data.state) ? job.data.state : undefined;
        const done: Record<string, JobCellResult> = { ...(before?.done ?? {}) };
        const tries: Record<string, number> = { ...(before?.tries ?? {}) };
        const errors: Record<string, { name: string; message: string }> = { ...(before?.errors ?? {}) };
        const failed: string[] = [];
        const save = () => job.updateData({ ...job.data, state: { done, tries, errors } });
        for (const cell of jobCells(job.data)) {
          if (done[cell.id]) continue; // finished by an earlier attempt or by a worker that died
          tries[cell.id] = (tries[cell.id] ?? 0) + 1;
          await save();
          const started = performance.now();
          let r: CellOutcome | CellFailure;
          try {
            r = await lanes[lane].run(cell);
          } catch (e) {
            r = { id: cell.id, error: { name: 'WorkerDied', message: (e as Error).message } }; // the thread died; piscina replaces it
          }
          if (isCellFailure(r)) {
            opts.log(`worker: ${cell.key} failed: ${r.error.name}: ${r.error.message}`);
            if (isInputErrorName(r.error.name)) {
              done[cell.id] = { failure: r, attempt: tries[cell.id], worker: name }; // deterministic: recorded, not retried
            } else {
              errors[cell.id] = r.error; // the others go on; the job is retried for this one
              failed.push(`${cell.key}: ${r.error.name}: ${r.error.message}`);
            }
          } else {
            opts.log(`worker: ${cell.key} done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
            done[cell.id] = { outcome: r, attempt: tries[cell.id], worker: name };
          }
          await save();
        }
        if (failed.length > 0) throw new Error(failed.join('; ')); // BullMQ retries the job; only these cells run again
        return { cells: job.data.cells.length };
      } finally {
        free.push(lane);
      }
    },
    {
      connection: { ...redisConnection(opts.url), maxRetriesPerRequest: null },
      concurrency: opts.concurrency,
      name,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      maxStalledCount: MAX_STALLS,
    },
  );
  const watch = watchQueue(opts.url, opts.queueTimeout ?? DEFAULT_QUEUE_TIMEOUT_S, opts.log, Date.now,
    'the cells it finished are stored in their jobs, the rest go back to the queue; start the worker again when Redis is back');
  worker.on('error', (e) => (isConnectionError(e) ? watch.onError(e) : opts.log(`worker: ${e.message}`)));
  await worker.waitUntilReady();
  // A probe connection of its own tells when Redis is back (ioredis says 'ready' on each reconnect).
  const probe = new Redis({ ...redisConnection(opts.url), maxRetriesPerRequest: 0, retryStrategy: () => 500 });
  probe.on('error', (e: Error) => watch.onError(e));
  probe.on('ready', () => watch.onReady());
  opts.log(`worker ${name}: taking cells from ${opts.url} (queue ${QUEUE_NAME}) with ${opts.concurrency} thread${opts.concurrency === 1 ? '' : 's'}`);
  let outcome: WorkerStop;
  try {
    outcome = await Promise.race([opts.stop.then((): WorkerStop => ({ reason: 'stopped' })), mismatched.then((message): WorkerStop => ({ reason: 'version', message })), watch.expired]);
  } catch (e) {
    probe.disconnect();
    // Redis stayed away: let go without waiting on it (a clean close would wait for Redis forever).
    watch.close();
    await Promise.race([Promise.all([worker.close(true).catch(() => {}), worker.disconnect(), ...lanes.map((l) => l.close())]), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    throw e;
  }
  watch.close();
  probe.disconnect();
  if (outcome.reason === 'version') {
    opts.log(`worker: ${outcome.message}`);
    worker.pause(true).catch(() => {});
  }
  opts.log('worker: stopping after the cells it is running');
  await worker.close();
  await Promise.all(lanes.map((l) => l.close()));
  return outcome;
}
