/**
 * `newsvendor`: per SKU the critical-fractile quantile of the forecast
 * distribution (normal, mean = PM0 forecast, σ = max(recent error σ,
 * √forecast)) from underage cost (lost margin + split-order cost) and
 * overage cost (handling and spoilage risk of leftovers). The capacity C is
 * priced with a Lagrange multiplier λ per unit (a multi-item newsvendor with
 * one capacity constraint), found by bisection; K by ranking SKUs on their
 * expected profit. In pre-sale mode the distribution is that of the known
 * orders plus the uncertain remainder (strategies/presale.ts), unless
 * `useKnownOrders` is off.
 */
import { z } from 'zod';
import { roundUpToUnit, type DecisionContext, type Sku, type StockPlan } from '../sim/index.js';
import type { StrategyDefinition } from './contract.js';
import { categoryIndexCache } from './contract.js';
import type { Forecast } from './forecast.js';
import { forecastFor } from './forecast-memo.js';
import { normalLoss, normalQuantile } from './normal.js';
import { presaleDemand, type PresaleDemand } from './presale.js';
import { rankBy } from './ranked-fill.js';

const params = z.strictObject({
  /** Cost of a line that must come later from the parent (extra delivery), per line. */
  splitCostPerLine: z.number().nonnegative().default(6),
  /** Share of a leftover unit's cost lost (handling, markdown, spoilage risk). */
  overageCostShare: z.number().gt(0).max(1).default(0.35),
  /** Pre-sale mode: plan for the known orders plus the forecast's expected remainder (false: the forecast alone, as in instant delivery). */
  useKnownOrders: z.boolean().default(true),
});

type Params = z.output<typeof params>;

/** Optimal newsvendor quantity under multiplier λ, or 0 if no fractile remains. */
function quantity(mu: number, sigma: number, cu: number, co: number, lambda: number): number {
  const ratio = (cu - lambda) / (cu + co);
  if (ratio <= 0) return 0;
  if (ratio >= 1) return mu + 6 * sigma;
  return Math.max(0, mu + sigma * normalQuantile(ratio));
}

/** Expected profit of stocking q: cu·E[min(D, q)] − co·E[(q − D)+]. */
function expectedProfit(mu: number, sigma: number, cu: number, co: number, q: number): number {
  if (sigma <= 0) return cu * Math.min(mu, q) - co * Math.max(0, q - mu);
  const shortfall = sigma * normalLoss((q - mu) / sigma);
  const sold = mu - shortfall;
  return cu * sold - co * (q - sold);
}

/**
 * Plan a day with the multi-item newsvendor. `mu` and `sd` describe the
 * uncertain demand; `known` (pre-sale orders already placed, default none)
 * is certain and stocked on top of the uncertain part's quantile. σ of a SKU
 * is at least the Poisson √ of its uncertain mean.
 */
export function newsvendorPlan(skus: readonly Sku[], mu: Float64Array, sd: Float64Array, c: { K: number; C: number; L: number }, p: Params, known?: Float64Array): StockPlan {
  const n = skus.length;
  const cu = new Float64Array(n);
  const co = new Float64Array(n);
  const sigma = new Float64Array(n);
  const profit = new Float64Array(n);
  const k0 = (i: number): number => (known ? known[i] : 0);
  for (let i = 0; i < n; i++) {
    const s = skus[i];
    const lineQty = s.unit === 'kg' ? 0.5 : 1.5;
    cu[i] = s.price - s.cost + p.splitCostPerLine / lineQty;
    co[i] = s.cost * p.overageCostShare;
    sigma[i] = Math.max(sd[i], Math.sqrt(Math.max(mu[i], 0)));
    const q = Math.max(c.L, k0(i) + quantity(mu[i], sigma[i], cu[i], co[i], 0));
    // Known units sell for certain; the uncertain part adds its newsvendor profit where that is
    // positive (the normal model can make it negative for slow sellers, which must not cost the
    // known units their place).
    profit[i] = mu[i] + k0(i) > 0 ? cu[i] * k0(i) + Math.max(0, expectedProfit(mu[i], sigma[i], cu[i], co[i], q - k0(i))) : -Infinity;
  }
  const chosen = rankBy(profit).filter((i) => profit[i] > 0).slice(0, c.K);
  const sizes = (lambda: number, count: number): Float64Array => {
    const out = new Float64Array(n);
    for (let k = 0; k < count; k++) {
      const i = chosen[k];
      out[i] = roundUpToUnit(skus[i], Math.max(c.L, k0(i) + quantity(mu[i], sigma[i], cu[i], co[i], lambda)));
    }
    return out;
  };
  const total = (q: Float64Array): number => q.reduce((a, b) => a + b, 0);
  // The floors (L, and the known orders) alone must fit: drop the weakest until they do.
  let count = chosen.length;
  while (count > 0 && total(sizes(Infinity, count)) > c.C) count--;
  let plan = sizes(0, count);
  if (total(plan) <= c.C) return plan;
  let lo = 0;
  let hi = Math.max(...chosen.slice(0, count).map((i) => cu[i]));
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (total(sizes(mid, count)) > c.C) lo = mid; else hi = mid;
  }
  plan = sizes(hi, count);
  return plan;
}

/**
 * Resize the SKUs another strategy chose (`plan` > 0) with the capacity-priced
 * newsvendor at its default costs; SKUs outside that set stay out. (`saa` and
 * `otpto` use it as a sizing option.)
 */
export function newsvendorOver(plan: StockPlan, ctx: Pick<DecisionContext, 'skus' | 'constraints'>, f: Forecast, pre: PresaleDemand | undefined): StockPlan {
  const mu = Float64Array.from(pre?.remainder ?? f.mean, (m, i) => (plan[i] > 0 ? m : 0));
  const known = pre ? Float64Array.from(pre.known, (k, i) => (plan[i] > 0 ? k : 0)) : undefined;
  return newsvendorPlan(ctx.skus, mu, pre?.std ?? f.residualStd, ctx.constraints, params.parse({}), known);
}

/** The capacity-priced multi-item newsvendor. */
export const newsvendor: StrategyDefinition<Params> = {
  name: 'newsvendor',
  description: 'Critical-fractile quantity per SKU (underage: margin + split cost; overage: leftover cost), C priced by a Lagrange multiplier, K by expected profit.',
  oracle: false,
  params,
  create(p, services) {
    const cats = categoryIndexCache();
    return {
      name: 'newsvendor',
      oracle: false,
      decide(ctx) {
        const f = forecastFor(ctx, cats(ctx.skus), undefined, services.forecastMemo);
        const pre = p.useKnownOrders ? presaleDemand(ctx, f) : undefined;
        if (pre) return newsvendorPlan(ctx.skus, pre.remainder, pre.std, ctx.constraints, p, pre.known);
        return newsvendorPlan(ctx.skus, f.mean, f.residualStd, ctx.constraints, p);
      },
    };
  },
};
