import { describe, expect, it } from 'vitest';
import { PlanError, validatePlan, type PlanViolation } from '../../sim/plan.js';
import type { PlanConstraints } from '../../sim/types.js';

const origin = { strategy: 'pto-greedy', day: '2020-06-08', site: 'front-1' };
const constraints: PlanConstraints = { K: 3, C: 100, L: 10 };
const skuCode = (i: number): string => `SKU-${String(i).padStart(3, '0')}`;

/** The PlanError thrown by validating `plan`, or a test failure if none is thrown. */
function planError(plan: unknown, skuCount: number, c: PlanConstraints = constraints): PlanError {
  try {
    validatePlan(plan, skuCount, c, origin, skuCode);
  } catch (e) {
    expect(e).toBeInstanceOf(PlanError);
    return e as PlanError;
  }
  throw new Error('expected validatePlan to throw a PlanError');
}

function expectNamesOrigin(e: PlanError, constraint: PlanViolation): void {
  expect(e.constraint).toBe(constraint);
  expect(e.strategy).toBe('pto-greedy');
  expect(e.day).toBe('2020-06-08');
  expect(e.site).toBe('front-1');
  expect(e.name).toBe('PlanError');
  expect(e.message).toContain("strategy 'pto-greedy'");
  expect(e.message).toContain('day 2020-06-08');
  expect(e.message).toContain("site 'front-1'");
}

describe('validatePlan', () => {
  it('accepts a plan within K, C and L', () => {
    const plan = Float64Array.from([10, 0, 40, 0, 50]); // 3 types, 100 units, each ≥ 10
    expect(() => validatePlan(plan, 5, constraints, origin, skuCode)).not.toThrow();
    expect(() => validatePlan(new Float64Array(5), 5, constraints, origin)).not.toThrow();
  });

  it('rejects more than K stocked SKU types', () => {
    const e = planError(Float64Array.from([10, 10, 10, 10, 0]), 5);
    expectNamesOrigin(e, 'K');
    expect(e.message).toContain('4 SKU types stocked, more than K = 3');
  });

  it('rejects more than C units in total', () => {
    const e = planError(Float64Array.from([50, 0, 50.5]), 3);
    expectNamesOrigin(e, 'C');
    expect(e.message).toContain('100.5 units planned in total, more than C = 100');
  });

  it('rejects a stocked SKU below L and names the SKU', () => {
    const e = planError(Float64Array.from([20, 0, 9.5]), 3);
    expectNamesOrigin(e, 'L');
    expect(e.message).toContain('SKU SKU-002');
    expect(e.message).toContain('below the minimum L = 10');
  });

  it('accepts a stocked SKU at exactly L and treats 0 as not stocked', () => {
    expect(() => validatePlan(Float64Array.from([10, 0, 0]), 3, constraints, origin)).not.toThrow();
  });

  it("rejects a plan of the wrong length ('shape')", () => {
    const short = planError(new Float64Array(4), 5);
    expectNamesOrigin(short, 'shape');
    expect(short.message).toContain('expected 5 quantities');
    expect(short.message).toContain('got 4');
    expectNamesOrigin(planError(new Float64Array(6), 5), 'shape');
  });

  it("rejects anything but a Float64Array ('shape')", () => {
    const arr = planError([10, 0, 0], 3);
    expectNamesOrigin(arr, 'shape');
    expect(arr.message).toContain('expected a Float64Array of 3 quantities');
    expect(arr.message).toContain('an array of length 3');
    expect(planError(Float32Array.from([10, 0, 0]), 3).message).toContain('Float32Array');
    expect(planError(null, 3).message).toContain('got null');
    expect(planError(undefined, 3).constraint).toBe('shape');
    expect(planError({ length: 3 }, 3).constraint).toBe('shape');
  });

  it.each([
    ['NaN', Number.NaN],
    ['negative', -1],
    ['+Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])("rejects a %s quantity ('value')", (_, q) => {
    const e = planError(Float64Array.from([10, q, 0]), 3);
    expectNamesOrigin(e, 'value');
    expect(e.message).toContain('SKU SKU-001');
    expect(e.message).toContain(`quantity ${q}`);
    expect(e.message).toContain('expected a finite number ≥ 0');
  });

  it('accepts fractional kg quantities whose sum reaches C within 1e-6', () => {
    const c: PlanConstraints = { K: 20, C: 1, L: 0 };
    const plan = new Float64Array(10).fill(0.1); // sums to 0.9999999999999999
    expect(() => validatePlan(plan, 10, c, origin)).not.toThrow();
    const over = Float64Array.from([0.1, 0.2]); // 0.30000000000000004
    expect(0.1 + 0.2).toBeGreaterThan(0.3);
    expect(() => validatePlan(over, 2, { K: 2, C: 0.3, L: 0 }, origin)).not.toThrow();
    // …but not a real excess
    expect(planError(Float64Array.from([0.1, 0.2001]), 2, { K: 2, C: 0.3, L: 0 }).constraint).toBe('C');
  });

  it('never clips: the plan is unchanged after a failed validation', () => {
    const cases: Array<[Float64Array, PlanViolation]> = [
      [Float64Array.from([10, 10, 10, 10, 0]), 'K'],
      [Float64Array.from([60, 60, 0, 0, 0]), 'C'],
      [Float64Array.from([5, 50, 0, 0, 0]), 'L'],
      [Float64Array.from([10, Number.NaN, -3, 0, 0]), 'value'],
    ];
    for (const [plan, constraint] of cases) {
      const before = Array.from(plan);
      expect(planError(plan, 5).constraint).toBe(constraint);
      expect(Array.from(plan)).toEqual(before);
    }
  });

  it('uses String as the default SKU code', () => {
    const e = (() => {
      try {
        validatePlan(Float64Array.from([0, 0, 2]), 3, constraints, origin);
      } catch (err) {
        return err as PlanError;
      }
      throw new Error('expected a PlanError');
    })();
    expect(e.constraint).toBe('L');
    expect(e.message).toContain('SKU 2 is stocked at 2 units');
  });
});
