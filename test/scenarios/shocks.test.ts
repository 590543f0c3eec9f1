/*
 * Shocks (MODEL §4): a lockdown raises demand and basket size as configured and shifts the mix to
 * staples, then decays; a closed site receives no orders, which go to the nearest open site or are
 * lost; supplier disruptions and quality incidents act on their supplier (and region) only;
 * random lockdowns arrive per replication from their own stream.
 */
import { describe, expect, it } from 'vitest';
import { buildWorld, type ScenarioInput } from '../../scenarios/index.js';
import { buildTopology, createStreams, simulate, type Order, type Planner, type World } from '../../sim/index.js';
import { createPlanner } from '../../strategies/index.js';
import { smallCity } from '../helpers/small-city.js';

const calm = smallCity();
const calmWorld = buildWorld(calm, 1);
const H = calm.days.history;

function shocked(timeline: NonNullable<ScenarioInput['shocks']>['timeline'], over: Partial<ScenarioInput> = {}): World {
  return buildWorld(smallCity({ shocks: { timeline }, ...over }), 1);
}

const ordersOn = (w: World, day: number, keep: (o: Order) => boolean = () => true): Order[] => w.ordersByDay[day].filter(keep);
const lines = (os: readonly Order[]): number => os.reduce((a, o) => a + o.lines.length, 0);

describe('lockdown demand', () => {
  const north = new Set(calmWorld.sites.filter((s) => s.region === 'north' && s.level === 'front').map((s) => s.id));
  const w = shocked([{ kind: 'lockdown', region: 'north', start: 0, days: 4, demandFactor: 2, basketFactor: 1.5, stapleFactor: 3, decayDays: 3 }]);
  const inNorth = (o: Order): boolean => north.has(o.site);

  it('leaves the days before the lockdown untouched (same draws)', () => {
    for (let d = 0; d < H; d++) expect(w.ordersByDay[d]).toEqual(calmWorld.ordersByDay[d]);
  });

  it('raises order volume and basket size by the configured factors in the region', () => {
    let calmOrders = 0, lockOrders = 0, calmLines = 0, lockLines = 0;
    for (let d = H; d < H + 4; d++) {
      calmOrders += ordersOn(calmWorld, d, inNorth).length;
      lockOrders += ordersOn(w, d, inNorth).length;
      calmLines += lines(ordersOn(calmWorld, d, inNorth));
      lockLines += lines(ordersOn(w, d, inNorth));
    }
    expect(lockOrders / calmOrders).toBeGreaterThan(1.8);
    expect(lockOrders / calmOrders).toBeLessThan(2.2);
    // Mean lines per order: 1 + extra, extra mean 4 × 1.5 − 1 = 5 instead of 3 (fewer after de-duplication).
    const ratio = lockLines / lockOrders / (calmLines / calmOrders);
    expect(ratio).toBeGreaterThan(1.3);
    expect(ratio).toBeLessThan(1.6);
  });

  it('shifts the mix towards staples', () => {
    const world = calmWorld;
    const staple = (sku: number): boolean => ['vegetables', 'eggs', 'dairy'].includes(world.skus[sku].category);
    const share = (w2: World): number => {
      let s = 0, n = 0;
      for (let d = H; d < H + 4; d++) for (const o of ordersOn(w2, d, inNorth)) for (const l of o.lines) { n++; if (staple(l.sku)) s++; }
      return s / n;
    };
    expect(share(w)).toBeGreaterThan(share(calmWorld) + 0.1);
  });

  it('leaves the other region alone and decays back after the window', () => {
    const south = (o: Order): boolean => !north.has(o.site);
    for (let d = H; d < H + 4; d++) expect(ordersOn(w, d, south).length).toBe(ordersOn(calmWorld, d, south).length);
    // Three decay days at intensity 3/4, 2/4, 1/4: volume between calm and locked.
    let calmDecay = 0, lockDecay = 0;
    for (let d = H + 4; d < H + 6; d++) { calmDecay += ordersOn(calmWorld, d, inNorth).length; lockDecay += ordersOn(w, d, inNorth).length; }
    expect(lockDecay / calmDecay).toBeGreaterThan(1.2);
    expect(lockDecay / calmDecay).toBeLessThan(1.9);
  });
});

describe('closed front sites', () => {
  const topo = buildTopology(calmWorld.sites);
  const closedName = 'north-g1-f1';
  const closed = calmWorld.sites.find((s) => s.name === closedName)!.id;
  const nearest = topo.fronts.filter((f) => f.id !== closed).sort((a, b) => topo.distanceKm(closed, a.id) - topo.distanceKm(closed, b.id))[0].id;

  it('receive no orders; their orders go to the nearest open site', () => {
    const w = shocked([{ kind: 'lockdown', region: 'north', start: 0, days: 3, close: [closedName], demandFactor: 1, basketFactor: 1, stapleFactor: 1, rerouteKm: 50 }]);
    for (let d = H; d < H + 3; d++) {
      expect(ordersOn(w, d, (o) => o.site === closed)).toEqual([]);
      const moved = ordersOn(w, d, (o) => o.originSite !== undefined);
      expect(moved.length).toBeGreaterThan(0);
      for (const o of moved) { expect(o.originSite).toBe(closed); expect(o.site).toBe(nearest); }
      // Same customers, same baskets: the calm world's orders of the closed site, moved.
      expect(moved.map((o) => o.lines)).toEqual(ordersOn(calmWorld, d, (o) => o.site === closed).map((o) => o.lines));
    }
    expect(ordersOn(w, H + 3, (o) => o.site === closed).length).toBeGreaterThan(0);
    // The simulator never asks for a plan of the closed site and counts the rerouted orders.
    const asked: string[] = [];
    const pto = createPlanner('pto-greedy');
    const spy: Planner = { name: 'spy', oracle: false, decide: (ctx) => { asked.push(`${ctx.day}/${ctx.site.id}`); return pto.decide(ctx); } };
    const r = simulate(w, spy, { streams: createStreams(1, 1) });
    for (let d = H; d < H + 3; d++) expect(asked).not.toContain(`${d}/${closed}`);
    expect(asked).toContain(`${H + 3}/${closed}`);
    const closedRows = r.siteDays.filter((m) => m.site === closed && m.day < H + 3);
    expect(closedRows.every((m) => m.closed && m.orders === 0)).toBe(true);
    const rerouted = r.siteDays.filter((m) => m.site === nearest && m.day < H + 3).reduce((a, m) => a + m.ordersRerouted, 0);
    expect(rerouted).toBe([H, H + 1, H + 2].reduce((a, d) => a + ordersOn(w, d, (o) => o.originSite === closed).length, 0));
  });

  it('lose their orders when no open site is near enough', () => {
    const w = shocked([{ kind: 'lockdown', region: 'north', start: 0, days: 2, close: [closedName], demandFactor: 1, basketFactor: 1, stapleFactor: 1, rerouteKm: 0.1 }]);
    const lost = w.lostOrdersByDay![H];
    expect(lost.length).toBe(ordersOn(calmWorld, H, (o) => o.site === closed).length);
    expect(ordersOn(w, H, (o) => o.site === closed || o.originSite !== undefined)).toEqual([]);
    const r = simulate(w, createPlanner('pto-greedy'), { streams: createStreams(1, 1) });
    const m = r.siteDays.find((x) => x.site === closed && x.day === H)!;
    expect({ orders: m.orders, short: m.shortOrders, lost: m.ordersLostToClosure, closed: m.closed }).toEqual({ orders: lost.length, short: lost.length, lost: lost.length, closed: true });
  });
});

describe('supplier and quality shocks', () => {
  it('a supplier disruption lowers that supplier’s fill only', () => {
    const disrupted = shocked([{ kind: 'supplier-disruption', supplier: 'green-farms', start: -6, days: 12, fillRate: 0, leadTimeExtraDays: 1 }]);
    const a = simulate(calmWorld, createPlanner('pto-greedy'), { streams: createStreams(1, 1) });
    const b = simulate(disrupted, createPlanner('pto-greedy'), { streams: createStreams(1, 1) });
    const fill = (r: typeof a, name: string) => { const s = r.suppliers.find((x) => x.name === name)!; return s.fullOrders / s.purchaseOrders; };
    expect(fill(b, 'green-farms')).toBeLessThan(fill(a, 'green-farms') - 0.3);
    expect(b.shocks.map((s) => s.kind)).toEqual(['supplier-disruption']);
  });

  it('a quality incident raises refunds of its supplier × category in its region only', () => {
    const q = shocked([{ kind: 'quality-incident', supplier: 'prime-meats', category: 'meat', region: 'south', start: 0, days: 6, defectFactor: 8 }]);
    const a = simulate(calmWorld, createPlanner('pto-greedy'), { streams: createStreams(1, 1) });
    const b = simulate(q, createPlanner('pto-greedy'), { streams: createStreams(1, 1) });
    const rate = (r: typeof a, region: number, category: string) => {
      const cells = r.refundCells.filter((c) => c.day >= H && c.region === region && c.category === category);
      return cells.reduce((x, c) => x + c.refundsByLag.reduce((s, v) => s + v, 0), 0) / cells.reduce((x, c) => x + c.lines, 0);
    };
    expect(rate(b, 1, 'meat')).toBeGreaterThan(3 * rate(a, 1, 'meat'));
    expect(rate(b, 0, 'meat')).toBeLessThan(1.5 * rate(a, 0, 'meat') + 0.01);
  });
});

describe('random lockdowns', () => {
  it('arrive per replication from the shocks stream, within the evaluation days', () => {
    const s = smallCity({ days: { history: 14, evaluation: 30, warmup: 4 }, shocks: { timeline: [], random: { lockdowns: { perYear: 60, lengthDays: [3, 6], severity: [0.5, 1.5], closeShare: 0.3 } } } });
    const counts = [1, 2, 3, 4, 5, 6].map((rep) => buildWorld(s, rep).shocks ?? []);
    expect(counts.flat().length).toBeGreaterThan(0);
    for (const shocks of counts) for (const x of shocks) {
      expect(x.kind).toBe('lockdown');
      expect(x.firstDay).toBeGreaterThanOrEqual(14);
      expect(x.firstDay).toBeLessThan(44);
    }
    expect(buildWorld(s, 2).shocks).toEqual(counts[1]);
    // A window restricts arrivals to evaluation days [3, 5].
    const w = smallCity({ days: { history: 14, evaluation: 30, warmup: 4 }, shocks: { timeline: [], random: { lockdowns: { perYear: 300, window: [3, 5], lengthDays: [1, 2], severity: [1, 1] } } } });
    const inWindow = [1, 2, 3].flatMap((rep) => buildWorld(w, rep).shocks ?? []);
    expect(inWindow.length).toBeGreaterThan(0);
    for (const x of inWindow) { expect(x.firstDay).toBeGreaterThanOrEqual(17); expect(x.firstDay).toBeLessThanOrEqual(19); }
    // Demand draws before the first shock equal the calm world's (a new stream; no shifted draws).
    const first = Math.min(...(counts[0].length ? counts[0] : [{ firstDay: 44 }]).map((x) => x.firstDay));
    const calm2 = buildWorld(smallCity({ days: { history: 14, evaluation: 30, warmup: 4 } }), 1);
    for (let d = 0; d < first; d++) expect(buildWorld(s, 1).ordersByDay[d]).toEqual(calm2.ordersByDay[d]);
  });
});
