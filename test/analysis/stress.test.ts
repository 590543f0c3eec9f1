/* Stress figures: quantiles, recovery after a shock episode, and the per-strategy summary. */
import { describe, expect, it } from 'vitest';
import {
  cellFigures, lockedDownFigures, quantile, recoveryOf, stressSeedFrom, stressSeedOfFigures, stressSummary, type RecoveryOptions, type StressSeed,
} from '../../analysis/index.js';
import { buildWorld, builtinScenarios, validateScenario } from '../../scenarios/index.js';
import { createStreams, indexDemand, simulate, type SimulationResult } from '../../sim/index.js';
import { createPlanner } from '../../strategies/index.js';

const opts = { tolerance: 0.02, smoothingDays: 3 };

/**
 * The reference the record path is checked against: a seed's stress figures
 * computed straight from the whole simulation result, not from cellFigures.
 */
function stressSeed(run: SimulationResult, seed: number, evaluationStart: number, evaluationDays: number, o: RecoveryOptions): StressSeed {
  const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
  const m = run.siteDays;
  const daily = Array.from({ length: evaluationDays }, (_, k) => {
    const rows = m.filter((x) => x.day === evaluationStart + k);
    return ratio(rows.reduce((a, x) => a + x.fullOrders, 0), rows.reduce((a, x) => a + x.orders, 0));
  });
  const orders = m.reduce((a, x) => a + x.orders, 0);
  const lines = m.reduce((a, x) => a + x.lines, 0);
  const refunded = m.reduce((a, x) => a + x.defectiveLines + x.shortfallRefundLines, 0);
  return stressSeedFrom(seed, {
    fullOrderRate: ratio(m.reduce((a, x) => a + x.fullOrders, 0), orders),
    wasteUnits: run.waste.reduce((a, w) => a + w.units, 0) / evaluationDays,
    refundRate: ratio(refunded, lines),
    daily,
    lockedDownDaily: lockedDownFigures(run, evaluationStart, evaluationDays)?.daily,
  }, run.shocks, evaluationStart, o);
}

describe('stress figures', () => {
  it('interpolates quantiles between order statistics', () => {
    expect(quantile([3, 1, 2, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4, 5], 0.05)).toBeCloseTo(1.2, 12);
    expect(quantile([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8, 12);
    expect(quantile([7], 0.05)).toBe(7);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
  });

  it('counts the days after the shock until the trailing mean is back within tolerance', () => {
    // Pre-shock 0.6; shock days 2–4 at 0.3; afterwards 0.45, 0.55, 0.6, 0.6, 0.6.
    const daily = [0.6, 0.6, 0.3, 0.3, 0.3, 0.45, 0.55, 0.6, 0.6, 0.6];
    const r = recoveryOf(daily, 2, 4, opts);
    expect(r.pre).toBeCloseTo(0.6, 12);
    // Trailing means from day 5: 0.45, 0.5, 0.5333, 0.5833 (day 8), 0.6 (day 9) → within 2 pp at day 8.
    expect(r).toMatchObject({ days: 3, recovered: true });
    expect(recoveryOf([0.6, 0.3, 0.6, 0.6], 1, 1, opts)).toMatchObject({ days: 0, recovered: true });
  });

  it('reports unrecovered seeds with the days left, and no recovery without pre-shock days', () => {
    expect(recoveryOf([0.6, 0.3, 0.3, 0.4, 0.4], 1, 2, opts)).toMatchObject({ days: 2, recovered: false });
    expect(recoveryOf([0.3, 0.6], 0, 0, opts)).toEqual({ pre: null, days: null, recovered: false });
  });

  it('summarises seeds per strategy with the worst seed', () => {
    const seed = (s: number, rate: number, rec: number | null): StressSeed => ({
      seed: s, fullOrderRate: rate, wasteUnits: 10 * s, refundRate: 0.01, preShockRate: rec === null ? null : 0.6, shockRate: rec === null ? null : 0.3, recoveryDays: rec, recovered: rec !== 9, daily: [],
    });
    const row = stressSummary('pto', [seed(1, 0.5, 2), seed(2, 0.4, 9), seed(3, 0.55, null)]);
    expect(row.worstSeed).toEqual({ seed: 2, fullOrderRate: 0.4 });
    expect(row.fullOrderRate.p50).toBe(0.5);
    // Seed 2 never recovered: counted apart, not in the quantiles.
    expect(row.recoveryDays).toMatchObject({ n: 1, p50: 2 });
    expect(row.unrecovered).toBe(1);
    expect(row.wasteUnits.p5).toBeCloseTo(11, 12);
    expect(row.shockDrop).toMatchObject({ n: 2, p50: expect.closeTo(0.3, 12) });
  });

  it('summarises the locked-down fronts over the seeds that had a lockdown only', () => {
    const base = { wasteUnits: 0, refundRate: 0, preShockRate: 0.6, shockRate: 0.4, recoveryDays: 2, recovered: true, daily: [] };
    const ep = (pre: number, during: number, days: number, recovered = true) => ({ preShockRate: pre, shockRate: during, recoveryDays: days, recovered });
    const row = stressSummary('pto', [
      { seed: 1, fullOrderRate: 0.5, ...base, lockedDown: ep(0.6, 0.1, 4) },
      { seed: 2, fullOrderRate: 0.5, ...base, lockedDown: ep(0.6, 0.2, 9, false) },
      { seed: 3, fullOrderRate: 0.5, ...base },
    ]);
    expect(row.lockedDown!.shockDrop).toMatchObject({ n: 2, p50: expect.closeTo(0.45, 12) });
    expect(row.lockedDown!.recoveryDays).toMatchObject({ n: 1, p50: 4 });
    expect(row.lockedDown!.unrecovered).toBe(1);
    expect(stressSummary('pto', [{ seed: 1, fullOrderRate: 0.5, ...base }]).lockedDown).toBeUndefined();
  });
});

describe('stress figures from stored cell records', () => {
  // A small shocked network (a lockdown inside the evaluation days) and a pre-sale one (pickup shortfall refunds).
  const shocked = validateScenario({
    ...builtinScenarios.city,
    name: 'small-shocked',
    days: { history: 10, evaluation: 10, warmup: 3 },
    constraints: { K: 30, C: 300, L: 2 },
    catalogue: { ...builtinScenarios.city.catalogue, skus: 50, popularity: { zipfExponent: 1.1, offset: 3, tailFromRank: 25, tailDecayRanks: 8 } },
    demand: { ...builtinScenarios.city.demand, ordersPerDay: 25 },
    shocks: { timeline: [{ kind: 'lockdown', region: 'north', start: 2, days: 3, close: ['north-g1-f1'], demandFactor: 2, basketFactor: 1.3, stapleFactor: 1.5, tripCapacityFactor: 0.5 }] },
  }, 'small-shocked');
  const presale = validateScenario({ ...builtinScenarios['presale-community'], days: { history: 10, evaluation: 6, warmup: 3 } }, 'presale');

  it.each([['shocked', shocked], ['pre-sale', presale]] as const)('equal the figures from the whole run (%s)', (_name, scenario) => {
    for (const strategy of ['pto-greedy', 'newsvendor']) {
      for (const rep of [1, 2]) {
        const world = buildWorld(scenario, rep);
        const run = simulate(world, createPlanner(strategy, {}), { streams: createStreams(scenario.seed, rep), demand: indexDemand(world) });
        const { history, evaluation } = scenario.days;
        // Through JSON, as a record comes back from cells.jsonl.
        const stored = JSON.parse(JSON.stringify(cellFigures(run, history, evaluation)));
        expect(stressSeedOfFigures(stored, rep, history, opts)).toEqual(stressSeed(run, rep, history, evaluation, opts));
      }
    }
  });

  it('measures the locked-down fronts apart: their own daily rate, a deeper drop than network-wide', () => {
    const world = buildWorld(shocked, 1);
    const run = simulate(world, createPlanner('pto-greedy', {}), { streams: createStreams(shocked.seed, 1), demand: indexDemand(world) });
    const { history, evaluation } = shocked.days;
    const f = cellFigures(run, history, evaluation);
    const lockdown = run.shocks.find((x) => x.kind === 'lockdown')!;
    expect(lockdown.kind === 'lockdown' && f.risk!.lockedDown!.fronts).toEqual(lockdown.kind === 'lockdown' ? [...lockdown.fronts].sort((a, b) => a - b) : []);
    // Day by day, the pooled rate of those fronts from the site-day counters.
    f.risk!.lockedDown!.daily.forEach((rate, k) => {
      const rows = run.siteDays.filter((x) => x.day === history + k && f.risk!.lockedDown!.fronts.includes(x.site));
      const orders = rows.reduce((a, x) => a + x.orders, 0);
      expect(rate).toBe(orders > 0 ? rows.reduce((a, x) => a + x.fullOrders, 0) / orders : 0);
    });
    const s = stressSeed(run, 1, history, evaluation, opts);
    expect(s.lockedDown!.preShockRate! - s.lockedDown!.shockRate!).toBeGreaterThan(s.preShockRate! - s.shockRate!);
    // No lockdown, no locked-down figures.
    const w2 = buildWorld(presale, 1);
    expect(cellFigures(simulate(w2, createPlanner('pto-greedy', {}), { streams: createStreams(presale.seed, 1), demand: indexDemand(w2) }), presale.days.history, presale.days.evaluation).risk!.lockedDown).toBeUndefined();
  });

  it('checks the pre-sale refunds and the shock window are really in play', () => {
    const world = buildWorld(presale, 1);
    const run = simulate(world, createPlanner('pto-greedy', {}), { streams: createStreams(presale.seed, 1), demand: indexDemand(world) });
    const f = cellFigures(run, presale.days.history, presale.days.evaluation);
    expect(f.lineRefunds!.refundedLines).toBeGreaterThan(0);
    const w = buildWorld(shocked, 1);
    const s = stressSeed(simulate(w, createPlanner('pto-greedy', {}), { streams: createStreams(shocked.seed, 1), demand: indexDemand(w) }), 1, shocked.days.history, shocked.days.evaluation, opts);
    expect(s.shockRate).not.toBeNull();
  });

  it('refuses a record written before the line-refund counts, naming what is missing', () => {
    const world = buildWorld(shocked, 1);
    const run = simulate(world, createPlanner('pto-greedy', {}), { streams: createStreams(shocked.seed, 1), demand: indexDemand(world) });
    const { lineRefunds: _drop, ...old } = cellFigures(run, shocked.days.history, shocked.days.evaluation);
    expect(() => stressSeedOfFigures(old, 1, shocked.days.history, opts)).toThrow(/line-refund counts/);
  });
});
