/**
 * Quantile binning: each feature's values are mapped to at most 255 ordered
 * value bins; NaN (missing) goes to the dedicated bin {@link MISSING_BIN}.
 *
 * Bin b of a feature holds the values v with upper[b − 1] < v ≤ upper[b]
 * (the last bin is open above), so "bin ≤ b" is exactly "v ≤ upper[b]" and a
 * split found on bins becomes a threshold on raw values.
 */
import type { FeatureMatrix } from './matrix.js';

/** The bin index of a missing value (NaN), after every value bin. */
export const MISSING_BIN = 255;

/** Histogram slots per feature: value bins 0..254 and the missing bin 255. */
export const BIN_SLOTS = 256;

/** The binned training data: one Uint8Array column per feature, stored back to back. */
export interface BinnedData {
  readonly numRows: number;
  readonly numFeatures: number;
  /** Column-major: the bin of feature f in row r is `bins[f * numRows + r]` (used to partition a node's rows by one feature). */
  readonly bins: Uint8Array;
  /**
   * The same bins row-major: `rowBins[r * numFeatures + f]`. Added because the
   * benchmark showed histogram building about 25% faster row by row (one cache
   * line per row, no chains of updates to one bin) and tree traversal of
   * out-of-bag rows far faster on 30 bytes a row than on the raw doubles.
   */
  readonly rowBins: Uint8Array;
  /** Per feature, the upper bounds of its value bins except the last (length = value bins − 1). */
  readonly upper: readonly Float64Array[];
  /** Per feature, the number of value bins (1..255). */
  readonly numBins: Uint16Array;
}

/** Upper bounds (midpoints between neighbouring distinct values) cutting `sorted` into ≤ maxBins quantile bins. */
export function binBounds(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  const bounds: number[] = [];
  let distinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n && distinct <= maxBins; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  if (distinct <= maxBins) {
    // Few distinct values: one bin each.
    for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) bounds.push((sorted[i - 1] + sorted[i]) / 2);
    return Float64Array.from(bounds);
  }
  // Quantile cuts; a cut landing inside a run of equal values moves to the run's end.
  for (let k = 1; k < maxBins; k++) {
    const pos = Math.max(1, Math.round((k * n) / maxBins));
    const v = sorted[pos - 1];
    const j = upperBound(sorted, v);
    if (j >= n) break;
    const cut = (v + sorted[j]) / 2;
    if (bounds.length === 0 || cut > bounds[bounds.length - 1]) bounds.push(cut);
  }
  return Float64Array.from(bounds);
}

/** First index in the sorted array whose value is greater than v. */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The bin of value v given a feature's upper bounds (NaN → {@link MISSING_BIN}). */
export function binOf(upper: Float64Array, v: number): number {
  if (v !== v) return MISSING_BIN;
  let lo = 0;
  let hi = upper.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (upper[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bin every feature of a (checked) matrix with bounds computed from its own non-missing values. */
export function binMatrix(x: FeatureMatrix, maxBins: number): BinnedData {
  const { numRows, numFeatures, values } = x;
  const bins = new Uint8Array(numRows * numFeatures);
  const upper: Float64Array[] = [];
  const numBins = new Uint16Array(numFeatures);
  const column = new Float64Array(numRows);
  for (let f = 0; f < numFeatures; f++) {
    let m = 0;
    for (let r = 0; r < numRows; r++) {
      const v = values[r * numFeatures + f];
      if (v === v) column[m++] = v;
    }
    const sorted = column.slice(0, m).sort();
    const bounds = binBounds(sorted, maxBins);
    upper.push(bounds);
    numBins[f] = bounds.length + 1;
    const base = f * numRows;
    for (let r = 0; r < numRows; r++) bins[base + r] = binOf(bounds, values[r * numFeatures + f]);
  }
  const rowBins = new Uint8Array(numRows * numFeatures);
  for (let f = 0; f < numFeatures; f++) {
    const base = f * numRows;
    for (let r = 0; r < numRows; r++) rowBins[r * numFeatures + f] = bins[base + r];
  }
  return { numRows, numFeatures, bins, rowBins, upper, numBins };
}

/** Row-major bins of another matrix (e.g. validation data) under the training data's bounds. */
export function binRows(x: FeatureMatrix, upper: readonly Float64Array[]): Uint8Array {
  const { numRows, numFeatures, values } = x;
  const out = new Uint8Array(numRows * numFeatures);
  for (let i = 0; i < out.length; i++) out[i] = binOf(upper[i % numFeatures], values[i]);
  return out;
}
