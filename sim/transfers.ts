/**
 * Moving stock along the tree with the ledger kept in step: shipments down,
 * returns up, supplier receipts, sales and spoilage.
 */
import { roundQty, type Ledger, type StockStore } from './stock.js';

/** Stock and its ledger, the physical state every operation updates. */
export interface Physical {
  readonly stock: StockStore;
  readonly ledger: Ledger;
}

/** Ship `qty` of `sku` from `parent` down to `child` (oldest batches first). */
export function shipDown(p: Physical, parent: number, child: number, sku: number, qty: number): void {
  if (!(qty > 0)) return;
  const n = p.stock.skuCount;
  p.stock.take(parent, sku, qty, (part, b) => p.stock.add(child, sku, part, b.expiresAfterDay, b.receivedDay));
  p.ledger.shippedDown[parent * n + sku] = roundQty(p.ledger.shippedDown[parent * n + sku] + qty);
  p.ledger.received[child * n + sku] = roundQty(p.ledger.received[child * n + sku] + qty);
}

/** Return `qty` of `sku` from `child` up to `parent` (oldest batches first). */
export function returnUp(p: Physical, child: number, parent: number, sku: number, qty: number): void {
  if (!(qty > 0)) return;
  const n = p.stock.skuCount;
  p.stock.take(child, sku, qty, (part, b) => p.stock.add(parent, sku, part, b.expiresAfterDay, b.receivedDay));
  p.ledger.returnedUp[child * n + sku] = roundQty(p.ledger.returnedUp[child * n + sku] + qty);
  p.ledger.returnedIn[parent * n + sku] = roundQty(p.ledger.returnedIn[parent * n + sku] + qty);
}

/** Receive a supplier delivery at `site` (central). */
export function receive(p: Physical, site: number, sku: number, qty: number, expiresAfterDay: number, day: number): void {
  if (!(qty > 0)) return;
  const n = p.stock.skuCount;
  p.stock.add(site, sku, qty, expiresAfterDay, day);
  p.ledger.received[site * n + sku] = roundQty(p.ledger.received[site * n + sku] + qty);
}

/**
 * Sell `qty` of `sku` from `site` to a customer; returns the day the oldest
 * unit sold arrived at central (its age origin, for defects).
 */
export function sell(p: Physical, site: number, sku: number, qty: number): number {
  const n = p.stock.skuCount;
  let oldest = Infinity;
  p.stock.take(site, sku, qty, (_part, b) => { if (b.receivedDay < oldest) oldest = b.receivedDay; });
  p.ledger.sold[site * n + sku] = roundQty(p.ledger.sold[site * n + sku] + qty);
  return oldest;
}

/** Spoil what expires today at `site`; returns spoiled units and their cost value. */
export function spoilSite(p: Physical, site: number, day: number, unitCost: (sku: number) => number): { units: number; value: number } {
  const n = p.stock.skuCount;
  let units = 0;
  let value = 0;
  for (let sku = 0; sku < n; sku++) {
    const q = p.stock.spoil(site, sku, day);
    if (q > 0) {
      p.ledger.spoiled[site * n + sku] = roundQty(p.ledger.spoiled[site * n + sku] + q);
      units += q;
      value += q * unitCost(sku);
    }
  }
  return { units: roundQty(units), value };
}

/** Write off everything on hand at `site` (pre-sale leftovers at a community point); returns units and cost value. */
export function writeOffSite(p: Physical, site: number, unitCost: (sku: number) => number): { units: number; value: number } {
  // Everything expires by the end of time: spoiling up to day ∞ removes every batch, with the ledger kept.
  return spoilSite(p, site, Infinity, unitCost);
}
