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

/** Promotion flags per (day offset from `from`, SKU) for days [from, to]: `flags[t * n + sku]`. */
function promotionFlags(promotions: readonly Promotion[], from: number, to: number, n: number): Uint8Array {
  const flags = new Uint8Array((to - from + 1) * n);
  for (const p of promotions) {
    for (let d = Math.max(p.firstDay, from); d <= Math.min(p.lastDay, to); d++) flags[(d - from) * n + p.sku] = 1;
  }
  return flags;
}

/**
 * Forecast `input.day`'s sales of every SKU at `input.site`. The weekday of
 * each day and the promotion flag of each (day, SKU) are computed once into
 * typed arrays, so the per-SKU loops index arrays only.
 */
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
  // Offsets 0..days (the last is the forecast day itself).
  const promo = promotionFlags(input.promotions, from, day, n);
  const wd = new Uint8Array(days + 1);
  for (let t = 0; t <= days; t++) wd[t] = weekdayOf(from + t);

  // Weekday factors per category, from category totals: weekday[c * 7 + w].
  const weekday = new Float64Array(categoryCount * 7);
  const wdCount = new Float64Array(7);
  for (let t = 0; t < days; t++) {
    const w = wd[t];
    wdCount[w]++;
    const row = y[t];
    for (let i = 0; i < n; i++) weekday[categoryOf[i] * 7 + w] += row[i];
  }
  for (let c = 0; c < categoryCount; c++) {
    let total = 0, seen = 0;
    for (let w = 0; w < 7; w++) if (wdCount[w] > 0) { weekday[c * 7 + w] /= wdCount[w]; total += weekday[c * 7 + w]; seen++; }
    const avg = total / Math.max(1, seen);
    for (let w = 0; w < 7; w++) weekday[c * 7 + w] = avg > 0 && wdCount[w] > 0 ? weekday[c * 7 + w] / avg : 1;
  }

  // Promotion uplift per category: promo-day sales over the SKU's non-promo baseline.
  const base = new Float64Array(n);
  const baseDays = new Float64Array(n);
  const upNum = new Float64Array(categoryCount);
  for (let t = 0; t < days; t++) {
    const w = wd[t];
    const row = y[t];
    for (let i = 0; i < n; i++) {
      if (promo[t * n + i]) continue;
      base[i] += row[i] / weekday[categoryOf[i] * 7 + w];
      baseDays[i]++;
    }
  }
  for (let i = 0; i < n; i++) base[i] = baseDays[i] > 0 ? base[i] / baseDays[i] : 0;
  const upDen = new Float64Array(categoryCount);
  for (let t = 0; t < days; t++) {
    const w = wd[t];
    const row = y[t];
    for (let i = 0; i < n; i++) {
      if (!promo[t * n + i]) continue;
      upNum[categoryOf[i]] += row[i] / weekday[categoryOf[i] * 7 + w];
      upDen[categoryOf[i]] += base[i];
    }
  }
  const uplift = Float64Array.from(upNum, (num, c) => (upDen[c] > 0 && num > 0 ? num / upDen[c] : 1));

  /** Seasonal factor of SKU `i` (category `c`) at day offset `t`. */
  const factor = (i: number, c: number, t: number): number => weekday[c * 7 + wd[t]] * (promo[t * n + i] ? uplift[c] : 1);

  const warm = Math.min(7, days);
  const resFrom = Math.max(warm, days - opts.residualWindowDays);
  const x = new Float64Array(days);
  const f = new Float64Array(days);
  for (let i = 0; i < n; i++) {
    const c = categoryOf[i];
    for (let t = 0; t < days; t++) { f[t] = factor(i, c, t); x[t] = y[t][i] / f[t]; }
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
    mean[i] = Math.max(0, bestLevel * factor(i, c, days));
    if (cnt > 0) {
      residualMean[i] = sum / cnt;
      residualStd[i] = Math.sqrt(Math.max(0, sq / cnt - residualMean[i] * residualMean[i]));
    }
  }
  return { mean, residualMean, residualStd };
}
