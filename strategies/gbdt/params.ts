/**
 * Hyper-parameters of the gradient-boosted tree learner, their validation and
 * the paper's Table 4 defaults for PM1 (classifier) and PM2 (regressor).
 */

/** The loss a model is trained on: binary log-loss (labels 0/1) or squared error. */
export type GbdtObjective = 'binary' | 'regression';

/** Every knob of one training run (all required; see {@link gbdtParams} to fill defaults). */
export interface GbdtParams {
  readonly objective: GbdtObjective;
  /** Maximum number of boosting rounds (trees). */
  readonly numTrees: number;
  /** Shrinkage applied to every leaf value. */
  readonly learningRate: number;
  /** Maximum leaves per tree (leaf-wise growth stops here). */
  readonly numLeaves: number;
  /** Maximum depth of a leaf (the root is depth 0); 0 or less means unlimited. */
  readonly maxDepth: number;
  /** Minimum training rows in each child of a split. */
  readonly minChildSamples: number;
  /** Minimum sum of hessians in each child of a split. */
  readonly minSumHessian: number;
  /** A split must improve the regularised objective by more than this. */
  readonly minSplitGain: number;
  /** L1 penalty on leaf values (soft-thresholds gradient sums). */
  readonly lambdaL1: number;
  /** L2 penalty on leaf values (added to hessian sums). */
  readonly lambdaL2: number;
  /** Share of rows drawn (independently per row) for each boosting round; 1 = all rows. */
  readonly subsample: number;
  /** Share of features drawn for each tree; 1 = all features. */
  readonly colsample: number;
  /** Value bins per feature (2..255); missing values (NaN) get one more, dedicated bin. */
  readonly maxBins: number;
  /** Stop when the validation loss has not improved for this many rounds (needs a validation set); 0 = never. */
  readonly earlyStoppingRounds: number;
}

/** The learner's defaults where the paper says nothing (LightGBM's usual values). */
export const baseGbdtParams: GbdtParams = {
  objective: 'regression',
  numTrees: 100,
  learningRate: 0.1,
  numLeaves: 31,
  maxDepth: 0,
  minChildSamples: 20,
  minSumHessian: 1e-3,
  minSplitGain: 0,
  lambdaL1: 0,
  lambdaL2: 0,
  subsample: 1,
  colsample: 1,
  maxBins: 255,
  earlyStoppingRounds: 0,
};

/**
 * The paper's Table 4 (MODEL §7), shared by PM1 and PM2: gbdt, 31 leaves,
 * max depth 5, min child samples 5, subsample 0.8, colsample 0.8, up to 600
 * trees with early stopping after 50 rounds, L1 = 0 and L2 = 0.1. The table's
 * "learning rate 0.05 / 0.1" is read as 0.05 for PM1 and 0.1 for PM2, and its
 * "L1/L2 0 / 0.1" as lambda_l1 = 0, lambda_l2 = 0.1 for both.
 */
const table4: Omit<GbdtParams, 'objective' | 'learningRate'> = {
  numTrees: 600,
  numLeaves: 31,
  maxDepth: 5,
  minChildSamples: 5,
  minSumHessian: 1e-3,
  minSplitGain: 0,
  lambdaL1: 0,
  lambdaL2: 0.1,
  subsample: 0.8,
  colsample: 0.8,
  maxBins: 255,
  earlyStoppingRounds: 50,
};

/** PM1 defaults: will the SKU be in tomorrow's optimal plan (binary log-loss, learning rate 0.05). */
export const pm1Params: GbdtParams = { ...table4, objective: 'binary', learningRate: 0.05 };

/** PM2 defaults: the optimal stock of a stocked SKU (squared error, learning rate 0.1). */
export const pm2Params: GbdtParams = { ...table4, objective: 'regression', learningRate: 0.1 };

/** A bad parameter, data set or serialised model given to the learner. */
export class GbdtError extends Error {
  override readonly name = 'GbdtError';
}

/** Fill unspecified parameters from `base` (default {@link baseGbdtParams}) and validate the result. */
export function gbdtParams(overrides: Partial<GbdtParams> = {}, base: GbdtParams = baseGbdtParams): GbdtParams {
  const p: GbdtParams = { ...base, ...overrides };
  validateParams(p);
  return p;
}

function check(ok: boolean, field: string, value: unknown, expected: string): void {
  if (!ok) throw new GbdtError(`gbdt parameter ${field} = ${String(value)}; expected ${expected}`);
}

const isInt = (v: number): boolean => Number.isInteger(v);

/** Throw a {@link GbdtError} naming the first parameter out of range. */
export function validateParams(p: GbdtParams): void {
  check(p.objective === 'binary' || p.objective === 'regression', 'objective', p.objective, '"binary" or "regression"');
  check(isInt(p.numTrees) && p.numTrees >= 1, 'numTrees', p.numTrees, 'an integer ≥ 1');
  check(Number.isFinite(p.learningRate) && p.learningRate > 0, 'learningRate', p.learningRate, 'a number > 0');
  check(isInt(p.numLeaves) && p.numLeaves >= 2, 'numLeaves', p.numLeaves, 'an integer ≥ 2');
  check(isInt(p.maxDepth), 'maxDepth', p.maxDepth, 'an integer (≤ 0 for unlimited)');
  check(isInt(p.minChildSamples) && p.minChildSamples >= 1, 'minChildSamples', p.minChildSamples, 'an integer ≥ 1');
  check(Number.isFinite(p.minSumHessian) && p.minSumHessian >= 0, 'minSumHessian', p.minSumHessian, 'a number ≥ 0');
  check(Number.isFinite(p.minSplitGain) && p.minSplitGain >= 0, 'minSplitGain', p.minSplitGain, 'a number ≥ 0');
  check(Number.isFinite(p.lambdaL1) && p.lambdaL1 >= 0, 'lambdaL1', p.lambdaL1, 'a number ≥ 0');
  check(Number.isFinite(p.lambdaL2) && p.lambdaL2 >= 0, 'lambdaL2', p.lambdaL2, 'a number ≥ 0');
  check(p.subsample > 0 && p.subsample <= 1, 'subsample', p.subsample, 'a share in (0, 1]');
  check(p.colsample > 0 && p.colsample <= 1, 'colsample', p.colsample, 'a share in (0, 1]');
  check(isInt(p.maxBins) && p.maxBins >= 2 && p.maxBins <= 255, 'maxBins', p.maxBins, 'an integer in [2, 255]');
  check(isInt(p.earlyStoppingRounds) && p.earlyStoppingRounds >= 0, 'earlyStoppingRounds', p.earlyStoppingRounds, 'an integer ≥ 0');
}
