/**
 * Per-site, per-day metrics collected by the simulator (MODEL §6), and the
 * plan shape of the paper's Table 5.
 */
import type { StockPlan } from './plan.js';

/** Shape of one plan (the paper's Table 5). */
export interface PlanShape {
  readonly skus: number;
  readonly units: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly median: number;
  /** Stocked SKUs whose mean daily demand over the last 28 days was below L. */
  readonly lowSellersStocked: number;
}

/** Counters of one front site on one day. */
export interface SiteDayMetrics {
  readonly day: number;
  readonly site: number;
  orders: number;
  fullOrders: number;
  splitOrders: number;
  shortOrders: number;
  lines: number;
  linesFromSite: number;
  linesFromParent: number;
  linesLost: number;
  unitsDemanded: number;
  unitsFromSite: number;
  unitsLost: number;
  /** Second deliveries caused by lines sourced from the parent (one per split or short order with such lines). */
  extraDeliveries: number;
  gmv: number;
  gmvFull: number;
  /** Plan units the parent could not deliver (stock or trip capacity). */
  replenishmentShortUnits: number;
  /** Units returned to the parent because they exceeded the plan. */
  returnedUnits: number;
  /** Lines that turned out defective, by fulfilment day (true, after the window). */
  defectiveLines: number;
  refundAmount: number;
  plan: PlanShape;
  /** Lines sourced from the region's central because the parent grid lacked them too. */
  linesFromCentral: number;
  /** Sum over extra deliveries of their lateness in hours (dispatch + drive from the farthest source). */
  extraDeliveryLatenessHours: number;
  /** The site was closed by a shock (no plan asked, no orders received). */
  closed: boolean;
  /** Orders of a closed site served here instead. */
  ordersRerouted: number;
  /** Orders placed here while closed with no open site near enough: counted as orders and short orders. */
  ordersLostToClosure: number;
  /** Pre-sale: lines not available at pickup, refunded at once (also counted in linesLost). */
  shortfallRefundLines: number;
  shortfallRefundAmount: number;
  /** Units spoiled (or written off) at this front site at the end of the day. */
  spoiledUnits: number;
}

/** Loss accounting of one level on one day (MODEL §6): units in, out, spoiled, returned and on hand. */
export interface StageDay {
  readonly day: number;
  readonly level: 'central' | 'grid' | 'front';
  readonly opening: number;
  /** From suppliers (central) or trips from the parent level. */
  readonly received: number;
  /** Returned by child sites. */
  readonly returnedIn: number;
  readonly sold: number;
  readonly shippedDown: number;
  readonly returnedUp: number;
  readonly spoiled: number;
  readonly onHand: number;
  /** Units on trips toward this level at the end of the day. */
  readonly inTransit: number;
}

/** A supplier's performance over a run: volume, punctuality, quality. */
export interface SupplierRecord {
  readonly supplier: number;
  readonly name: string;
  purchaseOrders: number;
  unitsOrdered: number;
  unitsDelivered: number;
  onTimeOrders: number;
  fullOrders: number;
  /** Lines of its SKUs sold, and how many were defective (refund filed within the window). */
  linesSold: number;
  defectiveLines: number;
}

/** Spoilage of one level on one day. */
export interface WasteDay {
  readonly day: number;
  readonly level: 'central' | 'grid' | 'front';
  units: number;
  /** Spoiled units valued at cost. */
  value: number;
}

/** A fresh zeroed counter set. */
export function emptySiteDay(day: number, site: number, plan: PlanShape): SiteDayMetrics {
  return {
    day, site, orders: 0, fullOrders: 0, splitOrders: 0, shortOrders: 0, lines: 0,
    linesFromSite: 0, linesFromParent: 0, linesLost: 0, unitsDemanded: 0, unitsFromSite: 0,
    unitsLost: 0, extraDeliveries: 0, gmv: 0, gmvFull: 0, replenishmentShortUnits: 0,
    returnedUnits: 0, defectiveLines: 0, refundAmount: 0, plan, linesFromCentral: 0,
    extraDeliveryLatenessHours: 0, closed: false, ordersRerouted: 0, ordersLostToClosure: 0,
    shortfallRefundLines: 0, shortfallRefundAmount: 0, spoiledUnits: 0,
  };
}

/** Table-5 shape of a plan; `meanDemand` flags low sellers (mean < L). */
export function planShape(plan: StockPlan, meanDemand: Float64Array, L: number): PlanShape {
  const q: number[] = [];
  let low = 0;
  for (let i = 0; i < plan.length; i++) {
    if (plan[i] > 0) {
      q.push(plan[i]);
      if (meanDemand[i] < L) low++;
    }
  }
  if (q.length === 0) return { skus: 0, units: 0, min: 0, max: 0, mean: 0, median: 0, lowSellersStocked: 0 };
  q.sort((a, b) => a - b);
  const units = q.reduce((a, b) => a + b, 0);
  const mid = q.length >> 1;
  const median = q.length % 2 ? q[mid] : (q[mid - 1] + q[mid]) / 2;
  return {
    skus: q.length,
    units: Math.round(units * 1000) / 1000,
    min: q[0],
    max: q[q.length - 1],
    mean: units / q.length,
    median,
    lowSellersStocked: low,
  };
}
