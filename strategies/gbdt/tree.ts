/**
 * One regression tree as flat typed arrays, and its traversal on raw values.
 *
 * Internal nodes are 0..numLeaves−2 (node 0 is the root when the tree has a
 * split); a child index c ≥ 0 is an internal node, c < 0 is leaf ~c. A row
 * goes left when its value is ≤ the threshold, or when it is missing (NaN) and
 * the node's default direction is left. A tree without splits is one leaf.
 */
import { MISSING_BIN } from './binning.js';

/** A trained tree (leaf values already include the learning rate). */
export interface Tree {
  readonly numLeaves: number;
  /** Per internal node: the feature tested. */
  readonly feature: Int32Array;
  /** Per internal node: values ≤ threshold go left. */
  readonly threshold: Float64Array;
  /** Per internal node: 1 if missing values go left. */
  readonly defaultLeft: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Per internal node: the split's gain (for feature importance). */
  readonly gain: Float64Array;
  /** Per leaf: the value added to the raw score. */
  readonly leafValue: Float64Array;
}

/** The leaf a row reaches; `values[offset + f]` is the row's feature f. */
export function leafIndex(tree: Tree, values: ArrayLike<number>, offset: number): number {
  if (tree.numLeaves === 1) return 0;
  const { feature, threshold, defaultLeft, left, right } = tree;
  let node = 0;
  while (node >= 0) {
    const v = values[offset + feature[node]];
    const goLeft = v !== v ? defaultLeft[node] === 1 : v <= threshold[node];
    node = goLeft ? left[node] : right[node];
  }
  return ~node;
}

/** The value a tree adds to a row's raw score. */
export function treeValue(tree: Tree, values: ArrayLike<number>, offset: number): number {
  return tree.leafValue[leafIndex(tree, values, offset)];
}

/**
 * `out[r] += value of row r` for every row of a row-major matrix, or only for
 * the listed `rows` when given. Hand-optimised (prediction and the per-round
 * score updates of out-of-bag and validation rows ran at ~200 ns a row through
 * {@link treeValue}): one tree at a time with its arrays held in locals.
 */
export function addTreeValues(
  tree: Tree, values: ArrayLike<number>, numFeatures: number, out: Float64Array, rows?: Uint32Array, numRows?: number,
): void {
  const { feature, threshold, defaultLeft, left, right, leafValue } = tree;
  const n = rows ? numRows ?? rows.length : out.length;
  if (tree.numLeaves === 1) {
    const v0 = leafValue[0];
    for (let i = 0; i < n; i++) out[rows ? rows[i] : i] += v0;
    return;
  }
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i] : i;
    const o = r * numFeatures;
    let node = 0;
    while (node >= 0) {
      const v = values[o + feature[node]];
      // NaN fails the comparison and falls back to the default direction.
      node = v <= threshold[node] || (v !== v && defaultLeft[node] === 1) ? left[node] : right[node];
    }
    out[r] += leafValue[~node];
  }
}

/**
 * Like {@link addTreeValues} on binned rows (row-major bins under the training
 * bounds, `thresholdBin` the tree's cuts in bins): the same leaves, since a
 * value is ≤ a threshold exactly when its bin is ≤ the threshold's bin.
 */
export function addBinnedTreeValues(
  tree: Tree, thresholdBin: Uint8Array, rowBins: Uint8Array, numFeatures: number, out: Float64Array,
  rows?: Uint32Array, numRows?: number,
): void {
  const { feature, defaultLeft, left, right, leafValue } = tree;
  const n = rows ? numRows ?? rows.length : out.length;
  if (tree.numLeaves === 1) {
    const v0 = leafValue[0];
    for (let i = 0; i < n; i++) out[rows ? rows[i] : i] += v0;
    return;
  }
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i] : i;
    const o = r * numFeatures;
    let node = 0;
    while (node >= 0) {
      const b = rowBins[o + feature[node]];
      node = (b === MISSING_BIN ? defaultLeft[node] === 1 : b <= thresholdBin[node]) ? left[node] : right[node];
    }
    out[r] += leafValue[~node];
  }
}

/** The depth of every leaf (the root is depth 0). */
export function leafDepths(tree: Tree): Int32Array {
  const depth = new Int32Array(tree.numLeaves);
  if (tree.numLeaves === 1) return depth;
  const stack: [number, number][] = [[0, 0]];
  while (stack.length > 0) {
    const [node, d] = stack.pop()!;
    for (const c of [tree.left[node], tree.right[node]]) {
      if (c >= 0) stack.push([c, d + 1]);
      else depth[~c] = d + 1;
    }
  }
  return depth;
}
