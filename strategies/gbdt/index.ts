/**
 * strategies/gbdt — a histogram-based gradient-boosted decision tree learner
 * (leaf-wise growth, binary log-loss and squared error), written for PM1 and
 * PM2 of the OTPTO pipeline (MODEL §7).
 */
export {
  baseGbdtParams, GbdtError, gbdtParams, pm1Params, pm2Params, validateParams,
  type GbdtObjective, type GbdtParams,
} from './params.js';
export { checkMatrix, matrixFromRows, type FeatureMatrix } from './matrix.js';
export { trainGbdt, type LabelledData, type TrainInput, type TrainResult } from './train.js';
export {
  featureImportance, predict, predictProba, predictRaw,
  type GbdtModel, type ImportanceKind,
} from './model.js';
export { modelFromJson, modelToJson } from './serialise.js';
export type { Tree } from './tree.js';
