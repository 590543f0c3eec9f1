/**
 * Stock on its way down the tree on trips that take nights (a grid's
 * `tripLeadTimeDays`). Dispatch books the units out of the parent's ledger;
 * arrival books them into the child's, batches (and expiry) unchanged.
 */
import { roundQty } from './stock.js';
import type { Physical } from './transfers.js';

interface Load {
  readonly child: number;
  readonly sku: number;
  readonly qty: number;
  readonly expiresAfterDay: number;
  readonly receivedDay: number;
}

/** Loads in transit, by arrival day. */
export interface Transit {
  /** Take `qty` of `sku` from `parent` now; it reaches `child` on the night of `arrivalDay`. */
  dispatch(parent: number, child: number, sku: number, qty: number, arrivalDay: number): void;
  /** Book the loads due on `day` into their children. */
  arrive(day: number): void;
  /** Units of `sku` on their way to `child`. */
  toward(child: number, sku: number): number;
  /** Units in transit to sites of which `inLevel` is true. */
  totalToward(inLevel: (site: number) => boolean): number;
}

/** An empty transit store over the physical state `p`. */
export function createTransit(p: Physical): Transit {
  const byDay = new Map<number, Load[]>();
  const pending = new Map<number, number>();
  const n = p.stock.skuCount;
  return {
    dispatch(parent, child, sku, qty, arrivalDay) {
      if (!(qty > 0)) return;
      const due = byDay.get(arrivalDay) ?? [];
      p.stock.take(parent, sku, qty, (part, b) => due.push({ child, sku, qty: part, expiresAfterDay: b.expiresAfterDay, receivedDay: b.receivedDay }));
      byDay.set(arrivalDay, due);
      p.ledger.shippedDown[parent * n + sku] = roundQty(p.ledger.shippedDown[parent * n + sku] + qty);
      const k = child * n + sku;
      pending.set(k, roundQty((pending.get(k) ?? 0) + qty));
    },
    arrive(day) {
      for (const l of byDay.get(day) ?? []) {
        p.stock.add(l.child, l.sku, l.qty, l.expiresAfterDay, l.receivedDay);
        const k = l.child * n + l.sku;
        p.ledger.received[k] = roundQty(p.ledger.received[k] + l.qty);
        pending.set(k, roundQty(pending.get(k)! - l.qty));
      }
      byDay.delete(day);
    },
    toward: (child, sku) => pending.get(child * n + sku) ?? 0,
    totalToward(inLevel) {
      let t = 0;
      for (const [k, q] of pending) if (inLevel(Math.floor(k / n))) t += q;
      return roundQty(t);
    },
  };
}
