/*
 * The refund-rate nowcast: exact on a hand-made triangle, and unbiased (within tolerance) on a
 * stationary simulated scenario, where the naive observed-so-far rate is biased low.
 */
import { describe, expect, it } from 'vitest';
import { nowcastError, nowcastOptions, nowcastRefundRates } from '../../analysis/index.js';
import { builtinScenarios, buildWorld, validateScenario } from '../../scenarios/index.js';
import { createStreams, simulate, type RefundCell } from '../../sim/index.js';
import { createPlanner } from '../../strategies/index.js';

const cell = (day: number, lines: number, byLag: number[]): RefundCell => ({ day, region: 0, category: 'x', lines, refundsByLag: byLag });

describe('refund nowcast', () => {
  it('scales observed refunds by the completion factors of closed days', () => {
    // Window 2; every closed day files 10 refunds: 5 at lag 0, 3 at lag 1, 2 at lag 2.
    const cells = [0, 1, 2, 3].map((d) => cell(d, 100, [5, 3, 2]));
    cells.push(cell(4, 200, [10, 6, 0]), cell(5, 100, [5, 0, 0]));
    const cl = nowcastRefundRates(cells, 5, nowcastOptions(2, { method: 'chain-ladder', minRefunds: 0 }));
    expect(cl.map((x) => x.day)).toEqual([4, 5]);
    // Day 4 at lag 1: 16 observed / 0.8 reported share = 20 of 200 lines.
    expect(cl[0].nowcastRate).toBeCloseTo(0.1, 12);
    expect(cl[0].observedRate).toBeCloseTo(0.08, 12);
    // Day 5 at lag 0: 5 / 0.5 = 10 of 100.
    expect(cl[1].nowcastRate).toBeCloseTo(0.1, 12);
    const bf = nowcastRefundRates(cells, 5, nowcastOptions(2, { minRefunds: 0 }));
    // BF: 5 + (1 − 0.5) × 0.1 × 100 = 10.
    expect(bf[1].nowcastRate).toBeCloseTo(0.1, 12);
  });

  it('has no nowcast before any day has closed', () => {
    expect(nowcastRefundRates([cell(0, 10, [1, 0, 0])], 1, nowcastOptions(2))).toEqual([]);
  });

  it('is unbiased within tolerance on a stationary scenario, unlike the naive rate', () => {
    const base = builtinScenarios.tiny;
    const scenario = validateScenario({
      ...base,
      days: { history: 30, evaluation: 45, warmup: 25 },
      suppliers: base.suppliers.map((s) => ({ ...s, defectRate: 0.03 })),
      demand: { ...base.demand, ordersPerDay: 200, dailyNoise: 0, weekdayFactors: [1, 1, 1, 1, 1, 1, 1], promotions: { ...base.demand.promotions, startsPerDay: 0 } },
    }, 'stationary');
    const world = buildWorld(scenario, 1);
    const r = simulate(world, createPlanner('pto-greedy'), { streams: createStreams(scenario.seed, 1) });
    const first = world.historyDays - world.warmupDays;
    const last = world.historyDays + world.evaluationDays - 1;
    const opts = nowcastOptions(r.refundWindowDays);
    const e = nowcastError(r.refundCells, opts, first + r.refundWindowDays + 7, last, 3);
    const meanRate = r.refunds.length / r.refundCells.reduce((a, c) => a + c.lines, 0);
    expect(e.n).toBeGreaterThan(60);
    expect(Math.abs(e.biasNowcast)).toBeLessThan(0.1 * meanRate);
    expect(e.biasNaive).toBeLessThan(-0.3 * meanRate);
    expect(e.maeNowcast).toBeLessThan(e.maeNaive);
  });
});
