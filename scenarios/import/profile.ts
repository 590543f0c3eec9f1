/**
 * The profile of an imported log: days and gaps, orders per day, lines per
 * order, SKUs and how concentrated their popularity is.
 */
import type { ImportedSku } from './catalogue.js';
import type { ImportedOrder } from './orders.js';

/** What one day contributed. */
export interface DaySummary {
  readonly date: string;
  readonly orders: number;
  readonly lines: number;
  readonly units: number;
}

/** Accumulates per-day figures and the basket-size histogram. */
export function profileBuilder() {
  const days: DaySummary[] = [];
  const sizes = new Map<number, number>();
  const sites = new Map<string, number>();
  return {
    addDay(date: string, orders: readonly ImportedOrder[]): DaySummary {
      let lines = 0, units = 0;
      for (const o of orders) {
        lines += o.lines.length;
        for (const l of o.lines) units += l.qty;
        sizes.set(o.lines.length, (sizes.get(o.lines.length) ?? 0) + 1);
        sites.set(o.site, (sites.get(o.site) ?? 0) + 1);
      }
      const d = { date, orders: orders.length, lines, units: Math.round(units * 1000) / 1000 };
      days.push(d);
      return d;
    },
    build(skus: readonly ImportedSku[]): Profile {
      return buildProfile(days, sizes, sites, skus);
    },
  };
}

/** The profile as written to profile.json. */
export interface Profile {
  readonly days: { count: number; first: string; last: string; calendarDays: number };
  /** Calendar days between the first and last day without any order (skipped in replay, never faked). */
  readonly gaps: { days: number; ranges: { from: string; to: string; days: number }[] };
  readonly ordersPerDay: { mean: number; min: number; median: number; max: number };
  readonly linesPerOrder: { mean: number; median: number; max: number };
  readonly unitsPerDay: { mean: number };
  readonly skus: { count: number; categories: Record<string, number> };
  /** Popularity concentration over order lines: shares of the top SKUs and the Gini coefficient. */
  readonly popularity: { top1PercentShare: number; top10PercentShare: number; top20PercentShare: number; gini: number; top: { code: string; lines: number }[] };
  readonly sites: Record<string, number>;
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const dayMs = 86_400_000;
const isoPlus = (iso: string, n: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);

/** Largest gap ranges listed in the profile. */
export const maxGapRanges = 100;

function buildProfile(days: readonly DaySummary[], sizes: Map<number, number>, sites: Map<string, number>, skus: readonly ImportedSku[]): Profile {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : 1));
  const first = sorted[0]?.date ?? '';
  const last = sorted[sorted.length - 1]?.date ?? '';
  const calendarDays = sorted.length ? Math.round((Date.parse(last) - Date.parse(first)) / dayMs) + 1 : 0;
  const ranges: { from: string; to: string; days: number }[] = [];
  let gapDays = 0;
  for (let k = 1; k < sorted.length; k++) {
    const n = Math.round((Date.parse(sorted[k].date) - Date.parse(sorted[k - 1].date)) / dayMs) - 1;
    if (n > 0) {
      gapDays += n;
      if (ranges.length < maxGapRanges) ranges.push({ from: isoPlus(sorted[k - 1].date, 1), to: isoPlus(sorted[k].date, -1), days: n });
    }
  }
  const perDay = sorted.map((d) => d.orders).sort((a, b) => a - b);
  const totalOrders = perDay.reduce((a, b) => a + b, 0);
  const totalLines = sorted.reduce((a, d) => a + d.lines, 0);
  const sizeKeys = [...sizes.keys()].sort((a, b) => a - b);
  let acc = 0, medianSize = 0;
  for (const s of sizeKeys) { acc += sizes.get(s)!; if (acc * 2 >= totalOrders) { medianSize = s; break; } }
  const lineCounts = skus.map((s) => s.lines).sort((a, b) => b - a);
  const skuLines = lineCounts.reduce((a, b) => a + b, 0);
  const topShare = (p: number) => {
    const n = Math.max(1, Math.ceil(lineCounts.length * p));
    return skuLines > 0 ? r4(lineCounts.slice(0, n).reduce((a, b) => a + b, 0) / skuLines) : 0;
  };
  // Gini over SKU line counts (ascending order formula).
  const asc = [...lineCounts].reverse();
  let g = 0;
  asc.forEach((x, i) => { g += (2 * (i + 1) - asc.length - 1) * x; });
  const gini = skuLines > 0 ? r4(g / (asc.length * skuLines)) : 0;
  const categories: Record<string, number> = {};
  for (const s of skus) categories[s.category] = (categories[s.category] ?? 0) + 1;
  return {
    days: { count: sorted.length, first, last, calendarDays },
    gaps: { days: gapDays, ranges },
    ordersPerDay: {
      mean: sorted.length ? r4(totalOrders / sorted.length) : 0,
      min: perDay[0] ?? 0,
      median: perDay.length ? perDay[Math.floor((perDay.length - 1) / 2)] : 0,
      max: perDay[perDay.length - 1] ?? 0,
    },
    linesPerOrder: { mean: totalOrders ? r4(totalLines / totalOrders) : 0, median: medianSize, max: sizeKeys[sizeKeys.length - 1] ?? 0 },
    unitsPerDay: { mean: sorted.length ? r4(sorted.reduce((a, d) => a + d.units, 0) / sorted.length) : 0 },
    skus: { count: skus.length, categories },
    popularity: {
      top1PercentShare: topShare(0.01), top10PercentShare: topShare(0.1), top20PercentShare: topShare(0.2), gini,
      top: [...skus].sort((a, b) => b.lines - a.lines || (a.code < b.code ? -1 : 1)).slice(0, 10).map((s) => ({ code: s.code, lines: s.lines })),
    },
    sites: Object.fromEntries([...sites].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
  };
}

/** Human-readable lines of a profile, for the terminal. */
export function formatProfile(p: Profile): string[] {
  return [
    `days: ${p.days.count} with orders, ${p.days.first} … ${p.days.last} (${p.days.calendarDays} calendar days; ${p.gaps.days} without orders, skipped in replay)`,
    `orders per day: mean ${p.ordersPerDay.mean}, min ${p.ordersPerDay.min}, median ${p.ordersPerDay.median}, max ${p.ordersPerDay.max}`,
    `lines per order: mean ${p.linesPerOrder.mean}, median ${p.linesPerOrder.median}, max ${p.linesPerOrder.max}; units per day: mean ${p.unitsPerDay.mean}`,
    `SKUs: ${p.skus.count} in ${Object.keys(p.skus.categories).length} categor${Object.keys(p.skus.categories).length === 1 ? 'y' : 'ies'}`,
    `popularity: top 1% of SKUs ${(100 * p.popularity.top1PercentShare).toFixed(1)}% of lines, top 10% ${(100 * p.popularity.top10PercentShare).toFixed(1)}%, top 20% ${(100 * p.popularity.top20PercentShare).toFixed(1)}%; Gini ${p.popularity.gini}`,
  ];
}
