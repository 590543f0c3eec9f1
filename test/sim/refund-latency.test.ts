/*
 * Refunds with latency: what a strategy observes at each decision is exactly the refunds filed
 * before it; a day's observed refund rate never exceeds its true rate and reaches it once the
 * window has closed; pmf latencies stay inside their support.
 */
import { describe, expect, it } from 'vitest';
import { refundCurves } from '../../analysis/index.js';
import { builtinScenarios, buildWorld, validateScenario } from '../../scenarios/index.js';
import { createStreams, drawLatencyDays, simulate, type Planner, type RefundRecord } from '../../sim/index.js';
import { createPlanner } from '../../strategies/index.js';

function world(over: Record<string, unknown> = {}) {
  const base = builtinScenarios.tiny;
  const scenario = validateScenario({
    ...base,
    days: { history: 30, evaluation: 12, warmup: 10 },
    suppliers: base.suppliers.map((s) => ({ ...s, defectRate: 0.04 })),
    ...over,
  }, 'refund test');
  return { scenario, world: buildWorld(scenario, 1) };
}

describe('refunds with latency', () => {
  it('observed rate ≤ true rate on every later day, equal once the window closes', () => {
    const { scenario, world: w } = world();
    const r = simulate(w, createPlanner('pto-greedy'), { streams: createStreams(scenario.seed, 1) });
    const W = r.refundWindowDays;
    const days = [...new Set(r.refundCells.map((c) => c.day))];
    const curves = refundCurves(r.refundCells, W, days);
    let withRefunds = 0;
    for (const c of curves) {
      for (let k = 1; k <= W; k++) expect(c.observedByLag[k]).toBeGreaterThanOrEqual(c.observedByLag[k - 1]);
      for (const o of c.observedByLag) expect(o).toBeLessThanOrEqual(c.trueRate + 1e-12);
      expect(c.observedByLag[W]).toBeCloseTo(c.trueRate, 12);
      if (c.trueRate > c.observedByLag[0]) withRefunds++;
    }
    // Latency is real: most days are under-reported on the day itself.
    expect(withRefunds).toBeGreaterThan(days.length / 2);
    // The triangle agrees with the refund records.
    const total = r.refundCells.reduce((a, c) => a + c.refundsByLag.reduce((x, y) => x + y, 0), 0);
    expect(total).toBe(r.refunds.length);
  });

  it('a strategy sees exactly the refunds filed before its decision', () => {
    const { scenario, world: w } = world();
    const pto = createPlanner('pto-greedy');
    const seen: { day: number; refunds: readonly RefundRecord[] }[] = [];
    const spy: Planner = { name: 'spy', oracle: false, decide: (ctx) => { seen.push({ day: ctx.day, refunds: ctx.history.observedRefunds() }); return pto.decide(ctx); } };
    const r = simulate(w, spy, { streams: createStreams(scenario.seed, 1) });
    expect(seen.length).toBeGreaterThan(10);
    for (const { day, refunds } of seen) {
      const expected = r.refunds.filter((x) => x.filedDay < day);
      expect(refunds.length).toBe(expected.length);
      expect(new Set(refunds)).toEqual(new Set(expected));
      for (const x of refunds) expect(x.filedDay).toBeLessThan(day);
    }
  });

  it('draws pmf latencies inside the pmf support', () => {
    const rng = createStreams(3, 1).stream('test/latency');
    const model = { ageDefectFactor: 0, meanDiscoveryDays: 9, meanFilingDays: 9, windowDays: 7, discoveryPmf: [0, 0.5, 0.5], filingPmf: [0.2, 0.8] };
    const seen = new Set<number>();
    for (let k = 0; k < 2000; k++) seen.add(drawLatencyDays(model, rng));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });
});
