/**
 * Pre-sale knowledge for the forecast-based baselines (MODEL §3): on a
 * community point, part of tomorrow's pickup orders are known when the plan
 * is made. The day's demand of a SKU is then its known quantity plus the
 * forecast's expected remainder: the forecast scaled by the share of the
 * day's demand still to come. That share is read off today's orders at the
 * site as a whole (known units over forecast units, so one busy or quiet day
 * moves it for every SKU alike), and the forecast's error applies to the
 * remainder only (σ scaled by √(remaining share), as for a Poisson-like
 * count thinned to that share).
 */
import type { DecisionContext } from '../sim/index.js';
import type { Forecast } from './forecast.js';

/** A day's demand per SKU with what is already known of it. */
export interface PresaleDemand {
  /** Known quantity + expected remainder. */
  readonly mean: Float64Array;
  /** Standard deviation of the remainder's forecast error. */
  readonly std: Float64Array;
  /** Expected remainder alone (the uncertain part). */
  readonly remainder: Float64Array;
  /** Quantity already ordered. */
  readonly known: Float64Array;
  /** Share of the day's forecast demand already known, in [0, 1]. */
  readonly knownShare: number;
}

/** The day's demand given the known pre-sale orders, or undefined outside pre-sale mode. */
export function presaleDemand(ctx: Pick<DecisionContext, 'knownOrders'>, f: Forecast): PresaleDemand | undefined {
  if (!ctx.knownOrders) return undefined;
  const n = f.mean.length;
  const known = new Float64Array(n);
  for (const o of ctx.knownOrders) for (const l of o.lines) known[l.sku] += l.qty;
  let knownTotal = 0;
  let forecastTotal = 0;
  for (let i = 0; i < n; i++) {
    knownTotal += known[i];
    forecastTotal += f.mean[i];
  }
  const knownShare = forecastTotal > 0 ? Math.min(1, knownTotal / forecastTotal) : 1;
  const rest = 1 - knownShare;
  const mean = new Float64Array(n);
  const std = new Float64Array(n);
  const remainder = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    remainder[i] = rest * f.mean[i];
    mean[i] = known[i] + remainder[i];
    std[i] = Math.sqrt(rest) * f.residualStd[i];
  }
  return { mean, std, remainder, known, knownShare };
}
