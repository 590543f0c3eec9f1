/*
 * The stocked-by-rank recorder on a real simulation of `tiny`: it never changes the outcome, its
 * counts agree with the simulator's own plan shape, and a greedy-by-forecast strategy stocks the
 * best sellers far more often than the tail.
 */
import { describe, expect, it } from 'vitest';
import { stockedByRankRecorder, stockedByRankSummary } from '../../analysis/index.js';
import { builtinScenario, buildWorld } from '../../scenarios/index.js';
import { createStreams, indexDemand, simulate } from '../../sim/index.js';
import { createPlanner } from '../../strategies/index.js';

const scenario = builtinScenario('tiny')!;

function run(rep: number, record: boolean) {
  const world = buildWorld(scenario, rep);
  const recorder = stockedByRankRecorder(scenario.days.history, 20);
  const planner = createPlanner('pto-greedy');
  const result = simulate(world, record ? recorder.wrap(planner) : planner, { streams: createStreams(scenario.seed, rep), demand: indexDemand(world) });
  return { result, figures: recorder.figures() };
}

describe('stockedByRankRecorder', () => {
  const plain = run(1, false);
  const recorded = run(1, true);

  it('does not change the simulation', () => {
    expect(recorded.result.siteDays).toEqual(plain.result.siteDays);
  });

  it('counts what the plans stock, on evaluation days only', () => {
    const f = recorded.figures;
    expect(f.decisions).toBe(scenario.days.evaluation * scenario.network.fronts.length);
    expect(f.rankFrom).toEqual([1, 21, 41, 61, 81, 101]);
    expect(f.rankTo).toEqual([20, 40, 60, 80, 100, 120]);
    const skusPerPlan = recorded.result.siteDays.reduce((a, m) => a + m.plan.skus, 0);
    expect(f.stocked.reduce((a, b) => a + b, 0)).toBe(skusPerPlan);
  });

  it('summarises shares per bucket; a forecast-greedy plan favours best sellers', () => {
    const s = stockedByRankSummary([recorded.figures, run(2, true).figures])!;
    expect(s.share).toHaveLength(6);
    for (const x of s.share) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(s.share[0]).toBeGreaterThan(0.9);
    expect(s.share[0]).toBeGreaterThan(s.share[5]);
    expect(stockedByRankSummary([])).toBeUndefined();
  });
});
