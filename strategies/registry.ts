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

let processServices: StrategyServices = {};

/** Set the services planners get by default in this process (cli/ does, once, before running). */
export function provideStrategyServices(services: StrategyServices): void {
  processServices = services;
}

/** The services planners get by default in this process. */
export function providedStrategyServices(): StrategyServices {
  return processServices;
}

/** Validate `params` against the strategy's schema and create a planner with `services` (default: the process's). */
export function createPlanner(name: string, params: Record<string, unknown> = {}, services: StrategyServices = processServices): Planner {
  const def = strategyDefinition(name);
  const data = parseParams(name, params);
  if (def.requires?.includes('highs') && !services.highs) {
    throw new Error(`strategy '${name}' needs the HiGHS solver, but none was loaded in this process (the CLI loads it for run, sweep and om1)`);
  }
  return def.create(data, services);
}

/** The parameters a strategy will actually use (defaults filled in). */
export function resolvedParams(name: string, params: Record<string, unknown> = {}): Record<string, unknown> {
  return parseParams(name, params) as Record<string, unknown>;
}

/** `params` checked against the strategy's schema, defaults filled in; the error names each bad field and what it expected. */
function parseParams(name: string, params: Record<string, unknown>): unknown {
  const r = strategyDefinition(name).params.safeParse(params);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ');
    throw new StrategyError(`invalid parameters for strategy '${name}': ${problems}`);
  }
  return r.data;
}
