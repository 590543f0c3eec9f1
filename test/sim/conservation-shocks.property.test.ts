/*
 * Property test: over 120 random small networks (one or two regions, several grids and fronts,
 * overnight trips, grid-then-central sourcing, pre-sale mode) under random shocks of every kind
 * (lockdowns with closures, supplier disruptions, quality incidents, demand surges, random
 * lockdowns), stock is conserved at every site and level every day (the simulator throws
 * otherwise), every stage balances, and the order and line accounting adds up.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenarios, buildWorld, validateScenario, type ScenarioInput } from '../../scenarios/index.js';
import { createStreams, simulate, type Stream } from '../../sim/index.js';
import { createPlanner } from '../../strategies/index.js';
import { randomPlanner } from '../helpers/random-planner.js';
import { runSeed } from '../helpers/run-seed.js';

type Timeline = NonNullable<ScenarioInput['shocks']>['timeline'];

function randomShocks(r: Stream, regions: string[], fronts: { name: string; region: string }[], suppliers: { name: string; categories: string[] }[], evalDays: number): Timeline {
  const out: Timeline = [];
  const n = r.int(4);
  for (let k = 0; k < n; k++) {
    const start = r.int(evalDays + 2) - 2;
    const days = 1 + r.int(4);
    const sup = suppliers[r.int(suppliers.length)];
    switch (r.int(4)) {
      case 0: {
        const region = regions[r.int(regions.length)];
        const mine = fronts.filter((f) => f.region === region).map((f) => f.name);
        out.push({
          kind: 'lockdown', region, start, days, close: mine.filter(() => r.uniform() < 0.4),
          demandFactor: 0.5 + 2 * r.uniform(), basketFactor: 0.8 + r.uniform(), stapleFactor: 1 + r.uniform(),
          tripCapacityFactor: r.uniform(), leadTimeExtraDays: r.int(3), decayDays: r.int(4), rerouteKm: 20 * r.uniform(),
        });
        break;
      }
      case 1: out.push({ kind: 'supplier-disruption', supplier: sup.name, start, days, fillRate: r.uniform(), leadTimeExtraDays: r.int(3) }); break;
      case 2: out.push({ kind: 'quality-incident', supplier: sup.name, category: sup.categories[0], start, days, defectFactor: 1 + 10 * r.uniform(), ...(r.uniform() < 0.5 ? { region: regions[0] } : {}) }); break;
      default: out.push({ kind: 'demand-surge', start, days, demandFactor: 0.5 + 2 * r.uniform(), ...(r.uniform() < 0.5 ? { category: 'fruit' } : {}) });
    }
  }
  return out;
}

function randomScenario(r: Stream, k: number): ScenarioInput {
  const base = builtinScenarios.tiny;
  const regions = r.uniform() < 0.5 ? ['c0'] : ['c0', 'c1'];
  const grids = regions.flatMap((c) => Array.from({ length: 1 + r.int(2) }, (_, g) => ({
    name: `${c}-g${g}`, central: c, tripCapacityUnits: 20 + r.int(2000), tripLeadTimeDays: r.int(3), x: 20 * r.uniform(), y: 20 * r.uniform(),
  })));
  const fronts = grids.flatMap((g) => Array.from({ length: 1 + r.int(3) }, (_, f) => ({
    name: `${g.name}-f${f}`, grid: g.name, tripCapacityUnits: 5 + r.int(500), demandShare: 0.5 + r.uniform(), x: g.x + 5 * r.uniform(), y: g.y + 5 * r.uniform(),
  })));
  const skus = 8 + r.int(25);
  const K = 1 + r.int(skus);
  const L = r.int(3);
  const lifeLo = 1 + r.int(4);
  const evaluation = 1 + r.int(5);
  const suppliers = base.suppliers.map((s) => ({ ...s, leadTimeDays: 1 + r.int(3), onTimeProbability: r.uniform(), fillRate: r.uniform(), defectRate: 0.05 * r.uniform() }));
  const presale = r.uniform() < 0.3;
  return {
    ...base,
    name: `shocked-${k}`,
    seed: 5000 + k,
    days: { history: 6 + r.int(8), evaluation, warmup: 1 + r.int(4) },
    constraints: { K, C: Math.max(L, 1) * (1 + r.int(K * 6)), L },
    catalogue: {
      ...base.catalogue,
      skus,
      categories: base.catalogue.categories.map((c) => ({ ...c, shelfLifeDays: [lifeLo, lifeLo + r.int(5)] as [number, number], kgShare: r.uniform(), staple: r.uniform() < 0.4 })),
    },
    suppliers,
    network: {
      central: { name: 'c0', x: 0, y: 0 },
      ...(regions.length > 1 ? { centrals: [{ name: 'c1', x: 30, y: 0 }] } : {}),
      grids,
      fronts,
      fulfilment: { splitSourcing: r.uniform() < 0.5 ? 'parent' : 'parent-then-central', speedKmPerHour: 20 + 20 * r.uniform(), dispatchHours: r.uniform() },
    },
    demand: { ...base.demand, ordersPerDay: 3 + r.int(20), dailyNoise: 0.3 * r.uniform() },
    upstream: {
      grid: { coverDays: 2 * r.uniform(), safetyZ: 2 * r.uniform(), windowDays: 1 + r.int(10) },
      central: { coverDays: 2 * r.uniform(), safetyZ: 2 * r.uniform(), windowDays: 1 + r.int(10) },
    },
    refunds: { ...base.refunds, windowDays: r.int(8), ...(r.uniform() < 0.5 ? { discoveryPmf: [r.uniform(), r.uniform(), r.uniform()] } : {}) },
    shocks: {
      timeline: randomShocks(r, regions, fronts.map((f) => ({ name: f.name, region: f.grid.slice(0, 2) })), suppliers, evaluation),
      ...(r.uniform() < 0.3 ? { random: { lockdowns: { perYear: 200, lengthDays: [1, 4] as [number, number], severity: [0, 2] as [number, number], closeShare: 0.5 } } } : {}),
    },
    ...(presale ? { presale: { cutoffTime: 0.5 + 0.4 * r.uniform(), decisionTime: 0.3 + 0.2 * r.uniform(), pickupTime: 0.2 + 0.7 * r.uniform() } } : {}),
  };
}

describe('stock conservation under shocks (property)', () => {
  it('holds across the whole tree over 120 random shocked scenarios', () => {
    const r = createStreams(runSeed('conservation-shocks property'), 0).stream('property/conservation-shocks');
    let checkedDays = 0, shocksSeen = 0, closedSeen = 0, presaleSeen = 0;
    for (let k = 0; k < 120; k++) {
      const scenario = validateScenario(randomScenario(r, k), `shocked-${k}`);
      const world = buildWorld(scenario, 1 + r.int(3));
      shocksSeen += world.shocks?.length ?? 0;
      if (world.presale) presaleSeen++;
      const planner = k % 2 === 0 ? createPlanner('pto-greedy') : randomPlanner(r);
      const result = simulate(world, planner, { streams: createStreams(scenario.seed, 1) });
      for (const m of result.siteDays) {
        expect(m.fullOrders + m.splitOrders + m.shortOrders).toBe(m.orders);
        expect(m.linesFromSite + m.linesFromParent + m.linesFromCentral + m.linesLost).toBe(m.lines);
        if (m.closed) { closedSeen++; expect(m.orders).toBe(m.ordersLostToClosure); }
        if (world.presale) expect(m.linesFromParent + m.linesFromCentral).toBe(0);
        checkedDays++;
      }
      for (const s of result.stages) {
        const diff = s.opening + s.received + s.returnedIn - (s.sold + s.shippedDown + s.returnedUp + s.spoiled + s.onHand);
        expect(Math.abs(diff)).toBeLessThan(1e-3);
      }
      if (world.presale) {
        for (const s of result.stages) if (s.level === 'front') expect(s.onHand).toBe(0);
      }
    }
    expect(checkedDays).toBeGreaterThan(300);
    expect(shocksSeen).toBeGreaterThan(100);
    expect(closedSeen).toBeGreaterThan(0);
    expect(presaleSeen).toBeGreaterThan(10);
  });
});
