import { describe, expect, it } from 'vitest';
import { createStreams, simulate, PlanError } from '../../sim/index.js';
import { dayOrders, fixedPlanner, handWorld, pieceSku } from '../helpers/hand-world.js';

/*
 * The hand-worked day. SKUs A, B, C; day 0 is history, day 1 warm-up, day 2 evaluated.
 * Day 0 demand: A 10, B 10, C 1 → central starts with 6 × that (lead time 1 + cover 5):
 * A 60, B 60, C 6; the grid starts empty.
 * Night of day 1: grid base stock = mean of day 0 demand (A 10, B 10, C 1) plus the front's
 * plan (A 3, B 2), so central ships A 13, B 12, C 1 and the front pulls A 3, B 2.
 * Nothing sells on day 1. Night of day 2: the grid's base stock falls to the mean of days 0–1
 * (A 5, B 5, C 0.5), below what it holds, so nothing moves. Day 2 then opens with
 * front A 3, B 2 and grid A 10, B 10, C 1, and the orders go:
 *   o1 A×2        front A 3→1                               full
 *   o2 A×2, B×1   A: front has 1 < 2 → whole line from grid;  split
 *                 B: front 2→1
 *   o3 C×2        front has none, grid has 1 < 2 → lost       short
 *   o4 B×1, A×1   front B 1→0, A 1→0                          full
 *   o5 B×1        front has none → grid                        split
 */
function world() {
  const skus = [pieceSku(0, 'A'), pieceSku(1, 'B'), pieceSku(2, 'C')];
  const day0 = dayOrders(0, 2, [[0.4, [{ sku: 0, qty: 10 }, { sku: 1, qty: 10 }, { sku: 2, qty: 1 }]]], 1);
  const day2 = dayOrders(2, 2, [
    [0.40, [{ sku: 0, qty: 2 }]],
    [0.45, [{ sku: 0, qty: 2 }, { sku: 1, qty: 1 }]],
    [0.50, [{ sku: 2, qty: 2 }]],
    [0.55, [{ sku: 1, qty: 1 }, { sku: 0, qty: 1 }]],
    [0.60, [{ sku: 1, qty: 1 }]],
  ], 10);
  return handWorld(skus, [day0, [], day2]);
}

describe('fulfilment semantics on a hand-worked day', () => {
  it('serves full, split and short orders exactly as MODEL §2.4 defines', () => {
    const r = simulate(world(), fixedPlanner([3, 2, 0]), { streams: createStreams(1, 1) });
    expect(r.siteDays).toHaveLength(1);
    const m = r.siteDays[0];
    expect(m.day).toBe(2);
    expect({ orders: m.orders, full: m.fullOrders, split: m.splitOrders, short: m.shortOrders }).toEqual({ orders: 5, full: 2, split: 2, short: 1 });
    expect({ lines: m.lines, site: m.linesFromSite, parent: m.linesFromParent, lost: m.linesLost }).toEqual({ lines: 7, site: 4, parent: 2, lost: 1 });
    expect(m.unitsLost).toBe(2);
    expect(m.unitsDemanded).toBe(10);
    expect(m.unitsFromSite).toBe(5);
    expect(m.extraDeliveries).toBe(2);
    expect(m.gmv).toBe(10);
    expect(m.gmvFull).toBe(4);
    expect(m.replenishmentShortUnits).toBe(0);
    expect(m.plan).toMatchObject({ skus: 2, units: 5, min: 2, max: 3 });
  });

  it('a bigger plan turns the split and short orders into full ones', () => {
    // Plan A 5, B 3, C 2: every line of day 2 is covered at the front.
    const w = { ...world(), constraints: { K: 3, C: 10, L: 1 } };
    const r = simulate(w, fixedPlanner([5, 3, 2]), { streams: createStreams(1, 1) });
    const m = r.siteDays[0];
    expect(m.fullOrders).toBe(5);
    expect(m.linesFromSite).toBe(7);
  });

  it('returns excess above the plan to the parent instead of wasting it', () => {
    let calls = 0;
    const planner = { name: 'shrink', oracle: false, decide: () => Float64Array.from(calls++ === 0 ? [3, 2, 0] : [1, 2, 0]) };
    const r = simulate(world(), planner, { streams: createStreams(1, 1) });
    const m = r.siteDays[0];
    expect(m.returnedUnits).toBe(2);
    // Front opens with A 1: o1 (A×2) and o2's A line go to the grid; o4's A line is served.
    expect(m.fullOrders).toBe(1);
    expect(r.waste.reduce((a, w) => a + w.units, 0)).toBe(0);
  });

  it('rejects a plan that breaks K, naming strategy, day, site and constraint', () => {
    expect(() => simulate(world(), fixedPlanner([3, 2, 1], 'too-wide'), { streams: createStreams(1, 1) }))
      .toThrowError(PlanError);
    try {
      simulate(world(), fixedPlanner([3, 2, 1], 'too-wide'), { streams: createStreams(1, 1) });
    } catch (e) {
      const err = e as PlanError;
      expect(err.constraint).toBe('K');
      expect(err.message).toContain("'too-wide'");
      expect(err.message).toContain('2024-01-02');
      expect(err.message).toContain("'front'");
    }
  });

  it('gives realised orders to oracles only', () => {
    const seen: (number | undefined)[] = [];
    const spy = (oracle: boolean) => ({
      name: 'spy', oracle,
      decide: (ctx: { realisedOrders?: readonly unknown[] }) => { seen.push(ctx.realisedOrders?.length); return Float64Array.from([3, 2, 0]); },
    });
    simulate(world(), spy(false), { streams: createStreams(1, 1) });
    expect(seen).toEqual([undefined, undefined]);
    seen.length = 0;
    simulate(world(), spy(true), { streams: createStreams(1, 1) });
    expect(seen).toEqual([0, 5]);
  });

  it('refuses to show a strategy orders of the day it is deciding', () => {
    const peek = { name: 'peek', oracle: false, decide: (ctx: any) => { ctx.history.orders(2, ctx.day); return new Float64Array(3); } };
    expect(() => simulate(world(), peek, { streams: createStreams(1, 1) })).toThrow(/not observable/);
  });

  it('spoils batches at the end of their last day', () => {
    // Shelf life 1 day and no orders on day 2: the front's 5 planned units (A 3, B 2),
    // delivered fresh that night, all spoil that evening.
    const w = world();
    const skus = w.skus.map((s) => ({ ...s, shelfLifeDays: 1 }));
    const r = simulate({ ...w, skus, ordersByDay: [w.ordersByDay[0], [], []] }, fixedPlanner([3, 2, 0]), { streams: createStreams(1, 1) });
    expect(r.siteDays[0].orders).toBe(0);
    expect(r.waste.find((x) => x.level === 'front')!.units).toBe(5);
    expect(r.waste.find((x) => x.level === 'front')!.value).toBe(2.5);
  });
});
