/**
 * Plausible days for `saa`: each of the most recent observed days at the site,
 * replayed as if it were tomorrow. A past day's orders are adjusted in three
 * steps, all with named random streams (so a plan is a function of the
 * history and the seed): (1) promotions — a line of a SKU whose promotion
 * status differs between that day and tomorrow is kept with probability
 * 1/uplift (promoted then, not now) or copied into another order of the day
 * with probability uplift − 1 (promoted now, not then), the uplift measured
 * on the history window; (2) volume — orders are thinned or duplicated so the
 * day's units match the forecast total for tomorrow (PM0 carries the weekday
 * pattern, trend and promotions); (3) pre-sale — the orders already known
 * for tomorrow come first in every scenario and the sampled day supplies only
 * the expected unknown share.
 */
import { createStreams, type Order, type OrderLine, type Stream } from '../../sim/index.js';

/** One sampled day: its orders' lines in arrival order. */
export type ScenarioDay = readonly (readonly OrderLine[])[];

/** What the sampler reads. */
export interface ScenarioInput {
  readonly day: number;
  readonly site: number;
  readonly skuCount: number;
  orders(day: number): readonly Order[];
  demand(day: number): Float64Array;
  readonly firstDay: number;
  /** Is SKU on promotion on day. */
  onPromo(sku: number, day: number): boolean;
  /** Expected total units tomorrow (PM0). */
  readonly forecastUnits: number;
  /** Orders already known for tomorrow (pre-sale), and the share of tomorrow's units they hold. */
  readonly knownOrders?: readonly Order[];
  readonly knownShare: number;
}

/** Sampler options. */
export interface ScenarioOptions {
  readonly scenarioDays: number;
  /** Days over which the promotion uplift is measured. */
  readonly upliftWindowDays: number;
  readonly seed: number;
}

/** Mean demand of promoted SKU-days over the mean of the same SKUs' unpromoted days, in [1, 4]. */
export function promotionUplift(inp: ScenarioInput, windowDays: number): number {
  const from = Math.max(inp.firstDay, inp.day - windowDays);
  const n = inp.skuCount;
  const on = new Float64Array(n), onDays = new Float64Array(n), off = new Float64Array(n), offDays = new Float64Array(n);
  for (let d = from; d < inp.day; d++) {
    const dem = inp.demand(d);
    for (let i = 0; i < n; i++) {
      if (inp.onPromo(i, d)) { on[i] += dem[i]; onDays[i]++; } else { off[i] += dem[i]; offDays[i]++; }
    }
  }
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) {
    if (onDays[i] === 0 || offDays[i] === 0) continue;
    num += on[i] / onDays[i];
    den += off[i] / offDays[i];
  }
  return den > 0 && num > 0 ? Math.min(4, Math.max(1, num / den)) : 1;
}

/** Adjust one past day's orders for tomorrow's promotions (step 1). */
function promotionAdjusted(orders: readonly Order[], from: number, to: number, uplift: number, inp: ScenarioInput, rng: Stream): OrderLine[][] {
  const out = orders.map((o) => [...o.lines]);
  if (uplift <= 1 || out.length === 0) return out;
  const extra: [number, OrderLine][] = [];
  for (const lines of out) {
    for (let k = lines.length - 1; k >= 0; k--) {
      const l = lines[k];
      const then = inp.onPromo(l.sku, from), now = inp.onPromo(l.sku, to);
      if (then && !now && !rng.bernoulli(1 / uplift)) lines.splice(k, 1);
      else if (now && !then) {
        for (let r = uplift - 1; r > 0; r--) if (rng.bernoulli(Math.min(1, r))) extra.push([rng.int(out.length), l]);
      }
    }
  }
  for (const [j, l] of extra) {
    const lines = out[j];
    const same = lines.findIndex((m) => m.sku === l.sku);
    if (same >= 0) lines[same] = { sku: l.sku, qty: lines[same].qty + l.qty }; else lines.push(l);
  }
  return out.filter((lines) => lines.length > 0);
}

/** Thin or duplicate orders so the expected units are `factor` times the day's (step 2). */
function volumeScaled(orders: readonly OrderLine[][], factor: number, rng: Stream): OrderLine[][] {
  const out: OrderLine[][] = [];
  for (const o of orders) {
    for (let r = factor; r > 0; r--) if (rng.bernoulli(Math.min(1, r))) out.push(o);
  }
  return out;
}

/** The scenario days for tomorrow, most recent first. */
export function sampleScenarios(inp: ScenarioInput, opts: ScenarioOptions): ScenarioDay[] {
  const uplift = promotionUplift(inp, opts.upliftWindowDays);
  const known: OrderLine[][] = (inp.knownOrders ?? []).map((o) => [...o.lines]);
  const unknownShare = inp.knownOrders ? Math.max(0, 1 - inp.knownShare) : 1;
  const streams = createStreams(opts.seed, inp.day);
  const out: ScenarioDay[] = [];
  for (let d = inp.day - 1; d >= Math.max(inp.firstDay, inp.day - opts.scenarioDays); d--) {
    const rng = streams.stream(`saa/site-${inp.site}/day-${d}`);
    const adjusted = promotionAdjusted(inp.orders(d), d, inp.day, uplift, inp, rng);
    let units = 0;
    for (const o of adjusted) for (const l of o) units += l.qty;
    const factor = units > 0 ? (unknownShare * inp.forecastUnits) / units : 0;
    out.push([...known, ...volumeScaled(adjusted, Math.min(factor, 4), rng)]);
  }
  return out;
}
