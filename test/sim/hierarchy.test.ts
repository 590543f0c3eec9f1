/*
 * The warehouse tree: split lines sourced from the parent grid, then central, late by distance;
 * trips that take a night; loss accounting per stage that balances every day; the supplier
 * performance record.
 */
import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../scenarios/index.js';
import { createStreams, simulate } from '../../sim/index.js';
import { createPlanner } from '../../strategies/index.js';
import { dayOrders, fixedPlanner, handWorld, pieceSku } from '../helpers/hand-world.js';
import { smallCity } from '../helpers/small-city.js';

/*
 * Central at (0, 0), grid at (3, 4), front at (3, 8): 8.544 km from central. Day 0 demands A × 10
 * so central opens with stock; the grid's base stock is 0 (no cover, no safety) and the front plans
 * nothing, so on day 2 an order for A × 2 finds neither front nor grid stock.
 */
function world(splitSourcing: 'parent' | 'parent-then-central') {
  const skus = [pieceSku(0, 'A')];
  const day0 = dayOrders(0, 2, [[0.4, [{ sku: 0, qty: 10 }]]], 1);
  const day2 = dayOrders(2, 2, [[0.5, [{ sku: 0, qty: 2 }]]], 10);
  const base = handWorld(skus, [day0, [], day2], { constraints: { K: 1, C: 10, L: 1 } });
  return {
    ...base,
    sites: [
      { ...base.sites[0], x: 0, y: 0 },
      { ...base.sites[1], x: 3, y: 4 },
      { ...base.sites[2], x: 3, y: 8 },
    ],
    gridPolicy: { coverDays: 0, safetyZ: 0, windowDays: 1 },
    fulfilment: { splitSourcing, speedKmPerHour: 30, dispatchHours: 1 },
  };
}

describe('split-order sourcing along the tree', () => {
  it('sources a line from central when the grid lacks it, late by the distance', () => {
    const r = simulate(world('parent-then-central'), fixedPlanner([0]), { streams: createStreams(1, 1) });
    const m = r.siteDays[0];
    expect({ orders: m.orders, split: m.splitOrders, short: m.shortOrders, central: m.linesFromCentral, parent: m.linesFromParent }).toEqual({ orders: 1, split: 1, short: 0, central: 1, parent: 0 });
    expect(m.extraDeliveries).toBe(1);
    expect(m.extraDeliveryLatenessHours).toBeCloseTo(1 + Math.hypot(3, 8) / 30, 9);
  });

  it('loses the line with parent-only sourcing (MODEL §2.4)', () => {
    const r = simulate(world('parent'), fixedPlanner([0]), { streams: createStreams(1, 1) });
    const m = r.siteDays[0];
    expect({ short: m.shortOrders, central: m.linesFromCentral, lost: m.linesLost }).toEqual({ short: 1, central: 0, lost: 1 });
  });
});

describe('the city network', () => {
  const scenario = smallCity();
  const world = buildWorld(scenario, 1);
  const r = simulate(world, createPlanner('pto-greedy'), { streams: createStreams(scenario.seed, 1) });

  it('has two regions, grids under each and fronts in both', () => {
    expect(r.regions).toEqual(['north', 'south']);
    expect(world.sites.filter((s) => s.level === 'front').map((s) => s.region)).toEqual(['north', 'north', 'north', 'north', 'north', 'north', 'south', 'south']);
  });

  it('balances every level every day, with overnight trips in transit toward the grids', () => {
    const days = [...new Set(r.stages.map((s) => s.day))];
    expect(days).toHaveLength(scenario.days.evaluation);
    for (const s of r.stages) {
      const diff = s.opening + s.received + s.returnedIn - (s.sold + s.shippedDown + s.returnedUp + s.spoiled + s.onHand);
      expect(Math.abs(diff)).toBeLessThan(1e-3);
    }
    const grid = r.stages.filter((s) => s.level === 'grid');
    expect(grid.some((s) => s.inTransit > 0)).toBe(true);
    expect(r.stages.filter((s) => s.level !== 'grid').every((s) => s.inTransit === 0)).toBe(true);
    // Customers buy at fronts, and split lines upstream.
    const front = r.stages.filter((s) => s.level === 'front');
    expect(front.reduce((a, s) => a + s.sold, 0)).toBeGreaterThan(0);
  });

  it('keeps a supplier performance record consistent with sales and refunds', () => {
    expect(r.suppliers.map((s) => s.name)).toEqual(scenario.suppliers.map((s) => s.name));
    for (const s of r.suppliers) {
      expect(s.unitsDelivered).toBeLessThanOrEqual(s.unitsOrdered + 1e-6);
      expect(s.onTimeOrders).toBeLessThanOrEqual(s.purchaseOrders);
      expect(s.fullOrders).toBeLessThanOrEqual(s.purchaseOrders);
      expect(s.defectiveLines).toBeLessThanOrEqual(s.linesSold);
    }
    expect(r.suppliers.reduce((a, s) => a + s.defectiveLines, 0)).toBe(r.refunds.length);
    expect(r.suppliers.reduce((a, s) => a + s.linesSold, 0)).toBe(r.refundCells.reduce((a, c) => a + c.lines, 0));
    const served = r.siteDays.reduce((a, m) => a + m.linesFromSite + m.linesFromParent + m.linesFromCentral, 0);
    const cellsEval = r.refundCells.filter((c) => c.day >= world.historyDays).reduce((a, c) => a + c.lines, 0);
    expect(cellsEval).toBe(served);
    expect(r.siteDays.some((m) => m.linesFromCentral > 0) || r.siteDays.every((m) => m.linesLost === 0)).toBe(true);
  });
});
