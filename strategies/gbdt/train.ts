/**
 * The boosting loop: bin the data once, then per round compute gradients,
 * draw the row sample (per round) and the column sample (per tree) from the
 * injected stream, grow a tree, update the scores, and stop early when the
 * validation loss has not improved for `earlyStoppingRounds` rounds.
 */
import type { Stream } from '../../sim/index.js';
import { binMatrix, binRows } from './binning.js';
import { growContext, growTree } from './grow.js';
import { checkLabels, checkMatrix, type FeatureMatrix } from './matrix.js';
import type { GbdtModel } from './model.js';
import { computeGradients, initialScore, meanLoss } from './objectives.js';
import { GbdtError, validateParams, type GbdtParams } from './params.js';
import { addBinnedTreeValues, type Tree } from './tree.js';

/** A labelled data set. */
export interface LabelledData {
  readonly x: FeatureMatrix;
  /** One label per row: 0/1 for binary, any finite number for regression. */
  readonly y: ArrayLike<number>;
}

/** What one training run needs. */
export interface TrainInput extends LabelledData {
  readonly params: GbdtParams;
  /** The only source of randomness (row and column sampling); e.g. `createStreams(seed, rep).stream('pm1')`. */
  readonly rng: Stream;
  /** Held-out data for early stopping; without it all `numTrees` trees are built. */
  readonly validation?: LabelledData;
}

/** A trained model and how training went. */
export interface TrainResult {
  /** With a validation set, truncated to the round of lowest validation loss. */
  readonly model: GbdtModel;
  /** Rounds actually run (trees built, including any dropped after the best round). */
  readonly roundsRun: number;
  /** Whether early stopping ended training before `numTrees` rounds. */
  readonly stoppedEarly: boolean;
  /** Validation loss after each round (mean squared error or mean log-loss); empty without validation. */
  readonly validationLoss: readonly number[];
}

function checkInput(input: TrainInput): void {
  validateParams(input.params);
  const binary = input.params.objective === 'binary';
  checkMatrix(input.x, 'train: features');
  checkLabels(input.y, input.x, 'train: labels', binary);
  if (input.validation) {
    checkMatrix(input.validation.x, 'validation: features', input.x.numFeatures);
    checkLabels(input.validation.y, input.validation.x, 'validation: labels', binary);
  }
  if (typeof input.rng?.uniform !== 'function') throw new GbdtError('train: rng is missing; expected a Stream from sim/ (createStreams(...).stream(name))');
}

/** Draw the round's rows: each row independently with probability `subsample`. Returns the in-sample count. */
function sampleRows(rng: Stream, subsample: number, inBag: Uint32Array, outOfBag: Uint32Array): number {
  const n = inBag.length;
  if (subsample >= 1) {
    for (let r = 0; r < n; r++) inBag[r] = r;
    return n;
  }
  let m = 0;
  let o = 0;
  for (let r = 0; r < n; r++) {
    if (rng.uniform() < subsample) inBag[m++] = r;
    else outOfBag[o++] = r;
  }
  return m;
}

/** Draw the tree's features (a partial Fisher–Yates shuffle), returned sorted. */
function sampleColumns(rng: Stream, numFeatures: number, count: number, perm: Int32Array): Int32Array {
  for (let f = 0; f < numFeatures; f++) perm[f] = f;
  if (count >= numFeatures) return perm.slice();
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(numFeatures - i);
    const t = perm[i]; perm[i] = perm[j]; perm[j] = t;
  }
  return perm.slice(0, count).sort();
}

/** Train a gradient-boosted tree model; bad data or parameters throw a GbdtError naming them. */
export function trainGbdt(input: TrainInput): TrainResult {
  checkInput(input);
  const { x, y, params: p, rng, validation } = input;
  const n = x.numRows;
  const nf = x.numFeatures;
  const data = binMatrix(x, p.maxBins);
  const ctx = growContext(data, p);
  const init = initialScore(p.objective, y);
  const raw = new Float64Array(n).fill(init);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const inBag = new Uint32Array(n);
  const outOfBag = new Uint32Array(n);
  const perm = new Int32Array(nf);
  const numColumns = Math.max(1, Math.round(p.colsample * nf));
  const valRaw = validation ? new Float64Array(validation.x.numRows).fill(init) : null;
  const valBins = validation ? binRows(validation.x, data.upper) : null;
  const validationLoss: number[] = [];
  const trees: Tree[] = [];
  let best = Infinity;
  let bestRound = -1;
  let stoppedEarly = false;

  for (let round = 0; round < p.numTrees; round++) {
    computeGradients(p.objective, y, raw, grad, hess);
    const m = sampleRows(rng, p.subsample, inBag, outOfBag);
    const features = sampleColumns(rng, nf, numColumns, perm);
    const { tree, thresholdBin, leafStart, leafEnd } = growTree(ctx, inBag, m, features, grad, hess);
    trees.push(tree);
    for (let k = 0; k < tree.numLeaves; k++) {
      const v = tree.leafValue[k];
      for (let i = leafStart[k]; i < leafEnd[k]; i++) raw[inBag[i]] += v;
    }
    addBinnedTreeValues(tree, thresholdBin, data.rowBins, nf, raw, outOfBag, n - m);
    if (validation && valRaw && valBins) {
      addBinnedTreeValues(tree, thresholdBin, valBins, nf, valRaw);
      const loss = meanLoss(p.objective, validation.y, valRaw);
      validationLoss.push(loss);
      if (loss < best) {
        best = loss;
        bestRound = round;
      } else if (p.earlyStoppingRounds > 0 && round - bestRound >= p.earlyStoppingRounds) {
        stoppedEarly = true;
        break;
      }
    }
  }
  const kept = validation ? trees.slice(0, bestRound + 1) : trees;
  const model: GbdtModel = { objective: p.objective, numFeatures: nf, initScore: init, trees: kept, params: p };
  return { model, roundsRun: trees.length, stoppedEarly, validationLoss };
}
