import { describe, expect, it } from 'vitest';
import { estimate, mean, pairedDifference, sampleStd, tQuantile975 } from '../../analysis/stats.js';

describe('tQuantile975', () => {
  it('matches the t table for small df', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(2)).toBeCloseTo(4.303, 3);
    expect(tQuantile975(10)).toBeCloseTo(2.228, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.042, 3);
  });

  it('approaches the normal quantile for large df', () => {
    // exact t quantiles: df 31 → 2.0395, df 60 → 2.0003, df 1000 → 1.96234
    expect(Math.abs(tQuantile975(31) - 2.0395)).toBeLessThan(0.002);
    expect(Math.abs(tQuantile975(60) - 2.0003)).toBeLessThan(0.002);
    expect(Math.abs(tQuantile975(1000) - 1.962)).toBeLessThan(0.002);
    expect(Math.abs(tQuantile975(1e9) - 1.959964)).toBeLessThan(1e-6);
  });

  it('decreases with df', () => {
    let prev = Infinity;
    for (let df = 1; df <= 200; df++) {
      const t = tQuantile975(df);
      expect(t).toBeLessThan(prev);
      prev = t;
    }
  });

  it('rejects df below 1 or NaN', () => {
    expect(() => tQuantile975(0)).toThrow(RangeError);
    expect(() => tQuantile975(Number.NaN)).toThrow(/df = NaN/);
  });
});

describe('mean and sampleStd', () => {
  it('computes known values', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(mean([])).toBeNaN();
    expect(sampleStd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleStd([5])).toBe(0);
  });
});

describe('estimate', () => {
  it('gives the mean and a t-based 95% CI for known values', () => {
    const e = estimate([1, 2, 3]);
    expect(e.mean).toBe(2);
    expect(e.n).toBe(3);
    expect(e.perSeed).toEqual([1, 2, 3]);
    const half = (4.303 * 1) / Math.sqrt(3); // sd of [1, 2, 3] is 1
    expect(e.ci95[0]).toBeCloseTo(2 - half, 9);
    expect(e.ci95[1]).toBeCloseTo(2 + half, 9);
  });

  it('gives a zero-width interval for identical values', () => {
    expect(estimate([4, 4, 4, 4]).ci95).toEqual([4, 4]);
  });

  it('gives null bounds for a single replication', () => {
    const e = estimate([7.5]);
    expect(e.mean).toBe(7.5);
    expect(e.n).toBe(1);
    expect(e.ci95).toEqual([null, null]);
  });

  it('gives NaN mean and null bounds for no replications', () => {
    const e = estimate([]);
    expect(e.mean).toBeNaN();
    expect(e.n).toBe(0);
    expect(e.ci95).toEqual([null, null]);
  });
});

describe('pairedDifference', () => {
  it('rejects sides of different lengths', () => {
    expect(() => pairedDifference([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => pairedDifference([1, 2, 3], [1, 2])).toThrow(/3 vs 2 replications/);
  });

  it('equals the estimate of the per-replication differences', () => {
    const a = [10.5, 12, 9.25, 11, 13.5];
    const b = [10, 11.5, 9, 10.25, 12];
    const d = pairedDifference(a, b);
    expect(d).toEqual(estimate(a.map((x, i) => x - b[i])));
    expect(d.perSeed).toEqual([0.5, 0.5, 0.25, 0.75, 1.5]);
    expect(d.mean).toBeCloseTo(0.7, 12);
  });

  it('cancels noise that both sides share (common random numbers)', () => {
    const noise = [5, -3, 8, -6, 1, 4];
    const a = noise.map((x) => 100 + x + 1);
    const b = noise.map((x) => 100 + x);
    const d = pairedDifference(a, b);
    expect(d.mean).toBe(1);
    expect(d.ci95).toEqual([1, 1]);
  });
});
