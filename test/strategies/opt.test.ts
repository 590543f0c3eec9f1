/*
 * The `opt` oracle in the simulator: it needs HiGHS (a clear error without),
 * its plans pass K, C, L, every decision reports status and gap, and on the
 * tiny scenario it keeps at least as many orders whole as every baseline.
 */
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs } from '../../cli/highs.js';
import { buildWorld, builtinScenario } from '../../scenarios/index.js';
import { createStreams, indexDemand, simulate } from '../../sim/index.js';
import { createPlanner, type DecisionDiagnostic, type OptPlanner } from '../../strategies/index.js';

let highs: Highs;
beforeAll(async () => { highs = await loadHighs(); });

function fullRate(r: ReturnType<typeof simulate>): number {
  let full = 0, all = 0;
  for (const d of r.siteDays) { full += d.fullOrders; all += d.orders; }
  return full / all;
}

describe('opt', () => {
  it('refuses to start without HiGHS, saying so', () => {
    expect(() => createPlanner('opt', {}, {})).toThrow(/'opt' needs the HiGHS solver/);
  });

  it('rejects bad parameters', () => {
    expect(() => createPlanner('opt', { timeLimitSeconds: -1 }, { highs })).toThrow(/invalid parameters for strategy 'opt'/);
  });

  it('is an oracle whose simulated rate is at least every baseline\'s, with a diagnostic per decision', () => {
    const scenario = builtinScenario('tiny')!;
    const world = buildWorld(scenario, 1);
    const demand = indexDemand(world);
    const seen: DecisionDiagnostic[] = [];
    const planner = createPlanner('opt', {}, { highs, onDecision: (d) => seen.push(d) }) as unknown as OptPlanner;
    expect(planner.oracle).toBe(true);
    const optRun = simulate(world, planner, { streams: createStreams(scenario.seed, 1), demand });
    expect(seen.length).toBeGreaterThan(0);
    expect(planner.decisions).toEqual(seen);
    for (const d of seen) {
      expect(['optimal', 'work-limit']).toContain(d.status);
      expect(d.bound).toBeGreaterThanOrEqual(d.objective);
      expect(d.gap).toBeGreaterThanOrEqual(0);
    }
    for (const name of ['pto-greedy', 'safety-stock', 'newsvendor']) {
      const base = simulate(world, createPlanner(name), { streams: createStreams(scenario.seed, 1), demand });
      expect(fullRate(optRun), name).toBeGreaterThanOrEqual(fullRate(base));
    }
  }, 300_000); // HiGHS proves some tiny days at its root node only after seconds of CPU: slow under load, not a limit on the result
});
