/**
 * The raw feature matrix the learner reads (row-major numbers, NaN = missing)
 * and the checks on training data, so bad input fails before any work.
 */
import { GbdtError } from './params.js';

/** Rows × features, row-major: the value of feature f in row r is `values[r * numFeatures + f]`. */
export interface FeatureMatrix {
  readonly numRows: number;
  readonly numFeatures: number;
  readonly values: Float64Array | Float32Array;
}

/** Pack an array of equally long rows into a {@link FeatureMatrix}; `what` names it in errors. */
export function matrixFromRows(rows: readonly (readonly number[])[], what = 'features'): FeatureMatrix {
  if (rows.length === 0) throw new GbdtError(`${what}: no rows; expected at least one`);
  const numFeatures = rows[0].length;
  const values = new Float64Array(rows.length * numFeatures);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length !== numFeatures) {
      throw new GbdtError(`${what}: row ${r} has ${row.length} values; expected ${numFeatures} like row 0`);
    }
    for (let f = 0; f < numFeatures; f++) values[r * numFeatures + f] = row[f];
  }
  return { numRows: rows.length, numFeatures, values };
}

/**
 * Check a matrix's shape and values: positive sizes, `values` of the right
 * length, every value finite or NaN (missing). ±Infinity is rejected because a
 * split threshold could not separate it from the largest finite value.
 */
export function checkMatrix(x: FeatureMatrix, what: string, numFeatures?: number): void {
  if (!Number.isInteger(x.numRows) || x.numRows < 1) {
    throw new GbdtError(`${what}: numRows = ${x.numRows}; expected an integer ≥ 1 (empty data cannot be used)`);
  }
  if (!Number.isInteger(x.numFeatures) || x.numFeatures < 1) {
    throw new GbdtError(`${what}: numFeatures = ${x.numFeatures}; expected an integer ≥ 1`);
  }
  if (numFeatures !== undefined && x.numFeatures !== numFeatures) {
    throw new GbdtError(`${what}: ${x.numFeatures} features; expected ${numFeatures} (as the model was trained on)`);
  }
  if (x.values.length !== x.numRows * x.numFeatures) {
    throw new GbdtError(`${what}: values has length ${x.values.length}; expected numRows × numFeatures = ${x.numRows * x.numFeatures}`);
  }
  const v = x.values;
  for (let i = 0; i < v.length; i++) {
    if (v[i] === Infinity || v[i] === -Infinity) {
      const r = Math.floor(i / x.numFeatures);
      throw new GbdtError(`${what}: row ${r}, feature ${i - r * x.numFeatures} is ${v[i]}; expected a finite number or NaN (missing)`);
    }
  }
}

/** Check labels against a matrix and an objective: same length, no NaN, 0/1 for binary. */
export function checkLabels(labels: ArrayLike<number>, x: FeatureMatrix, what: string, binary: boolean): void {
  if (labels.length !== x.numRows) {
    throw new GbdtError(`${what}: ${labels.length} labels for ${x.numRows} rows; expected one label per row`);
  }
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (!Number.isFinite(y)) throw new GbdtError(`${what}: label ${i} is ${y}; expected a finite number`);
    if (binary && y !== 0 && y !== 1) {
      throw new GbdtError(`${what}: label ${i} is ${y}; expected 0 or 1 for the binary log-loss objective`);
    }
  }
}
