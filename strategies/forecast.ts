/**
 * PM0, the sales forecaster shared by the heuristic strategies (MODEL §7):
 * per SKU, simple exponential smoothing of sales with the weekday pattern
 * and promotion uplift of its category taken out, the smoothing constant
 * chosen per SKU by one-step-ahead error, and the forecast error's recent
 * mean and standard deviation exposed for safety stocks, newsvendor
 * quantiles and, later, as features.
 */
import type { ObservableHistory, Promotion } from '../sim/index.js';

/** What the forecaster reads. */
export interface ForecastInput {
  readonly history: ObservableHistory;
  readonly site: number;
  /** The day to forecast (the history ends just before it). */
  readonly day: number;
  /** Category index per SKU. */
  readonly categoryOf: Int32Array;
  readonly categoryCount: number;
  readonly weekdayOf: (day: number) => number;
  readonly promotions: readonly Promotion[];
}

/** Options of PM0. */
export interface ForecastOptions {
  /** Days of history used to fit (the rolling window). */
  readonly fitWindowDays: number;
  /** Smoothing constants tried per SKU. */
  readonly alphas: readonly number[];
  /** Days over which the residual statistics are taken. */
  readonly residualWindowDays: number;
}

/** Default PM0 options. */
export const defaultForecastOptions: ForecastOptions = {
  fitWindowDays: 90,
  alphas: [0.05, 0.1, 0.2, 0.35, 0.5],
  residualWindowDays: 28,
};

/** Forecast of one day's sales per SKU with its recent error statistics. */
export interface Forecast {
  readonly mean: Float64Array;
  /** Mean of one-step-ahead errors (actual − forecast) over the residual window. */
  readonly residualMean: Float64Array;
  /** Standard deviation of those errors. */
  readonly residualStd: Float64Array;
}

/** Is SKU on promotion, per day offset from `from`: a Set of `day * n + sku`. */
function promotionSet(promotions: readonly Promotion[], from: number, to: number, n: number): Set<number> {
  const set = new Set<number>();
  for (const p of promotions) {
    for (let d = Math.max(p.firstDay, from); d <= Math.min(p.lastDay, to); d++) set.add(d * n + p.sku);
  }
  return set;
}

/** Forecast `input.day`'s sales of every SKU at `input.site`. */
export function forecastSales(input: ForecastInput, opts: ForecastOptions = defaultForecastOptions): Forecast {
  const { history, site, day, categoryOf, categoryCount, weekdayOf } = input;
  const n = categoryOf.length;
  const from = Math.max(history.firstDay, day - opts.fitWindowDays);
  const days = day - from;
  const mean = new Float64Array(n);
  const residualMean = new Float64Array(n);
  const residualStd = new Float64Array(n);
  if (days <= 0) return { mean, residualMean, residualStd };
  const y: Float64Array[] = [];
  for (let d = from; d < day; d++) y.push(history.demand(site, d));
  const promo = promotionSet(input.promotions, from, day, n);

  // Weekday factors per category, from category totals.
  const weekday = Array.from({ length: categoryCount }, () => new Float64Array(7));
  const wdCount = new Float64Array(7);
  for (let t = 0; t < days; t++) {
    const w = weekdayOf(from + t);
    wdCount[w]++;
    for (let i = 0; i < n; i++) weekday[categoryOf[i]][w] += y[t][i];
  }
  for (const f of weekday) {
    let total = 0, seen = 0;
    for (let w = 0; w < 7; w++) if (wdCount[w] > 0) { f[w] /= wdCount[w]; total += f[w]; seen++; }
    const avg = total / Math.max(1, seen);
    for (let w = 0; w < 7; w++) f[w] = avg > 0 && wdCount[w] > 0 ? f[w] / avg : 1;
  }

  // Promotion uplift per category: promo-day sales over the SKU's non-promo baseline.
  const base = new Float64Array(n);
  const baseDays = new Float64Array(n);
  for (let t = 0; t < days; t++) {
    const w = weekdayOf(from + t);
    for (let i = 0; i < n; i++) {
      if (promo.has((from + t) * n + i)) continue;
      base[i] += y[t][i] / weekday[categoryOf[i]][w];
      baseDays[i]++;
    }
  }
  for (let i = 0; i < n; i++) base[i] = baseDays[i] > 0 ? base[i] / baseDays[i] : 0;
  const upNum = new Float64Array(categoryCount);
  const upDen = new Float64Array(categoryCount);
  for (let t = 0; t < days; t++) {
    const w = weekdayOf(from + t);
    for (let i = 0; i < n; i++) {
      if (!promo.has((from + t) * n + i)) continue;
      upNum[categoryOf[i]] += y[t][i] / weekday[categoryOf[i]][w];
      upDen[categoryOf[i]] += base[i];
    }
  }
  const uplift = Array.from(upNum, (num, c) => (upDen[c] > 0 && num > 0 ? num / upDen[c] : 1));

  const factor = (i: number, d: number): number =>
    weekday[categoryOf[i]][weekdayOf(d)] * (promo.has(d * n + i) ? uplift[categoryOf[i]] : 1);

  const warm = Math.min(7, days);
  const resFrom = Math.max(warm, days - opts.residualWindowDays);
  const x = new Float64Array(days);
  const f = new Float64Array(days);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < days; t++) { f[t] = factor(i, from + t); x[t] = y[t][i] / f[t]; }
    let init = 0;
    for (let t = 0; t < warm; t++) init += x[t];
    init /= warm;
    let bestAlpha = opts.alphas[0], bestErr = Infinity, bestLevel = init;
    for (const a of opts.alphas) {
      let level = init, err = 0;
      for (let t = warm; t < days; t++) {
        const e = y[t][i] - level * f[t];
        err += e * e;
        level += a * (x[t] - level);
      }
      if (err < bestErr - 1e-12) { bestErr = err; bestAlpha = a; bestLevel = level; }
    }
    // Residual statistics of the chosen smoothing constant.
    let level = init, sum = 0, sq = 0, cnt = 0;
    for (let t = warm; t < days; t++) {
      if (t >= resFrom) {
        const e = y[t][i] - level * f[t];
        sum += e; sq += e * e; cnt++;
      }
      level += bestAlpha * (x[t] - level);
    }
    mean[i] = Math.max(0, bestLevel * factor(i, day));
    if (cnt > 0) {
      residualMean[i] = sum / cnt;
      residualStd[i] = Math.sqrt(Math.max(0, sq / cnt - residualMean[i] * residualMean[i]));
    }
  }
  return { mean, residualMean, residualStd };
}
