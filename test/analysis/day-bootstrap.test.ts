import { describe, expect, it } from 'vitest';
import { blockDaysFor, dayBootstrapDifference, dayBootstrapRate, dayResamples, summariseFigures, type DayFigures } from '../../analysis/index.js';

const day = (full: number, orders = 100): DayFigures => ({ orders, full, split: 0, short: 1 - full, fill: full, waste: 0, gmv: 0, skus: 0, units: 0 });

describe('day-block bootstrap', () => {
  it('uses ⌈days^(1/3)⌉-day blocks and the same resampled days on every call', () => {
    expect([1, 7, 8, 9, 28].map(blockDaysFor)).toEqual([1, 2, 2, 3, 4]);
    const a = dayResamples(14, 50);
    expect(dayResamples(14, 50)).toEqual(a);
    for (const idx of a) for (const d of idx) expect(d >= 0 && d < 14).toBe(true);
  });

  it('a constant rate has a zero-width interval; a paired constant difference too', () => {
    const r = dayResamples(10, 200);
    const flat = [Array.from({ length: 10 }, () => day(0.6))];
    expect(dayBootstrapRate(flat, r).ci95).toEqual([0.6, 0.6]);
    const varying = [Array.from({ length: 10 }, (_, k) => day(0.5 + 0.04 * k))];
    const shifted = [varying[0].map((d) => day(d.full + 0.1))];
    const diff = dayBootstrapDifference(shifted, varying, r).ci95;
    expect(diff[0]).toBeCloseTo(0.1, 10);
    expect(diff[1]).toBeCloseTo(0.1, 10);
  });

  it('rates that vary by day give an interval around the pooled rate, orders-weighted', () => {
    // (An alternating 0.5 / 0.9 would not do: every even block averages 0.7 exactly.)
    const rates = Array.from({ length: 28 }, (_, k) => 0.5 + 0.04 * ((k * 7) % 11));
    const pooled = rates.reduce((a, b) => a + b, 0) / 28;
    const iv = dayBootstrapRate([rates.map((r) => day(r))], dayResamples(28));
    expect(iv.method).toBe('day-block-bootstrap');
    expect(iv.ci95[0]).toBeLessThan(pooled);
    expect(iv.ci95[1]).toBeGreaterThan(pooled);
    expect(iv.ci95[1] - iv.ci95[0]).toBeGreaterThan(0.02);
    // Weighted by orders: a busy bad day pulls the pooled rate down.
    const weighted = dayBootstrapRate([[day(0.2, 1000), ...Array.from({ length: 9 }, () => day(0.8, 10))]], dayResamples(10));
    expect(weighted.ci95[0]).toBeLessThan(0.5);
  });

  it('summariseFigures adds day intervals and the replay marker only when the orders are fixed across seeds', () => {
    const cell = (full: number) => ({ oracle: false, run: {} as never, perDay: [day(full), day(full - 0.1), day(full + 0.1)] });
    const runFigures = { fullOrderRate: 0, splitOrderRate: 0, shortOrderRate: 0, lineFillRate: 0, unitsLost: 0, extraDeliveries: 0, wasteUnits: 0, wasteValue: 0, wasteCentral: 0, wasteGrid: 0, wasteFront: 0, gmv: 0, gmvFull: 0, refundRate: 0, replenishmentShortUnits: 0, shapeSkus: 0, shapeUnits: 0, shapeMin: 0, shapeMax: 0, shapeMean: 0, shapeMedian: 0, shapeLow: 0 };
    const fig = (full: number) => ({ ...cell(full), run: runFigures });
    const meta = { freshsim: 't', scenario: 's', scenarioSeed: 1, seeds: [1, 2], days: ['a', 'b', 'c'], evaluationStart: 0, constraints: { K: 1, C: 1, L: 1 } };
    const all = [{ name: 'x', params: {}, cells: [fig(0.5), fig(0.5)] }, { name: 'y', params: {}, cells: [fig(0.6), fig(0.6)] }];
    const plain = summariseFigures(all, meta);
    expect(plain.replay).toBeUndefined();
    expect(plain.strategies.x.fullOrderRateByDays).toBeUndefined();
    const replay = summariseFigures(all, { ...meta, ordersFixedAcrossSeeds: true });
    expect(replay.replay).toEqual({ ordersFixedAcrossSeeds: true, intervals: 'day-block-bootstrap' });
    expect(replay.strategies.x.fullOrderRateByDays!.ci95[0]).toBeLessThan(0.5);
    expect(replay.comparisons[0].differenceByDays!.ci95[0]).toBeCloseTo(0.1, 10);
  });
});
