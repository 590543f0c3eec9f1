/**
 * Small synthetic data sets and linear baselines for the gradient-boosted tree tests.
 */
import { createStreams, type Stream } from '../../sim/index.js';
import type { FeatureMatrix } from '../../strategies/gbdt/index.js';

/** A stream for test data (not the learner's). */
export function dataStream(name: string, seed = 7): Stream {
  return createStreams(seed, 0).stream(`test-data/${name}`);
}

/** A rows × features matrix of uniform values in [lo, hi). */
export function uniformMatrix(rng: Stream, rows: number, features: number, lo = -1, hi = 1): FeatureMatrix {
  const values = new Float64Array(rows * features);
  for (let i = 0; i < values.length; i++) values[i] = lo + (hi - lo) * rng.uniform();
  return { numRows: rows, numFeatures: features, values };
}

/** The labels `fn(row)` for every row of a matrix. */
export function labelRows(x: FeatureMatrix, fn: (row: Float64Array) => number): Float64Array {
  const y = new Float64Array(x.numRows);
  for (let r = 0; r < x.numRows; r++) {
    y[r] = fn(Float64Array.from(x.values.subarray(r * x.numFeatures, (r + 1) * x.numFeatures)));
  }
  return y;
}

/** Solve A z = b (A square, row-major) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * z[k];
    z[r] = s / m[r][r];
  }
  return z;
}

/** Row r of x with a leading 1 (intercept). */
function design(x: FeatureMatrix, r: number): number[] {
  return [1, ...Array.from(x.values.subarray(r * x.numFeatures, (r + 1) * x.numFeatures))];
}

/**
 * A linear model fitted by weighted least squares steps: plain least squares
 * (`logistic` false) or logistic regression by Newton's method (IRLS).
 * Returns a function giving the linear score of a row of another matrix.
 */
export function fitLinear(x: FeatureMatrix, y: ArrayLike<number>, logistic: boolean): (x: FeatureMatrix, r: number) => number {
  const d = x.numFeatures + 1;
  let beta = new Array<number>(d).fill(0);
  for (let iter = 0; iter < (logistic ? 25 : 1); iter++) {
    const a = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const b = new Array<number>(d).fill(0);
    for (let r = 0; r < x.numRows; r++) {
      const z = design(x, r);
      let w = 1;
      let target = y[r];
      if (logistic) {
        const eta = z.reduce((s, v, k) => s + v * beta[k], 0);
        const p = 1 / (1 + Math.exp(-eta));
        w = Math.max(1e-9, p * (1 - p));
        target = eta + (y[r] - p) / w;
      }
      for (let i = 0; i < d; i++) {
        b[i] += w * z[i] * target;
        for (let j = 0; j < d; j++) a[i][j] += w * z[i] * z[j];
      }
    }
    for (let i = 0; i < d; i++) a[i][i] += 1e-9;
    beta = solve(a, b);
  }
  return (m, r) => design(m, r).reduce((s, v, k) => s + v * beta[k], 0);
}

/** Area under the ROC curve (ties count one half). */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  let num = 0;
  let pos = 0;
  let neg = 0;
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let negSeen = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    let p = 0;
    let q = 0;
    while (j < idx.length && scores[idx[j]] === scores[idx[i]]) {
      if (labels[idx[j]] === 1) p++; else q++;
      j++;
    }
    num += p * (negSeen + q / 2);
    negSeen += q;
    pos += p;
    neg += q;
    i = j;
  }
  return num / (pos * neg);
}

/** Root mean squared error. */
export function rmse(pred: ArrayLike<number>, truth: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < pred.length; i++) s += (pred[i] - truth[i]) ** 2;
  return Math.sqrt(s / pred.length);
}
