/**
 * Stock held as batches with expiry, per (site, SKU), consumed oldest-expiry
 * first; and the per-day ledger that the conservation check balances.
 */

/** A batch of one SKU at one site. */
export interface Batch {
  qty: number;
  /** The batch spoils at the end of this day. */
  readonly expiresAfterDay: number;
  /** Day the batch arrived at central from its supplier (its age origin). */
  readonly receivedDay: number;
}

/** Quantities are kept to a micro-unit so kg arithmetic never leaves dust. */
export function roundQty(q: number): number {
  return Math.round(q * 1e6) / 1e6;
}

/** Batches of every (site, SKU), each list sorted by expiry (oldest first). */
export interface StockStore {
  readonly siteCount: number;
  readonly skuCount: number;
  onHand(site: number, sku: number): number;
  /** All batches of (site, SKU), oldest first (read-only view). */
  batches(site: number, sku: number): readonly Batch[];
  /** Add a batch, keeping expiry order. */
  add(site: number, sku: number, qty: number, expiresAfterDay: number, receivedDay: number): void;
  /**
   * Remove `qty` oldest-first; each consumed piece is passed to `sink`.
   * Throws if less than `qty` is on hand (callers check first).
   */
  take(site: number, sku: number, qty: number, sink?: (qty: number, batch: Batch) => void): void;
  /** Remove batches whose expiry is ≤ `day`; returns the quantity removed. */
  spoil(site: number, sku: number, day: number): number;
}

/** An empty store for `siteCount` sites and `skuCount` SKUs. */
export function createStockStore(siteCount: number, skuCount: number): StockStore {
  const lists: Batch[][] = Array.from({ length: siteCount * skuCount }, () => []);
  const totals = new Float64Array(siteCount * skuCount);
  const key = (site: number, sku: number): number => site * skuCount + sku;
  return {
    siteCount,
    skuCount,
    onHand: (site, sku) => totals[key(site, sku)],
    batches: (site, sku) => lists[key(site, sku)],
    add(site, sku, qty, expiresAfterDay, receivedDay) {
      if (!(qty > 0)) return;
      const k = key(site, sku);
      const list = lists[k];
      let i = list.length;
      while (i > 0 && list[i - 1].expiresAfterDay > expiresAfterDay) i--;
      const prev = list[i - 1];
      if (prev && prev.expiresAfterDay === expiresAfterDay && prev.receivedDay === receivedDay) {
        prev.qty = roundQty(prev.qty + qty);
      } else {
        list.splice(i, 0, { qty, expiresAfterDay, receivedDay });
      }
      totals[k] = roundQty(totals[k] + qty);
    },
    take(site, sku, qty, sink) {
      const k = key(site, sku);
      if (!(Number.isFinite(qty) && qty >= 0)) {
        throw new Error(`stock: take ${qty} of SKU ${sku} at site ${site}; expected a finite quantity ≥ 0`);
      }
      if (qty > totals[k] + 1e-9) {
        throw new Error(`stock: take ${qty} of SKU ${sku} at site ${site} with only ${totals[k]} on hand`);
      }
      const list = lists[k];
      let left = qty;
      let n = 0;
      while (left > 1e-9 && n < list.length) {
        const b = list[n];
        const part = Math.min(b.qty, left);
        sink?.(part, b);
        b.qty = roundQty(b.qty - part);
        left = roundQty(left - part);
        if (b.qty <= 1e-9) n++;
      }
      if (n > 0) list.splice(0, n);
      totals[k] = roundQty(totals[k] - qty);
    },
    spoil(site, sku, day) {
      const k = key(site, sku);
      const list = lists[k];
      let n = 0;
      let spoiled = 0;
      while (n < list.length && list[n].expiresAfterDay <= day) spoiled += list[n++].qty;
      if (n === 0) return 0;
      list.splice(0, n);
      spoiled = roundQty(spoiled);
      totals[k] = roundQty(totals[k] - spoiled);
      return spoiled;
    },
  };
}

/** Flows of one day, per (site, SKU), for the conservation check. */
export interface Ledger {
  readonly opening: Float64Array;
  /** From suppliers (central) or from the parent (grid, front). */
  readonly received: Float64Array;
  /** Returned by child sites (excess above their plan). */
  readonly returnedIn: Float64Array;
  /** Sold to customers (front lines, and split lines sourced upstream). */
  readonly sold: Float64Array;
  /** Shipped to child sites. */
  readonly shippedDown: Float64Array;
  /** Returned to the parent. */
  readonly returnedUp: Float64Array;
  readonly spoiled: Float64Array;
}

/** A zeroed ledger for `siteCount × skuCount` cells. */
export function createLedger(siteCount: number, skuCount: number): Ledger {
  const n = siteCount * skuCount;
  return {
    opening: new Float64Array(n),
    received: new Float64Array(n),
    returnedIn: new Float64Array(n),
    sold: new Float64Array(n),
    shippedDown: new Float64Array(n),
    returnedUp: new Float64Array(n),
    spoiled: new Float64Array(n),
  };
}

/** Raised when stock is not conserved: names the day, site, SKU and figures. */
export class ConservationError extends Error {}

/**
 * Check opening + received + returnedIn = sold + shippedDown + returnedUp +
 * spoiled + on hand for every (site, SKU); throw a {@link ConservationError}
 * naming the first cell that does not balance. Then start the next day's
 * ledger with today's closing stock as opening.
 */
export function checkAndRollLedger(
  ledger: Ledger,
  stock: StockStore,
  day: number,
  siteName: (site: number) => string,
  skuCode: (sku: number) => string,
): void {
  const { skuCount, siteCount } = stock;
  for (let site = 0; site < siteCount; site++) {
    for (let sku = 0; sku < skuCount; sku++) {
      const k = site * skuCount + sku;
      const inflow = ledger.opening[k] + ledger.received[k] + ledger.returnedIn[k];
      const outflow = ledger.sold[k] + ledger.shippedDown[k] + ledger.returnedUp[k] + ledger.spoiled[k];
      const onHand = stock.onHand(site, sku);
      let batchSum = 0;
      for (const b of stock.batches(site, sku)) batchSum += b.qty;
      const diff = inflow - outflow - onHand;
      if (Math.abs(diff) > 1e-4 || Math.abs(batchSum - onHand) > 1e-4 || onHand < -1e-9) {
        throw new ConservationError(
          `stock not conserved on day ${day} at site ${siteName(site)}, SKU ${skuCode(sku)}: ` +
            `opening ${ledger.opening[k]} + received ${ledger.received[k]} + returned in ${ledger.returnedIn[k]} ` +
            `≠ sold ${ledger.sold[k]} + shipped down ${ledger.shippedDown[k]} + returned up ${ledger.returnedUp[k]} ` +
            `+ spoiled ${ledger.spoiled[k]} + on hand ${onHand} (batches hold ${roundQty(batchSum)}; difference ${diff})`,
        );
      }
      ledger.opening[k] = onHand;
    }
  }
  ledger.received.fill(0);
  ledger.returnedIn.fill(0);
  ledger.sold.fill(0);
  ledger.shippedDown.fill(0);
  ledger.returnedUp.fill(0);
  ledger.spoiled.fill(0);
}
