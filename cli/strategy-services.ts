/**
 * The services handed to each cell whose strategy needs them (see
 * StrategyServices): HiGHS loaded once per process (async, before the cell
 * runs), the on-disk OM1 cache and the wall clock. Nothing is set
 * process-wide: the runner, pool threads and queue workers pass the
 * services to each cell run, and diagnostics come back with its outcome.
 */
import type { CellStrategy } from '../experiment/index.js';
import { strategyDefinition, type DecisionDiagnostic, type StrategyDefinition, type StrategyServices } from '../strategies/index.js';
import { loadHighs } from './highs.js';
import { cacheDirOf, fileOm1Cache } from './om1-cache.js';
import { execDefinition } from './exec-strategy.js';
import { moduleDefinition } from './strategy-modules.js';

/** Options of {@link prepareStrategyServices}. */
export interface ServiceOptions {
  /** --cache-dir; FRESHSIM_CACHE_DIR or .cache/freshsim when absent. */
  readonly cacheDir?: string;
  /** No cache at all. */
  readonly noCache?: boolean;
}

/** Load HiGHS (once per process) and open the cache. */
export async function prepareStrategyServices(opts: ServiceOptions = {}): Promise<StrategyServices> {
  const highs = await loadHighs();
  return {
    highs,
    om1Cache: opts.noCache ? undefined : fileOm1Cache(cacheDirOf(opts.cacheDir)),
    clock: () => performance.now(),
  };
}

const prepared = new Map<string, Promise<StrategyServices>>();

/** The services a cell of strategy `name` is handed: the prepared ones if it requires HiGHS, else none. */
export async function servicesFor(name: string, opts: ServiceOptions = {}): Promise<StrategyServices> {
  if (!strategyDefinition(name).requires?.includes('highs')) return {};
  const key = JSON.stringify([opts.cacheDir ?? null, opts.noCache === true]);
  let services = prepared.get(key);
  if (!services) prepared.set(key, (services = prepareStrategyServices(opts)));
  return services;
}

/** What a cell of `strategy` is handed in this process: its services and, for a module, its loaded definition. */
export async function cellEnv(strategy: CellStrategy, opts: ServiceOptions = {}): Promise<{ services: StrategyServices; definition?: StrategyDefinition<any> }> {
  if (strategy.module) return { services: {}, definition: await moduleDefinition(strategy.module) };
  if (strategy.exec) return { services: {}, definition: execDefinition(strategy.exec.command, strategy.name) };
  return { services: await servicesFor(strategy.name, opts) };
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
