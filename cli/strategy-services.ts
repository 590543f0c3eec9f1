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

/** One line per strategy with diagnostics: OM1 proven optimal or best known with the worst gap; for OTPTO its training and prediction times. */
export function decisionsSummary(all: readonly DecisionDiagnostic[]): string | undefined {
  if (all.length === 0) return undefined;
  const names = [...new Set(all.map((d) => d.strategy))];
  return names.map((name) => {
    const ds = all.filter((d) => d.strategy === name);
    const proven = ds.filter((d) => d.status === 'optimal').length;
    const worst = Math.max(...ds.map((d) => d.gap));
    const cached = ds.filter((d) => d.cached).length;
    const train = ds.map((d) => (d as { trainSeconds?: number }).trainSeconds).filter((x): x is number => x !== undefined);
    if (train.length > 0) {
      // OTPTO: its labels are OM1 solves; its decisions train and predict.
      const predict = ds.map((d) => (d as { predictSeconds?: number }).predictSeconds ?? 0);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      return `${name}: ${ds.length} decisions, training ${mean(train).toFixed(2)} s mean (max ${Math.max(...train).toFixed(2)} s), prediction ${mean(predict).toFixed(3)} s mean; labels: ${proven === ds.length ? 'all proven optimal' : `worst gap ${(worst * 100).toFixed(2)}%`}, ${cached} decisions with every label from cache`;
    }
    const s = proven === ds.length
      ? `all ${ds.length} proven optimal`
      : `${proven} of ${ds.length} proven optimal; the rest best known, gap ≤ ${(worst * 100).toFixed(2)}%`;
    return `${name}: OM1 ${s} (${cached} from cache)`;
  }).join('\n');
}
