/**
 * What this machine can take, checked before any work starts: worker
 * threads (at most {@link MAX_WORKERS_PER_CORE} per core) and a memory
 * estimate of a scenario's world (sites × days × orders) and of a plan's
 * cell records, against the heap a thread may use. Too large is told with
 * the estimate (exit 5), instead of a V8 abort later.
 */
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { Scenario } from '../scenarios/index.js';
import { ResourceError, UsageError } from './errors.js';

/** Worker threads allowed per core: more only adds memory and switching, never speed. */
export const MAX_WORKERS_PER_CORE = 4;

/**
 * Heap bytes per generated order, world and simulation state together:
 * building the built-in worlds measured ≈ 530 bytes per order (tiny, city,
 * paper-7fresh; `node --expose-gc` heap before and after `buildWorld`), and
 * the simulation's ledgers and records about as much again.
 */
const BYTES_PER_ORDER = 1100;
/** Heap bytes per (site, SKU, day): stock, plans and ledgers. */
const BYTES_PER_SITE_SKU_DAY = 48;
/** Heap bytes of one stored cell record, plus this per evaluation day. */
const BYTES_PER_CELL = 2000;
const BYTES_PER_CELL_DAY = 600;

/** Refuse a worker count beyond {@link MAX_WORKERS_PER_CORE} × cores (exit 2). */
export function checkWorkers(flag: string, workers: number | undefined, cores = availableParallelism()): void {
  if (workers === undefined) return;
  if (!(Number.isInteger(workers) && workers >= 0)) throw new UsageError(`--${flag} ${workers}: expected a whole number ≥ 0`);
  const max = MAX_WORKERS_PER_CORE * cores;
  if (workers > max) {
    throw new UsageError(`--${flag} ${workers}: this machine has ${cores} core${cores === 1 ? '' : 's'}; expected at most ${max} (${MAX_WORKERS_PER_CORE} per core)`);
  }
}

/** The heap a thread of this process may use, in bytes. */
export function heapLimitBytes(): number {
  return getHeapStatistics().heap_size_limit;
}

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(bytes < 2 ** 30 ? 2 : 1)} GiB`;

/** Estimated heap bytes of one simulated world of `scenario` (its orders, stock and ledgers). */
export function worldBytes(scenario: Scenario): { bytes: number; sites: number; days: number; ordersPerDay: number } {
  const days = scenario.days.history + scenario.days.evaluation;
  const fronts = scenario.network.fronts;
  const sites = fronts.length + scenario.network.grids.length + 1 + (scenario.network.centrals?.length ?? 0);
  const peak = Math.max(...scenario.demand.weekdayFactors);
  const ordersPerDay = scenario.demand.ordersPerDay * peak * fronts.reduce((a, f) => a + (f.demandShare ?? 1), 0);
  const bytes = ordersPerDay * days * BYTES_PER_ORDER + sites * scenario.catalogue.skus * days * BYTES_PER_SITE_SKU_DAY;
  return { bytes, sites, days, ordersPerDay };
}

/**
 * Refuse (exit 5, with the estimate) a plan too large for this machine: a
 * world that would not fit a thread's heap, or more cell records than the
 * heap holds. `cells` = scenarios × strategies × seeds.
 */
export function checkPlanSize(scenarios: readonly Scenario[], strategies: number, seeds: number, limit = heapLimitBytes()): void {
  for (const s of scenarios) {
    const w = worldBytes(s);
    if (w.bytes > limit) {
      throw new ResourceError(
        `scenario '${s.name}' is too large for this machine: ${w.sites} sites × ${w.days} days × ~${Math.round(w.ordersPerDay)} orders a day ` +
        `needs about ${gb(w.bytes)}, more than the ${gb(limit)} a thread may use; expected fewer sites, days or orders per day`,
      );
    }
  }
  const cells = scenarios.length * strategies * seeds;
  const perCell = BYTES_PER_CELL + BYTES_PER_CELL_DAY * Math.max(...scenarios.map((s) => s.days.evaluation));
  if (cells * perCell > limit / 2) {
    throw new ResourceError(
      `${cells.toLocaleString('en-US')} cells (${scenarios.length} scenarios × ${strategies} strategies × ${seeds} seeds) are too many for this machine: ` +
      `their records need about ${gb(cells * perCell)}, more than half the ${gb(limit)} heap; expected fewer seeds or strategies`,
    );
  }
}
