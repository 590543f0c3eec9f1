/**
 * The compact, plain-JSON record of what one simulation run (one cell:
 * scenario × strategy × replication) contributes to a summary. The runner
 * stores these figures durably, one per cell, and summaries are derived from
 * them alone, so a run directory can be resumed, sharded and merged without
 * keeping whole simulation results.
 *
 * Every figure is computed here with the same arithmetic, in the same order,
 * as a summary computed from the whole run would use, and JSON keeps doubles
 * exactly: a summary from stored figures is byte-identical to one from runs.
 * To add a metric to the summaries, add it here first.
 */
import type { SimulationResult, SiteDayMetrics, WasteDay } from '../sim/index.js';
import { cellRiskFigures, type CellRiskFigures } from './risk-figures.js';
import { mean } from './stats.js';
import type { StockedByRankFigures } from './stocked-by-rank.js';
import type { SolverFigures } from './solver-figures.js';
import { siteFigures, type SiteFigures } from './site-figures.js';

/** Whole-run figures of one cell (rates pooled over evaluation days and front sites; amounts per day). */
export interface RunFigures {
  readonly fullOrderRate: number;
  readonly splitOrderRate: number;
  readonly shortOrderRate: number;
  readonly lineFillRate: number;
  readonly unitsLost: number;
  readonly extraDeliveries: number;
  readonly wasteUnits: number;
  readonly wasteValue: number;
  readonly wasteCentral: number;
  readonly wasteGrid: number;
  readonly wasteFront: number;
  readonly gmv: number;
  readonly gmvFull: number;
  readonly refundRate: number;
  readonly replenishmentShortUnits: number;
  readonly shapeSkus: number;
  readonly shapeUnits: number;
  readonly shapeMin: number;
  readonly shapeMax: number;
  readonly shapeMean: number;
  readonly shapeMedian: number;
  readonly shapeLow: number;
}

/** One evaluation day of one cell, all front sites together. */
export interface DayFigures {
  readonly orders: number;
  readonly full: number;
  readonly split: number;
  readonly short: number;
  readonly fill: number;
  readonly waste: number;
  readonly gmv: number;
  readonly skus: number;
  readonly units: number;
}

/** Everything a summary needs from one cell. */
export interface CellFigures {
  readonly oracle: boolean;
  readonly run: RunFigures;
  /** One entry per evaluation day, in order. */
  readonly perDay: readonly DayFigures[];
  /** Shock windows, refunds by lag and nowcast, stages, suppliers, pick-ups (absent in records written before them). */
  readonly risk?: CellRiskFigures;
  /** Stocked SKUs by sales-rank bucket (absent when the runner did not record them). */
  readonly stockedByRank?: StockedByRankFigures;
  /** Proven-optimal / best-known outcome of an optimising strategy's evaluation-day decisions (the `opt` oracle). */
  readonly solver?: SolverFigures;
  /** Line counts behind the stress refund rate (absent in records written before them). */
  readonly lineRefunds?: LineRefundFigures;
  /** Per-front-site figures (absent in records written before them). */
  readonly bySite?: readonly SiteFigures[];
}

/**
 * Lines ordered and lines refunded over the whole run (all front sites): the
 * stress test's refund rate, refunded / lines. Refunded = defective lines
 * (refunds filed within the window) + pre-sale lines short at pickup.
 */
export interface LineRefundFigures {
  readonly lines: number;
  readonly refundedLines: number;
}

const sum = (xs: readonly SiteDayMetrics[], f: (m: SiteDayMetrics) => number): number => xs.reduce((a, m) => a + f(m), 0);
const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

function runFigures(run: SimulationResult, days: number): RunFigures {
  const m = run.siteDays;
  const orders = sum(m, (x) => x.orders);
  const lines = sum(m, (x) => x.lines);
  const linesServed = sum(m, (x) => x.linesFromSite + x.linesFromParent);
  const wasteOf = (level?: WasteDay['level']): number =>
    run.waste.filter((w) => !level || w.level === level).reduce((a, w) => a + w.units, 0) / days;
  const shape = (f: (s: SiteDayMetrics['plan']) => number): number => mean(m.map((x) => f(x.plan)));
  return {
    fullOrderRate: ratio(sum(m, (x) => x.fullOrders), orders),
    splitOrderRate: ratio(sum(m, (x) => x.splitOrders), orders),
    shortOrderRate: ratio(sum(m, (x) => x.shortOrders), orders),
    lineFillRate: ratio(sum(m, (x) => x.linesFromSite), lines),
    unitsLost: sum(m, (x) => x.unitsLost) / days,
    extraDeliveries: sum(m, (x) => x.extraDeliveries) / days,
    wasteUnits: wasteOf(),
    wasteValue: run.waste.reduce((a, w) => a + w.value, 0) / days,
    wasteCentral: wasteOf('central'),
    wasteGrid: wasteOf('grid'),
    wasteFront: wasteOf('front'),
    gmv: sum(m, (x) => x.gmv) / days,
    gmvFull: sum(m, (x) => x.gmvFull) / days,
    refundRate: ratio(sum(m, (x) => x.defectiveLines), linesServed),
    replenishmentShortUnits: sum(m, (x) => x.replenishmentShortUnits) / days,
    shapeSkus: shape((s) => s.skus),
    shapeUnits: shape((s) => s.units),
    shapeMin: shape((s) => s.min),
    shapeMax: shape((s) => s.max),
    shapeMean: shape((s) => s.mean),
    shapeMedian: shape((s) => s.median),
    shapeLow: shape((s) => s.lowSellersStocked),
  };
}

function dayFigures(run: SimulationResult, day: number): DayFigures {
  const m = run.siteDays.filter((x) => x.day === day);
  const orders = sum(m, (x) => x.orders);
  return {
    orders,
    full: ratio(sum(m, (x) => x.fullOrders), orders),
    split: ratio(sum(m, (x) => x.splitOrders), orders),
    short: ratio(sum(m, (x) => x.shortOrders), orders),
    fill: ratio(sum(m, (x) => x.linesFromSite), sum(m, (x) => x.lines)),
    waste: run.waste.filter((w) => w.day === day).reduce((a, w) => a + w.units, 0),
    gmv: sum(m, (x) => x.gmv),
    skus: sum(m, (x) => x.plan.skus),
    units: sum(m, (x) => x.plan.units),
  };
}

/** The figures of one run over `evaluationDays` days starting at day `evaluationStart`. */
export function cellFigures(run: SimulationResult, evaluationStart: number, evaluationDays: number, stockedByRank?: StockedByRankFigures, solver?: SolverFigures): CellFigures {
  const bySite = siteFigures(run, evaluationDays);
  return {
    oracle: run.oracle,
    run: runFigures(run, evaluationDays),
    perDay: Array.from({ length: evaluationDays }, (_, k) => dayFigures(run, evaluationStart + k)),
    risk: cellRiskFigures(run, evaluationStart, evaluationDays, run.simulatedDays),
    ...(stockedByRank ? { stockedByRank } : {}),
    ...(solver ? { solver } : {}),
    lineRefunds: {
      lines: sum(run.siteDays, (x) => x.lines),
      refundedLines: sum(run.siteDays, (x) => x.defectiveLines + x.shortfallRefundLines),
    },
    ...(bySite ? { bySite } : {}),
  };
}
