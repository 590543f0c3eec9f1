/**
 * The services strategies get in this process (see StrategyServices): HiGHS
 * loaded once (async, before any planner runs), the on-disk OM1 cache, the
 * wall clock, and a collector of per-decision diagnostics.
 */
import { provideStrategyServices, type DecisionDiagnostic, type StrategyServices } from '../strategies/index.js';
import { loadHighs } from './highs.js';
import { cacheDirOf, fileOm1Cache } from './om1-cache.js';

/** Options of {@link prepareStrategyServices}. */
export interface ServiceOptions {
  /** --cache-dir; FRESHSIM_CACHE_DIR or .cache/freshsim when absent. */
  readonly cacheDir?: string;
  /** No cache at all. */
  readonly noCache?: boolean;
}

const collected: DecisionDiagnostic[] = [];

/** Load HiGHS, open the cache and provide them to planners of this process; idempotent. */
export async function prepareStrategyServices(opts: ServiceOptions = {}): Promise<StrategyServices> {
  const highs = await loadHighs();
  const services: StrategyServices = {
    highs,
    om1Cache: opts.noCache ? undefined : fileOm1Cache(cacheDirOf(opts.cacheDir)),
    clock: () => performance.now(),
    onDecision: (d) => { collected.push(d); },
  };
  provideStrategyServices(services);
  return services;
}

/** Diagnostics of the decisions made in this process so far. */
export function collectedDecisions(): readonly DecisionDiagnostic[] {
  return collected;
}

/** One line on `opt`'s decisions: proven optimal, or best known with the worst gap. */
export function decisionsSummary(ds: readonly DecisionDiagnostic[]): string | undefined {
  if (ds.length === 0) return undefined;
  const proven = ds.filter((d) => d.status === 'optimal').length;
  const worst = Math.max(...ds.map((d) => d.gap));
  const cached = ds.filter((d) => d.cached).length;
  const s = proven === ds.length
    ? `all ${ds.length} proven optimal`
    : `${proven} of ${ds.length} proven optimal; the rest best known, gap ≤ ${(worst * 100).toFixed(2)}%`;
  return `${ds[0].strategy}: OM1 ${s} (${cached} from cache)`;
}
