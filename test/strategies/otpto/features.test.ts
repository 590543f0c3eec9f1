/*
 * PM1/PM2 features on a small hand-checked history: 3 SKUs, 4 past days,
 * labels on days 1–3, and two orders a day. Each expected value below is
 * worked out by hand from the data in this file.
 */
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../sim/index.js';
import { dayDataOf, featureNames, featureRows, type DayLabel, type FeatureGroup, type FeatureSource } from '../../../strategies/index.js';

const order = (id: number, day: number, gmv: number, lines: [number, number][]): Order => ({
  id, day, timeOfDay: 0.5, site: 0, gmv, lines: lines.map(([sku, qty]) => ({ sku, qty })),
} as unknown as Order);

// Day d: order A buys SKU 0 ×2 and SKU 1 ×1 (GMV 30); order B buys SKU 0 ×1 (GMV 10). SKU 2 never sells.
const ordersOf = (d: number): Order[] => [order(2 * d, d, 30, [[0, 2], [1, 1]]), order(2 * d + 1, d, 10, [[0, 1]])];
const demandOf = (): Float64Array => Float64Array.from([3, 1, 0]);

function label(x: number[], fulfilledWith: number[], fulfilledGmv: number[]): DayLabel {
  return { x: Float64Array.from(x), y: Uint8Array.from(x, (v) => (v > 0 ? 1 : 0)), fulfilledWith: Float64Array.from(fulfilledWith), fulfilledGmv: Float64Array.from(fulfilledGmv) };
}
const labels = new Map<number, DayLabel>([
  [1, label([10, 0, 0], [1, 0, 0], [10, 0, 0])],
  [2, label([10, 10, 0], [2, 1, 0], [40, 30, 0])],
  [3, label([12, 0, 0], [1, 0, 0], [10, 0, 0])],
]);

const source: FeatureSource = {
  skuCount: 3,
  categoryOf: Int32Array.from([0, 1, 1]),
  price: Float64Array.from([5, 8, 20]),
  weekdayOf: (d) => d % 7,
  promoFactor: (sku, d) => (sku === 1 && d === 4 ? 0.8 : 1),
  dayData: (d) => { if (d >= 4) throw new Error(`asked for day ${d}`); return dayDataOf(ordersOf(d), demandOf()); },
  label: (d) => labels.get(d),
  pm0: () => ({ forecast: Float64Array.from([3.5, 1.2, 0]), residualMean: Float64Array.from([0.1, -0.2, 0]), residualStd: Float64Array.from([1, 0.5, 0]) }),
  firstDay: 0,
  clusters: 2,
  seed: 1,
};

function row(groups: FeatureGroup[], sku: number): Record<string, number> {
  const names = featureNames(new Set(groups));
  const values = featureRows(4, new Set(groups), source);
  return Object.fromEntries(names.map((n, f) => [n, values[sku * names.length + f]]));
}

describe('OTPTO features', () => {
  it('day aggregates count orders, basket lines, GMV and lines per SKU', () => {
    const d = dayDataOf(ordersOf(0), demandOf());
    expect([...d.ordersWith]).toEqual([2, 1, 0]);
    expect([...d.basketLines]).toEqual([3, 2, 0]);
    expect([...d.orderGmv]).toEqual([40, 30, 0]);
    expect([...d.lines]).toEqual([2, 1, 0]);
  });

  it('base, A3, A4 and A6 features match the hand computation', () => {
    const all: FeatureGroup[] = ['A3', 'A4', 'A5', 'A6'];
    const r0 = row(all, 0), r1 = row(all, 1), r2 = row(all, 2);
    expect(r1).toMatchObject({ category: 1, price: 8, weekday: 4, promo: 1, priceFactor: 0.8 });
    expect(r0.promo).toBe(0);
    // A3 over label days 1..3: SKU 0 stocked 3/3, mean stock 32/3, last 12; SKU 1 stocked 1/3, mean 10/3.
    expect(r0.stockedShare28).toBe(1);
    expect(r0.meanStock28).toBeCloseTo(32 / 3, 12);
    expect(r0.lastStock).toBe(12);
    expect(r0.labelDays28).toBe(3);
    expect(r0.fulfilledOrders7).toBeCloseTo(4 / 3, 12);
    expect(r0.fulfilledGmv7).toBe(20);
    expect(r1.stockedShare28).toBeCloseTo(1 / 3, 12);
    expect(r1.fulfilledGmv7).toBe(10);
    // A4 from PM0.
    expect([r0.pm0Forecast, r0.pm0ResidualMean, r0.pm0ResidualStd]).toEqual([3.5, 0.1, 1]);
    // A6 over days 0..3: SKU 0 in 2 orders a day of 3 lines on average, 3 units in 2 lines, GMV 20 per order.
    expect(r0.ordersWith7).toBe(2);
    expect(r0.meanBasketLines7).toBe(1.5);
    expect(r0.meanQtyPerLine7).toBe(1.5);
    expect(r0.meanOrderGmv7).toBe(20);
    expect(r1.meanBasketLines7).toBe(2);
    expect(r1.meanOrderGmv7).toBe(30);
    expect(Number.isNaN(r2.meanBasketLines7)).toBe(true);
    // A5: SKU 0 (always stocked, large stock) is in a higher-numbered cluster than SKU 2 (never stocked);
    // a cluster's share and stock are its members' means.
    expect(r2.cluster).toBe(0);
    expect(r0.cluster).toBe(1);
    expect(r2.clusterMeanStock).toBeLessThan(r0.clusterMeanStock);
    const members = [r0, r1, r2].filter((r) => r.cluster === 1);
    const share = [1, 1 / 3, 0].filter((_, i) => [r0, r1, r2][i].cluster === 1);
    expect(r0.clusterStockedShare).toBeCloseTo(share.reduce((a, b) => a + b, 0) / members.length, 12);
  });

  it('an ablation drops exactly its columns', () => {
    const full = featureNames(new Set<FeatureGroup>(['A3', 'A4', 'A5', 'A6']));
    const noA4 = featureNames(new Set<FeatureGroup>(['A3', 'A5', 'A6']));
    expect(full.filter((n) => !noA4.includes(n))).toEqual(['pm0Forecast', 'pm0ResidualMean', 'pm0ResidualStd']);
    expect(featureRows(4, new Set<FeatureGroup>(['A3', 'A5', 'A6']), source).length).toBe(3 * noA4.length);
  });
});
