/**
 * Summary statistics over replications: mean with a 95% confidence interval
 * (Student t), and paired differences on common random numbers.
 */

/** Mean, 95% CI and the per-replication values it came from. */
export interface Estimate {
  readonly mean: number;
  /** Student-t 95% interval; null bounds with fewer than two replications. */
  readonly ci95: readonly [number | null, number | null];
  readonly n: number;
  readonly perSeed: readonly number[];
}

const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** Two-sided 97.5% quantile of Student's t with `df` degrees of freedom. */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`tQuantile975: df = ${df}; expected ≥ 1`);
  if (df <= 30) return T975[Math.floor(df) - 1];
  const z = 1.959964;
  // Cornish–Fisher expansion of t around the normal quantile.
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/** Arithmetic mean (NaN for an empty list). */
export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : NaN;
}

/** Sample standard deviation (n − 1). */
export function sampleStd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}

/** Mean and t-based 95% CI of per-replication values. */
export function estimate(perSeed: readonly number[]): Estimate {
  const m = mean(perSeed);
  if (perSeed.length < 2) return { mean: m, ci95: [null, null], n: perSeed.length, perSeed };
  const half = (tQuantile975(perSeed.length - 1) * sampleStd(perSeed)) / Math.sqrt(perSeed.length);
  return { mean: m, ci95: [m - half, m + half], n: perSeed.length, perSeed };
}

/** Paired difference a − b per replication (same seeds, same orders), with its estimate. */
export function pairedDifference(a: readonly number[], b: readonly number[]): Estimate {
  if (a.length !== b.length) {
    throw new RangeError(`pairedDifference: ${a.length} vs ${b.length} replications; expected the same seeds on both sides`);
  }
  return estimate(a.map((x, i) => x - b[i]));
}
