/**
 * The distributed path on Redis + BullMQ, coordinator side: the cells not yet
 * stored are enqueued as jobs named by (run id, cell id), so enqueuing again
 * after a restart adds nothing twice; `freshsim worker`s run them; the
 * coordinator collects finished jobs into the run directory's store (write +
 * fsync) and only then removes them from Redis. Delivery is at least once:
 * a job may finish twice (a worker lost its lock) or be collected twice (the
 * coordinator died between storing and removing), and the store keeps one
 * record per cell.
 */
import { Queue, QueueEvents, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { CellSpec } from './cells.js';
import type { CellOutcome } from './cell-run.js';
import { UsageError } from './errors.js';
import { freshsimVersion } from './files.js';
import type { Execution } from './runner.js';

/** The queue every coordinator and worker uses. */
export const QUEUE_NAME = 'freshsim-cells';

/** What a job carries. */
export interface CellJobData {
  readonly runId: string;
  readonly cell: CellSpec;
  /** freshsim version of the coordinator that enqueued the job; workers of another version put it back and stop. */
  readonly freshsim?: string;
}

/** Connection options from `redis://[user:password@]HOST[:PORT][/DB]` (or `rediss://` for TLS). */
export function redisConnection(url: string): { host: string; port: number; username?: string; password?: string; db?: number; tls?: object } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`--queue '${url}': not a URL; expected redis://HOST:PORT`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new UsageError(`--queue '${url}': expected a redis:// or rediss:// URL`);
  if (!u.hostname) throw new UsageError(`--queue '${url}': no host; expected redis://HOST:PORT`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined;
  if (db !== undefined && !(Number.isInteger(db) && db >= 0)) throw new UsageError(`--queue '${url}': database '${u.pathname.slice(1)}' is not a whole number`);
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db !== undefined ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** Fail fast with a clear message when Redis is not reachable (BullMQ alone would retry forever). */
export async function checkRedis(url: string, timeoutMs = 5000): Promise<void> {
  const client = new Redis({ ...redisConnection(url), lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw new UsageError(`--queue '${url}': cannot reach Redis (${(e as Error).message}); expected a running Redis server`);
  } finally {
    client.disconnect();
  }
}

/** The job id of a cell in a run (BullMQ ids may not contain ':'). */
export function jobIdOf(runId: string, cell: CellSpec): string {
  return `${runId}.${cell.id}`;
}

const KEEP_FINISHED_S = 7 * 86_400;
const RECONCILE_MS = 3000;
const STATE_CHUNK = 200;

/** Enqueue `cells` and collect them into the store; resolves to whether it was interrupted. */
export async function executeOnQueue(cells: readonly CellSpec[], url: string, ex: Execution): Promise<boolean> {
  if (cells.length === 0) return false;
  await checkRedis(url);
  const connection = redisConnection(url);
  const queue = new Queue<CellJobData, CellOutcome>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  const outstanding = new Map(cells.map((c) => [jobIdOf(ex.runId, c), c]));
  const ready = new Set<string>();
  let wake: () => void = () => {};
  const nudge = (jobId: string) => {
    if (outstanding.has(jobId)) {
      ready.add(jobId);
      wake();
    }
  };
  events.on('completed', ({ jobId }) => nudge(jobId));
  events.on('failed', ({ jobId }) => nudge(jobId));
  try {
    await events.waitUntilReady();
    await enqueue(queue, [...outstanding], ex);
    let nextReconcile = 0;
    while (outstanding.size > 0 && !ex.signal?.aborted) {
      if (Date.now() >= nextReconcile) {
        // Catch what events cannot tell: jobs that finished while no coordinator listened, or vanished.
        await reconcile(queue, outstanding, ready, ex);
        nextReconcile = Date.now() + RECONCILE_MS;
      }
      for (const jobId of [...ready]) {
        ready.delete(jobId);
        await collect(queue, jobId, outstanding, ex);
      }
      if (ready.size === 0 && outstanding.size > 0) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, Math.max(10, nextReconcile - Date.now()));
          const onAbort = () => resolve();
          ex.signal?.addEventListener('abort', onAbort, { once: true });
          wake = () => {
            clearTimeout(t);
            ex.signal?.removeEventListener('abort', onAbort);
            resolve();
          };
        });
        wake = () => {};
      }
    }
    if (ex.signal?.aborted) {
      // Take back the cells no worker has started; running ones finish and are collected by a rerun.
      await Promise.all([...outstanding.keys()].map((id) => queue.remove(id).catch(() => 0)));
      return true;
    }
    return false;
  } finally {
    await events.close();
    await queue.close();
  }
}

async function enqueue(queue: Queue<CellJobData, CellOutcome>, jobs: [string, CellSpec][], ex: Execution): Promise<void> {
  for (let k = 0; k < jobs.length; k += STATE_CHUNK) {
    const chunk = jobs.slice(k, k + STATE_CHUNK);
    // A job of this run that failed for good earlier is taken out, so that this run retries it.
    const states = await Promise.all(chunk.map(([id]) => queue.getJobState(id)));
    await Promise.all(chunk.filter((_, i) => states[i] === 'failed').map(([id]) => queue.remove(id)));
    await queue.addBulk(chunk.map(([jobId, cell]) => ({
      name: cell.key,
      data: { runId: ex.runId, cell, freshsim: freshsimVersion() },
      opts: {
        jobId, attempts: ex.retries + 1,
        removeOnComplete: { age: KEEP_FINISHED_S }, removeOnFail: { age: KEEP_FINISHED_S },
      },
    })));
  }
}

async function reconcile(queue: Queue<CellJobData, CellOutcome>, outstanding: Map<string, CellSpec>, ready: Set<string>, ex: Execution): Promise<void> {
  const ids = [...outstanding.keys()];
  const lost: [string, CellSpec][] = [];
  for (let k = 0; k < ids.length; k += STATE_CHUNK) {
    const chunk = ids.slice(k, k + STATE_CHUNK);
    const states = await Promise.all(chunk.map((id) => queue.getJobState(id)));
    chunk.forEach((id, i) => {
      if (states[i] === 'completed' || states[i] === 'failed') ready.add(id);
      else if (states[i] === 'unknown' && outstanding.has(id)) lost.push([id, outstanding.get(id)!]);
    });
  }
  if (lost.length > 0) {
    ex.log(`queue: ${lost.length} jobs of this run were missing from Redis; enqueued again`);
    await enqueue(queue, lost, ex);
  }
}

async function collect(queue: Queue<CellJobData, CellOutcome>, jobId: string, outstanding: Map<string, CellSpec>, ex: Execution): Promise<void> {
  const cell = outstanding.get(jobId);
  if (!cell) return;
  const job = (await queue.getJob(jobId)) as Job<CellJobData, CellOutcome> | undefined;
  if (!job) return; // reconcile will enqueue it again
  const state = await job.getState();
  if (state === 'completed') {
    const outcome = job.returnvalue;
    if (!outcome || outcome.id !== cell.id || typeof outcome.figures !== 'object') {
      throw new Error(`queue: job ${jobId} returned ${JSON.stringify(outcome)?.slice(0, 200)}; expected the outcome of cell ${cell.key}`);
    }
    ex.finish(cell, outcome, Math.max(1, job.attemptsMade), `queue:${job.processedBy ?? '?'}`);
  } else if (state === 'failed') {
    const reason = job.failedReason ?? 'unknown error';
    const m = /^(\w+): /.exec(reason);
    const error = m ? { name: m[1], message: reason.slice(m[0].length) } : { name: 'WorkerDied', message: reason };
    ex.fail(cell, error, job.attemptsMade);
  } else {
    return;
  }
  outstanding.delete(jobId);
  // Stored first, removed second: a crash in between only means a duplicate the store ignores.
  await job.remove().catch(() => {});
}
