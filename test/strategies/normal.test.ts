import { describe, expect, it } from 'vitest';
import { normalCdf, normalLoss, normalPdf, normalQuantile } from '../../strategies/normal.js';

describe('normalQuantile', () => {
  it('gives known quantiles', () => {
    expect(Math.abs(normalQuantile(0.975) - 1.959964)).toBeLessThan(1e-6);
    expect(Math.abs(normalQuantile(0.025) + 1.959964)).toBeLessThan(1e-6);
    expect(Math.abs(normalQuantile(0.95) - 1.644854)).toBeLessThan(1e-6);
    expect(Math.abs(normalQuantile(0.999) - 3.090232)).toBeLessThan(1e-6);
    expect(Math.abs(normalQuantile(0.5))).toBeLessThan(1e-6);
    expect(Math.abs(normalQuantile(1e-6) + 4.753424)).toBeLessThan(1e-5);
  });

  it('is increasing and antisymmetric', () => {
    let prev = -Infinity;
    for (let i = 1; i < 1000; i++) {
      const p = i / 1000;
      const z = normalQuantile(p);
      expect(z).toBeGreaterThan(prev);
      expect(Math.abs(z + normalQuantile(1 - p))).toBeLessThan(1e-6);
      prev = z;
    }
  });

  it('round-trips through the CDF for p in [0.001, 0.999]', () => {
    let worst = 0;
    for (let i = 1; i <= 999; i++) {
      const p = i / 1000;
      worst = Math.max(worst, Math.abs(normalCdf(normalQuantile(p)) - p));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it('maps 0 and 1 to infinities and rejects non-probabilities', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(1.5)).toThrow(/p = 1.5/);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe('normalCdf', () => {
  it('gives known values', () => {
    expect(Math.abs(normalCdf(0) - 0.5)).toBeLessThan(1.2e-7);
    expect(Math.abs(normalCdf(1) - 0.8413447460685429)).toBeLessThan(1.2e-7);
    expect(Math.abs(normalCdf(-1.959963984540054) - 0.025)).toBeLessThan(1.2e-7);
    expect(normalCdf(10)).toBeCloseTo(1, 12);
    expect(normalCdf(-10)).toBeCloseTo(0, 12);
  });

  it('is symmetric: Φ(z) + Φ(−z) = 1', () => {
    for (let z = -6; z <= 6; z += 0.05) {
      expect(Math.abs(normalCdf(z) + normalCdf(-z) - 1)).toBeLessThan(1e-12);
    }
  });

  it('is non-decreasing and within [0, 1]', () => {
    let prev = 0;
    for (let z = -8; z <= 8; z += 0.01) {
      const c = normalCdf(z);
      expect(c).toBeGreaterThanOrEqual(prev);
      expect(c).toBeLessThanOrEqual(1);
      prev = c;
    }
  });
});

describe('normalPdf and normalLoss', () => {
  it('normalPdf(0) = 1/√(2π) and is symmetric', () => {
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
    expect(normalPdf(1.3)).toBe(normalPdf(-1.3));
  });

  it('normalLoss(0) = 1/√(2π)', () => {
    expect(normalLoss(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 12);
  });

  it('satisfies L(z) − L(−z) = −z and decreases towards 0', () => {
    for (const z of [0.5, 1, 2, 3]) {
      expect(normalLoss(z) - normalLoss(-z)).toBeCloseTo(-z, 6);
      expect(normalLoss(z)).toBeLessThan(normalLoss(z - 0.5));
      expect(normalLoss(z)).toBeGreaterThan(0);
    }
    expect(normalLoss(1)).toBeCloseTo(0.0833155, 6);
  });
});
