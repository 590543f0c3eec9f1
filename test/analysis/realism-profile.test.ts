import { describe, expect, it } from 'vitest';
import { pairLiftProfile, realismProfile, type ProfileLog } from '../../analysis/index.js';

describe('pairLiftProfile (hand-computed)', () => {
  it('adjusts for basket sizes and counts pairs with enough expected joint orders', () => {
    // L = 9 lines, S = Σ s(s−1) = 8, so E_ab = n_a n_b · 8 / 81; with minExpected 0.5 the pairs
    // (1,2) n 3·3, (1,3) 3·2, (2,3) 3·2 count and (x,4) do not.
    const p = pairLiftProfile([[1, 2], [1, 2], [1, 3], [2, 3], [4]], 0.5);
    expect(p.orders).toBe(5);
    expect(p.pairs).toBe(3);
    expect(p.p50).toBeCloseTo(10.125 / 6, 10); // (1,3): 1 joint order over E = 6 · 8 / 81
    expect(p.p90).toBeCloseTo(2.25, 10); // (1,2): 2 joint orders over E = 9 · 8 / 81
    expect(p.shareAtLeast2).toBeCloseTo(1 / 3, 10);
    expect(p.shareAtMostHalf).toBe(0);
    expect(p.top100Median).toBeCloseTo(10.125 / 6, 10);
  });

  it('counts a pair never bought together as lift 0 (substitutes)', () => {
    const p = pairLiftProfile([[1, 3], [2, 3], [1, 4], [2, 4]], 0.5);
    // n = 2 each; L = 8, S = 8, E = 4 · 8 / 64 = 0.5 per pair: (1,2) and (3,4) never together.
    expect(p.pairs).toBe(6);
    expect(p.shareAtMostHalf).toBeCloseTo(2 / 6, 10);
    expect(p.p99).toBeCloseTo(2, 10);
  });
});

describe('realismProfile (hand-computed 14-day log)', () => {
  // 2024-01-01 is a Monday. Days 0..12: one order of 2 units of SKU 0; day 13: [0×1] and [1×3, 0×1].
  const date = (d: number) => `2024-01-${String(d + 1).padStart(2, '0')}`;
  const log: ProfileLog = {
    days: Array.from({ length: 14 }, (_, d) => ({
      date: date(d),
      orders: d < 13 ? [{ lines: [{ sku: 0, qty: 2 }] }] : [{ lines: [{ sku: 0, qty: 1 }] }, { lines: [{ sku: 1, qty: 3 }, { sku: 0, qty: 1 }] }],
    })),
  };
  const p = realismProfile(log, { K: 1 });

  it('volume, weekday index and basket sizes', () => {
    expect(p.ordersPerDay.mean).toBeCloseTo(15 / 14, 4);
    expect(p.ordersPerDay.cv).toBeCloseTo(Math.sqrt(1 / 14) / (15 / 14), 4);
    expect(p.weekdayIndex[0]).toBeCloseTo(14 / 15, 4);
    expect(p.weekdayIndex[6]).toBeCloseTo(1.5 / (15 / 14), 4);
    expect(p.linesPerOrder).toEqual({ mean: 1.0667, median: 1, p90: 1, singleLineShare: 0.9333 });
    expect(p.unitShare.top1Percent).toBeCloseTo(28 / 31, 4);
  });

  it('new-SKU share, weekly overlap, forecast WAPE and top-K share', () => {
    expect(p.newSkuShare).toBeCloseTo(3 / 17, 4); // SKU 1's 3 units of the last week's 17
    expect(p.weeklyOverlap).toBe(0.5); // {0} then {0, 1}
    expect(p.forecastWape).toBeCloseTo(3 / 17, 4); // only day 13's SKU 1 is missed
    expect(p.topKOrderShare).toEqual({ K: 1, share: 0.875 }); // 7 of the last week's 8 orders hold SKU 0 only
  });

  it('leaves out what a short log cannot measure', () => {
    const short = realismProfile({ days: log.days.slice(0, 5) });
    expect(short.newSkuShare).toBeNull();
    expect(short.weeklyOverlap).toBeNull();
    expect(short.forecastWape).toBeNull();
    expect(short.topKOrderShare).toBeNull();
  });
});
