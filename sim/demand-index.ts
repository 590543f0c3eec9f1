/**
 * Daily demanded quantity per (site, day, SKU), computed once per world from
 * its exogenous orders and shared by every strategy of a comparison.
 */
import type { World } from './types.js';

/** Quantity demanded per SKU, per front site and day. */
export interface DemandIndex {
  readonly skuCount: number;
  /** Demanded quantity per SKU at `site` on `day` (all of its orders' lines). */
  qty(site: number, day: number): Float64Array;
  /** Number of orders at `site` on `day`. */
  orderCount(site: number, day: number): number;
  /**
   * Mean and standard deviation of daily demand per SKU over the sites in
   * `sites` and days [from, to).
   */
  stats(sites: readonly number[], from: number, to: number): { mean: Float64Array; std: Float64Array };
}

/** Running window sums of one site set: daily totals per SKU summed over days [lo, to). */
interface WindowSums {
  lo: number;
  to: number;
  readonly sum: Float64Array;
  readonly sq: Float64Array;
}

/**
 * Above this total quantity (all lines of the world) window sums of squares
 * might leave the integers a double holds exactly; incremental sums are then
 * not used.
 */
const EXACT_TOTAL_LIMIT = 2 ** 26;

/** Build the index of a world. */
export function indexDemand(world: World): DemandIndex {
  const skuCount = world.skus.length;
  const days = world.ordersByDay.length;
  const bySite = new Map<number, Float64Array[]>();
  const counts = new Map<number, Int32Array>();
  for (const site of world.sites) {
    if (site.level !== 'front') continue;
    bySite.set(site.id, Array.from({ length: days }, () => new Float64Array(skuCount)));
    counts.set(site.id, new Int32Array(days));
  }
  let integral = true;
  let totalQty = 0;
  for (let d = 0; d < days; d++) {
    for (const o of world.ordersByDay[d]) {
      const m = bySite.get(o.site);
      if (!m) throw new Error(`order ${o.id} on day ${d} is at site ${o.site}, which is not a front site`);
      counts.get(o.site)![d]++;
      const row = m[d];
      for (const l of o.lines) {
        row[l.sku] += l.qty;
        totalQty += Math.abs(l.qty);
        if (!Number.isInteger(l.qty)) integral = false;
      }
    }
  }
  const zero = new Float64Array(skuCount);
  // With whole quantities every sum below is an exact integer, so a window kept
  // by adding the entering day and removing the leaving one gives the same
  // numbers as re-summing it (the nightly policies slide a 28-day window by one day).
  const incremental = integral && totalQty <= EXACT_TOTAL_LIMIT;
  const windows = new Map<string, WindowSums>();
  // Daily totals of multi-site sets (one site's total is its own row), summed in
  // the order of `sites` as before, so re-summed windows keep their numbers.
  const totals = new Map<string, (Float64Array | null)[]>();
  const dayTotal = (sites: readonly number[], key: string, d: number): Float64Array | undefined => {
    if (sites.length === 1) return bySite.get(sites[0])?.[d];
    if (d < 0 || d >= days) return undefined;
    let cached = totals.get(key);
    if (!cached) totals.set(key, (cached = new Array<Float64Array | null>(days).fill(null)));
    let total = cached[d];
    if (!total) {
      total = new Float64Array(skuCount);
      for (const s of sites) {
        const row = bySite.get(s)?.[d];
        if (row) for (let i = 0; i < skuCount; i++) total[i] += row[i];
      }
      cached[d] = total;
    }
    return total;
  };
  const addDay = (sites: readonly number[], key: string, d: number, sign: number, w: WindowSums): void => {
    const total = dayTotal(sites, key, d);
    if (!total) return;
    for (let i = 0; i < skuCount; i++) {
      w.sum[i] += sign * total[i];
      w.sq[i] += sign * total[i] * total[i];
    }
  };
  return {
    skuCount,
    qty: (site, day) => bySite.get(site)?.[day] ?? zero,
    orderCount: (site, day) => counts.get(site)?.[day] ?? 0,
    stats(sites, from, to) {
      const lo = Math.max(0, from);
      const key = sites.join(',');
      let w: WindowSums | undefined;
      if (incremental && to > lo) {
        w = windows.get(key);
        if (!w || w.to <= lo || to <= w.lo || Math.abs(lo - w.lo) + Math.abs(to - w.to) > to - lo) {
          w = { lo, to: lo, sum: new Float64Array(skuCount), sq: new Float64Array(skuCount) };
          windows.set(key, w);
        }
        while (w.lo > lo) addDay(sites, key, --w.lo, 1, w);
        while (w.to < to) addDay(sites, key, w.to++, 1, w);
        while (w.lo < lo) addDay(sites, key, w.lo++, -1, w);
        while (w.to > to) addDay(sites, key, --w.to, -1, w);
      } else {
        w = { lo, to: lo, sum: new Float64Array(skuCount), sq: new Float64Array(skuCount) };
        while (w.to < to) addDay(sites, key, w.to++, 1, w);
      }
      return momentsOf(w.sum, w.sq, Math.max(1, to - lo));
    },
  };
}

/** Mean and standard deviation per SKU from window sums over `n` days. */
function momentsOf(sum: Float64Array, sq: Float64Array, n: number): { mean: Float64Array; std: Float64Array } {
  const mean = new Float64Array(sum.length);
  const std = new Float64Array(sum.length);
  for (let i = 0; i < sum.length; i++) {
    mean[i] = sum[i] / n;
    std[i] = Math.sqrt(Math.max(0, sq[i] / n - mean[i] * mean[i]));
  }
  return { mean, std };
}
