/**
 * `pto-greedy`, the paper's PTO baseline (its Algorithm 3): forecast each
 * SKU's sales with PM0, sort by forecast, and add SKUs greedily with
 * quantity max(L, forecast) while fewer than K types and less than C units
 * are planned. In pre-sale mode the forecast is the known orders plus the
 * expected remainder (strategies/presale.ts) unless `useKnownOrders` is off.
 */
import { z } from 'zod';
import type { StrategyDefinition } from './contract.js';
import { categoryIndexCache } from './contract.js';
import { forecastFor } from './forecast-memo.js';
import { defaultForecastOptions } from './forecast.js';
import { presaleDemand } from './presale.js';
import { fillRanked, rankBy } from './ranked-fill.js';

const params = z.strictObject({
  /** Days of history PM0 fits on. */
  fitWindowDays: z.number().int().min(7).default(defaultForecastOptions.fitWindowDays),
  /** Pre-sale mode: plan for the known orders plus the forecast's expected remainder (false: the forecast alone, as in instant delivery). */
  useKnownOrders: z.boolean().default(true),
});

/** The PTO greedy baseline. */
export const ptoGreedy: StrategyDefinition<z.output<typeof params>> = {
  name: 'pto-greedy',
  description: "The paper's PTO baseline: rank SKUs by PM0 forecast, stock max(L, forecast) greedily within K and C.",
  oracle: false,
  params,
  create(p, services) {
    const cats = categoryIndexCache();
    return {
      name: 'pto-greedy',
      oracle: false,
      decide(ctx) {
        const f = forecastFor(ctx, cats(ctx.skus), { ...defaultForecastOptions, fitWindowDays: p.fitWindowDays }, services.forecastMemo);
        const mean = (p.useKnownOrders ? presaleDemand(ctx, f)?.mean : undefined) ?? f.mean;
        // SKUs with no forecast demand are never worth a slot.
        const ranked = rankBy(mean).filter((i) => mean[i] > 0);
        return fillRanked(ranked, mean, ctx.skus, ctx.constraints);
      },
    };
  },
};
