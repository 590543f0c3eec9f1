/**
 * Scheduling cells on local worker threads. Each lane is a one-thread
 * piscina pool, so the runner chooses which thread runs which cell: a lane
 * takes a whole group of cells that share a world (scenario × replication)
 * and builds that world once; when no group is left to start, an idle lane
 * steals single cells from the group with the most left, so no thread idles
 * at the end. A cell whose thread throws or dies is retried (up to `retries`
 * more times) unless its error is a deterministic input error; other cells go
 * on. Each lane keeps two cells in flight so its thread never waits for the
 * main thread's fsync.
 */
import { isCellFailure, type CellSpec } from '../experiment/index.js';
import { isInputErrorName } from './errors.js';
import type { CellExecutor } from './pool.js';
import type { Execution } from './runner.js';

interface Job {
  readonly cell: CellSpec;
  attempts: number;
}

interface Group {
  readonly jobs: Job[];
  /** Lane working through this group, if any. */
  owner: number | undefined;
}

const IN_FLIGHT_PER_LANE = 2;

/** Group cells by shared world, keeping plan order. */
function groupsOf(cells: readonly CellSpec[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const cell of cells) {
    const key = `${cell.scenarioId}#${cell.replication}`;
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { jobs: [], owner: undefined }));
    g.jobs.push({ cell, attempts: 0 });
  }
  return [...byKey.values()];
}

/** The next job for `lane`: its own group first, then a group nobody has started, then a steal. */
function nextJob(groups: Group[], current: Group[], lane: number): Job | undefined {
  const own = current[lane];
  if (own && own.jobs.length > 0) return own.jobs.shift();
  if (own) own.owner = undefined;
  const fresh = groups.find((g) => g.owner === undefined && g.jobs.length > 0);
  const pick = fresh ?? groups.reduce<Group | undefined>((best, g) => (g.jobs.length > (best?.jobs.length ?? 0) ? g : best), undefined);
  if (!pick) return undefined;
  if (fresh) {
    fresh.owner = lane;
    current[lane] = fresh;
    return fresh.jobs.shift();
  }
  return pick.jobs.pop(); // steal from the end, leaving the owner its next cells
}

/** Run `cells` on `lanes` (one thread each); resolves to whether it was interrupted. */
export async function executeOnLanes(cells: readonly CellSpec[], lanes: readonly CellExecutor[], ex: Execution): Promise<boolean> {
  const groups = groupsOf(cells);
  const groupOf = new Map<string, Group>();
  for (const g of groups) for (const j of g.jobs) groupOf.set(j.cell.id, g);
  const current: Group[] = [];
  const inFlight = lanes.map(() => 0);
  const aborter = new AbortController();
  const onAbort = () => aborter.abort();
  ex.signal?.addEventListener('abort', onAbort);
  let fatal: unknown;
  const guard = (f: () => void) => {
    try {
      f();
    } catch (e) {
      fatal ??= e; // recording failed (e.g. the disk): stop, keeping what is stored
      aborter.abort();
    }
  };
  try {
    await new Promise<void>((resolve) => {
      const retry = (job: Job) => groupOf.get(job.cell.id)!.jobs.unshift(job);
      const pump = () => {
        lanes.forEach((lane, k) => {
          while (!aborter.signal.aborted && inFlight[k] < IN_FLIGHT_PER_LANE) {
            const job = nextJob(groups, current, k);
            if (!job) break;
            job.attempts++;
            inFlight[k]++;
            lane.run(job.cell, aborter.signal).then(
              (r) => guard(() => {
                if (!isCellFailure(r)) ex.finish(job.cell, r, job.attempts, `pool:${r.ranBy ?? '?'}`);
                else if (isInputErrorName(r.error.name) || job.attempts > ex.retries) ex.fail(job.cell, r.error, job.attempts);
                else retry(job);
              }),
              (e: Error) => guard(() => {
                if (aborter.signal.aborted) return;
                // The thread died: piscina replaces it; only this cell is affected.
                if (job.attempts > ex.retries) ex.fail(job.cell, { name: 'WorkerDied', message: e.message }, job.attempts);
                else retry(job);
              }),
            ).finally(() => {
              inFlight[k]--;
              pump();
            });
          }
        });
        const busy = inFlight.some((n) => n > 0);
        const left = groups.some((g) => g.jobs.length > 0);
        if (!busy && (!left || aborter.signal.aborted)) resolve();
      };
      aborter.signal.addEventListener('abort', pump);
      pump();
    });
  } finally {
    ex.signal?.removeEventListener('abort', onAbort);
    await Promise.all(lanes.map((l) => l.close()));
  }
  if (fatal !== undefined) throw fatal;
  return aborter.signal.aborted;
}
