/**
 * `saa` (sample average approximation): the plan that maximises the expected
 * number of whole orders over plausible days for tomorrow — recent observed
 * days at the site adjusted for tomorrow's promotions and forecast volume,
 * with pre-sale orders already known kept (scenarios.ts) — solved as one OM1
 * instance over all of them (solve.ts) under flow and trial counts, never a
 * time limit. Spare capacity left by the solve can be spread over the stocked
 * SKUs (the simulator serves a later line from what earlier orders left, so
 * extra units of a stocked SKU still save lines on busy days).
 */
import { z } from 'zod';
import { roundDownToUnit, type DecisionContext, type Planner, type Sku, type StockPlan } from '../../sim/index.js';
import type { StrategyDefinition } from '../contract.js';
import { categoryIndexCache, forecastInputOf } from '../contract.js';
import { forecastSales } from '../forecast.js';
import { presaleDemand } from '../presale.js';
import { sampleScenarios } from './scenarios.js';
import { sampleAveragePlan } from './solve.js';

/** Parameters of `saa`. */
export const saaParams = z.strictObject({
  /** Recent days replayed as scenarios for tomorrow. */
  scenarioDays: z.number().int().min(1).max(120).default(14),
  /** Days over which the promotion uplift is measured. */
  upliftWindowDays: z.number().int().min(7).default(56),
  /** Max-flow computations of the Lagrangian (a work limit, not a clock). */
  maxFlows: z.number().int().min(1).default(60),
  /** Refill trials of each local-search pass (a work limit). */
  localSearchTrials: z.number().int().min(0).default(400),
  /** Spread the capacity the solve leaves unused over the stocked SKUs, in proportion to their stock. */
  fillSpare: z.boolean().default(true),
  /** Pre-sale mode: keep tomorrow's known orders in every scenario (false: sample whole past days). */
  useKnownOrders: z.boolean().default(true),
  /** Seed of the scenario sampling streams. */
  seed: z.number().int().min(0).default(1),
});

/** Resolved parameters of `saa`. */
export type SaaParams = z.output<typeof saaParams>;

/** Spread `C − Σ plan` over stocked SKUs in proportion to their stock (whole units, never over C or K). */
export function fillSpareCapacity(plan: StockPlan, skus: readonly Sku[], C: number): void {
  let total = 0;
  for (const q of plan) total += q;
  const spare = C - total;
  if (spare <= 1e-9 || total <= 0) return;
  for (let i = 0; i < plan.length && total < C; i++) {
    if (plan[i] <= 0) continue;
    const add = roundDownToUnit(skus[i], Math.min(plan[i] * (spare / (C - spare)), C - total));
    plan[i] += add;
    total += add;
  }
}

/** Plan one decision with `saa`. */
export function saaPlan(ctx: DecisionContext, p: SaaParams, forecastMean: Float64Array, knownShare: number): StockPlan {
  const site = ctx.site.id;
  let forecastUnits = 0;
  for (const m of forecastMean) forecastUnits += Math.max(0, m);
  const promos = new Map<number, [number, number][]>();
  for (const pr of ctx.promotions) { const l = promos.get(pr.sku) ?? []; l.push([pr.firstDay, pr.lastDay]); promos.set(pr.sku, l); }
  const known = p.useKnownOrders ? ctx.knownOrders : undefined;
  const days = sampleScenarios({
    day: ctx.day, site, skuCount: ctx.skus.length, firstDay: ctx.history.firstDay,
    orders: (d) => ctx.history.orders(site, d), demand: (d) => ctx.history.demand(site, d),
    onPromo: (sku, d) => (promos.get(sku) ?? []).some(([a, b]) => a <= d && d <= b),
    forecastUnits, knownOrders: known, knownShare: known ? knownShare : 0,
  }, { scenarioDays: p.scenarioDays, upliftWindowDays: p.upliftWindowDays, seed: p.seed });
  const { plan } = sampleAveragePlan(days, ctx.constraints, ctx.skus.length, { maxFlows: p.maxFlows, localSearchTrials: p.localSearchTrials });
  if (p.fillSpare) fillSpareCapacity(plan, ctx.skus, ctx.constraints.C);
  return plan;
}

/** The `saa` strategy. */
export const saa: StrategyDefinition<SaaParams> = {
  name: 'saa',
  description: 'Sample average approximation: the plan with the most expected whole orders over recent days replayed as tomorrow (promotion, volume and pre-sale adjusted), solved as one OM1 under work limits.',
  oracle: false,
  params: saaParams,
  create(p): Planner {
    const cats = categoryIndexCache();
    return {
      name: 'saa',
      oracle: false,
      decide(ctx) {
        const f = forecastSales(forecastInputOf(ctx, cats(ctx.skus)));
        const pre = p.useKnownOrders ? presaleDemand(ctx, f) : undefined;
        return saaPlan(ctx, p, f.mean, pre?.knownShare ?? 0);
      },
    };
  },
};
