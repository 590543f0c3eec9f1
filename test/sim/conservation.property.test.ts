/*
 * Property test (new scenarios every run: the seed is printed; FRESHSIM_FUZZ_SEED=N repeats it): over 200+ random small scenarios (random catalogues, networks with several grids
 * and fronts, kg and piece SKUs, shelf lives, policies, supplier reliability, K/C/L) and random
 * valid plans, stock is conserved at every level every day (the simulator's own check throws
 * otherwise) and the order accounting adds up.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenarios, buildWorld, validateScenario, type ScenarioInput } from '../../scenarios/index.js';
import { createStreams, simulate, type Stream } from '../../sim/index.js';
import { createPlanner } from '../../strategies/index.js';
import { randomPlanner } from '../helpers/random-planner.js';
import { runSeed } from '../helpers/run-seed.js';

function randomScenario(r: Stream, k: number): ScenarioInput {
  const base = builtinScenarios.tiny;
  const grids = 1 + r.int(2);
  const fronts = 1 + r.int(3);
  const skus = 8 + r.int(30);
  const K = 1 + r.int(skus);
  const L = r.int(4);
  const lifeLo = 1 + r.int(4);
  return {
    ...base,
    name: `random-${k}`,
    seed: 1000 + k,
    days: { history: 6 + r.int(8), evaluation: 1 + r.int(3), warmup: 1 + r.int(4) },
    constraints: { K, C: Math.max(L, 1) * (1 + r.int(K * 6)), L },
    catalogue: {
      ...base.catalogue,
      skus,
      categories: base.catalogue.categories.map((c) => ({ ...c, shelfLifeDays: [lifeLo, lifeLo + r.int(5)] as [number, number], kgShare: r.uniform() })),
    },
    suppliers: base.suppliers.map((s) => ({ ...s, leadTimeDays: 1 + r.int(3), onTimeProbability: r.uniform(), fillRate: r.uniform(), defectRate: 0.05 * r.uniform() })),
    network: {
      central: { name: 'c' },
      grids: Array.from({ length: grids }, (_, g) => ({ name: `g${g}`, tripCapacityUnits: 20 + r.int(2000) })),
      fronts: Array.from({ length: fronts }, (_, f) => ({ name: `f${f}`, grid: `g${r.int(grids)}`, tripCapacityUnits: 5 + r.int(500), demandShare: 0.5 + r.uniform() })),
    },
    demand: { ...base.demand, ordersPerDay: 3 + r.int(25), dailyNoise: 0.3 * r.uniform() },
    upstream: {
      grid: { coverDays: 2 * r.uniform(), safetyZ: 2 * r.uniform(), windowDays: 1 + r.int(10) },
      central: { coverDays: 2 * r.uniform(), safetyZ: 2 * r.uniform(), windowDays: 1 + r.int(10) },
    },
  };
}

describe('stock conservation (property)', () => {
  it('holds at every level every day over 200 random small scenarios', () => {
    const r = createStreams(runSeed('conservation property'), 0).stream('property/conservation');
    let checkedDays = 0;
    for (let k = 0; k < 200; k++) {
      const scenario = validateScenario(randomScenario(r, k), `random-${k}`);
      const world = buildWorld(scenario, 1 + r.int(3));
      const planner = k % 3 === 0 ? createPlanner('pto-greedy') : k % 3 === 1 ? createPlanner('newsvendor') : randomPlanner(r);
      const result = simulate(world, planner, { streams: createStreams(scenario.seed, 1) });
      for (const m of result.siteDays) {
        expect(m.fullOrders + m.splitOrders + m.shortOrders).toBe(m.orders);
        expect(m.linesFromSite + m.linesFromParent + m.linesLost).toBe(m.lines);
        expect(m.unitsFromSite + m.unitsLost).toBeLessThanOrEqual(m.unitsDemanded + 1e-6);
        expect(m.plan.skus).toBeLessThanOrEqual(scenario.constraints.K);
        expect(m.plan.units).toBeLessThanOrEqual(scenario.constraints.C + 1e-6);
        checkedDays++;
      }
      for (const w of result.waste) expect(w.units).toBeGreaterThanOrEqual(0);
    }
    expect(checkedDays).toBeGreaterThan(200);
  });
});
