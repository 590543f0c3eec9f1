/**
 * PM1/PM2 features of (every SKU, day t) from days before t only (MODEL §7):
 * base (category, price, weekday, promotion), A3 decision-making (history of
 * optimal stock, stocked days, orders and GMV fulfilled), A4 sales prediction
 * (PM0 forecast, residual mean and std), A5 clustering (K-means cluster of
 * SKUs by share of stocked days and mean optimal stock), A6 SKU-order cross
 * features (orders containing the SKU: count, basket size, quantity, value).
 * Missing history is NaN (the learner's missing bin).
 */
import { kmeans } from 'ml-kmeans';
import type { DayData, DayLabel } from './day-data.js';

/** The feature groups an ablation can remove. */
export type FeatureGroup = 'A3' | 'A4' | 'A5' | 'A6';

const BASE = ['category', 'price', 'weekday', 'promo', 'priceFactor'] as const;
const GROUPS: Record<FeatureGroup, readonly string[]> = {
  A3: ['stockedShare28', 'meanStock28', 'meanStock7', 'lastStock', 'labelDays28', 'fulfilledOrders7', 'fulfilledGmv7'],
  A4: ['pm0Forecast', 'pm0ResidualMean', 'pm0ResidualStd'],
  A5: ['cluster', 'clusterStockedShare', 'clusterMeanStock'],
  A6: ['ordersWith7', 'meanBasketLines7', 'meanQtyPerLine7', 'meanOrderGmv7'],
};

/** Column names for the groups kept, in order. */
export function featureNames(groups: ReadonlySet<FeatureGroup>): string[] {
  return [...BASE, ...(['A3', 'A4', 'A5', 'A6'] as const).flatMap((g) => (groups.has(g) ? GROUPS[g] : []))];
}

/** What the feature builder reads about days before t. */
export interface FeatureSource {
  readonly skuCount: number;
  readonly categoryOf: Int32Array;
  readonly price: Float64Array;
  readonly weekdayOf: (day: number) => number;
  readonly promoFactor: (sku: number, day: number) => number;
  /** A past day's aggregates (only days before the one being featurised are asked for). */
  dayData(day: number): DayData;
  /** A past day's OM1 label, if that day was labelled. */
  label(day: number): DayLabel | undefined;
  /** PM0's forecast and residual statistics for the day. */
  pm0(day: number): { forecast: Float64Array; residualMean: Float64Array; residualStd: Float64Array };
  readonly firstDay: number;
  readonly clusters: number;
  readonly seed: number;
}

/** Feature rows of every SKU on `day` (row-major, `featureNames(groups).length` columns). */
export function featureRows(day: number, groups: ReadonlySet<FeatureGroup>, src: FeatureSource): Float64Array {
  const n = src.skuCount;
  const F = featureNames(groups).length;
  const out = new Float64Array(n * F);
  const wd = src.weekdayOf(day);
  const labels: DayLabel[] = [];
  for (let k = 1; k <= 28 && day - k >= src.firstDay; k++) { const l = src.label(day - k); if (l) labels.push(l); }
  const stockShare = new Float64Array(n).fill(NaN), meanStock = new Float64Array(n).fill(NaN);
  if (labels.length > 0) {
    for (let i = 0; i < n; i++) {
      let s = 0, x = 0;
      for (const l of labels) { s += l.x[i] > 0 ? 1 : 0; x += l.x[i]; }
      stockShare[i] = s / labels.length;
      meanStock[i] = x / labels.length;
    }
  }
  const cl = groups.has('A5') ? clusterSkus(stockShare, meanStock, src.clusters, src.seed + day) : undefined;
  const pm0 = groups.has('A4') ? src.pm0(day) : undefined;
  const recent: DayData[] = [];
  for (let k = 1; k <= 7 && day - k >= src.firstDay; k++) recent.push(src.dayData(day - k));
  for (let i = 0; i < n; i++) {
    let c = i * F;
    const pf = src.promoFactor(i, day);
    out[c++] = src.categoryOf[i]; out[c++] = src.price[i]; out[c++] = wd; out[c++] = pf < 1 ? 1 : 0; out[c++] = pf;
    if (groups.has('A3')) {
      const l7 = labels.slice(0, 7);
      out[c++] = stockShare[i];
      out[c++] = meanStock[i];
      out[c++] = l7.length ? l7.reduce((a, l) => a + l.x[i], 0) / l7.length : NaN;
      const last = src.label(day - 1);
      out[c++] = last ? last.x[i] : NaN;
      out[c++] = labels.length;
      out[c++] = l7.length ? l7.reduce((a, l) => a + l.fulfilledWith[i], 0) / l7.length : NaN;
      out[c++] = l7.length ? l7.reduce((a, l) => a + l.fulfilledGmv[i], 0) / l7.length : NaN;
    }
    if (pm0) { out[c++] = pm0.forecast[i]; out[c++] = pm0.residualMean[i]; out[c++] = pm0.residualStd[i]; }
    if (cl) { out[c++] = cl.cluster[i]; out[c++] = cl.share[i]; out[c++] = cl.stock[i]; }
    if (groups.has('A6')) {
      let orders = 0, basket = 0, qty = 0, lines = 0, gmv = 0;
      for (const d of recent) { orders += d.ordersWith[i]; basket += d.basketLines[i]; qty += d.demand[i]; lines += d.lines[i]; gmv += d.orderGmv[i]; }
      out[c++] = recent.length ? orders / recent.length : NaN;
      out[c++] = orders > 0 ? basket / orders : NaN;
      out[c++] = lines > 0 ? qty / lines : NaN;
      out[c++] = orders > 0 ? gmv / orders : NaN;
    }
  }
  return out;
}

/**
 * K-means (seeded) of SKUs with label history on (share of stocked days,
 * log(1 + mean optimal stock)); clusters numbered by their centroid's mean
 * stock so the number itself orders them. SKUs without history: NaN.
 */
export function clusterSkus(share: Float64Array, stock: Float64Array, k: number, seed: number): { cluster: Float64Array; share: Float64Array; stock: Float64Array } {
  const n = share.length;
  const cluster = new Float64Array(n).fill(NaN), cShare = new Float64Array(n).fill(NaN), cStock = new Float64Array(n).fill(NaN);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(share[i])) idx.push(i);
  const distinct = new Set(idx.map((i) => `${share[i]},${stock[i]}`)).size;
  const kk = Math.min(k, distinct);
  if (kk < 2) return { cluster, share: cShare, stock: cStock };
  const points = idx.map((i) => [share[i], Math.log1p(stock[i])]);
  const r = kmeans(points, kk, { seed, initialization: 'kmeans++', maxIterations: 100 });
  const order = r.centroids.map((c, j) => ({ j, key: c[1] * 1e3 + c[0] })).sort((a, b) => a.key - b.key || a.j - b.j);
  const rank = new Array<number>(kk);
  order.forEach((o, pos) => { rank[o.j] = pos; });
  const sums = Array.from({ length: kk }, () => ({ n: 0, share: 0, stock: 0 }));
  idx.forEach((i, p) => { const s = sums[r.clusters[p]]; s.n++; s.share += share[i]; s.stock += stock[i]; });
  idx.forEach((i, p) => {
    const j = r.clusters[p];
    cluster[i] = rank[j]; cShare[i] = sums[j].share / sums[j].n; cStock[i] = sums[j].stock / sums[j].n;
  });
  return { cluster, share: cShare, stock: cStock };
}
