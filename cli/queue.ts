/**
 * The distributed path on Redis + BullMQ, coordinator side: the cells not yet
 * stored are enqueued as jobs of a few cells that share a world (scenario ×
 * replication, at most GROUP_MAX cells), so a worker builds that world once,
 * as a local pool thread does; a job is named by (run id, its cells), so
 * enqueuing again after a restart adds nothing twice. `freshsim worker`s run
 * the cells of a job in order and record each finished cell in the job's
 * state (in its data), so a retry or another worker taking over a dead
 * worker's job runs only the cells left; the outcomes are read from there. The coordinator collects finished jobs into the
 * run directory's store (write + fsync) and only then removes them from
 * Redis. Delivery is at least once: a job may finish twice (a worker lost its
 * lock) or be collected twice (the coordinator died between storing and
 * removing), and the store keeps one record per cell.
 */
import { Queue, QueueEvents, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Scenario } from '../scenarios/index.js';
import { contentHash, type CellFailure, type CellOutcome, type CellSpec } from '../experiment/index.js';
import { UsageError } from './errors.js';
import { freshsimVersion } from './files.js';
import type { Execution } from './runner.js';

/** The queue every coordinator and worker uses. */
export const QUEUE_NAME = 'freshsim-cells';

/** A cell in a job, without the scenario its job carries once for all its cells. */
export type JobCell = Omit<CellSpec, 'scenario'>;

/** What a job carries: cells sharing one world (so one scenario, sent once), run in this order. */
export interface CellJobData {
  readonly runId: string;
  readonly scenario: Scenario;
  readonly cells: readonly JobCell[];
  /** freshsim version of the coordinator that enqueued the job; workers of another version put it back and stop. */
  readonly freshsim: string;
  /** What workers have done so far (absent until a worker starts it). */
  readonly state?: JobState;
}

/** One finished cell of a job: its outcome, or its deterministic input error; with the attempt that ran it. */
export interface JobCellResult {
  readonly outcome?: CellOutcome;
  readonly failure?: CellFailure;
  readonly attempt: number;
  /** The worker (`host:pid`) that ran it. */
  readonly worker: string;
}

/**
 * A job's state, kept in its data (`job.updateData`: unlike progress, it adds
 * no event to BullMQ's event stream, which would otherwise carry every
 * outcome again): its finished cells, how often each cell was started, and
 * the last error of each cell that threw.
 */
export interface JobState {
  readonly done: Readonly<Record<string, JobCellResult>>;
  readonly tries: Readonly<Record<string, number>>;
  readonly errors: Readonly<Record<string, { readonly name: string; readonly message: string }>>;
}

/** The data of a job of `group` (cells of one world) in run `runId`. */
export function jobDataOf(runId: string, group: readonly CellSpec[]): CellJobData {
  return { runId, scenario: group[0].scenario, cells: group.map(({ scenario: _s, ...cell }) => cell), freshsim: freshsimVersion() };
}

/** The cell specs of a job (its scenario put back into each cell). */
export function jobCells(data: CellJobData): CellSpec[] {
  return data.cells.map((c) => ({ ...c, scenario: data.scenario }));
}

/** What a finished job returns (kept small: it goes into BullMQ's event stream; the outcomes are in the job's state). */
export interface JobResult {
  readonly cells: number;
}

/** Most cells in one job: a world is built once per job; smaller jobs spread better over workers. */
export const GROUP_MAX = 4;

/** Cells grouped by shared world (plan order kept), each group split into near-equal jobs of ≤ GROUP_MAX cells. */
export function jobGroups(cells: readonly CellSpec[]): CellSpec[][] {
  const byWorld = new Map<string, CellSpec[]>();
  for (const c of cells) {
    const key = `${c.scenarioId}#${c.replication}`;
    let g = byWorld.get(key);
    if (!g) byWorld.set(key, (g = []));
    g.push(c);
  }
  const jobs: CellSpec[][] = [];
  for (const g of byWorld.values()) {
    const parts = Math.ceil(g.length / GROUP_MAX);
    for (let k = 0; k < parts; k++) jobs.push(g.slice(Math.floor((k * g.length) / parts), Math.floor(((k + 1) * g.length) / parts)));
  }
  return jobs;
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

/** The job id of a group of cells in a run (BullMQ ids may not contain ':'). */
export function jobIdOf(runId: string, cells: readonly CellSpec[]): string {
  return `${runId}.${contentHash(cells.map((c) => c.id))}`;
}

const KEEP_FINISHED_S = 7 * 86_400;
const RECONCILE_MS = 3000;
const STATE_CHUNK = 200;

/** Enqueue `cells` and collect them into the store; resolves to whether it was interrupted. */
export async function executeOnQueue(cells: readonly CellSpec[], url: string, ex: Execution): Promise<boolean> {
  if (cells.length === 0) return false;
  await checkRedis(url);
  const connection = redisConnection(url);
  const queue = new Queue<CellJobData, JobResult>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  const outstanding = new Map(jobGroups(cells).map((g) => [jobIdOf(ex.runId, g), g]));
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

async function enqueue(queue: Queue<CellJobData, JobResult>, jobs: [string, CellSpec[]][], ex: Execution): Promise<void> {
  for (let k = 0; k < jobs.length; k += STATE_CHUNK) {
    const chunk = jobs.slice(k, k + STATE_CHUNK);
    // A job of this run that failed for good earlier is taken out, so that this run retries it.
    const states = await Promise.all(chunk.map(([id]) => queue.getJobState(id)));
    await Promise.all(chunk.filter((_, i) => states[i] === 'failed').map(([id]) => queue.remove(id)));
    await queue.addBulk(chunk.map(([jobId, group]) => ({
      name: group.length === 1 ? group[0].key : `${group[0].key} +${group.length - 1}`,
      data: jobDataOf(ex.runId, group),
      opts: {
        jobId, attempts: ex.retries + 1,
        removeOnComplete: { age: KEEP_FINISHED_S }, removeOnFail: { age: KEEP_FINISHED_S },
      },
    })));
  }
}

async function reconcile(queue: Queue<CellJobData, JobResult>, outstanding: Map<string, CellSpec[]>, ready: Set<string>, ex: Execution): Promise<void> {
  const ids = [...outstanding.keys()];
  const lost: [string, CellSpec[]][] = [];
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

/** The finished cells a job's state reports, checked against the cells it carries. */
function doneOf(jobId: string, cells: readonly CellSpec[], x: JobState | undefined): Map<string, JobCellResult> {
  const done = new Map<string, JobCellResult>();
  if (!x) return done;
  const ids = new Set(cells.map((c) => c.id));
  for (const [id, r] of Object.entries(x.done)) {
    const ok = ids.has(id) && r !== null && typeof r === 'object'
      && ((r.outcome !== undefined && r.outcome.id === id && typeof r.outcome.figures === 'object') || (r.failure !== undefined && r.failure.id === id));
    if (!ok) throw new Error(`queue: job ${jobId} reported ${JSON.stringify(r)?.slice(0, 200)} for cell ${id}; expected the outcome of one of its cells`);
    done.set(id, r);
  }
  return done;
}

/** Whether a job's state has the shape workers write. */
export function isJobState(x: unknown): x is JobState {
  if (x === null || typeof x !== 'object') return false;
  const { done, tries, errors } = x as Partial<JobState>;
  return [done, tries, errors].every((f) => f !== null && typeof f === 'object');
}

async function collect(queue: Queue<CellJobData, JobResult>, jobId: string, outstanding: Map<string, CellSpec[]>, ex: Execution): Promise<void> {
  const cells = outstanding.get(jobId);
  if (!cells) return;
  const job = (await queue.getJob(jobId)) as Job<CellJobData, JobResult> | undefined;
  if (!job) return; // reconcile will enqueue it again
  const state = await job.getState();
  if (state !== 'completed' && state !== 'failed') return;
  const jobState = isJobState(job.data.state) ? job.data.state : undefined;
  const done = doneOf(jobId, cells, jobState);
  for (const cell of cells) {
    const r = done.get(cell.id);
    if (r?.outcome) ex.finish(cell, r.outcome, r.attempt, `queue:${r.worker}`);
    else if (r?.failure) ex.fail(cell, r.failure.error, r.attempt);
    else if (state === 'completed') throw new Error(`queue: job ${jobId} completed without cell ${cell.key}; expected every cell it carries`);
    else {
      // The job failed for good: this cell's own last error, else the job's (its worker died).
      const reason = job.failedReason ?? 'unknown error';
      ex.fail(cell, jobState?.errors[cell.id] ?? { name: 'WorkerDied', message: reason }, jobState?.tries[cell.id] ?? job.attemptsMade);
    }
  }
  outstanding.delete(jobId);
  // Stored first, removed second: a crash in between only means a duplicate the store ignores.
  await job.remove().catch(() => {});
}
