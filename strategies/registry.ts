/**
 * The strategy registry: an explicit map from name to definition, and the
 * one place that turns (name, parameters) into a planner.
 */
import type { Planner } from '../sim/index.js';
import type { StrategyDefinition, StrategyServices } from './contract.js';
import { opt } from './opt.js';
import { otpto } from './otpto/index.js';
import { mci } from './mci.js';
import { newsvendor } from './newsvendor.js';
import { ptoGreedy } from './pto-greedy.js';
import { saa } from './saa/index.js';
import { safetyStock } from './safety-stock.js';

/** Every built-in strategy, by name. */
export const strategies: Readonly<Record<string, StrategyDefinition<any>>> = {
  [ptoGreedy.name]: ptoGreedy,
  [safetyStock.name]: safetyStock,
  [newsvendor.name]: newsvendor,
  [mci.name]: mci,
  [otpto.name]: otpto,
  [saa.name]: saa,
  [opt.name]: opt,
};

/** An unknown strategy name or invalid parameters. */
export class StrategyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrategyError';
  }
}

/** The definition called `name`, or a {@link StrategyError} listing the known ones. */
export function strategyDefinition(name: string): StrategyDefinition<any> {
  const def = Object.hasOwn(strategies, name) ? strategies[name] : undefined;
  if (!def) {
    throw new StrategyError(`unknown strategy '${name}'; expected one of: ${Object.keys(strategies).join(', ')}`);
  }
  return def;
}

/**
 * Validate `params` against the strategy's schema and create a planner with
 * `services` (passed per run: there are no process-wide ones). `strategy` is
 * a built-in's name or a definition (a strategy module's).
 */
export function createPlanner(strategy: string | StrategyDefinition<any>, params: Record<string, unknown> = {}, services: StrategyServices = {}): Planner {
  const def = typeof strategy === 'string' ? strategyDefinition(strategy) : strategy;
  const data = parseParams(def, params);
  if (def.requires?.includes('highs') && !services.highs) {
    throw new Error(`strategy '${def.name}' needs the HiGHS solver, but none was passed in its services (the CLI loads it for the cells that need it)`);
  }
  return def.create(data, services);
}

/** The parameters a strategy (built-in name or definition) will actually use (defaults filled in). */
export function resolvedParams(strategy: string | StrategyDefinition<any>, params: Record<string, unknown> = {}): Record<string, unknown> {
  return parseParams(typeof strategy === 'string' ? strategyDefinition(strategy) : strategy, params) as Record<string, unknown>;
}

/** `params` checked against the strategy's schema, defaults filled in; the error names each bad field and what it expected. */
function parseParams(def: StrategyDefinition<any>, params: Record<string, unknown>): unknown {
  const r = def.params.safeParse(params);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ');
    throw new StrategyError(`invalid parameters for strategy '${def.name}': ${problems}`);
  }
  return r.data;
}
