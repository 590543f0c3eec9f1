/**
 * OM1 (MODEL §7): historically optimal plans for one site and day, solved by
 * presolve, a greedy + local-search heuristic, a Lagrangian (min-cut) bound
 * and HiGHS on the staircase form.
 */
export { buildOm1Instance, instanceOfRequirements, levelCount, roundQty, stockAt, type Om1Instance, type PresolveStats, type Requirement } from './instance.js';
export { evaluateLevels, planOfLevels, type LevelsValue } from './levels.js';
export { defaultPrices, greedyFill, heuristicPlan, insertSearch, localSearch, type ResourcePrices } from './heuristic.js';
export { lagrangianBound, type LagrangianResult } from './lagrangian.js';
export { bigMModel, levelsFromStaircase, staircaseModel, type BigMModel, type BuiltModel } from './highs-model.js';
export { gmvTieBreakWeight, runStaircase, solveOm1, type Om1Env } from './solve.js';
export {
  defaultOm1Options, Om1SafetyNetError, relativeGap, resultFromJson, resultToJson,
  type Om1Options, type Om1Result, type Om1Source, type Om1Status,
} from './result.js';
export { consistentResult, om1CacheKey, OM1_ALGORITHM_VERSION, type Om1Cache } from './cache.js';
