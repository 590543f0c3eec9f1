/**
 * Per-day aggregates of one site's observable history that OTPTO's features
 * read: sales per SKU and the SKU-order cross statistics (orders containing
 * the SKU, their basket sizes and values, the SKU's lines), and the label
 * aggregates of a historically optimal plan (stock, orders and GMV it fulfils
 * per SKU).
 */
import type { Order } from '../../sim/index.js';
import type { Om1Result } from '../om1/result.js';

/** What one past day at a site tells about each SKU. */
export interface DayData {
  readonly demand: Float64Array;
  /** Orders containing the SKU. */
  readonly ordersWith: Float64Array;
  /** Sum over those orders of their number of lines. */
  readonly basketLines: Float64Array;
  /** Sum over those orders of their GMV. */
  readonly orderGmv: Float64Array;
  /** Lines of the SKU. */
  readonly lines: Float64Array;
  readonly orderCount: number;
}

/** Aggregate one day's orders. */
export function dayDataOf(orders: readonly Order[], demand: Float64Array): DayData {
  const n = demand.length;
  const ordersWith = new Float64Array(n), basketLines = new Float64Array(n), orderGmv = new Float64Array(n), lines = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  orders.forEach((o, j) => {
    for (const l of o.lines) {
      lines[l.sku]++;
      if (seen[l.sku] === j) continue;
      seen[l.sku] = j;
      ordersWith[l.sku]++;
      basketLines[l.sku] += o.lines.length;
      orderGmv[l.sku] += o.gmv;
    }
  });
  return { demand, ordersWith, basketLines, orderGmv, lines, orderCount: orders.length };
}

/** One history day's OM1 label. */
export interface DayLabel {
  /** Optimal stock per SKU (0 = not stocked). */
  readonly x: Float64Array;
  /** y = x > 0, after label smoothing when A2 is on. */
  y: Uint8Array;
  /** OM1-fulfilled orders containing the SKU, and their GMV. */
  readonly fulfilledWith: Float64Array;
  readonly fulfilledGmv: Float64Array;
}

/** The label of a day from its OM1 result. */
export function dayLabelOf(result: Om1Result, orders: readonly Order[]): DayLabel {
  const n = result.plan.length;
  const x = Float64Array.from(result.plan);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) y[i] = x[i] > 0 ? 1 : 0;
  const fulfilledWith = new Float64Array(n), fulfilledGmv = new Float64Array(n);
  for (const j of result.fulfilled) {
    const o = orders[j];
    const skus = new Set(o.lines.map((l) => l.sku));
    for (const s of skus) { fulfilledWith[s]++; fulfilledGmv[s] += o.gmv; }
  }
  return { x, y, fulfilledWith, fulfilledGmv };
}
