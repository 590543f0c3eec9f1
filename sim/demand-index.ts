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
  for (let d = 0; d < days; d++) {
    for (const o of world.ordersByDay[d]) {
      const m = bySite.get(o.site);
      if (!m) throw new Error(`order ${o.id} on day ${d} is at site ${o.site}, which is not a front site`);
      counts.get(o.site)![d]++;
      const row = m[d];
      for (const l of o.lines) row[l.sku] += l.qty;
    }
  }
  const zero = new Float64Array(skuCount);
  return {
    skuCount,
    qty: (site, day) => bySite.get(site)?.[day] ?? zero,
    orderCount: (site, day) => counts.get(site)?.[day] ?? 0,
    stats(sites, from, to) {
      const mean = new Float64Array(skuCount);
      const sq = new Float64Array(skuCount);
      const lo = Math.max(0, from);
      const n = Math.max(1, to - lo);
      for (let d = lo; d < to; d++) {
        const total = new Float64Array(skuCount);
        for (const s of sites) {
          const row = bySite.get(s)?.[d];
          if (row) for (let i = 0; i < skuCount; i++) total[i] += row[i];
        }
        for (let i = 0; i < skuCount; i++) {
          mean[i] += total[i];
          sq[i] += total[i] * total[i];
        }
      }
      const std = new Float64Array(skuCount);
      for (let i = 0; i < skuCount; i++) {
        mean[i] /= n;
        std[i] = Math.sqrt(Math.max(0, sq[i] / n - mean[i] * mean[i]));
      }
      return { mean, std };
    },
  };
}
