/**
 * A trained model: prediction on raw feature matrices and feature importance.
 */
import { checkMatrix, type FeatureMatrix } from './matrix.js';
import { sigmoid } from './objectives.js';
import { GbdtError, type GbdtObjective, type GbdtParams } from './params.js';
import { addTreeValues, type Tree } from './tree.js';

/** A gradient-boosted tree ensemble: raw score = initScore + Σ tree values. */
export interface GbdtModel {
  readonly objective: GbdtObjective;
  readonly numFeatures: number;
  readonly initScore: number;
  readonly trees: readonly Tree[];
  /** The parameters it was trained with (for the record; prediction does not need them). */
  readonly params: GbdtParams;
}

/** Raw scores (log-odds for binary, the prediction itself for regression), one per row. */
export function predictRaw(model: GbdtModel, x: FeatureMatrix): Float64Array {
  checkMatrix(x, 'predict: features', model.numFeatures);
  const out = new Float64Array(x.numRows).fill(model.initScore);
  // One tree at a time over all rows: measured as fast as blocks of rows through all trees.
  for (const tree of model.trees) addTreeValues(tree, x.values, x.numFeatures, out);
  return out;
}

/** Probabilities of label 1 (binary models only). */
export function predictProba(model: GbdtModel, x: FeatureMatrix): Float64Array {
  if (model.objective !== 'binary') {
    throw new GbdtError(`predictProba: the model's objective is "${model.objective}"; expected "binary" (use predict)`);
  }
  const raw = predictRaw(model, x);
  for (let i = 0; i < raw.length; i++) raw[i] = sigmoid(raw[i]);
  return raw;
}

/** Predictions: values for regression, labels 0/1 (probability ≥ 0.5) for binary. */
export function predict(model: GbdtModel, x: FeatureMatrix): Float64Array {
  const raw = predictRaw(model, x);
  if (model.objective === 'binary') for (let i = 0; i < raw.length; i++) raw[i] = raw[i] >= 0 ? 1 : 0;
  return raw;
}

/** How features are credited: number of splits on them, or the total gain of those splits. */
export type ImportanceKind = 'split' | 'gain';

/** Per-feature importance over all trees of the model. */
export function featureImportance(model: GbdtModel, kind: ImportanceKind = 'split'): Float64Array {
  const out = new Float64Array(model.numFeatures);
  for (const tree of model.trees) {
    for (let node = 0; node < tree.feature.length; node++) {
      out[tree.feature[node]] += kind === 'split' ? 1 : tree.gain[node];
    }
  }
  return out;
}
