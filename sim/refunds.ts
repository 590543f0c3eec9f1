/**
 * Defects and refunds with latency (MODEL §2.5–2.6): a served line is
 * defective with a probability rising with its age at sale and its
 * supplier's defect rate; the refund is filed after a discovery delay plus
 * a filing delay, belongs to the fulfilment day, and is refused after the
 * window. The desk also keeps the reporting triangle: per fulfilment day,
 * region and category, lines served and refunds by filing lag.
 */
import type { RefundRecord } from './decision.js';
import type { Stream, StreamFactory } from './rng.js';
import { roundQty } from './stock.js';
import type { Order, RefundModel, Site, Sku, Supplier } from './types.js';

/** Lines served and refunds by lag (days from fulfilment to filing) of one day × region × category. */
export interface RefundCell {
  readonly day: number;
  /** Region index (order of the centrals). */
  readonly region: number;
  readonly category: string;
  /** Lines served (from the site or upstream). */
  lines: number;
  /** Refunds filed `k` days after fulfilment, k = 0 … windowDays. */
  readonly refundsByLag: number[];
}

/** Draws defects and keeps refund records and the reporting triangle of one run. */
export interface RefundDesk {
  /** Every accepted refund, in the order drawn. */
  readonly records: RefundRecord[];
  /**
   * Count a served line and draw whether it is refunded; returns the new
   * record's index, or -1 when the line is fine (or its refund falls outside the window).
   */
  serveLine(order: Order, sku: number, qty: number, receivedDay: number, region: number, defectFactor: number): number;
  /** The reporting triangle, cells in (day, region, category) order. */
  cells(): RefundCell[];
}

/** A draw from a probability mass function over 0, 1, 2, … (normalised). */
function drawPmf(pmf: readonly number[], rng: Stream): number {
  let total = 0;
  for (const p of pmf) total += p;
  let x = rng.uniform() * total;
  for (let k = 0; k < pmf.length; k++) {
    x -= pmf[k];
    if (x < 0) return k;
  }
  return pmf.length - 1;
}

/** Days from a defect's sale until its refund is filed. */
export function drawLatencyDays(model: RefundModel, rng: Stream): number {
  const discovery = model.discoveryPmf ? drawPmf(model.discoveryPmf, rng) : rng.geometric(1 / (1 + model.meanDiscoveryDays));
  const filing = model.filingPmf ? drawPmf(model.filingPmf, rng) : rng.geometric(1 / (1 + model.meanFilingDays));
  return discovery + filing;
}

/** A desk for the front sites `fronts`, drawing from streams `defects/<front>`. */
export function createRefundDesk(args: {
  skus: readonly Sku[];
  suppliers: readonly Supplier[];
  model: RefundModel;
  fronts: readonly Site[];
  regionCount: number;
  streams: StreamFactory;
}): RefundDesk {
  const { skus, suppliers, model, regionCount } = args;
  // Per-line lookups index arrays: the defect stream by site id, the category index by SKU.
  const rngOf: Stream[] = [];
  for (const f of args.fronts) rngOf[f.id] = args.streams.stream(`defects/${f.name}`);
  const categories = [...new Set(skus.map((s) => s.category))];
  const catIndex = new Map(categories.map((c, k) => [c, k]));
  const catOfSku = Int32Array.from(skus, (s) => catIndex.get(s.category)!);
  const cells = new Map<number, RefundCell>();
  const records: RefundRecord[] = [];
  const cellOf = (day: number, region: number, sku: number): RefundCell => {
    const c = catOfSku[sku];
    const key = (day * regionCount + region) * categories.length + c;
    let cell = cells.get(key);
    if (!cell) {
      cell = { day, region, category: categories[c], lines: 0, refundsByLag: new Array<number>(model.windowDays + 1).fill(0) };
      cells.set(key, cell);
    }
    return cell;
  };
  return {
    records,
    serveLine(order, sku, qty, receivedDay, region, defectFactor) {
      const day = order.day;
      const cell = cellOf(day, region, sku);
      cell.lines++;
      const rng = rngOf[order.site];
      const info = skus[sku];
      const age = Math.max(0, day - receivedDay);
      const base = suppliers[info.supplier].defectRate * defectFactor;
      const perUnit = Math.min(1, base * (1 + model.ageDefectFactor * (age / info.shelfLifeDays)));
      const units = info.unit === 'kg' ? 1 : Math.max(1, Math.round(qty));
      if (!(rng.uniform() < 1 - Math.pow(1 - perUnit, units))) return -1;
      const latency = drawLatencyDays(model, rng);
      if (latency > model.windowDays) return -1;
      let value = 0;
      for (const l of order.lines) value += l.qty * skus[l.sku].price;
      const amount = roundQty((order.gmv * qty * info.price) / Math.max(1e-9, value));
      records.push({ site: order.site, sku, orderId: order.id, fulfilmentDay: day, filedDay: day + latency, amount });
      cell.refundsByLag[latency]++;
      return records.length - 1;
    },
    cells: () => [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c),
  };
}
