/**
 * The distributed path, worker side (`freshsim worker`): takes cell jobs from
 * the Redis queue and runs them on a local pool of `concurrency` threads (the
 * main thread stays free to renew job locks). A cell that throws is retried
 * by BullMQ up to the attempts its coordinator allowed, unless its error is a
 * deterministic input error; a worker that dies (SIGKILL) loses its locks and
 * its cells go back to the queue for another worker after `lockMs`. A worker
 * of another freshsim version than the coordinator that enqueued a job puts
 * the job back untouched (no attempt used) and stops: one machine left on an
 * old release must not mix its numbers into a run.
 */
import { hostname } from 'node:os';
import { DelayedError, UnrecoverableError, Worker } from 'bullmq';
import { isCellFailure, type CellOutcome } from './cell-run.js';
import { isInputErrorName } from './errors.js';
import { freshsimVersion } from './files.js';
import { createPool, type PoolOptions } from './pool.js';
import { checkRedis, QUEUE_NAME, redisConnection, type CellJobData } from './queue.js';

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
}

/** Why a worker stopped: asked to, or it met a job of another freshsim version (the message says which). */
export type WorkerStop = { readonly reason: 'stopped' } | { readonly reason: 'version'; readonly message: string };

/** How soon a job put back by a worker of the wrong version is offered again (ms). */
const PUT_BACK_MS = 500;

/** Run cells from the queue until `stop` resolves or a job of another freshsim version arrives. */
export async function runQueueWorker(opts: QueueWorkerOptions): Promise<WorkerStop> {
  if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1) {
    throw new RangeError(`concurrency ${opts.concurrency}: expected a whole number ≥ 1`);
  }
  await checkRedis(opts.url);
  const lockMs = opts.lockMs ?? 30_000;
  const pool = createPool(opts.concurrency, opts.services);
  const name = `${hostname()}:${process.pid}`;
  const version = opts.version ?? freshsimVersion();
  let mismatch: ((message: string) => void) | undefined;
  const mismatched = new Promise<string>((resolve) => { mismatch = resolve; });
  const worker = new Worker<CellJobData, CellOutcome>(
    QUEUE_NAME,
    async (job, token) => {
      if (job.data.freshsim !== undefined && job.data.freshsim !== version) {
        const message = `job ${job.data.cell.key} was enqueued by freshsim ${job.data.freshsim}, this worker runs freshsim ${version}; ` +
          'expected the same version on every machine of a run (cell ids and numbers depend on it): put back for another worker';
        // Back to the queue without using an attempt; stop taking jobs.
        await job.moveToDelayed(Date.now() + PUT_BACK_MS, token);
        mismatch?.(message);
        throw new DelayedError();
      }
      const started = performance.now();
      const r = await pool.run(job.data.cell);
      if (isCellFailure(r)) {
        const message = `${r.error.name}: ${r.error.message}`;
        opts.log(`worker: ${job.data.cell.key} failed: ${message}`);
        throw isInputErrorName(r.error.name) ? new UnrecoverableError(message) : new Error(message);
      }
      opts.log(`worker: ${job.data.cell.key} done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      return r;
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
  worker.on('error', (e) => opts.log(`worker: ${e.message}`));
  await worker.waitUntilReady();
  opts.log(`worker ${name}: taking cells from ${opts.url} (queue ${QUEUE_NAME}) with ${opts.concurrency} thread${opts.concurrency === 1 ? '' : 's'}`);
  const outcome = await Promise.race([opts.stop.then((): WorkerStop => ({ reason: 'stopped' })), mismatched.then((message): WorkerStop => ({ reason: 'version', message }))]);
  if (outcome.reason === 'version') {
    opts.log(`worker: ${outcome.message}`);
    worker.pause(true).catch(() => {});
  }
  opts.log('worker: stopping after the cells it is running');
  await worker.close();
  await pool.close();
  return outcome;
}
