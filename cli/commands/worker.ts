/**
 * `freshsim worker --queue redis://HOST:PORT [--concurrency N]`: run cells
 * from the Redis queue on any machine until stopped (SIGINT / SIGTERM: finish
 * the cells in hand, then exit; a second signal exits at once). Exits 2 when
 * it meets a job enqueued by another freshsim version (the job goes back);
 * exits 3 when Redis stays away longer than `--queue-timeout` seconds.
 */
import { UsageError } from '../errors.js';
import { runQueueWorker } from '../queue-worker.js';
import { defaultWorkers, type PoolOptions } from '../pool.js';
import { checkCount } from './run.js';
import { checkWorkers } from '../limits.js';
import type { Io } from './outcome.js';

/** Parsed flags of `worker`. */
export interface WorkerArgs {
  readonly queue: string;
  readonly concurrency?: number;
  readonly lockSeconds?: number;
  /** Seconds to wait for a lost Redis before stopping (exit 3; default 300). */
  readonly queueTimeout?: number;
  /** OM1 cache options for the pool's threads. */
  readonly services?: PoolOptions;
}

/** Run the `worker` command; resolves to the exit code when stopped. */
export async function workerCommand(args: WorkerArgs, io: Io): Promise<number> {
  checkCount('concurrency', args.concurrency, 1);
  checkWorkers('concurrency', args.concurrency);
  if (args.lockSeconds !== undefined && !(args.lockSeconds > 0)) {
    throw new UsageError(`--lock-seconds ${args.lockSeconds}: expected a positive number of seconds`);
  }
  let stopping = false;
  const stop = new Promise<void>((resolve) => {
    const onSignal = () => {
      if (stopping) process.exit(130);
      stopping = true;
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  const r = await runQueueWorker({
    url: args.queue,
    concurrency: args.concurrency ?? defaultWorkers(),
    lockMs: args.lockSeconds !== undefined ? args.lockSeconds * 1000 : undefined,
    log: (line) => io.stderr(`${line}\n`),
    services: args.services,
    queueTimeout: args.queueTimeout,
    stop,
  });
  if (r.reason === 'version') {
    io.stderr(`freshsim worker: stopped: ${r.message}\n`);
    return 2;
  }
  return 0;
}
