/**
 * Upstream levels (MODEL §1, §5): central buys from suppliers with lead times
 * under a base-stock policy on its inventory position; grids pull from
 * central up to their children's planned needs plus a base stock for the
 * lines that front sites source from them.
 */
import type { DemandIndex } from './demand-index.js';
import type { Stream } from './rng.js';
import { roundQty } from './stock.js';
import { receive, shipDown, type Physical } from './transfers.js';
import type { BaseStockPolicy, Sku, Supplier } from './types.js';

/** A supplier delivery on its way to central. */
export interface Delivery {
  readonly sku: number;
  readonly qty: number;
  readonly arrivalDay: number;
  /** The receiving central (absent: the world's only central). */
  readonly central?: number;
}

/** One purchase order's outcome, for the supplier performance record. */
export interface PurchaseOutcome {
  readonly supplier: number;
  readonly orderedQty: number;
  readonly deliveredQty: number;
  readonly onTime: boolean;
  readonly full: boolean;
}

/** Order-up-to level for a policy, lead time and daily demand statistics. */
export function baseStockLevel(policy: BaseStockPolicy, leadTimeDays: number, mean: number, std: number): number {
  const horizon = leadTimeDays + policy.coverDays;
  return mean * horizon + policy.safetyZ * std * Math.sqrt(horizon);
}

/** Round a quantity up to the SKU's unit step (1 piece or 0.1 kg). */
export function roundUpToUnit(sku: Sku, qty: number): number {
  if (qty <= 0) return 0;
  return sku.unit === 'kg' ? roundQty(Math.ceil(qty * 10 - 1e-9) / 10) : Math.ceil(qty - 1e-9);
}

/** Round a quantity down to the SKU's unit step. */
export function roundDownToUnit(sku: Sku, qty: number): number {
  if (qty <= 0) return 0;
  return sku.unit === 'kg' ? roundQty(Math.floor(qty * 10 + 1e-9) / 10) : Math.floor(qty + 1e-9);
}

/** Deliveries due at central on `day` are received there. */
export function receiveDeliveries(
  p: Physical,
  central: number,
  due: readonly Delivery[],
  skus: readonly Sku[],
  day: number,
): void {
  for (const d of due) receive(p, central, d.sku, d.qty, day + skus[d.sku].shelfLifeDays - 1, day);
}

/**
 * Central's purchase orders for `day`: order up to the base-stock level on
 * the inventory position (on hand + pipeline). Supplier reliability draws
 * decide the delivered quantity and the arrival day.
 */
export function orderFromSuppliers(args: {
  p: Physical;
  central: number;
  skus: readonly Sku[];
  suppliers: readonly Supplier[];
  policy: BaseStockPolicy;
  stats: { mean: Float64Array; std: Float64Array };
  pipeline: Float64Array;
  rng: Stream;
  day: number;
  /** Extra lead time of a supplier today (shocks); default none. */
  leadTimeExtraDays?: (supplier: number) => number;
  /** Today's fill rate of a supplier (shocks); default its own. */
  fillRate?: (supplier: number) => number;
  /** Called with every purchase order's outcome. */
  onOutcome?: (o: PurchaseOutcome) => void;
}): Delivery[] {
  const { p, central, skus, suppliers, policy, stats, pipeline, rng, day } = args;
  const out: Delivery[] = [];
  for (const sku of skus) {
    const sup = suppliers[sku.supplier];
    const extra = args.leadTimeExtraDays?.(sup.id) ?? 0;
    const target = baseStockLevel(policy, sup.leadTimeDays + extra, stats.mean[sku.id], stats.std[sku.id]);
    const position = p.stock.onHand(central, sku.id) + pipeline[sku.id];
    const qty = roundUpToUnit(sku, target - position);
    if (qty <= 0) continue;
    const onTime = rng.bernoulli(sup.onTimeProbability);
    const full = rng.bernoulli(args.fillRate ? args.fillRate(sup.id) : sup.fillRate);
    const delivered = full ? qty : roundDownToUnit(sku, qty * (0.3 + 0.6 * rng.uniform()));
    args.onOutcome?.({ supplier: sup.id, orderedQty: qty, deliveredQty: Math.max(0, delivered), onTime, full });
    if (delivered <= 0) continue;
    pipeline[sku.id] = roundQty(pipeline[sku.id] + delivered);
    out.push({ sku: sku.id, qty: delivered, arrivalDay: day + Math.max(1, sup.leadTimeDays) + extra + (onTime ? 0 : 1), central });
  }
  return out;
}

/**
 * Ship from `parent` to `child` the requested quantities, scaled down
 * pro rata when they exceed the trip capacity and cut to what the parent
 * holds; `move` carries each SKU's quantity (default: straight to the child).
 * Returns the units requested but not shipped.
 */
export function shipRequests(
  p: Physical,
  parent: number,
  child: number,
  requests: Float64Array,
  tripCapacityUnits: number,
  skus: readonly Sku[],
  move: (sku: number, qty: number) => void = (sku, qty) => shipDown(p, parent, child, sku, qty),
): number {
  let total = 0;
  for (let i = 0; i < requests.length; i++) total += requests[i];
  const scale = total > tripCapacityUnits ? tripCapacityUnits / total : 1;
  let short = 0;
  for (let i = 0; i < requests.length; i++) {
    const want = requests[i];
    if (!(want > 0)) continue;
    const scaled = scale < 1 ? roundDownToUnit(skus[i], want * scale) : want;
    const qty = Math.min(scaled, p.stock.onHand(parent, i));
    move(i, qty);
    short += want - qty;
  }
  return roundQty(short);
}

/** Base-stock levels per SKU for a grid, from its front sites' demand (trips taking `leadTimeDays` nights). */
export function gridBaseStock(
  demand: DemandIndex,
  fronts: readonly number[],
  policy: BaseStockPolicy,
  day: number,
  leadTimeDays = 0,
): Float64Array {
  const { mean, std } = demand.stats(fronts, day - policy.windowDays, day);
  const out = new Float64Array(demand.skuCount);
  for (let i = 0; i < out.length; i++) out[i] = baseStockLevel(policy, leadTimeDays, mean[i], std[i]);
  return out;
}
