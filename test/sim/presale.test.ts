/*
 * Pre-sale mode (MODEL §3): the plan of pickup day d is made on day d − 1 at the decision time and
 * sees exactly the orders placed before it; pickups are served from the community point only,
 * short lines are refunded at once, and leftovers are written off as waste.
 */
import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../scenarios/index.js';
import { createStreams, simulate, type Order, type Planner } from '../../sim/index.js';
import { createPlanner } from '../../strategies/index.js';
import { dayOrders, fixedPlanner, handWorld, pieceSku } from '../helpers/hand-world.js';
import { smallCity } from '../helpers/small-city.js';

const presale = { cutoffTime: 0.85, decisionTime: 0.6, pickupTime: 0.4 };

describe('pre-sale pickups on a hand-worked day', () => {
  // Pickups of day 2 (placed on day 1): o1 A×2 at 0.3, o2 A×2 + B×1 at 0.5, o3 B×1 at 0.7. Plan A 3, B 1.
  const skus = [pieceSku(0, 'A'), pieceSku(1, 'B')];
  const day0 = dayOrders(0, 2, [[0.4, [{ sku: 0, qty: 10 }, { sku: 1, qty: 10 }]]], 1);
  const day2 = dayOrders(2, 2, [
    [0.3, [{ sku: 0, qty: 2 }]],
    [0.5, [{ sku: 0, qty: 2 }, { sku: 1, qty: 1 }]],
    [0.7, [{ sku: 1, qty: 1 }]],
  ], 10);
  const world = { ...handWorld(skus, [day0, [], day2]), presale };

  it('serves in placement order, refunds short lines at once and writes off leftovers', () => {
    const r = simulate(world, fixedPlanner([3, 1]), { streams: createStreams(1, 1) });
    const m = r.siteDays[0];
    // o1 full (A 3→1); o2: A short (1 < 2) → refunded, B 1→0; o3: B short → refunded.
    expect({ orders: m.orders, full: m.fullOrders, split: m.splitOrders, short: m.shortOrders }).toEqual({ orders: 3, full: 1, split: 0, short: 2 });
    expect({ site: m.linesFromSite, lost: m.linesLost, refunds: m.shortfallRefundLines }).toEqual({ site: 2, lost: 2, refunds: 2 });
    // Refund = the line's share of its order's GMV: o2's A line is 2 of 3, o3's B line all of 1.
    expect(m.shortfallRefundAmount).toBeCloseTo(2 + 1, 9);
    expect(m.extraDeliveries).toBe(0);
    // One A left at the community point: written off.
    expect(r.waste.find((w) => w.level === 'front')!.units).toBe(1);
    expect(r.stages.find((s) => s.level === 'front')!.onHand).toBe(0);
  });

  it('shows the strategy exactly the orders placed before the decision time', () => {
    const seen = new Map<number, readonly Order[]>();
    const spy: Planner = { name: 'spy', oracle: false, decide: (ctx) => { seen.set(ctx.day, ctx.knownOrders ?? []); return Float64Array.from([3, 1]); } };
    simulate(world, spy, { streams: createStreams(1, 1) });
    expect(seen.get(2)!.map((o) => o.id)).toEqual([10, 11]);
  });
});

describe('pre-sale on a generated network', () => {
  const scenario = smallCity({ presale });
  const world = buildWorld(scenario, 1);

  it('generates orders only before the cut-off', () => {
    const times = world.ordersByDay.flat().map((o) => o.timeOfDay);
    expect(Math.max(...times)).toBeLessThan(presale.cutoffTime);
    expect(times.filter((t) => t >= presale.decisionTime).length).toBeGreaterThan(0);
  });

  it('known orders at each decision are exactly those placed before it', () => {
    const pto = createPlanner('pto-greedy');
    let checked = 0;
    const spy: Planner = {
      name: 'spy',
      oracle: false,
      decide(ctx) {
        const expected = world.ordersByDay[ctx.day].filter((o) => o.site === ctx.site.id && o.timeOfDay < presale.decisionTime);
        expect(ctx.knownOrders).toEqual(expected);
        expect(ctx.presale).toEqual(presale);
        expect(ctx.realisedOrders).toBeUndefined();
        checked += expected.length;
        return pto.decide(ctx);
      },
    };
    const r = simulate(world, spy, { streams: createStreams(scenario.seed, 1) });
    expect(checked).toBeGreaterThan(100);
    const shortfall = r.siteDays.reduce((a, m) => a + m.shortfallRefundLines, 0);
    expect(shortfall).toBe(r.siteDays.reduce((a, m) => a + m.linesLost, 0));
    expect(r.siteDays.every((m) => m.splitOrders === 0 && m.linesFromParent === 0)).toBe(true);
  });
});
