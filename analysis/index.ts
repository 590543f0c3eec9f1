/**
 * analysis/ — pure functions over results: per-run summaries of MODEL §6,
 * confidence intervals and paired comparisons.
 */
export { estimate, mean, pairedDifference, sampleStd, tQuantile975, type Estimate } from './stats.js';
export {
  summarise, summariseFigures, type Comparison, type DayRow, type PlanShapeSummary, type Results, type StrategyFigures,
  type StrategyRuns, type StrategySummary, type SummaryMeta,
} from './summarize.js';
export { cellFigures, type CellFigures, type DayFigures, type RunFigures } from './cell-figures.js';
export {
  nowcastError, nowcastOptions, nowcastRefundRates, observedRefunds, refundCurves,
  type Nowcast, type NowcastError, type NowcastOptions, type RefundCurve,
} from './refund-nowcast.js';
