/*
 * OM1 against brute force on random tiny instances, plan feasibility, the GMV
 * tie-break, and the Lagrangian bound's validity. HiGHS is the real solver.
 */
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs } from '../../../cli/highs.js';
import { validatePlan } from '../../../sim/index.js';
import { buildOm1Instance, defaultOm1Options, heuristicPlan, lagrangianBound, runStaircase, solveOm1 } from '../../../strategies/index.js';
import { bruteForce, tinyInstance } from './random-instances.js';

let highs: Highs;
beforeAll(async () => { highs = await loadHighs(); });

const N = 150;

describe('OM1 on tiny instances (≤ 8 SKUs, ≤ 10 orders)', () => {
  it(`equals brute-force enumeration on ${N} random instances, with a feasible plan and a proof`, () => {
    let nontrivial = 0;
    for (let k = 0; k < N; k++) {
      const inst = tinyInstance(k);
      const want = bruteForce(inst);
      const r = solveOm1(inst.orders, inst.constraints, inst.skuCount, {}, { highs });
      expect(r.fulfilledOrders, `instance ${k}`).toBe(want.orders);
      expect(r.status, `instance ${k}`).toBe('optimal');
      expect(r.bound).toBe(want.orders);
      expect(r.gap).toBe(0);
      validatePlan(r.plan, inst.skuCount, inst.constraints, { strategy: 'opt', day: String(k), site: 'test' });
      expect(r.fulfilled.length).toBe(r.fulfilledOrders);
      if (want.orders > 0 && want.orders < inst.orders.length) nontrivial++;
    }
    // The instances are not all trivial (everything or nothing fits).
    expect(nontrivial).toBeGreaterThan(N / 3);
  });

  it('with the GMV tie-break, keeps the optimal order count and reaches the best GMV among optima', () => {
    for (let k = 0; k < N; k++) {
      const inst = tinyInstance(k);
      const want = bruteForce(inst);
      const r = solveOm1(inst.orders, inst.constraints, inst.skuCount, { gmvTieBreak: true }, { highs });
      expect(r.fulfilledOrders, `instance ${k}`).toBe(want.orders);
      expect(r.fulfilledGmv, `instance ${k}`).toBeCloseTo(want.gmv, 6);
      validatePlan(r.plan, inst.skuCount, inst.constraints, { strategy: 'opt', day: String(k), site: 'test' });
    }
  });

  it('has a Lagrangian bound never below the optimum and heuristic plans never above it', () => {
    for (let k = 0; k < N; k++) {
      const inst = tinyInstance(k);
      const want = bruteForce(inst).orders;
      const om1 = buildOm1Instance(inst.orders, inst.constraints, inst.skuCount);
      const lag = lagrangianBound(om1);
      expect(lag.bound, `instance ${k}`).toBeGreaterThanOrEqual(want - 1e-6);
      expect(lag.value.weight).toBeLessThanOrEqual(want);
      const h = heuristicPlan(om1);
      expect(h.value.weight).toBeLessThanOrEqual(want);
      expect(h.value.types).toBeLessThanOrEqual(inst.constraints.K);
      expect(h.value.units).toBeLessThanOrEqual(inst.constraints.C + 1e-6);
    }
  });

  it('Lagrangian reduced-cost fixings never cut off a plan better than the incumbent', () => {
    let fixedSome = 0;
    for (let k = 0; k < N; k++) {
      const inst = tinyInstance(k);
      const want = bruteForce(inst).orders;
      if (want === 0) continue;
      const om1 = buildOm1Instance(inst.orders, inst.constraints, inst.skuCount);
      const fix = lagrangianBound(om1).fixings(want - 1, 1000);
      if (fix.fixedOne.some((x) => x) || fix.fixedZero.some((x) => x)) fixedSome++;
      const r = runStaircase(highs, om1, 0, defaultOm1Options, 10, undefined, fix);
      expect(r.info.status, `instance ${k}`).toBe(7);
      expect(Math.round(r.info.objective), `instance ${k}`).toBe(want);
    }
    expect(fixedSome).toBeGreaterThan(10); // the check is not vacuous
  });

  it('without HiGHS still returns a feasible plan with an honest status and gap', () => {
    for (let k = 0; k < 40; k++) {
      const inst = tinyInstance(k);
      const want = bruteForce(inst).orders;
      const r = solveOm1(inst.orders, inst.constraints, inst.skuCount, {}, {});
      expect(r.fulfilledOrders).toBeLessThanOrEqual(want);
      expect(r.bound).toBeGreaterThanOrEqual(want);
      if (r.status === 'optimal') expect(r.fulfilledOrders).toBe(want);
      else expect(r.gap).toBeGreaterThan(0);
    }
  });
});

describe('presolve', () => {
  it('drops orders needing more than C units or more than K SKUs, and merges identical requirements', () => {
    const orders = [
      { id: 1, day: 0, timeOfDay: 0.1, site: 0, gmv: 1, lines: [{ sku: 0, qty: 1 }] },
      { id: 2, day: 0, timeOfDay: 0.2, site: 0, gmv: 1, lines: [{ sku: 0, qty: 1 }] }, // S = 2 ≤ L: same threshold as order 1
      { id: 3, day: 0, timeOfDay: 0.3, site: 0, gmv: 1, lines: [{ sku: 1, qty: 50 }] }, // above C
      { id: 4, day: 0, timeOfDay: 0.4, site: 0, gmv: 1, lines: [{ sku: 0, qty: 1 }, { sku: 2, qty: 1 }, { sku: 3, qty: 1 }] }, // > K SKUs
    ];
    const inst = buildOm1Instance(orders, { K: 2, C: 20, L: 5 }, 4);
    expect(inst.stats.impossibleOrders).toBe(2);
    expect(inst.stats.nodes).toBe(1);
    expect(Array.from(inst.nodeWeight)).toEqual([2]);
    expect(Array.from(inst.skuIds)).toEqual([0]);
    expect(Array.from(inst.nodeOfOrder)).toEqual([0, 0, -1, -1]);
    const r = solveOm1(orders, { K: 2, C: 20, L: 5 }, 4, {}, { highs });
    expect(r.fulfilledOrders).toBe(2);
    expect(Array.from(r.plan)).toEqual([5, 0, 0, 0]);
    expect(Array.from(r.fulfilled)).toEqual([0, 1]);
  });

  it('rejects a line with a bad quantity or SKU, naming the order', () => {
    const bad = [{ id: 7, day: 0, timeOfDay: 0.1, site: 0, gmv: 1, lines: [{ sku: 0, qty: -1 }] }];
    expect(() => buildOm1Instance(bad, { K: 1, C: 10, L: 1 }, 1)).toThrow(/order 7.*quantity -1/);
    const out = [{ id: 8, day: 0, timeOfDay: 0.1, site: 0, gmv: 1, lines: [{ sku: 3, qty: 1 }] }];
    expect(() => buildOm1Instance(out, { K: 1, C: 10, L: 1 }, 2)).toThrow(/order 8: SKU 3/);
  });
});
