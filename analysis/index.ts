/**
 * analysis/ — pure functions over results: per-run summaries of MODEL §6,
 * confidence intervals and paired comparisons.
 */
export { estimate, mean, pairedDifference, sampleStd, tQuantile975, type Estimate } from './stats.js';
export {
  summarise, type Comparison, type DayRow, type PlanShapeSummary, type Results, type StrategyRuns,
  type StrategySummary, type SummaryMeta,
} from './summarize.js';
