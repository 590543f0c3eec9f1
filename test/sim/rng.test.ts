import { describe, expect, it } from 'vitest';
import { createStreams, hashKey, streamFrom, type Stream } from '../../sim/rng.js';

const draws = (s: Stream, n: number): number[] => Array.from({ length: n }, () => s.uniform());

/** Sample mean and its standard error over `n` draws. */
function sampleMean(n: number, draw: () => number): { mean: number; se: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  const variance = (sumSq - n * mean * mean) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

describe('createStreams', () => {
  it('gives the same draws for the same (seed, replication, name)', () => {
    const a = draws(createStreams(7, 2).stream('demand/site-3'), 100);
    const b = draws(createStreams(7, 2).stream('demand/site-3'), 100);
    expect(a).toEqual(b);
    // each call to stream() starts at the beginning
    const f = createStreams(7, 2);
    f.stream('demand/site-3').uniform();
    expect(draws(f.stream('demand/site-3'), 100)).toEqual(a);
  });

  it('gives different draws for different names, seeds and replications', () => {
    const base = draws(createStreams(7, 2).stream('demand'), 20);
    expect(draws(createStreams(7, 2).stream('demand2'), 20)).not.toEqual(base);
    expect(draws(createStreams(8, 2).stream('demand'), 20)).not.toEqual(base);
    expect(draws(createStreams(7, 3).stream('demand'), 20)).not.toEqual(base);
    // no single draw coincides either (a shifted copy would also be a failure)
    const other = draws(createStreams(7, 3).stream('demand'), 20);
    expect(base.filter((x) => other.includes(x))).toEqual([]);
  });

  it('exposes seed, replication and the stream name', () => {
    const f = createStreams(5, 1);
    expect(f.seed).toBe(5);
    expect(f.replication).toBe(1);
    expect(f.stream('refunds').name).toBe('refunds');
  });

  it("keeps stream 'a' identical whether or not other streams were created and drawn first", () => {
    const alone = createStreams(99, 0).stream('a');
    const aloneDraws = [...draws(alone, 50), alone.normal(), alone.poisson(4), alone.gamma(2)];

    const f = createStreams(99, 0);
    const b = f.stream('b');
    const c = f.stream('c');
    draws(b, 17);
    c.normal();
    c.poisson(60);
    const a = f.stream('a');
    const first = draws(a, 20);
    draws(b, 5); // interleave draws from the other streams
    c.gamma(0.5);
    const rest = draws(a, 30);
    const mixed = [...first, ...rest, a.normal(), a.poisson(4), a.gamma(2)];
    expect(mixed).toEqual(aloneDraws);
  });

  it('int(n) stays in [0, n) and hits every value', () => {
    const s = createStreams(3, 0).stream('int');
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const k = s.int(10);
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(10);
      seen.add(k);
    }
    expect(seen.size).toBe(10);
    for (let i = 0; i < 100; i++) expect(s.int(1)).toBe(0);
  });
});

describe('hashKey', () => {
  it('is deterministic and 32 hex digits', () => {
    expect(hashKey('freshsim|1|0|demand')).toBe(hashKey('freshsim|1|0|demand'));
    expect(hashKey('x')).toMatch(/^[0-9a-f]{32}$/);
    expect(hashKey('')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('differs for different keys, including near-identical ones', () => {
    const keys = ['', 'a', 'b', 'ab', 'ba', 'aa', 'freshsim|1|0|x', 'freshsim|1|0|y', 'freshsim|10|0|x', 'freshsim|1|00|x'];
    for (let i = 0; i < 1000; i++) keys.push(`demand/site-${i}`);
    const hashes = new Set(keys.map(hashKey));
    expect(hashes.size).toBe(keys.length);
    // the four 32-bit lanes are not copies of each other
    const h = hashKey('demand/site-1');
    const lanes = [0, 8, 16, 24].map((i) => h.slice(i, i + 8));
    expect(new Set(lanes).size).toBe(4);
  });
});

describe('distributions (seeded; bounds are 6 standard errors)', () => {
  const N = 100_000;
  const stream = (name: string): Stream => createStreams(20240601, 0).stream(name);

  it('uniform is in [0, 1) with mean 1/2', () => {
    const s = stream('uniform');
    let min = 1;
    let max = 0;
    const { mean } = sampleMean(N, () => {
      const u = s.uniform();
      min = Math.min(min, u);
      max = Math.max(max, u);
      return u;
    });
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(6 * Math.sqrt(1 / 12 / N));
  });

  it('normal has mean 0 and standard deviation 1', () => {
    const s = stream('normal');
    const xs = Array.from({ length: N }, () => s.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / N;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (N - 1));
    expect(Math.abs(mean)).toBeLessThan(6 / Math.sqrt(N));
    // SE of the sample sd of a normal ≈ σ / √(2N)
    expect(Math.abs(sd - 1)).toBeLessThan(6 / Math.sqrt(2 * N));
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  it.each([3, 50])('poisson(%d) has the given mean and non-negative integer values', (m) => {
    const s = stream(`poisson-${m}`);
    let ok = true;
    const { mean } = sampleMean(N, () => {
      const k = s.poisson(m);
      if (!Number.isInteger(k) || k < 0) ok = false;
      return k;
    });
    expect(ok).toBe(true);
    expect(Math.abs(mean - m)).toBeLessThan(6 * Math.sqrt(m / N));
  });

  it('poisson of a non-positive mean is 0', () => {
    const s = stream('poisson-0');
    expect(s.poisson(0)).toBe(0);
    expect(s.poisson(-2)).toBe(0);
  });

  it('exponential(rate) has mean 1 / rate', () => {
    const s = stream('exponential');
    const rate = 2.5;
    const { mean } = sampleMean(N, () => s.exponential(rate));
    expect(Math.abs(mean - 1 / rate)).toBeLessThan(6 * (1 / rate) / Math.sqrt(N));
  });

  it.each([0.5, 3])('gamma(%d) has mean equal to its shape', (shape) => {
    const s = stream(`gamma-${shape}`);
    let positive = true;
    const { mean } = sampleMean(N, () => {
      const g = s.gamma(shape);
      if (!(g > 0)) positive = false;
      return g;
    });
    expect(positive).toBe(true);
    // variance of gamma(k, 1) is k
    expect(Math.abs(mean - shape)).toBeLessThan(6 * Math.sqrt(shape / N));
  });

  it.each([0.2, 0.7])('geometric(%d) has mean (1 − p) / p', (p) => {
    const s = stream(`geometric-${p}`);
    const { mean } = sampleMean(N, () => s.geometric(p));
    // variance of failures-before-success is (1 − p) / p²
    expect(Math.abs(mean - (1 - p) / p)).toBeLessThan(6 * Math.sqrt((1 - p) / (p * p) / N));
    expect(s.geometric(1)).toBe(0);
  });

  it('bernoulli(p) has frequency p', () => {
    const s = stream('bernoulli');
    const p = 0.3;
    const { mean } = sampleMean(N, () => (s.bernoulli(p) ? 1 : 0));
    expect(Math.abs(mean - p)).toBeLessThan(6 * Math.sqrt((p * (1 - p)) / N));
  });
});

describe('streamFrom', () => {
  it('derives its distributions from the injected source', () => {
    const values = [0.25, 0.5, 0.75];
    let i = 0;
    const s = streamFrom('fixed', () => values[i++ % values.length]);
    expect(s.name).toBe('fixed');
    expect(s.uniform()).toBe(0.25);
    expect(s.int(10)).toBe(5);
    expect(s.bernoulli(0.8)).toBe(true); // 0.75 < 0.8
    expect(s.exponential(2)).toBeCloseTo(-Math.log(0.75) / 2, 12); // 1 − 0.25
    // geometric: floor(log(1 − 0.5) / log(1 − 0.5)) = 1
    expect(s.geometric(0.5)).toBe(1);
  });
});
