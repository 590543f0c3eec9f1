/**
 * `safety-stock`: PM0 forecast plus z·σ of the recent forecast error, z from a
 * target service level; SKUs ranked by forecast and trimmed to K and C.
 * Trimming to C first lowers the safety factor for all stocked SKUs alike
 * (down to the bare forecast) and only then drops the lowest-ranked SKUs, so
 * that safety stock on the best sellers does not crowd out the assortment.
 * In pre-sale mode the mean is the known orders plus the expected remainder
 * and σ that of the remainder (strategies/presale.ts), unless
 * `useKnownOrders` is off.
 */
import { z } from 'zod';
import { roundUpToUnit } from '../sim/index.js';
import type { StrategyDefinition } from './contract.js';
import { categoryIndexCache } from './contract.js';
import { forecastFor } from './forecast-memo.js';
import { defaultForecastOptions } from './forecast.js';
import { normalQuantile } from './normal.js';
import { presaleDemand } from './presale.js';
import { fillRanked, rankBy } from './ranked-fill.js';

const params = z.strictObject({
  /** Target probability that a stocked SKU does not run out during the day. */
  serviceLevel: z.number().gt(0.5).lt(1).default(0.8),
  /** Days over which σ of the forecast error is measured. */
  sigmaWindowDays: z.number().int().min(7).default(28),
  /** Pre-sale mode: plan for the known orders plus the forecast's expected remainder (false: the forecast alone, as in instant delivery). */
  useKnownOrders: z.boolean().default(true),
});

/** Forecast + safety stock, ranked by forecast. */
export const safetyStock: StrategyDefinition<z.output<typeof params>> = {
  name: 'safety-stock',
  description: 'PM0 forecast + z·σ of its recent error (z from a service level), ranked by forecast, trimmed to K and C.',
  oracle: false,
  params,
  create(p, services) {
    const cats = categoryIndexCache();
    const zValue = normalQuantile(p.serviceLevel);
    return {
      name: 'safety-stock',
      oracle: false,
      decide(ctx) {
        const f = forecastFor(ctx, cats(ctx.skus), { ...defaultForecastOptions, residualWindowDays: p.sigmaWindowDays }, services.forecastMemo);
        const pre = p.useKnownOrders ? presaleDemand(ctx, f) : undefined;
        const mean = pre?.mean ?? f.mean;
        const sigma = pre?.std ?? f.residualStd;
        const { K, C, L } = ctx.constraints;
        const ranked = rankBy(mean).filter((i) => mean[i] > 0).slice(0, K);
        const qty = new Float64Array(mean.length);
        const withZ = (zz: number): number => {
          let total = 0;
          for (const i of ranked) {
            qty[i] = mean[i] + zz * sigma[i];
            total += roundUpToUnit(ctx.skus[i], Math.max(L, qty[i]));
          }
          return total;
        };
        if (withZ(zValue) > C) {
          let lo = 0, hi = zValue;
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
