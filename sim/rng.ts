/**
 * Named random streams (MODEL §9). Every stream is seeded from a hash of
 * (scenario seed, replication, stream name), never from creation order, so
 * adding a stream never changes the draws of another.
 */
import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1) with the distributions freshsim uses. */
export interface Stream {
  /** The name the stream was derived from. */
  readonly name: string;
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  bernoulli(p: number): boolean;
  /** Standard normal (Box–Muller, one value per call). */
  normal(): number;
  /** Exponential with the given rate (mean 1 / rate). */
  exponential(rate: number): number;
  /** Poisson with the given mean. */
  poisson(mean: number): number;
  /** Gamma with shape k and scale 1 (Marsaglia–Tsang). */
  gamma(shape: number): number;
  /** Geometric number of failures before the first success, success probability p. */
  geometric(p: number): number;
}

/** Derives named streams for one (seed, replication). */
export interface StreamFactory {
  readonly seed: number;
  readonly replication: number;
  /** The stream called `name`; each call returns a fresh stream at its start. */
  stream(name: string): Stream;
}

/**
 * A 128-bit string hash (four independent 32-bit FNV-1a lanes, each finished
 * with murmur3's avalanche), returned as 32 hex digits.
 */
export function hashKey(key: string): string {
  const lanes = [0x811c9dc5, 0x01000193 ^ 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];
  let out = '';
  for (let l = 0; l < 4; l++) {
    let h = lanes[l] >>> 0;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i) + l * 0x3c6ef372;
      h = Math.imul(h, 0x01000193);
    }
    h ^= key.length;
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

/** A stream over any uniform source (used by tests to inject a known source). */
export function streamFrom(name: string, next: () => number): Stream {
  const s: Stream = {
    name,
    uniform: next,
    int: (n) => Math.floor(next() * n),
    bernoulli: (p) => next() < p,
    normal() {
      let u = next();
      while (u <= 0) u = next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    exponential(rate) {
      return -Math.log(1 - next()) / rate;
    },
    poisson(mean) {
      if (mean <= 0) return 0;
      if (mean < 30) {
        const limit = Math.exp(-mean);
        let k = 0;
        let p = next();
        while (p > limit) { k++; p *= next(); }
        return k;
      }
      // Normal approximation with continuity correction for large means.
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * s.normal()));
    },
    gamma(shape) {
      if (shape < 1) {
        const u = next();
        return s.gamma(shape + 1) * Math.pow(u <= 0 ? Number.MIN_VALUE : u, 1 / shape);
      }
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (;;) {
        let x: number, v: number;
        do { x = s.normal(); v = 1 + c * x; } while (v <= 0);
        v = v * v * v;
        const u = next();
        if (u < 1 - 0.0331 * x * x * x * x) return d * v;
        if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
      }
    },
    geometric(p) {
      if (p >= 1) return 0;
      return Math.floor(Math.log(1 - next()) / Math.log(1 - p));
    },
  };
  return s;
}

/** The streams of one replication of one seed. */
export function createStreams(seed: number, replication: number): StreamFactory {
  return {
    seed,
    replication,
    stream(name: string): Stream {
      const prng = seedrandom.alea(hashKey(`freshsim|${seed}|${replication}|${name}`));
      return streamFrom(name, () => prng());
    },
  };
}
