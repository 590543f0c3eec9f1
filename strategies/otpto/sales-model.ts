/**
 * PM0 upgraded (MODEL §7): a gradient-boosted regression of a SKU's daily
 * sales on lags, rolling means, weekday, promotion, price and category.
 * Out-of-fold forecasts (two folds of alternating weeks) give honest
 * residuals; their recent mean and standard deviation per SKU are features of
 * PM1/PM2 together with the forecast. The baselines keep strategies/forecast.ts.
 */
import { createStreams, type Promotion, type Sku } from '../../sim/index.js';
import { gbdtParams, predict, trainGbdt, type FeatureMatrix, type GbdtModel } from '../gbdt/index.js';

/** Reads one past day's sales per SKU. */
export type DemandOf = (day: number) => Float64Array;

/** The catalogue and calendar PM0 needs. */
export interface SalesCalendar {
  readonly skus: readonly Sku[];
  readonly categoryOf: Int32Array;
  readonly weekdayOf: (day: number) => number;
  /** Price factor of SKU on day (1 without promotion). */
  readonly promoFactor: (sku: number, day: number) => number;
}

/** PM0's own gradient-boosting parameters (smaller than Table 4's: it is refitted three times per training). */
export const pm0Params = gbdtParams({
  objective: 'regression', numTrees: 120, learningRate: 0.1, numLeaves: 31, maxDepth: 6, minChildSamples: 20,
  lambdaL2: 0.1, subsample: 0.8, colsample: 0.8,
});

/** Names of PM0's features, in column order. */
export const pm0FeatureNames = [
  'lag1', 'lag2', 'lag7', 'lag14', 'mean3', 'mean7', 'mean14', 'mean28', 'zeroShare28',
  'weekday', 'promo', 'priceFactor', 'price', 'category',
] as const;
const F = pm0FeatureNames.length;

/** Write PM0's features of (every SKU, `day`) into `out` from row `row0`; days before `firstDay` are missing. */
export function pm0Features(day: number, firstDay: number, demandOf: DemandOf, cal: SalesCalendar, out: Float64Array, row0: number): void {
  const n = cal.skus.length;
  const past = (k: number): Float64Array | undefined => (day - k >= firstDay ? demandOf(day - k) : undefined);
  const lags = [1, 2, 7, 14].map(past);
  const window: Float64Array[] = [];
  for (let k = 1; k <= 28; k++) { const d = past(k); if (d) window.push(d); }
  const wd = cal.weekdayOf(day);
  for (let i = 0; i < n; i++) {
    const o = (row0 + i) * F;
    for (let l = 0; l < 4; l++) out[o + l] = lags[l] ? lags[l]![i] : NaN;
    let s = 0, zeros = 0;
    const means = [3, 7, 14, 28];
    let m = 0;
    for (let k = 0; k < window.length; k++) {
      s += window[k][i];
      if (window[k][i] === 0) zeros++;
      while (m < 4 && k + 1 === means[m]) { out[o + 4 + m] = s / (k + 1); m++; }
    }
    for (; m < 4; m++) out[o + 4 + m] = window.length ? s / window.length : NaN;
    out[o + 8] = window.length ? zeros / window.length : NaN;
    const pf = cal.promoFactor(i, day);
    out[o + 9] = wd;
    out[o + 10] = pf < 1 ? 1 : 0;
    out[o + 11] = pf;
    out[o + 12] = cal.skus[i].price;
    out[o + 13] = cal.categoryOf[i];
  }
}

/** A fitted PM0: forecasts and residual statistics per SKU for any day after its window. */
export interface SalesModel {
  /** Forecast, residual mean and residual std of (every SKU, `day`); `day` at or after the window's first day. */
  featuresOf(day: number): { forecast: Float64Array; residualMean: Float64Array; residualStd: Float64Array };
}

function matrixOfDays(days: readonly number[], firstDay: number, demandOf: DemandOf, cal: SalesCalendar): FeatureMatrix {
  const n = cal.skus.length;
  const values = new Float64Array(days.length * n * F);
  days.forEach((d, k) => pm0Features(d, firstDay, demandOf, cal, values, k * n));
  return { numRows: days.length * n, numFeatures: F, values };
}

function targetsOfDays(days: readonly number[], demandOf: DemandOf, n: number): Float64Array {
  const y = new Float64Array(days.length * n);
  days.forEach((d, k) => y.set(demandOf(d), k * n));
  return y;
}

/**
 * Fit PM0 on days [from, to) of the history: two fold models (alternating
 * weeks) for out-of-fold residuals, and one on all days for new forecasts.
 */
export function fitSalesModel(
  from: number, to: number, firstDay: number, demandOf: DemandOf, cal: SalesCalendar, opts: { residualWindowDays: number; seed: number; trees?: number },
): SalesModel {
  const n = cal.skus.length;
  const params = { ...pm0Params, numTrees: opts.trees ?? pm0Params.numTrees };
  const days = Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
  const fold = (d: number): number => Math.floor(d / 7) % 2;
  const resid = new Map<number, Float64Array>();
  const foldModels: GbdtModel[] = [];
  for (const f of [0, 1]) {
    const trainDays = days.filter((d) => fold(d) !== f);
    const testDays = days.filter((d) => fold(d) === f);
    if (trainDays.length === 0 || testDays.length === 0) continue;
    const { model } = trainGbdt({
      x: matrixOfDays(trainDays, firstDay, demandOf, cal), y: targetsOfDays(trainDays, demandOf, n),
      params, rng: createStreams(opts.seed, to).stream(`otpto/pm0/fold-${f}`),
    });
    foldModels.push(model);
    const pred = predict(model, matrixOfDays(testDays, firstDay, demandOf, cal));
    testDays.forEach((d, k) => {
      const actual = demandOf(d);
      const r = new Float64Array(n);
      for (let i = 0; i < n; i++) r[i] = actual[i] - pred[k * n + i];
      resid.set(d, r);
    });
  }
  const full = days.length > 0 ? trainGbdt({
    x: matrixOfDays(days, firstDay, demandOf, cal), y: targetsOfDays(days, demandOf, n),
    params, rng: createStreams(opts.seed, to).stream('otpto/pm0/all'),
  }).model : undefined;
  const cache = new Map<number, ReturnType<SalesModel['featuresOf']>>();
  return {
    featuresOf(day) {
      const hit = cache.get(day);
      if (hit) return hit;
      // A window day is forecast out of fold; a later day by the model fitted on all.
      const model = day < to && foldModels.length === 2 ? foldModels[1 - fold(day)] : full;
      const forecast = new Float64Array(n);
      if (model) {
        const p = predict(model, matrixOfDays([day], firstDay, demandOf, cal));
        for (let i = 0; i < n; i++) forecast[i] = Math.max(0, p[i]);
      }
      const residualMean = new Float64Array(n).fill(NaN), residualStd = new Float64Array(n).fill(NaN);
      const rs: Float64Array[] = [];
      for (let d = Math.max(from, day - opts.residualWindowDays); d < Math.min(day, to); d++) { const r = resid.get(d); if (r) rs.push(r); }
      if (rs.length > 0) {
        for (let i = 0; i < n; i++) {
          let s = 0, q = 0;
          for (const r of rs) { s += r[i]; q += r[i] * r[i]; }
          residualMean[i] = s / rs.length;
          residualStd[i] = Math.sqrt(Math.max(0, q / rs.length - residualMean[i] ** 2));
        }
      }
      const v = { forecast, residualMean, residualStd };
      cache.set(day, v);
      return v;
    },
  };
}

/** Price factor per (sku, day) from the promotion calendar (the lowest when promotions overlap). */
export function promoFactorOf(promotions: readonly Promotion[]): (sku: number, day: number) => number {
  const bySku = new Map<number, Promotion[]>();
  for (const p of promotions) { const l = bySku.get(p.sku) ?? []; l.push(p); bySku.set(p.sku, l); }
  return (sku, day) => {
    let f = 1;
    for (const p of bySku.get(sku) ?? []) if (p.firstDay <= day && day <= p.lastDay) f = Math.min(f, p.priceFactor);
    return f;
  };
}
