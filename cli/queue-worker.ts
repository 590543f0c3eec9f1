/**
 * The distributed path, worker side (`freshsim worker`): takes cell jobs from
 * the Redis queue and runs them on a local pool of `concurrency` threads (the
 * main thread stays free to renew job locks). A cell that throws is retried
 * by BullMQ up to the attempts its coordinator allowed, unless its error is a
 * deterministic input error; a worker that dies (SIGKILL) loses its locks and
 * its cells go back to the queue for another worker after `lockMs`.
 */
import { hostname } from 'node:os';
import { UnrecoverableError, Worker } from 'bullmq';
import { isCellFailure, type CellOutcome } from './cell-run.js';
import { isInputErrorName } from './errors.js';
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
}

/** Run cells from the queue until `stop` resolves. */
export async function runQueueWorker(opts: QueueWorkerOptions): Promise<void> {
  if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1) {
    throw new RangeError(`concurrency ${opts.concurrency}: expected a whole number ≥ 1`);
  }
  await checkRedis(opts.url);
  const lockMs = opts.lockMs ?? 30_000;
  const pool = createPool(opts.concurrency, opts.services);
  const name = `${hostname()}:${process.pid}`;
  const worker = new Worker<CellJobData, CellOutcome>(
    QUEUE_NAME,
    async (job) => {
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
  await opts.stop;
  opts.log('worker: stopping after the cells it is running');
  await worker.close();
  await pool.close();
}
