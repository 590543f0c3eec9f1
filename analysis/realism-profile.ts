/**
 * The realism profile of an order log (imported or generated): volume and
 * its weekday pattern, basket sizes, popularity concentration, pair lifts,
 * how fast the assortment moves and how forecastable SKU demand is. Pure:
 * the caller hands the days in date order.
 */
import { nearestRank, pairLiftProfile, type PairLiftProfile } from './pair-lift.js';

/** One order: its lines (SKU as a dense integer id, quantity in units). */
export interface ProfileOrder {
  readonly lines: readonly { readonly sku: number; readonly qty: number }[];
}

/** A log: days with orders, in date order (ISO dates). */
export interface ProfileLog {
  readonly days: readonly { readonly date: string; readonly orders: readonly ProfileOrder[] }[];
}

/** The realism profile (null where the log is too short for a measure). */
export interface RealismProfile {
  readonly days: number;
  readonly ordersPerDay: { readonly mean: number; readonly cv: number };
  /** Mean orders of each weekday (Monday first) over the mean of all days; null for a weekday absent. */
  readonly weekdayIndex: readonly (number | null)[];
  readonly linesPerOrder: { readonly mean: number; readonly median: number; readonly p90: number; readonly singleLineShare: number };
  /** Shares of all units sold by the top 1% and 10% of SKUs sold (by units; at least one SKU). */
  readonly unitShare: { readonly top1Percent: number; readonly top10Percent: number };
  readonly pairLift: PairLiftProfile;
  /** Units in the last 7 days from SKUs without a unit sold in the 28 days before, over all units of the last 7 days. */
  readonly newSkuShare: number | null;
  /** Mean Jaccard overlap of the SKU sets of consecutive 7-day weeks (counted back from the last day). */
  readonly weeklyOverlap: number | null;
  /** WAPE of the 7-day-mean forecast of SKU units over the last (up to) 28 days that have 7 days before them. */
  readonly forecastWape: number | null;
  /** Share of the last 7 days' orders wholly inside the top K SKUs (by units) of the 28 days before; with `K`. */
  readonly topKOrderShare: { readonly K: number; readonly share: number } | null;
}

const r4 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : x);

/** Monday = 0 … Sunday = 6 of an ISO date. */
function weekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Units per SKU over days [from, to). */
function unitsOver(log: ProfileLog, from: number, to: number): Map<number, number> {
  const m = new Map<number, number>();
  for (let d = Math.max(0, from); d < to; d++) for (const o of log.days[d].orders) for (const l of o.lines) m.set(l.sku, (m.get(l.sku) ?? 0) + l.qty);
  return m;
}

function topShare(units: number[], p: number): number {
  const total = units.reduce((a, b) => a + b, 0);
  const n = Math.max(1, Math.ceil(units.length * p));
  return total > 0 ? units.slice(0, n).reduce((a, b) => a + b, 0) / total : NaN;
}

function jaccard(a: Set<number>, b: Set<number>): number {
  let both = 0;
  for (const k of a) if (b.has(k)) both++;
  const union = a.size + b.size - both;
  return union > 0 ? both / union : 1;
}

/** WAPE of forecasting day d's units per SKU by the mean of days d−7 … d−1, summed over the last ≤ 28 such days. */
function forecastWape(log: ProfileLog): number | null {
  const D = log.days.length;
  if (D < 8) return null;
  let err = 0, actual = 0;
  for (let d = Math.max(7, D - 28); d < D; d++) {
    const past = unitsOver(log, d - 7, d);
    const now = unitsOver(log, d, d + 1);
    for (const [sku, a] of now) { err += Math.abs(a - (past.get(sku) ?? 0) / 7); actual += a; }
    for (const [sku, p] of past) if (!now.has(sku)) err += p / 7;
  }
  return actual > 0 ? err / actual : null;
}

/** The realism profile of `log`; `K` adds the top-K order share. */
export function realismProfile(log: ProfileLog, opts: { K?: number; minExpected?: number } = {}): RealismProfile {
  const D = log.days.length;
  const perDay = log.days.map((d) => d.orders.length);
  const mean = D ? perDay.reduce((a, b) => a + b, 0) / D : 0;
  const sd = D > 1 ? Math.sqrt(perDay.reduce((a, x) => a + (x - mean) ** 2, 0) / (D - 1)) : 0;
  const byWeekday = Array.from({ length: 7 }, () => [0, 0]);
  log.days.forEach((d, k) => { const w = byWeekday[weekday(d.date)]; w[0] += perDay[k]; w[1]++; });
  const sizes = log.days.flatMap((d) => d.orders.map((o) => o.lines.length)).sort((a, b) => a - b);
  const skuUnits = [...unitsOver(log, 0, D).values()].sort((a, b) => b - a);

  let newSkuShare: number | null = null, topK: RealismProfile['topKOrderShare'] = null;
  if (D >= 8) {
    const before = unitsOver(log, D - 35, D - 7);
    const week = unitsOver(log, D - 7, D);
    let fresh = 0, all = 0;
    for (const [sku, u] of week) { all += u; if (!before.has(sku)) fresh += u; }
    newSkuShare = all > 0 ? r4(fresh / all) : null;
    if (opts.K !== undefined) {
      const top = new Set([...before.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, opts.K).map(([k]) => k));
      let whole = 0, n = 0;
      for (let d = D - 7; d < D; d++) for (const o of log.days[d].orders) { n++; if (o.lines.every((l) => top.has(l.sku))) whole++; }
      topK = { K: opts.K, share: n ? r4(whole / n) : NaN };
    }
  }
  const weeks: Set<number>[] = [];
  for (let end = D; end - 7 >= 0; end -= 7) weeks.push(new Set(unitsOver(log, end - 7, end).keys()));
  const overlaps = weeks.slice(1).map((w, k) => jaccard(w, weeks[k]));
  const wape = forecastWape(log);
  const lift = pairLiftProfile(log.days.flatMap((d) => d.orders.map((o) => o.lines.map((l) => l.sku))), opts.minExpected);
  return {
    days: D,
    ordersPerDay: { mean: r4(mean), cv: mean > 0 ? r4(sd / mean) : 0 },
    weekdayIndex: byWeekday.map(([orders, days]) => (days > 0 && mean > 0 ? r4(orders / days / mean) : null)),
    linesPerOrder: {
      mean: sizes.length ? r4(sizes.reduce((a, b) => a + b, 0) / sizes.length) : 0,
      median: nearestRank(sizes, 0.5),
      p90: nearestRank(sizes, 0.9),
      singleLineShare: sizes.length ? r4(sizes.filter((s) => s === 1).length / sizes.length) : 0,
    },
    unitShare: { top1Percent: r4(topShare(skuUnits, 0.01)), top10Percent: r4(topShare(skuUnits, 0.1)) },
    pairLift: {
      ...lift, p50: r4(lift.p50), p90: r4(lift.p90), p99: r4(lift.p99),
      shareAtLeast2: r4(lift.shareAtLeast2), shareAtMostHalf: r4(lift.shareAtMostHalf), top100Median: r4(lift.top100Median),
    },
    newSkuShare,
    weeklyOverlap: overlaps.length ? r4(overlaps.reduce((a, b) => a + b, 0) / overlaps.length) : null,
    forecastWape: wape === null ? null : r4(wape),
    topKOrderShare: topK,
  };
}
