import { describe, expect, it } from 'vitest';
import { mm1MeanWaitStdError, mm1TheoryMeanWait, runMm1 } from '../../bench/mm1-model.js';

describe('runMm1', () => {
  it('handles two events per customer and serves every customer', () => {
    const r = runMm1({ customers: 1000, lambda: 0.9, mu: 1, seed: 3 });
    expect(r.events).toBe(2000);
    expect(r.served).toBe(1000);
    expect(r.simTime).toBeGreaterThan(0);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = runMm1({ customers: 5000, lambda: 0.9, mu: 1, seed: 11 });
    expect(runMm1({ customers: 5000, lambda: 0.9, mu: 1, seed: 11 })).toEqual(a);
    expect(runMm1({ customers: 5000, lambda: 0.9, mu: 1, seed: 12 }).meanWait).not.toBe(a.meanWait);
  });

  it('matches the M/M/1 mean wait within 4 standard errors', () => {
    for (const [lambda, mu] of [[0.5, 1], [0.9, 1], [1.6, 2]]) {
      const customers = 200_000;
      const r = runMm1({ customers, lambda, mu, seed: 1 });
      const z = (r.meanWait - mm1TheoryMeanWait(lambda, mu)) / mm1MeanWaitStdError(lambda, mu, customers);
      expect(Math.abs(z)).toBeLessThan(4);
    }
  });

  it('names the bad option', () => {
    expect(() => runMm1({ customers: 0, lambda: 0.9, mu: 1, seed: 1 })).toThrow(/customers = 0/);
    expect(() => runMm1({ customers: 10, lambda: -1, mu: 1, seed: 1 })).toThrow(/lambda = -1/);
    expect(() => runMm1({ customers: 10, lambda: 0.9, mu: Number.NaN, seed: 1 })).toThrow(/mu = NaN/);
    expect(() => runMm1({ customers: 10, lambda: 0.9, mu: 1, seed: 1.5 })).toThrow(/seed = 1.5/);
  });
});
