/**
 * The demand generator: daily order volume (weekday pattern, trend, noise,
 * promotions), intraday arrival times, basket sizes, co-purchase structure
 * (an anchor item, further items from related categories) and quantities
 * (pieces, or fractional kg for weighed SKUs).
 */
import type { DemandModifiers, Order, OrderLine, Promotion, Stream } from '../sim/index.js';
import { weekdayOf } from '../sim/index.js';
import type { Catalogue } from './catalogue.js';
import type { Scenario } from './schema.js';
import { draw, sampler, totalWeight, type Sampler } from './sampler.js';
import { missionSamplers, structuredBasket, type BasketStructureModel } from './basket-structure.js';

/** The promotion calendar and each promotion's (hidden) demand uplift. */
export interface PromotionDraw {
  readonly promotions: Promotion[];
  readonly uplifts: number[];
}

/** Draw the promotion calendar over `days` days. */
export function drawPromotions(scenario: Scenario, skuCount: number, days: number, rng: Stream): PromotionDraw {
  const p = scenario.demand.promotions;
  const out: Promotion[] = [];
  const uplifts: number[] = [];
  for (let d = 0; d < days; d++) {
    const starts = rng.poisson(p.startsPerDay);
    for (let k = 0; k < starts; k++) {
      const sku = rng.int(skuCount);
      const len = p.lengthDays[0] + rng.int(p.lengthDays[1] - p.lengthDays[0] + 1);
      const priceFactor = round2(p.priceFactor[0] + (p.priceFactor[1] - p.priceFactor[0]) * rng.uniform());
      out.push({ sku, firstDay: d, lastDay: d + len - 1, priceFactor });
      uplifts.push(p.uplift[0] + (p.uplift[1] - p.uplift[0]) * rng.uniform());
    }
  }
  return { promotions: out, uplifts };
}

/** Everything the order generator needs for one site. */
export interface DemandSetup {
  readonly scenario: Scenario;
  readonly catalogue: Catalogue;
  readonly promotions: PromotionDraw;
  readonly days: number;
  /** Orders arrive before this time of day (pre-sale cut-off); default 0.93. */
  readonly cutoffTime?: number;
  /** Missions, complements and substitutes (`demand.structure`), when the scenario has them. */
  readonly structure?: BasketStructureModel;
}

/**
 * Orders of one front site for every day, drawn from `rng` (ids are given
 * later). `modifiers` applies shocks of a day: volume, basket size and
 * category weights; a day without modifiers draws exactly as before.
 */
export function generateSiteOrders(
  setup: DemandSetup,
  site: {
    id: number; demandShare: number; modifiers?: (day: number) => DemandModifiers | undefined;
    /** Per-SKU popularity factors of a day (`demand.dynamics`), when the scenario has them. */
    skuFactors?: (day: number) => Float64Array;
  },
  rng: Stream,
): Order[][] {
  const { scenario, catalogue, promotions, days } = setup;
  const dm = scenario.demand;
  const n = catalogue.skus.length;
  const cats = scenario.catalogue.categories;
  const catIndex = new Map(cats.map((c, i) => [c.name, i]));
  const related = cats.map((c, i) => [i, ...c.related.map((r) => catIndex.get(r)!)]);
  const upliftBySku = promotionUplifts(promotions, days, n);
  const out: Order[][] = [];
  for (let d = 0; d < days; d++) {
    const weight = new Float64Array(n);
    const priceFactor = new Float64Array(n).fill(1);
    for (let i = 0; i < n; i++) weight[i] = catalogue.popularity[i];
    const factors = site.skuFactors?.(d);
    if (factors) for (let i = 0; i < n; i++) weight[i] *= factors[i];
    for (const [sku, f, pf] of upliftBySku[d]) { weight[sku] *= f; priceFactor[sku] = Math.min(priceFactor[sku], pf); }
    const mod = site.modifiers?.(d);
    if (mod) {
      for (const [cat, f] of mod.categoryWeight) for (const i of catalogue.byCategory[catIndex.get(cat)!]) weight[i] *= f;
    }
    const global = sampler(Array.from({ length: n }, (_, i) => i), weight);
    const perCat = catalogue.byCategory.map((ids) => (ids.length ? sampler(ids, weight) : undefined));
    if (factors) perCat.forEach((s, c) => { if (s && !(totalWeight(s) > 0)) perCat[c] = undefined; });
    const perMission = setup.structure ? missionSamplers(setup.structure, weight) : undefined;
    const noise = dm.dailyNoise > 0 ? Math.exp(dm.dailyNoise * rng.normal() - (dm.dailyNoise * dm.dailyNoise) / 2) : 1;
    const mean = dm.ordersPerDay * site.demandShare * dm.weekdayFactors[weekdayOf(scenario.startDate, d)] * Math.max(0, 1 + dm.trendPerDay * d) * noise * (mod ? mod.volume : 1);
    const count = rng.poisson(mean);
    const times = Array.from({ length: count }, () => arrivalTime(scenario, rng, setup.cutoffTime ?? 0.93)).sort((a, b) => a - b);
    const orders: Order[] = [];
    for (const t of times) {
      const lines = setup.structure
        ? structuredBasket(setup.structure, perMission!, weight, basketSize(setup, rng, mod ? mod.basket : 1), plainPicker(setup, global, perCat, related, rng), rng)
        : basket(setup, global, perCat, related, rng, mod ? mod.basket : 1);
      let gmv = 0;
      for (const l of lines) gmv += l.qty * catalogue.skus[l.sku].price * priceFactor[l.sku];
      orders.push({ id: 0, day: d, timeOfDay: t, site: site.id, lines, gmv: round2(gmv) });
    }
    out.push(orders);
  }
  return out;
}

/** Per day, the (sku, demand uplift, price factor) of running promotions. */
function promotionUplifts(draw: PromotionDraw, days: number, n: number): [number, number, number][][] {
  const byDay: [number, number, number][][] = Array.from({ length: days }, () => []);
  for (let k = 0; k < draw.promotions.length; k++) {
    const p = draw.promotions[k];
    const uplift = draw.uplifts[k];
    if (p.sku >= n) continue;
    for (let d = p.firstDay; d <= Math.min(p.lastDay, days - 1); d++) byDay[d].push([p.sku, uplift, p.priceFactor]);
  }
  return byDay;
}

function arrivalTime(scenario: Scenario, rng: Stream, cutoff: number): number {
  const { morningShare, morningPeak, eveningPeak, spread } = scenario.demand.intraday;
  const peak = rng.uniform() < morningShare ? morningPeak : eveningPeak;
  for (;;) {
    const t = peak + spread * rng.normal();
    if (t >= 0.29 && t < cutoff) return t;
  }
}

/** Lines of a basket: 1 + a gamma-mixed Poisson number of extra lines, at most `maxLines`. */
function basketSize(setup: DemandSetup, rng: Stream, basketFactor: number): number {
  const b = setup.scenario.demand.basket;
  const extraMean = b.meanLines * basketFactor - 1;
  const extra = extraMean > 0 ? rng.poisson((rng.gamma(b.dispersion) * extraMean) / b.dispersion) : 0;
  return Math.min(b.maxLines, 1 + extra);
}

/** The quantity of a line: fractional kg for weighed SKUs, else 1 + geometric pieces. */
function lineQty(setup: DemandSetup, sku: number, rng: Stream): number {
  const quantity = setup.scenario.demand.quantity;
  return setup.catalogue.skus[sku].unit === 'kg'
    ? Math.max(0.1, Math.round(quantity.kgMedian * Math.exp(quantity.kgSigma * rng.normal()) * 20) / 20)
    : 1 + rng.geometric(1 / (1 + quantity.pieceMeanExtra));
}

/** A SKU after `prev`: from a category related to prev's with `relatedProbability`, else from the whole catalogue. */
function nextSku(setup: DemandSetup, global: Sampler, perCat: (Sampler | undefined)[], related: number[][], prev: number, rng: Stream): number {
  if (prev >= 0 && rng.uniform() < setup.scenario.demand.coPurchase.relatedProbability) {
    const rel = related[setup.catalogue.categoryOf[prev]];
    const s = perCat[rel[rng.int(rel.length)]];
    return s ? draw(s, rng) : draw(global, rng);
  }
  return draw(global, rng);
}

function plainPicker(setup: DemandSetup, global: Sampler, perCat: (Sampler | undefined)[], related: number[][], rng: Stream) {
  return { next: (prev: number) => nextSku(setup, global, perCat, related, prev, rng), qty: (sku: number) => lineQty(setup, sku, rng) };
}

function basket(
  setup: DemandSetup,
  global: Sampler,
  perCat: (Sampler | undefined)[],
  related: number[][],
  rng: Stream,
  basketFactor: number,
): OrderLine[] {
  const size = basketSize(setup, rng, basketFactor);
  const chosen = new Set<number>();
  const lines: OrderLine[] = [];
  let prev = -1;
  for (let k = 0; k < size; k++) {
    let sku = -1;
    for (let attempt = 0; attempt < 8 && (sku < 0 || chosen.has(sku)); attempt++) sku = nextSku(setup, global, perCat, related, prev, rng);
    if (chosen.has(sku)) continue;
    chosen.add(sku);
    prev = sku;
    lines.push({ sku, qty: lineQty(setup, sku, rng) });
  }
  return lines;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
