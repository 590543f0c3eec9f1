/*
 * OM2 always returns a plan meeting K, C and L, whatever PM1 and PM2 say:
 * NaN, negative, infinite, huge and equal scores or quantities, L > C / K,
 * L > C, kg SKUs; and on ordinary scores it ranks, keeps the top K and scales.
 */
import { describe, expect, it } from 'vitest';
import { createStreams, validatePlan, type PlanConstraints, type Sku } from '../../../sim/index.js';
import { om2Plan } from '../../../strategies/index.js';

function catalogue(n: number, kgEvery = 3): Sku[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i, code: `S${i}`, category: 'fruit', unit: i % kgEvery === 0 ? 'kg' : 'piece', price: 10, cost: 6, shelfLifeDays: 5, supplier: 0,
  }));
}

function check(scores: ArrayLike<number>, qty: ArrayLike<number>, skus: Sku[], c: PlanConstraints): Float64Array {
  const plan = om2Plan(scores, qty, skus, c);
  expect(() => validatePlan(plan, skus.length, c, { strategy: 'otpto', day: 'test', site: 'front' }, (i) => skus[i].code)).not.toThrow();
  return plan;
}

describe('om2Plan', () => {
  const skus = catalogue(40);
  const c = { K: 10, C: 200, L: 5 };

  it('keeps the top K by score at max(L, estimate)', () => {
    const scores = Float64Array.from(skus, (_, i) => i / 40);
    const qty = Float64Array.from(skus, (_, i) => (i % 2 ? 2 : 12));
    const plan = check(scores, qty, skus, c);
    const stocked = [...plan.keys()].filter((i) => plan[i] > 0);
    expect(stocked).toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38, 39]);
    expect(plan[31]).toBe(5);
    expect(plan[30]).toBe(12);
  });

  it('scales the stock above L when the top K want more than C, keeping SKUs scored ≥ 0.5', () => {
    const scores = new Float64Array(40).fill(0.9);
    const qty = new Float64Array(40).fill(100);
    const plan = check(scores, qty, skus, c);
    expect(plan.filter((q) => q > 0).length).toBe(10);
    expect(plan.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(200);
    expect(plan.reduce((a, b) => a + b, 0)).toBeGreaterThan(190);
  });

  it('trims low-scored SKUs before scaling', () => {
    const scores = Float64Array.from(skus, (_, i) => (i < 5 ? 0.9 : i < 10 ? 0.2 : 0.01));
    const qty = new Float64Array(40).fill(40);
    const plan = check(scores, qty, skus, c);
    for (let i = 0; i < 5; i++) expect(plan[i]).toBe(40);
    expect(plan.filter((q) => q > 0).length).toBe(5);
  });

  it('survives adversarial scores and quantities', () => {
    const bad = [NaN, -Infinity, Infinity, -1e300, 1e300, 0, -5, Number.MAX_VALUE, Number.MIN_VALUE];
    const rng = createStreams(7, 1).stream('om2-test');
    const cases: PlanConstraints[] = [
      { K: 10, C: 200, L: 5 }, { K: 10, C: 30, L: 5 }, { K: 40, C: 9, L: 10 }, { K: 0, C: 100, L: 1 },
      { K: 100, C: 1000, L: 2.55 }, { K: 3, C: 0, L: 1 }, { K: 40, C: 1e9, L: 0 },
    ];
    for (const cc of cases) {
      for (let trial = 0; trial < 40; trial++) {
        const pick = () => (rng.uniform() < 0.5 ? bad[rng.int(bad.length)] : rng.uniform() * 50);
        const scores = Float64Array.from(skus, pick);
        const qty = Float64Array.from(skus, pick);
        check(scores, qty, skus, cc);
      }
      check(new Float64Array(40).fill(NaN), new Float64Array(40).fill(NaN), skus, cc);
      check(new Float64Array(40).fill(0.5), new Float64Array(40).fill(Infinity), skus, cc);
      check(new Float64Array(40).fill(-Infinity), new Float64Array(40).fill(-Infinity), skus, cc);
    }
  });

  it('ranks NaN scores last and gives a NaN quantity L', () => {
    const scores = new Float64Array(40).fill(NaN);
    scores[7] = 0.1;
    const qty = new Float64Array(40).fill(NaN);
    const plan = check(scores, qty, skus, { K: 1, C: 100, L: 5 });
    expect(plan[7]).toBe(5);
    expect(plan.filter((q) => q > 0).length).toBe(1);
  });

  it('with L > C / K stocks only as many SKUs as fit at L', () => {
    const plan = check(new Float64Array(40).fill(0.9), new Float64Array(40).fill(1), skus, { K: 30, C: 50, L: 10 });
    expect(plan.filter((q) => q > 0).length).toBe(5);
  });

  it('rejects score arrays of the wrong length', () => {
    expect(() => om2Plan(new Float64Array(3), new Float64Array(40), skus, c)).toThrow(/expected one of each per SKU \(40\)/);
  });
});
