/**
 * `mci`, popular-first stocking: the marginal choice indexing policy of Li,
 * Lin & Liu (M&SOM 2024, "Should only popular products be stocked?"), which
 * fills a warehouse's K product slots with the products most likely to be in
 * an order — the marginal choice probability, estimated here as the share of
 * the site's recent orders that contain the SKU (each order counts once,
 * whatever its quantity). Their policy chooses an assortment only; freshsim
 * also needs quantities under C and L, so each chosen SKU gets the PM0
 * forecast plus z·σ of its recent error (σ at least the Poisson √mean), z
 * from a service level and lowered for all alike until the plan fits C (as
 * `safety-stock` does). In pre-sale mode the known orders count in the
 * quantity (strategies/presale.ts). docs/STRATEGIES.md gives the reasoning.
 */
import { z } from 'zod';
import { roundUpToUnit, type DecisionContext } from '../sim/index.js';
import type { StrategyDefinition } from './contract.js';
import { categoryIndexCache, forecastInputOf } from './contract.js';
import { forecastSales } from './forecast.js';
import { normalQuantile } from './normal.js';
import { presaleDemand } from './presale.js';
import { fillRanked, rankBy } from './ranked-fill.js';

const params = z.strictObject({
  /** Days of orders over which each SKU's marginal choice probability is estimated. */
  windowDays: z.number().int().min(1).default(28),
  /** Target probability that a stocked SKU does not run out during the day. */
  serviceLevel: z.number().gt(0.5).lt(1).default(0.8),
  /** Pre-sale mode: size for the known orders plus the expected remainder. */
  useKnownOrders: z.boolean().default(true),
});

/** Share of the site's orders over the last `windowDays` days that contain each SKU. */
export function marginalChoiceIndex(ctx: Pick<DecisionContext, 'day' | 'site' | 'history' | 'skus'>, windowDays: number): Float64Array {
  const index = new Float64Array(ctx.skus.length);
  let orders = 0;
  for (let d = Math.max(ctx.history.firstDay, ctx.day - windowDays); d < ctx.day; d++) {
    for (const o of ctx.history.orders(ctx.site.id, d)) {
      orders++;
      const seen = new Set<number>();
      for (const l of o.lines) if (!seen.has(l.sku)) { seen.add(l.sku); index[l.sku]++; }
    }
  }
  if (orders > 0) for (let i = 0; i < index.length; i++) index[i] /= orders;
  return index;
}

/** The popular-first strategy. */
export const mci: StrategyDefinition<z.output<typeof params>> = {
  name: 'mci',
  description: 'Popular-first (Li, Lin & Liu 2024): the K SKUs in the largest share of recent orders, each at forecast + z·σ, z lowered to fit C.',
  oracle: false,
  params,
  create(p) {
    const cats = categoryIndexCache();
    const zTarget = normalQuantile(p.serviceLevel);
    return {
      name: 'mci',
      oracle: false,
      decide(ctx) {
        const f = forecastSales(forecastInputOf(ctx, cats(ctx.skus)));
        const pre = p.useKnownOrders ? presaleDemand(ctx, f) : undefined;
        const mean = pre?.mean ?? f.mean;
        const sd = pre?.std ?? f.residualStd;
        const { K, C, L } = ctx.constraints;
        const index = marginalChoiceIndex(ctx, p.windowDays);
        if (pre) for (let i = 0; i < index.length; i++) if (pre.known[i] > 0) index[i] = Math.max(index[i], 1 + pre.known[i]);
        const ranked = rankBy(index).filter((i) => index[i] > 0).slice(0, K);
        const qty = new Float64Array(mean.length);
        const withZ = (zz: number): number => {
          let total = 0;
          for (const i of ranked) {
            qty[i] = Math.max(0, mean[i] + zz * Math.max(sd[i], Math.sqrt(Math.max(0, mean[i]))));
            total += roundUpToUnit(ctx.skus[i], Math.max(L, qty[i]));
          }
          return total;
        };
        if (withZ(zTarget) > C) {
          let lo = -3, hi = zTarget;
          for (let it = 0; it < 40; it++) {
            const mid = (lo + hi) / 2;
            if (withZ(mid) > C) hi = mid; else lo = mid;
          }
          withZ(lo);
        }
        return fillRanked(ranked, qty, ctx.skus, ctx.constraints);
      },
    };
  },
};
