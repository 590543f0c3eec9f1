/**
 * Fitting the generator to an order log (`freshsim calibrate`): volume,
 * weekday pattern and day-level noise, basket size and its dispersion, unit
 * quantities, SKU count and Zipf popularity, categories with their shares
 * and weighed share, and K/C/L, trips and upstream scaled to the data as an
 * import's defaults are. Basket structure and demand dynamics are not fitted
 * (stated). Pure: the caller hands the log.
 */
import { ampleUpstream, cShareOfDailyUnits, genericCategory, kShareOfDailyActive, lShareOfUnitsPerType, tripShareOfC } from './history-scenario.js';
import type { ScenarioInput } from './schema.js';

/** A log to fit: days in date order; SKUs by code with their category. */
export interface CalibrationLog {
  readonly days: readonly { readonly date: string; readonly orders: readonly { readonly lines: readonly { readonly sku: string; readonly qty: number; readonly price?: number | null }[] }[] }[];
  readonly skus: readonly { readonly code: string; readonly category: string }[];
}

/** The fitted scenario input and what was fitted, one line each. */
export interface Calibration {
  readonly scenario: ScenarioInput;
  readonly fitted: string[];
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const variance = (xs: readonly number[]) => { const m = mean(xs); return xs.length > 1 ? xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1) : 0; };
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

/**
 * Least-squares Zipf fit of descending counts, log c_r = a − s · log(r + offset)
 * (offset from a grid, weighted by √c so the head fits best), over the ranks
 * that hold 90% of the counts; beyond them, an exponential niche tail when
 * the counts fall faster than the power law (the generator's tailFromRank /
 * tailDecayRanks).
 */
export function fitZipf(counts: readonly number[]): { exponent: number; offset: number; tailFromRank?: number; tailDecayRanks?: number } {
  const c = counts.filter((x) => x > 0);
  const total = c.reduce((a, b) => a + b, 0);
  let head = 0;
  for (let acc = 0; head < c.length && acc < 0.9 * total; head++) acc += c[head];
  head = Math.max(Math.min(c.length, 5), head);
  let best = { exponent: 1, offset: 1, a: 0, err: Infinity };
  for (const offset of [0, 0.5, 1, 2, 3, 5, 8, 12, 18, 25, 40, 60]) {
    const xs = c.slice(0, head).map((_, r) => Math.log(r + 1 + offset));
    const ys = c.slice(0, head).map((x) => Math.log(x));
    const mx = mean(xs), my = mean(ys);
    let sxy = 0, sxx = 0;
    xs.forEach((x, k) => { sxy += (x - mx) * (ys[k] - my); sxx += (x - mx) ** 2; });
    const slope = sxx > 0 ? sxy / sxx : 0;
    let err = 0;
    xs.forEach((x, k) => { err += Math.sqrt(c[k]) * (ys[k] - (my + slope * (x - mx))) ** 2; });
    if (err < best.err) best = { exponent: Math.max(0, -slope), offset, a: my - slope * mx, err };
  }
  const out = { exponent: r3(best.exponent), offset: best.offset };
  // The tail: log(c_r / zipf_r) ≈ −(r − head) / decay beyond the head (least squares through 0).
  let num = 0, den = 0;
  for (let r = head; r < c.length; r++) {
    const z = Math.exp(best.a - best.exponent * Math.log(r + 1 + best.offset));
    const x = r - head + 1;
    num += x * Math.log(c[r] / z);
    den += x * x;
  }
  const slope = den > 0 ? num / den : 0;
  if (c.length - head >= 5 && slope < -0.005) return { ...out, tailFromRank: head, tailDecayRanks: r3(-1 / slope) };
  return out;
}

/** Fit the generator to `log`; `name` names the scenario. */
export function calibrate(log: CalibrationLog, name: string): Calibration {
  const fitted: string[] = [];
  const D = log.days.length;
  if (D < 14) throw new RangeError(`calibrate: the log has ${D} days with orders; expected at least 14`);
  const perDay = log.days.map((d) => d.orders.length);
  const ordersPerDay = mean(perDay);
  const wd = Array.from({ length: 7 }, () => [] as number[]);
  log.days.forEach((d, k) => wd[weekday(d.date)].push(perDay[k]));
  const raw = wd.map((xs) => (xs.length ? mean(xs) / ordersPerDay : 1));
  const weekdayFactors = raw.map((x) => r3(x / mean(raw)));
  const resid = log.days.map((d, k) => perDay[k] / (ordersPerDay * weekdayFactors[weekday(d.date)]));
  const dailyNoise = r3(Math.sqrt(Math.max(0, variance(resid) - 1 / ordersPerDay)));
  fitted.push(`orders per day ${r3(ordersPerDay)}; weekday factors ${weekdayFactors.join(' ')}; day noise σ ${dailyNoise} (Poisson part removed)`);

  const sizes = log.days.flatMap((d) => d.orders.map((o) => o.lines.length));
  const extra = sizes.map((s) => s - 1);
  const m = mean(extra), v = variance(extra);
  const meanLines = r3(1 + m);
  const dispersion = r3(v > m * 1.001 ? Math.min(100, (m * m) / (v - m)) : 100);
  const maxLines = Math.max(...sizes);
  fitted.push(`lines per order: mean ${meanLines}, gamma shape ${dispersion} (from the variance of extra lines), at most ${maxLines}`);

  const catOf = new Map(log.skus.map((s) => [s.code, s.category || 'uncategorised']));
  const lineCount = new Map<string, number>();
  const pieces: number[] = [];
  const kgQty: number[] = [];
  const kgSkus = new Set<string>();
  const prices = new Map<string, number[]>();
  for (const d of log.days) for (const o of d.orders) for (const l of o.lines) {
    lineCount.set(l.sku, (lineCount.get(l.sku) ?? 0) + 1);
    if (Number.isInteger(l.qty)) pieces.push(l.qty - 1); else { kgQty.push(l.qty); kgSkus.add(l.sku); }
    const c = catOf.get(l.sku) ?? 'uncategorised';
    if (l.price !== undefined && l.price !== null && l.price > 0) { const p = prices.get(c) ?? []; p.push(l.price); prices.set(c, p); }
  }
  const logs = kgQty.map(Math.log);
  const quantity = {
    pieceMeanExtra: r3(mean(pieces)),
    kgMedian: kgQty.length ? r3(Math.exp(mean(logs))) : 0.8,
    kgSigma: kgQty.length ? r3(Math.sqrt(variance(logs))) : 0.5,
  };
  fitted.push(`quantities: ${quantity.pieceMeanExtra} extra pieces a line (mean)${kgQty.length ? `; weighed lines median ${quantity.kgMedian} kg, log σ ${quantity.kgSigma}` : ''}`);

  const counts = [...lineCount.values()].sort((a, b) => b - a);
  const zipf = fitZipf(counts);
  fitted.push(`popularity: Zipf exponent ${zipf.exponent}, offset ${zipf.offset}${zipf.tailFromRank !== undefined ? `, niche tail from rank ${zipf.tailFromRank} decaying over ${zipf.tailDecayRanks} ranks` : ''} over ${counts.length} SKUs sold (of ${log.skus.length})`);

  const byCat = new Map<string, string[]>();
  for (const s of log.skus) { const c = s.category || 'uncategorised'; byCat.set(c, [...(byCat.get(c) ?? []), s.code]); }
  const categories = [...byCat.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([cat, codes]) => {
    const p = (prices.get(cat) ?? []).sort((a, b) => a - b);
    const price: [number, number] = p.length ? [p[Math.floor(0.1 * (p.length - 1))], Math.max(p[Math.floor(0.1 * (p.length - 1))], p[Math.floor(0.9 * (p.length - 1))])] : genericCategory.price;
    return {
      name: cat, share: r3(codes.length / log.skus.length), kgShare: r3(codes.filter((c) => kgSkus.has(c)).length / codes.length),
      price, costRatio: genericCategory.costRatio, shelfLifeDays: genericCategory.shelfLifeDays, related: [] as string[],
    };
  });
  fitted.push(`categories: ${categories.map((c) => `${c.name} ${c.share}`).join(', ')} (prices p10–p90 of the log; cost ratio ${genericCategory.costRatio} and shelf life ${genericCategory.shelfLifeDays.join('–')} d not in a log)`);

  const tail = log.days.slice(-28);
  const dailyActive = mean(tail.map((d) => new Set(d.orders.flatMap((o) => o.lines.map((l) => l.sku))).size));
  const unitsPerDay = mean(tail.map((d) => d.orders.reduce((a, o) => a + o.lines.reduce((b, l) => b + l.qty, 0), 0)));
  const K = Math.max(1, Math.min(log.skus.length, Math.round(kShareOfDailyActive * dailyActive)));
  const C = Math.max(1, Math.round(cShareOfDailyUnits * unitsPerDay));
  const L = Math.max(1, Math.round((lShareOfUnitsPerType * C) / K));
  const trip = Math.ceil(tripShareOfC * C);
  fitted.push(`K ${K}, C ${C}, L ${L} (as an import's defaults); front trip ${trip}, grid trip ${trip}; ample upstream`);
  fitted.push('not fitted (defaults, generator off): basket structure (demand.structure), demand dynamics (demand.dynamics), promotions, intraday profile');

  const evaluation = 7;
  const scenario: ScenarioInput = {
    name,
    description: `Calibrated to a log of ${D} days (${log.days[0].date} … ${log.days[D - 1].date}) by freshsim calibrate.`,
    seed: 1,
    startDate: log.days[0].date,
    days: { history: Math.max(14, Math.min(90, D - evaluation)), evaluation, warmup: 7 },
    constraints: { K, C, L },
    catalogue: {
      skus: log.skus.length, categories,
      popularity: { zipfExponent: zipf.exponent, offset: zipf.offset, ...(zipf.tailFromRank !== undefined ? { tailFromRank: zipf.tailFromRank, tailDecayRanks: zipf.tailDecayRanks } : {}) },
    },
    suppliers: [{ name: 'supplier', categories: categories.map((c) => c.name), leadTimeDays: 1, onTimeProbability: 0.97, fillRate: 0.97, defectRate: 0.01 }],
    network: {
      central: { name: 'central' },
      grids: [{ name: 'grid-1', tripCapacityUnits: trip }],
      fronts: [{ name: 'front-1', grid: 'grid-1', tripCapacityUnits: trip, demandShare: 1 }],
    },
    demand: {
      ordersPerDay: r3(ordersPerDay), weekdayFactors, trendPerDay: 0, dailyNoise,
      basket: { meanLines: Math.max(1, meanLines), dispersion, maxLines },
      coPurchase: { relatedProbability: 0 },
      quantity,
      intraday: { morningShare: 0.45, morningPeak: 0.45, eveningPeak: 0.76, spread: 0.07 },
      promotions: { startsPerDay: 0, lengthDays: [3, 7], uplift: [1.5, 3], priceFactor: [0.7, 0.9] },
    },
    upstream: ampleUpstream,
    refunds: { ageDefectFactor: 2, meanDiscoveryDays: 1, meanFilingDays: 1.5, windowDays: 7 },
  };
  return { scenario, fitted };
}
