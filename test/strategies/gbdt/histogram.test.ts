import { describe, expect, it } from 'vitest';
import { BIN_SLOTS, binBounds, binMatrix, binOf, MISSING_BIN } from '../../../strategies/gbdt/binning.js';
import { buildHistogram, newHistogram, SLOT_WIDTH, subtractHistogram } from '../../../strategies/gbdt/histogram.js';
import type { FeatureMatrix } from '../../../strategies/gbdt/index.js';
import { dataStream, uniformMatrix } from '../../helpers/gbdt-data.js';

describe('gbdt binning', () => {
  it('cuts many distinct values into at most maxBins quantile bins of similar size', () => {
    const x = uniformMatrix(dataStream('bins'), 10_000, 1, 0, 1);
    const data = binMatrix(x, 255);
    expect(data.numBins[0]).toBeLessThanOrEqual(255);
    expect(data.numBins[0]).toBeGreaterThan(240);
    const counts = new Array<number>(data.numBins[0]).fill(0);
    for (const b of data.bins) counts[b]++;
    expect(Math.max(...counts)).toBeLessThan(2 * (10_000 / 255));
  });

  it('gives few distinct values one bin each and keeps ties in one bin', () => {
    const sorted = Float64Array.from([1, 1, 1, 2, 2, 5, 5, 5, 5, 9]);
    expect(Array.from(binBounds(sorted, 255))).toEqual([1.5, 3.5, 7]);
    // With 2 bins the cut moves to the end of a run of equal values.
    const cuts = binBounds(sorted, 2);
    expect(cuts).toHaveLength(1);
    expect([1.5, 3.5, 7]).toContain(cuts[0]);
  });

  it('maps values so that "bin ≤ b" is exactly "value ≤ upper[b]", and NaN to the missing bin', () => {
    const upper = Float64Array.from([0.5, 1.5, 3]);
    expect([0, 0.5, 0.6, 1.5, 2, 3, 3.1, 100].map((v) => binOf(upper, v))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(binOf(upper, NaN)).toBe(MISSING_BIN);
    const rng = dataStream('bin-consistency');
    const x = uniformMatrix(rng, 3000, 2, -5, 5);
    const data = binMatrix(x, 64);
    for (let r = 0; r < 3000; r++) {
      for (let f = 0; f < 2; f++) {
        const v = x.values[r * 2 + f];
        const b = data.bins[f * 3000 + r];
        const up = data.upper[f];
        if (b < up.length) expect(v).toBeLessThanOrEqual(up[b]);
        if (b > 0) expect(v).toBeGreaterThan(up[b - 1]);
      }
    }
  });
});

describe('gbdt histogram subtraction', () => {
  it('parent minus one child equals the other child built directly', () => {
    const rng = dataStream('hist');
    const n = 2000;
    const base = uniformMatrix(rng, n, 4);
    const values = base.values.map((v, i) => (i % 4 === 3 && rng.uniform() < 0.2 ? NaN : v));
    const x: FeatureMatrix = { ...base, values };
    const data = binMatrix(x, 255);
    const grad = Float64Array.from({ length: n }, () => rng.normal());
    const hess = Float64Array.from({ length: n }, () => 0.1 + rng.uniform());
    const features = Int32Array.from([0, 1, 3]);
    // A parent of 1,500 rows split into two children by feature 2.
    const parentRows = Uint32Array.from({ length: 1500 }, (_, i) => i + 300);
    const leftRows = parentRows.filter((r) => x.values[r * 4 + 2] <= 0.1);
    const rightRows = parentRows.filter((r) => x.values[r * 4 + 2] > 0.1);
    const hist = (rows: Uint32Array): Float64Array => {
      const h = newHistogram(4);
      buildHistogram(h, data, features, { rows, start: 0, end: rows.length }, grad, hess);
      return h;
    };
    const parent = hist(parentRows);
    const left = hist(leftRows);
    const right = hist(rightRows);
    subtractHistogram(parent, left, features);
    for (const f of features) {
      for (let b = 0; b < BIN_SLOTS; b++) {
        const s = (f * BIN_SLOTS + b) * SLOT_WIDTH;
        expect(parent[s]).toBeCloseTo(right[s], 10);
        expect(parent[s + 1]).toBeCloseTo(right[s + 1], 10);
        expect(parent[s + 2]).toBe(right[s + 2]);
      }
    }
    // And the direct histogram really is the sums (checked for the missing bin of feature 3).
    const missing = rightRows.filter((r) => Number.isNaN(x.values[r * 4 + 3]));
    const s = (3 * BIN_SLOTS + MISSING_BIN) * SLOT_WIDTH;
    expect(right[s + 2]).toBe(missing.length);
    expect(right[s]).toBeCloseTo(missing.reduce((acc, r) => acc + grad[r], 0), 10);
  });

  it('with unit hessians the hessian sums are the counts', () => {
    const n = 500;
    const x = uniformMatrix(dataStream('hist-unit'), n, 2);
    const data = binMatrix(x, 255);
    const grad = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const hess = new Float64Array(n).fill(1);
    const rows = Uint32Array.from({ length: n }, (_, i) => i);
    const features = Int32Array.from([0, 1]);
    const general = newHistogram(2);
    const unit = newHistogram(2);
    buildHistogram(general, data, features, { rows, start: 0, end: n }, grad, hess, false);
    buildHistogram(unit, data, features, { rows, start: 0, end: n }, grad, hess, true);
    expect(Array.from(unit)).toEqual(Array.from(general));
  });
});
