/**
 * analysis/ — pure functions over results: per-run summaries of MODEL §6,
 * confidence intervals and paired comparisons.
 */
export { estimate, mean, pairedDifference, sampleStd, tQuantile975, type Estimate } from './stats.js';
export {
  summarise, summariseFigures, type Comparison, type DayRow, type PlanShapeSummary, type Results, type StrategyFigures,
  type StrategyRuns, type StrategySummary, type SummaryMeta,
} from './summarize.js';
export { cellFigures, type CellFigures, type DayFigures, type LineRefundFigures, type RunFigures } from './cell-figures.js';
export { solverFigures, solverSummary, type SolverFigures } from './solver-figures.js';
export {
  BASELINE_FORMAT, BaselineError, baselineMismatches, makeBaseline, parseBaseline, type Baseline, type BaselineEntry, type BaselineMismatch,
} from './baseline.js';
export {
  checkAgainstBaseline, rateDifference, type GateReport, type RateDifference, type Verdict, type VerdictReason,
} from './regression.js';
export {
  formatFieldPath, parseResults, resultsSchema, ResultsError, sectionSchemas, type AblationRow, type AblationSection, type PickupRow, type Provenance,
  type RateEstimate, type RefundByLag, type Sections, type ShockWindow, type SiteRow, type SolverSummary, type StageRow, type StockedByRank, type StressSection,
  type SupplierRow,
} from './results-document.js';
export {
  nowcastError, nowcastOptions, nowcastRefundRates, observedRefunds, refundCurves,
  type Nowcast, type NowcastError, type NowcastOptions, type RefundCurve,
} from './refund-nowcast.js';
export {
  stockedByRankRecorder, stockedByRankSummary, type StockedByRankFigures, type StockedByRankSummary,
} from './stocked-by-rank.js';
export {
  cellRiskFigures, lockedDownFigures, shocksOn, shockWindows, summariseRisk,
  type CellRiskFigures, type LockedDownFigures, type PickupFigures, type RefundByLagFigures, type RiskSummary, type ShockSpan, type ShockWindowRow,
  type StageFigures, type SupplierFigures,
} from './risk-figures.js';
export {
  quantile, recoveryOf, stressSeedFrom, stressSeedOfFigures, stressSummary, type EpisodeFigures, type RecoveryOptions, type SeedBase, type Spread, type StressRow, type StressSeed,
} from './stress.js';
export { nearestRank, pairLiftProfile, type PairLiftProfile } from './pair-lift.js';
export { realismProfile, type ProfileLog, type ProfileOrder, type RealismProfile } from './realism-profile.js';
