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
  /** The histogram summed the slow, obvious way from the column-major bins. */
  function naive(data: ReturnType<typeof binMatrix>, features: Int32Array, rows: Uint32Array, grad: Float64Array, hess: Float64Array): Float64Array {
    const h = newHistogram(data.numFeatures);
    for (const f of features) {
      for (const r of rows) {
        const s = (f * BIN_SLOTS + data.bins[f * data.numRows + r]) * SLOT_WIDTH;
        h[s] += grad[r];
        h[s + 1] += hess[r];
        h[s + 2] += 1;
      }
    }
    return h;
  }

  it('parent minus one child equals the other child built directly, and both equal naive sums', () => {
    const rng = dataStream('hist');
    const n = 2000;
    const nf = 11;
    const base = uniformMatrix(rng, n, nf);
    const values = base.values.map((v, i) => (i % nf === 9 && rng.uniform() < 0.2 ? NaN : v));
    const x: FeatureMatrix = { ...base, values };
    const data = binMatrix(x, 255);
    const grad = Float64Array.from({ length: n }, () => rng.normal());
    const hess = Float64Array.from({ length: n }, () => 0.1 + rng.uniform());
    // Nine features: one block of eight and one left over, as the unrolled loop takes them.
    const features = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 9]);
    // A parent of 1,500 rows split into two children by feature 8.
    const parentRows = Uint32Array.from({ length: 1500 }, (_, i) => i + 300);
    const leftRows = parentRows.filter((r) => x.values[r * nf + 8] <= 0.1);
    const rightRows = parentRows.filter((r) => x.values[r * nf + 8] > 0.1);
    const hist = (rows: Uint32Array): Float64Array => {
      const h = newHistogram(nf);
      buildHistogram(h, data, features, { rows, start: 0, end: rows.length }, grad, hess);
      return h;
    };
    const parent = hist(parentRows);
    const left = hist(leftRows);
    const right = hist(rightRows);
    const slow = naive(data, features, rightRows, grad, hess);
    subtractHistogram(parent, left, features);
    for (const f of features) {
      for (let b = 0; b < BIN_SLOTS; b++) {
        const s = (f * BIN_SLOTS + b) * SLOT_WIDTH;
        expect(parent[s]).toBeCloseTo(right[s], 10);
        expect(parent[s + 1]).toBeCloseTo(right[s + 1], 10);
        expect(parent[s + 2]).toBe(right[s + 2]);
        expect(right[s]).toBeCloseTo(slow[s], 12);
        expect(right[s + 1]).toBeCloseTo(slow[s + 1], 12);
        expect(right[s + 2]).toBe(slow[s + 2]);
      }
    }
    // Feature 9's missing values are counted in the missing bin.
    const missing = rightRows.filter((r) => Number.isNaN(x.values[r * nf + 9]));
    expect(missing.length).toBeGreaterThan(0);
    expect(right[(9 * BIN_SLOTS + MISSING_BIN) * SLOT_WIDTH + 2]).toBe(missing.length);
  });

  it('with unit hessians the hessian sums are the counts', () => {
    const n = 500;
    const x = uniformMatrix(dataStream('hist-unit'), n, 10);
    const data = binMatrix(x, 255);
    const grad = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const hess = new Float64Array(n).fill(1);
    const rows = Uint32Array.from({ length: n }, (_, i) => i);
    const features = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const general = newHistogram(10);
    const unit = newHistogram(10);
    buildHistogram(general, data, features, { rows, start: 0, end: n }, grad, hess, false);
    buildHistogram(unit, data, features, { rows, start: 0, end: n }, grad, hess, true);
    expect(Array.from(unit)).toEqual(Array.from(general));
  });
});
