/**
 * Gradient histograms: per feature and bin, the sums of gradients, hessians
 * and row counts of one node's rows. A node's two children need only one
 * built histogram: the other is the parent's minus it.
 */
import { BIN_SLOTS, type BinnedData } from './binning.js';

/** Numbers stored per bin slot: gradient sum, hessian sum, row count. */
export const SLOT_WIDTH = 3;

/** A zeroed histogram able to hold every feature of `numFeatures`. */
export function newHistogram(numFeatures: number): Float64Array {
  return new Float64Array(numFeatures * BIN_SLOTS * SLOT_WIDTH);
}

/** The rows of one node: `rows[start..end)`. */
export interface NodeRows {
  readonly rows: Uint32Array;
  readonly start: number;
  readonly end: number;
}

/**
 * Fill `hist` for the listed features from the node's rows. With
 * `unitHessian` (every hessian is exactly 1) hessian sums are set from counts.
 *
 * Hand-optimised (histogram building is most of the training time in the
 * benchmark): rows are visited once each and all their features updated from
 * the row-major bins, which measured about 25% faster than one pass per
 * feature over the column-major bins; and the features of a row are taken
 * eight at a time, addresses first and updates after, which measured 2.2×
 * faster again (the updates of one row no longer wait on each other).
 */
export function buildHistogram(
  hist: Float64Array,
  data: BinnedData,
  features: Int32Array,
  node: NodeRows,
  grad: Float64Array,
  hess: Float64Array,
  unitHessian = false,
): void {
  const stride = BIN_SLOTS * SLOT_WIDTH;
  const numUsed = features.length;
  const offsets = new Int32Array(numUsed);
  for (let k = 0; k < numUsed; k++) {
    offsets[k] = features[k] * stride;
    hist.fill(0, offsets[k], offsets[k] + stride);
  }
  if (!unitHessian) {
    accumulateRows(hist, data.rowBins, data.numFeatures, features, offsets, node, grad, hess);
  } else {
    // Squared error: no hessian updates (measured 18% faster); the hessian sum of a bin is its count.
    accumulateRowsUnit(hist, data.rowBins, data.numFeatures, features, offsets, node, grad);
    for (let k = 0; k < numUsed; k++) {
      for (let s = offsets[k]; s < offsets[k] + stride; s += SLOT_WIDTH) hist[s + 1] = hist[s + 2];
    }
  }
}

/** The inner loop of {@link buildHistogram}: gradient, hessian and count per (feature, bin). */
function accumulateRows(
  hist: Float64Array, rowBins: Uint8Array, nf: number, features: Int32Array, offsets: Int32Array,
  node: NodeRows, grad: Float64Array, hess: Float64Array,
): void {
  const { rows, start, end } = node;
  const numUsed = features.length;
  const bulk = numUsed - (numUsed % 8);
  const W = SLOT_WIDTH;
  for (let i = start; i < end; i++) {
    const r = rows[i];
    const g = grad[r];
    const h = hess[r];
    const o = r * nf;
    let k = 0;
    for (; k < bulk; k += 8) {
      const s0 = offsets[k] + rowBins[o + features[k]] * W;
      const s1 = offsets[k + 1] + rowBins[o + features[k + 1]] * W;
      const s2 = offsets[k + 2] + rowBins[o + features[k + 2]] * W;
      const s3 = offsets[k + 3] + rowBins[o + features[k + 3]] * W;
      const s4 = offsets[k + 4] + rowBins[o + features[k + 4]] * W;
      const s5 = offsets[k + 5] + rowBins[o + features[k + 5]] * W;
      const s6 = offsets[k + 6] + rowBins[o + features[k + 6]] * W;
      const s7 = offsets[k + 7] + rowBins[o + features[k + 7]] * W;
      hist[s0] += g; hist[s0 + 1] += h; hist[s0 + 2] += 1;
      hist[s1] += g; hist[s1 + 1] += h; hist[s1 + 2] += 1;
      hist[s2] += g; hist[s2 + 1] += h; hist[s2 + 2] += 1;
      hist[s3] += g; hist[s3 + 1] += h; hist[s3 + 2] += 1;
      hist[s4] += g; hist[s4 + 1] += h; hist[s4 + 2] += 1;
      hist[s5] += g; hist[s5 + 1] += h; hist[s5 + 2] += 1;
      hist[s6] += g; hist[s6 + 1] += h; hist[s6 + 2] += 1;
      hist[s7] += g; hist[s7 + 1] += h; hist[s7 + 2] += 1;
    }
    for (; k < numUsed; k++) {
      const s = offsets[k] + rowBins[o + features[k]] * W;
      hist[s] += g; hist[s + 1] += h; hist[s + 2] += 1;
    }
  }
}

/** `parent -= child` over the listed features: afterwards `parent` is the sibling's histogram. */
export function subtractHistogram(parent: Float64Array, child: Float64Array, features: Int32Array): void {
  const stride = BIN_SLOTS * SLOT_WIDTH;
  for (let k = 0; k < features.length; k++) {
    const off = features[k] * stride;
    for (let s = off; s < off + stride; s++) parent[s] -= child[s];
  }
}

/** {@link accumulateRows} without hessians (all 1): gradient and count per (feature, bin). */
function accumulateRowsUnit(
  hist: Float64Array, rowBins: Uint8Array, nf: number, features: Int32Array, offsets: Int32Array,
  node: NodeRows, grad: Float64Array,
): void {
  const { rows, start, end } = node;
  const numUsed = features.length;
  const bulk = numUsed - (numUsed % 8);
  const W = SLOT_WIDTH;
  for (let i = start; i < end; i++) {
    const r = rows[i];
    const g = grad[r];
    const o = r * nf;
    let k = 0;
    for (; k < bulk; k += 8) {
      const s0 = offsets[k] + rowBins[o + features[k]] * W;
      const s1 = offsets[k + 1] + rowBins[o + features[k + 1]] * W;
      const s2 = offsets[k + 2] + rowBins[o + features[k + 2]] * W;
      const s3 = offsets[k + 3] + rowBins[o + features[k + 3]] * W;
      const s4 = offsets[k + 4] + rowBins[o + features[k + 4]] * W;
      const s5 = offsets[k + 5] + rowBins[o + features[k + 5]] * W;
      const s6 = offsets[k + 6] + rowBins[o + features[k + 6]] * W;
      const s7 = offsets[k + 7] + rowBins[o + features[k + 7]] * W;
      hist[s0] += g; hist[s0 + 2] += 1;
      hist[s1] += g; hist[s1 + 2] += 1;
      hist[s2] += g; hist[s2 + 2] += 1;
      hist[s3] += g; hist[s3 + 2] += 1;
      hist[s4] += g; hist[s4 + 2] += 1;
      hist[s5] += g; hist[s5 + 2] += 1;
      hist[s6] += g; hist[s6 + 2] += 1;
      hist[s7] += g; hist[s7 + 2] += 1;
    }
    for (; k < numUsed; k++) {
      const s = offsets[k] + rowBins[o + features[k]] * W;
      hist[s] += g; hist[s + 2] += 1;
    }
  }
}
