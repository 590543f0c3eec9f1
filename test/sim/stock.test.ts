import { describe, expect, it } from 'vitest';
import {
  checkAndRollLedger,
  ConservationError,
  createLedger,
  createStockStore,
  roundQty,
  type Batch,
} from '../../sim/stock.js';

const siteName = (site: number): string => ['central', 'grid-1', 'front-1'][site];
const skuCode = (sku: number): string => `SKU-${sku}`;
const batchSum = (batches: readonly Batch[]): number => batches.reduce((a, b) => a + b.qty, 0);

describe('roundQty', () => {
  it('rounds to a micro-unit', () => {
    expect(roundQty(0.1 + 0.2)).toBe(0.3);
    expect(roundQty(1.0000004)).toBe(1);
    expect(roundQty(1.0000006)).toBe(1.000001);
  });
});

describe('createStockStore', () => {
  it('keeps batches sorted by expiry when added out of order', () => {
    const s = createStockStore(2, 3);
    s.add(1, 2, 5, 7, 1);
    s.add(1, 2, 3, 4, 2);
    s.add(1, 2, 2, 9, 3);
    s.add(1, 2, 4, 4, 0); // same expiry, different received day: after the existing one
    expect(s.batches(1, 2).map((b) => [b.expiresAfterDay, b.receivedDay, b.qty])).toEqual([
      [4, 2, 3], [4, 0, 4], [7, 1, 5], [9, 3, 2],
    ]);
    expect(s.onHand(1, 2)).toBe(14);
    // other cells are untouched
    expect(s.onHand(0, 2)).toBe(0);
    expect(s.onHand(1, 1)).toBe(0);
    expect(s.batches(0, 2)).toEqual([]);
  });

  it('merges a batch with the same expiry and received day', () => {
    const s = createStockStore(1, 1);
    s.add(0, 0, 2, 5, 1);
    s.add(0, 0, 3, 5, 1);
    expect(s.batches(0, 0)).toEqual([{ qty: 5, expiresAfterDay: 5, receivedDay: 1 }]);
  });

  it('take consumes the earliest expiry first and the sink sees pieces in that order', () => {
    const s = createStockStore(1, 1);
    s.add(0, 0, 5, 8, 0);
    s.add(0, 0, 3, 3, 0);
    s.add(0, 0, 4, 6, 0);
    const seen: Array<[number, number]> = [];
    s.take(0, 0, 9, (qty, b) => seen.push([qty, b.expiresAfterDay]));
    expect(seen).toEqual([[3, 3], [4, 6], [2, 8]]);
    expect(s.batches(0, 0).map((b) => [b.expiresAfterDay, b.qty])).toEqual([[8, 3]]);
    expect(s.onHand(0, 0)).toBe(3);
    s.take(0, 0, 3);
    expect(s.batches(0, 0)).toEqual([]);
    expect(s.onHand(0, 0)).toBe(0);
  });

  it('throws when taking more than is on hand, leaving stock unchanged', () => {
    const s = createStockStore(1, 2);
    s.add(0, 1, 4, 5, 0);
    s.add(0, 1, 2, 6, 0);
    expect(() => s.take(0, 1, 6.5)).toThrow(/take 6\.5 of SKU 1 at site 0 with only 6 on hand/);
    expect(s.onHand(0, 1)).toBe(6);
    expect(s.batches(0, 1).map((b) => b.qty)).toEqual([4, 2]);
    expect(() => s.take(0, 0, 1)).toThrow();
  });

  it('spoil removes only batches with expiresAfterDay ≤ day and returns their quantity', () => {
    const s = createStockStore(1, 1);
    s.add(0, 0, 1.5, 2, 0);
    s.add(0, 0, 2.25, 3, 0);
    s.add(0, 0, 4, 4, 0);
    expect(s.spoil(0, 0, 1)).toBe(0);
    expect(s.onHand(0, 0)).toBe(7.75);
    expect(s.spoil(0, 0, 3)).toBe(3.75);
    expect(s.batches(0, 0).map((b) => b.expiresAfterDay)).toEqual([4]);
    expect(s.onHand(0, 0)).toBe(4);
    expect(s.spoil(0, 0, 3)).toBe(0);
    expect(s.spoil(0, 0, 4)).toBe(4);
    expect(s.onHand(0, 0)).toBe(0);
  });

  it('leaves no dust in fractional kg arithmetic (one batch)', () => {
    const s = createStockStore(1, 1);
    for (let i = 0; i < 10; i++) s.add(0, 0, 0.1, 5, 0);
    expect(s.onHand(0, 0)).toBe(1);
    for (let i = 0; i < 3; i++) s.take(0, 0, 0.3);
    expect(s.onHand(0, 0)).toBe(0.1);
    expect(s.batches(0, 0).map((b) => b.qty)).toEqual([0.1]);
    expect(batchSum(s.batches(0, 0))).toBe(s.onHand(0, 0));
    s.take(0, 0, 0.1);
    expect(s.onHand(0, 0)).toBe(0);
    expect(s.batches(0, 0)).toEqual([]);
  });

  it('leaves no dust when takes span many fractional batches', () => {
    const s = createStockStore(1, 1);
    for (let i = 0; i < 10; i++) s.add(0, 0, 0.1, i, 0);
    let sunk = 0;
    for (let i = 0; i < 3; i++) s.take(0, 0, 0.3, (q) => { sunk += q; });
    expect(roundQty(sunk)).toBe(0.9);
    expect(s.onHand(0, 0)).toBe(0.1);
    expect(s.batches(0, 0)).toEqual([{ qty: 0.1, expiresAfterDay: 9, receivedDay: 0 }]);
  });

  it('ignores non-positive additions', () => {
    const s = createStockStore(1, 1);
    s.add(0, 0, 0, 3, 0);
    s.add(0, 0, -1, 3, 0);
    expect(s.onHand(0, 0)).toBe(0);
    expect(s.batches(0, 0)).toEqual([]);
  });

  // A bad quantity must fail where it happens, not later as a ConservationError.
  it('rejects a negative or NaN take instead of corrupting onHand', () => {
    const s = createStockStore(1, 1);
    s.add(0, 0, 5, 3, 0);
    expect(() => s.take(0, 0, -2)).toThrow();
    expect(() => s.take(0, 0, Number.NaN)).toThrow();
    expect(s.onHand(0, 0)).toBe(5);
  });
});

describe('checkAndRollLedger', () => {
  /** A day at a 3-site, 2-SKU world with every flow recorded in the ledger. */
  function balancedDay() {
    const stock = createStockStore(3, 2);
    const ledger = createLedger(3, 2);
    const k = (site: number, sku: number): number => site * 2 + sku;
    // central receives 10 of SKU 1 from a supplier and ships 4 down to grid-1
    stock.add(0, 1, 10, 6, 0);
    ledger.received[k(0, 1)] += 10;
    stock.take(0, 1, 4);
    ledger.shippedDown[k(0, 1)] += 4;
    stock.add(1, 1, 4, 6, 0);
    ledger.received[k(1, 1)] += 4;
    // front-1 had 2.5 kg of SKU 0 (opening); 0.3 spoils, then it sells 1.2
    ledger.opening[k(2, 0)] = 2.5;
    stock.add(2, 0, 0.3, 0, 0);
    stock.add(2, 0, 2.2, 3, 0);
    ledger.spoiled[k(2, 0)] += stock.spoil(2, 0, 0);
    stock.take(2, 0, 1.2);
    ledger.sold[k(2, 0)] += 1.2;
    return { stock, ledger, k };
  }

  it('passes on a balanced ledger and rolls closing stock into opening', () => {
    const { stock, ledger, k } = balancedDay();
    expect(() => checkAndRollLedger(ledger, stock, 4, siteName, skuCode)).not.toThrow();
    expect(ledger.opening[k(0, 1)]).toBe(6);
    expect(ledger.opening[k(1, 1)]).toBe(4);
    expect(ledger.opening[k(2, 0)]).toBe(1);
    for (const flow of [ledger.received, ledger.returnedIn, ledger.sold, ledger.shippedDown, ledger.returnedUp, ledger.spoiled]) {
      expect(Array.from(flow)).toEqual([0, 0, 0, 0, 0, 0]);
    }
    // the next day balances with no flows
    expect(() => checkAndRollLedger(ledger, stock, 5, siteName, skuCode)).not.toThrow();
  });

  it('throws a ConservationError naming day, site, SKU and figures when a flow is missing', () => {
    const { stock, ledger } = balancedDay();
    stock.add(2, 1, 7, 5, 4); // received at front-1 but not recorded in ledger.received
    let error: unknown;
    try {
      checkAndRollLedger(ledger, stock, 4, siteName, skuCode);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConservationError);
    const msg = (error as Error).message;
    expect(msg).toContain('day 4');
    expect(msg).toContain('site front-1');
    expect(msg).toContain('SKU SKU-1');
    expect(msg).toContain('received 0');
    expect(msg).toContain('on hand 7');
    expect(msg).toContain('difference -7');
  });

  it('throws when an outflow is recorded that did not happen', () => {
    const { stock, ledger, k } = balancedDay();
    ledger.sold[k(1, 1)] += 1;
    const check = (): void => checkAndRollLedger(ledger, stock, 2, siteName, skuCode);
    expect(check).toThrow(ConservationError);
    // (the failed check may have half-rolled the ledger, so only one call per scenario)
    const { stock: stock2, ledger: ledger2 } = balancedDay();
    ledger2.sold[k(1, 1)] += 1;
    expect(() => checkAndRollLedger(ledger2, stock2, 2, siteName, skuCode)).toThrow(/day 2 at site grid-1, SKU SKU-1: .*sold 1 /);
  });
});
