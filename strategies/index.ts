/**
 * strategies/ — the strategy contract, the registry, the built-in
 * strategies and the shared forecasting part (PM0).
 */
export { categoryIndex, type StrategyDefinition } from './contract.js';
export {
  defineStrategy, isDefinedStrategy, STRATEGY_BRAND, type DefinedStrategy, type ParamSchema, type ParamValue, type StrategySpecOf,
} from './define.js';
export {
  createPlanner, resolvedParams, strategies, strategyDefinition, StrategyError,
} from './registry.js';
export type { DecisionDiagnostic, StrategyServices } from './contract.js';
export { opt, solveOm1Cached, type OptPlanner } from './opt.js';
export * from './om1/index.js';
export * from './otpto/index.js';
export { defaultForecastOptions, forecastSales, type Forecast, type ForecastInput, type ForecastOptions } from './forecast.js';
export { createForecastMemo, forecastFor, type ForecastMemo } from './forecast-memo.js';
export { fillRanked, rankBy } from './ranked-fill.js';
export { normalCdf, normalLoss, normalPdf, normalQuantile } from './normal.js';
export { newsvendorPlan } from './newsvendor.js';
export {
  featureImportance, GbdtError, gbdtParams, matrixFromRows, modelFromJson, modelToJson,
  pm1Params, pm2Params, predict, predictProba, predictRaw, trainGbdt,
  type FeatureMatrix, type GbdtModel, type GbdtParams, type TrainResult,
} from './gbdt/index.js';
