/**
 * `opt`, the oracle (MODEL §5, §7): OM1 solved on the day's realised orders
 * at the site. Reported as an upper bound, never as a competitor; its plan is
 * judged by the simulator like any other. Solves stop on work limits, so the
 * plan does not depend on machine load. When optimality is not proven the
 * plan is the best known, and each decision's status and gap go to
 * `services.onDecision` (and to the planner's `decisions`).
 */
import { z } from 'zod';
import type { Order, PlanConstraints } from '../sim/index.js';
import type { DecisionDiagnostic, StrategyDefinition, StrategyServices } from './contract.js';
import { consistentResult, om1CacheKey } from './om1/cache.js';
import { defaultOm1Options, type Om1Options, type Om1Result } from './om1/result.js';
import { solveOm1 } from './om1/solve.js';

const params = z.strictObject({
  /** Wall-clock safety net: past it the cell fails (a clock never decides the plan). */
  timeLimitSeconds: z.number().positive().default(defaultOm1Options.timeLimitSeconds),
  /** The MIP stage's work limit (HiGHS nodes): where an unproven solve stops, on any machine. */
  mipMaxNodes: z.number().int().positive().default(defaultOm1Options.mipMaxNodes),
  relativeGap: z.number().min(0).max(1).default(defaultOm1Options.relativeGap),
  gmvTieBreak: z.boolean().default(false),
});

/** Solve OM1, or take a trusted cached result (a bad entry is ignored and replaced). */
export function solveOm1Cached(
  orders: readonly Order[], constraints: PlanConstraints, skuCount: number, options: Partial<Om1Options>, services: StrategyServices,
): { result: Om1Result; cached: boolean } {
  const opts = { ...defaultOm1Options, ...options };
  const cache = services.om1Cache;
  const key = cache && services.highs ? om1CacheKey(orders, constraints, skuCount, opts, `${services.highs.version.string}/${services.highs.version.gitHash}`) : undefined;
  if (cache && key) {
    const hit = cache.get(key);
    if (hit && consistentResult(hit, orders, constraints, skuCount)) return { result: hit, cached: true };
  }
  const result = solveOm1(orders, constraints, skuCount, opts, { highs: services.highs, clock: services.clock });
  if (cache && key) cache.set(key, result);
  return { result, cached: false };
}

/** A planner of `opt`, with the diagnostics of the decisions it made. */
export interface OptPlanner {
  readonly name: 'opt';
  readonly oracle: true;
  readonly decisions: DecisionDiagnostic[];
  decide: import('../sim/index.js').Planner['decide'];
}

/** The OM1 oracle. */
export const opt: StrategyDefinition<z.output<typeof params>> = {
  name: 'opt',
  description: 'Oracle: OM1 on the day\'s realised orders (HiGHS); an upper bound, best known with its gap where not proven optimal.',
  oracle: true,
  params,
  requires: ['highs'],
  create(p, services): OptPlanner {
    const decisions: DecisionDiagnostic[] = [];
    return {
      name: 'opt',
      oracle: true,
      decisions,
      decide(ctx) {
        if (!ctx.realisedOrders) throw new Error(`strategy 'opt' is an oracle but got no realised orders for day ${ctx.date} at site '${ctx.site.name}'`);
        const { result, cached } = solveOm1Cached(ctx.realisedOrders, ctx.constraints, ctx.skus.length, p, services);
        const d: DecisionDiagnostic = {
          strategy: 'opt', day: ctx.day, date: ctx.date, site: ctx.site.name,
          status: result.status, objective: result.fulfilledOrders, bound: result.bound, gap: result.gap,
          seconds: result.seconds, cached,
        };
        decisions.push(d);
        services.onDecision?.(d);
        return Float64Array.from(result.plan);
      },
    };
  },
};
