/* OTPTO sizing: held-out ratio quantiles, capacity fill, known orders, Table 4 regularisation. */
import { describe, expect, it } from 'vitest';
import type { Sku } from '../../../sim/index.js';
import { om2Plan } from '../../../strategies/otpto/om2.js';
import { errorRatios, ratioQuantile, sizedPlan, table4Regularisation } from '../../../strategies/otpto/sizing.js';

const skus: Sku[] = Array.from({ length: 6 }, (_, id) => ({ id, code: `s${id}`, category: 'fruit', unit: 'piece', price: 2, cost: 1, shelfLifeDays: 3, supplier: 0 }));
const c = { K: 4, C: 200, L: 2 };
const scores = Float64Array.from([0.9, 0.8, 0.7, 0.6, 0.2, 0.1]);
const estimate = Float64Array.from([20, 10, 10, 5, 5, 5]);
const sum = (p: Float64Array) => p.reduce((a, b) => a + b, 0);

describe('ratios', () => {
  it('sorts actual / predicted over positive predictions and interpolates quantiles', () => {
    const r = errorRatios([10, 30, 5, 7], [10, 10, 0, 7]);
    expect(Array.from(r)).toEqual([1, 1, 3]);
    expect(ratioQuantile(r, 0.5)).toBe(1);
    expect(ratioQuantile(r, 0.75)).toBe(2);
    expect(ratioQuantile(new Float64Array(0), 0.9)).toBe(1);
  });
});

describe('sizedPlan', () => {
  const ratios = Float64Array.from([0.5, 0.8, 1, 1.2, 1.5, 2, 3, 4]);

  it('is the paper\'s OM2 with every switch off', () => {
    expect(sizedPlan(scores, estimate, ratios, skus, c, { minKeepScore: 0.5, fill: false })).toEqual(om2Plan(scores, estimate, skus, c));
  });

  it('buffers by the ratio quantile and, with fill, raises it until the plan fills C or reaches the largest held-out ratio', () => {
    const buffered = sizedPlan(scores, estimate, ratios, skus, c, { minKeepScore: 0.5, quantile: 0.8, fill: false });
    expect(sum(buffered)).toBeGreaterThan(sum(om2Plan(scores, estimate, skus, c)));
    const filled = sizedPlan(scores, estimate, ratios, skus, c, { minKeepScore: 0.5, quantile: 0.5, fill: true });
    expect(sum(filled)).toBeLessThanOrEqual(c.C);
    expect(sum(filled)).toBe(180); // capped by the largest held-out ratio (4): (20 + 10 + 10 + 5) × 4
    expect(filled.filter((q) => q > 0)).toHaveLength(4);
  });

  it('ranks SKUs with known orders first and stocks at least their known quantity', () => {
    const known = { qty: Float64Array.from([0, 0, 0, 0, 0, 12]), share: 0.5 };
    const p = sizedPlan(scores, estimate, ratios, skus, c, { minKeepScore: 0.5, fill: false, known });
    expect(p[5]).toBeGreaterThanOrEqual(12 + 2.5);
    expect(p[3]).toBe(0); // pushed out of the K = 4 slots
  });
});

describe('table4Regularisation', () => {
  it('gives the paper\'s per-model values and keeps the legacy ones', () => {
    expect(table4Regularisation('paper')).toEqual({ pm1: { lambdaL1: 0, lambdaL2: 0 }, pm2: { lambdaL1: 0.1, lambdaL2: 0 } });
    expect(table4Regularisation('legacy').pm1.lambdaL2).toBe(0.1);
  });
});

describe('newsvendorOver', () => {
  it('sizes only the SKUs the other strategy chose, within K, C and L', async () => {
    const { newsvendorOver } = await import('../../../strategies/newsvendor.js');
    const f = { mean: Float64Array.from([30, 20, 10, 50, 5, 5]), residualMean: new Float64Array(6), residualStd: Float64Array.from([5, 4, 3, 8, 2, 2]) };
    const chosen = Float64Array.from([10, 10, 10, 0, 0, 10]);
    const p = newsvendorOver(chosen, { skus, constraints: c }, f, undefined);
    expect(p[3]).toBe(0); // the best seller, but not chosen
    expect(p[4]).toBe(0);
    expect(p[0]).toBeGreaterThan(30); // above the mean: the margin + split cost outweigh the overage cost
    expect(sum(p)).toBeLessThanOrEqual(c.C);
    for (const q of p) if (q > 0) expect(q).toBeGreaterThanOrEqual(c.L);
  });
});
