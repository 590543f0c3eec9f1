/**
 * Synthetic PM1/PM2-like data for the gradient-boosted tree benchmark: 30
 * features shaped like OTPTO's (sales-like counts, skewed quantities, rates,
 * weekday and category codes, a few with missing values, some pure noise) and
 * a non-linear target with thresholds and interactions.
 */
import type { Stream } from '../sim/index.js';
import type { FeatureMatrix } from '../strategies/index.js';

/** Features per row in the benchmark set. */
export const BENCH_FEATURES = 30;

/** A generated data set: features, both targets (binary and continuous) and what generated them. */
export interface SyntheticSet {
  readonly x: FeatureMatrix;
  readonly binary: Float64Array;
  readonly continuous: Float64Array;
  /** The latent score behind each row (the best possible ranking for the binary label). */
  readonly latent: Float64Array;
  /** The continuous target without its noise (the best possible regression prediction, up to the clip at 0). */
  readonly noiseFree: Float64Array;
}

/** The latent score of one row (features `v[o..o+30)`), missing values read as 0. */
function latent(v: Float64Array, o: number): number {
  const at = (f: number): number => (v[o + f] === v[o + f] ? v[o + f] : 0);
  const sales = at(0);
  const rolling = at(1);
  const share = at(2);
  const weekday = at(3);
  const category = at(4);
  let s = 1.2 * Math.log1p(sales) - 2.5;
  s += share > 0.55 ? 1.4 : share > 0.25 ? 0.4 : -0.6;
  s += (weekday === 5 || weekday === 6 ? 0.5 : 0) * (category % 3 === 0 ? 1.5 : 0.3);
  s += 0.8 * Math.sin(at(5) * 2) + 0.6 * at(6) * at(7);
  s += rolling > 8 && at(8) > 0.5 ? 0.9 : 0;
  s += 0.4 * Math.abs(at(9)) - 0.3 * Math.max(0, at(10) - 1);
  s += v[o + 11] !== v[o + 11] ? -0.7 : 0.2 * at(11);
  return s;
}

/** `rows` rows drawn from `rng`; the same stream state gives the same set. */
export function syntheticSet(rng: Stream, rows: number): SyntheticSet {
  const nf = BENCH_FEATURES;
  const values = new Float64Array(rows * nf);
  const binary = new Float64Array(rows);
  const continuous = new Float64Array(rows);
  const latentScore = new Float64Array(rows);
  const noiseFree = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const o = r * nf;
    const base = rng.gamma(1.5) * 4;
    values[o] = rng.poisson(base);
    values[o + 1] = base + rng.normal();
    values[o + 2] = rng.uniform();
    values[o + 3] = rng.int(7);
    values[o + 4] = rng.int(7);
    values[o + 5] = rng.normal() * 1.5;
    values[o + 6] = rng.normal();
    values[o + 7] = rng.normal();
    values[o + 8] = rng.uniform();
    values[o + 9] = rng.normal() * 2;
    values[o + 10] = rng.exponential(0.7);
    values[o + 11] = rng.bernoulli(0.15) ? NaN : rng.normal();
    // Correlated copies and noise features (a realistic feature set has both).
    values[o + 12] = values[o] + rng.poisson(1);
    values[o + 13] = values[o + 2] * 0.8 + rng.uniform() * 0.2;
    for (let f = 14; f < nf; f++) values[o + f] = f % 4 === 0 && rng.bernoulli(0.1) ? NaN : rng.normal();
    const s = latent(values, o);
    latentScore[r] = s;
    noiseFree[r] = Math.max(0, 10 + 6 * s);
    binary[r] = rng.bernoulli(1 / (1 + Math.exp(-s))) ? 1 : 0;
    continuous[r] = Math.max(0, 10 + 6 * s + 3 * rng.normal());
  }
  return { x: { numRows: rows, numFeatures: nf, values }, binary, continuous, latent: latentScore, noiseFree };
}

/** Area under the ROC curve of scores against 0/1 labels (ties count one half). */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSumPos = 0;
  let pos = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[order[k]] === 1) { rankSumPos += midRank; pos++; }
    i = j + 1;
  }
  const neg = order.length - pos;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Root mean squared error. */
export function rmse(pred: ArrayLike<number>, truth: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < pred.length; i++) s += (pred[i] - truth[i]) ** 2;
  return Math.sqrt(s / pred.length);
}
