/**
 * Labels of the prediction phase (MODEL §7, label strategy A2): OM1 on each
 * history day gives the historically optimal plan (y = stocked, x = stock),
 * optionally with the GMV tie-break; then y is smoothed across the day's SKUs
 * (K-means clusters adopt their majority above a threshold) and along time
 * (a SKU stocked on most of its active sales days is stocked on all of them,
 * one stocked on few on none).
 */
import { kmeans } from 'ml-kmeans';
import type { Order, PlanConstraints } from '../../sim/index.js';
import type { StrategyServices } from '../contract.js';
import { om1CacheKey, consistentResult } from '../om1/cache.js';
import { defaultOm1Options, type Om1Options, type Om1Result } from '../om1/result.js';
import { solveOm1 } from '../om1/solve.js';
import { solveOm1Cached } from '../opt.js';

/** How labels are solved. */
export interface LabelSolveOptions {
  readonly gmvTieBreak: boolean;
  /** Let HiGHS work on what the bounds leave open (within OM1's node limit). */
  readonly useMip: boolean;
  /** Per-day wall-clock safety net (only with `useMip`): past it the solve fails. */
  readonly timeLimitSeconds: number;
}

/** OM1 on one history day, through the OM1 cache. Without `useMip` the solve is work-bounded (no clock), hence deterministic. */
export function solveLabelDay(
  orders: readonly Order[], constraints: PlanConstraints, skuCount: number, o: LabelSolveOptions, services: StrategyServices,
): { result: Om1Result; cached: boolean } {
  const opts: Om1Options = { ...defaultOm1Options, gmvTieBreak: o.gmvTieBreak, timeLimitSeconds: o.timeLimitSeconds };
  if (o.useMip && services.highs) return solveOm1Cached(orders, constraints, skuCount, opts, services);
  const cache = services.om1Cache;
  const key = cache ? om1CacheKey(orders, constraints, skuCount, opts, 'bounds-and-search-only') : undefined;
  if (cache && key) {
    const hit = cache.get(key);
    if (hit && consistentResult(hit, orders, constraints, skuCount)) return { result: hit, cached: true };
  }
  // No clock: OM1's stages before HiGHS are then bounded by work counts only, so labels do not depend on machine load.
  const result = solveOm1(orders, constraints, skuCount, opts, {});
  if (cache && key) cache.set(key, result);
  return { result, cached: false };
}

/** Thresholds of the label smoothing. */
export interface SmoothingOptions {
  /** K-means clusters over one day's active SKUs. */
  readonly clusters: number;
  /** A cluster whose share of stocked SKUs is ≥ this stocks all its SKUs; ≤ 1 − this, none. */
  readonly crossThreshold: number;
  /** A SKU stocked on ≥ this share of its active sales days is labelled stocked on all of them; ≤ 1 − this, on none. */
  readonly timeThreshold: number;
  readonly seed: number;
}

/**
 * Cross-sectional smoothing of one day's labels `y` (0/1 per SKU). SKUs are
 * clustered by `points` (one row per SKU in `active`); only active SKUs change.
 */
export function smoothCrossSection(y: Uint8Array, active: readonly number[], points: number[][], o: SmoothingOptions): Uint8Array {
  const out = y.slice();
  const k = Math.min(o.clusters, active.length);
  if (k < 2) return out;
  const { clusters } = kmeans(points, k, { seed: o.seed, initialization: 'kmeans++', maxIterations: 50 });
  const stocked = new Float64Array(k), size = new Float64Array(k);
  active.forEach((i, r) => { size[clusters[r]]++; stocked[clusters[r]] += y[i]; });
  active.forEach((i, r) => {
    const share = stocked[clusters[r]] / size[clusters[r]];
    if (share >= o.crossThreshold) out[i] = 1;
    else if (share <= 1 - o.crossThreshold) out[i] = 0;
  });
  return out;
}

/**
 * Time-series smoothing over label days: `ys[t][i]` the labels, `demand[t][i]`
 * the day's sales. Changes only active days (sales > 0) of decided SKUs.
 */
export function smoothTimeSeries(ys: Uint8Array[], demand: readonly Float64Array[], threshold: number): Uint8Array[] {
  const out = ys.map((y) => y.slice());
  if (ys.length === 0) return out;
  const n = ys[0].length;
  for (let i = 0; i < n; i++) {
    let active = 0, stocked = 0;
    for (let t = 0; t < ys.length; t++) if (demand[t][i] > 0) { active++; stocked += ys[t][i]; }
    if (active === 0) continue;
    const share = stocked / active;
    const to = share >= threshold ? 1 : share <= 1 - threshold ? 0 : -1;
    if (to < 0) continue;
    for (let t = 0; t < ys.length; t++) if (demand[t][i] > 0) out[t][i] = to;
  }
  return out;
}
