/**
 * From simulation results to the `results.json` document: per-run metrics of
 * MODEL §6 per strategy (mean and 95% CI over replications), per-day rows,
 * and paired differences against a baseline on common random numbers.
 */
import type { SimulationResult } from '../sim/index.js';
import { cellFigures, type CellFigures, type DayFigures, type RunFigures } from './cell-figures.js';
import { shocksOn, shockWindows, summariseRisk, type RiskSummary, type ShockWindowRow } from './risk-figures.js';
import { estimate, mean, pairedDifference, type Estimate } from './stats.js';
import { solverSummary, type SolverFigures } from './solver-figures.js';
import { stockedByRankSummary, type StockedByRankSummary } from './stocked-by-rank.js';
import { replayDayIntervals, type DayInterval } from './day-bootstrap.js';

/** One evaluation day of one strategy, averaged over replications. */
export interface DayRow {
  readonly day: string;
  readonly orders: number;
  readonly fullOrderRate: number;
  readonly splitOrderRate: number;
  readonly shortOrderRate: number;
  readonly lineFillRate: number;
  readonly wasteUnits: number;
  readonly gmv: number;
  readonly skusStocked: number;
  readonly unitsPlanned: number;
  /** Labels of the shocks active on this day in any seed (only when the scenario has shocks). */
  readonly shocks?: readonly string[];
}

/** Table-5 plan shape, averaged over days, each with its estimate over replications. */
export interface PlanShapeSummary {
  readonly skus: Estimate;
  readonly units: Estimate;
  readonly min: Estimate;
  readonly max: Estimate;
  readonly mean: Estimate;
  readonly median: Estimate;
  readonly lowSellersStocked: Estimate;
}

/** Everything measured for one strategy. */
export interface StrategySummary {
  readonly oracle: boolean;
  readonly params: Record<string, unknown>;
  readonly fullOrderRate: Estimate;
  readonly splitOrderRate: Estimate;
  readonly shortOrderRate: Estimate;
  readonly lineFillRate: Estimate;
  readonly unitsLost: Estimate;
  readonly extraDeliveries: Estimate;
  /** Spoiled units per evaluation day, all levels. */
  readonly wasteUnits: Estimate;
  readonly wasteValue: Estimate;
  readonly wasteUnitsByLevel: { readonly central: Estimate; readonly grid: Estimate; readonly front: Estimate };
  /** GMV per evaluation day. */
  readonly gmv: Estimate;
  readonly gmvFull: Estimate;
  /** Refunded lines / served lines, by fulfilment day (true, window closed). */
  readonly refundRate: Estimate;
  readonly replenishmentShortUnits: Estimate;
  readonly planShape: PlanShapeSummary;
  readonly perDay: readonly DayRow[];
  /** Share of SKUs stocked by sales-rank bucket (reports' StockedByRank), when the runner recorded it. */
  readonly stockedByRank?: StockedByRankSummary;
  /** For an optimising strategy (`opt`): evaluation-day decisions proven optimal, else best known with the worst gap. */
  readonly solver?: SolverFigures;
  /** Refund rate by lag with nowcast (reports' RefundByLag), stages, suppliers, pick-ups, lateness. */
  readonly refundByLag?: RiskSummary['refundByLag'];
  readonly stages?: RiskSummary['stages'];
  readonly suppliers?: RiskSummary['suppliers'];
  readonly pickup?: RiskSummary['pickup'];
  readonly extraDeliveryLatenessHours?: number;
  /** When the orders are fixed across seeds (a replay): the full-order rate's interval over days. */
  readonly fullOrderRateByDays?: DayInterval;
}

/** A paired comparison of one strategy against the baseline. */
export interface Comparison {
  readonly strategy: string;
  readonly baseline: string;
  readonly metric: 'fullOrderRate';
  readonly difference: Estimate;
  /** When the orders are fixed across seeds (a replay): the difference's interval over days, paired day by day. */
  readonly differenceByDays?: DayInterval;
}

/** The results document (written as results.json). */
export interface Results {
  readonly freshsim: string;
  readonly scenario: string;
  readonly scenarioSeed: number;
  readonly seeds: readonly number[];
  readonly days: readonly string[];
  readonly constraints: { readonly K: number; readonly C: number; readonly L: number };
  readonly strategies: Readonly<Record<string, StrategySummary>>;
  readonly comparisons: readonly Comparison[];
  /** Shock windows within the evaluation days (reports shade them); absent without shocks. */
  readonly shocks?: readonly ShockWindowRow[];
  /** Present when every seed replays the same orders: seeds then vary supplier noise only, and intervals come from the days. */
  readonly replay?: { readonly ordersFixedAcrossSeeds: true; readonly intervals: 'day-block-bootstrap' };
}

/** One strategy's runs, one per seed (in the order of `seeds`). */
export interface StrategyRuns {
  readonly name: string;
  readonly params: Record<string, unknown>;
  readonly runs: readonly SimulationResult[];
}

/** One strategy's cell figures, one per seed (in the order of `seeds`). */
export interface StrategyFigures {
  readonly name: string;
  readonly params: Record<string, unknown>;
  readonly cells: readonly CellFigures[];
}

/** What summarise needs besides the runs. */
export interface SummaryMeta {
  readonly freshsim: string;
  readonly scenario: string;
  readonly scenarioSeed: number;
  readonly seeds: readonly number[];
  readonly days: readonly string[];
  readonly evaluationStart: number;
  readonly constraints: { readonly K: number; readonly C: number; readonly L: number };
  /** Every seed replays the same orders (an imported log): intervals come from the days as well. */
  readonly ordersFixedAcrossSeeds?: boolean;
}

function dayRows(s: StrategyFigures, meta: SummaryMeta): DayRow[] {
  const spans = s.cells.map((c) => c.risk?.shocks ?? []);
  const anyShock = spans.some((x) => x.length > 0);
  return meta.days.map((date, k) => {
    const per = s.cells.map((c) => c.perDay[k]);
    const avg = (f: (x: DayFigures) => number): number => mean(per.map(f));
    return {
      ...(anyShock ? { shocks: shocksOn(spans, meta.evaluationStart + k) } : {}),
      day: date,
      orders: avg((x) => x.orders),
      fullOrderRate: avg((x) => x.full),
      splitOrderRate: avg((x) => x.split),
      shortOrderRate: avg((x) => x.short),
      lineFillRate: avg((x) => x.fill),
      wasteUnits: avg((x) => x.waste),
      gmv: avg((x) => x.gmv),
      skusStocked: avg((x) => x.skus),
      unitsPlanned: avg((x) => x.units),
    };
  });
}

/** Summarise every strategy's runs; comparisons are against `baseline` (default: the first non-oracle). */
export function summarise(all: readonly StrategyRuns[], meta: SummaryMeta, baseline?: string): Results {
  for (const s of all) {
    if (s.runs.length !== meta.seeds.length) {
      throw new RangeError(`strategy '${s.name}' has ${s.runs.length} runs; expected one per seed (${meta.seeds.length})`);
    }
  }
  const figures = all.map((s) => ({
    name: s.name,
    params: s.params,
    cells: s.runs.map((r) => cellFigures(r, meta.evaluationStart, meta.days.length)),
  }));
  return summariseFigures(figures, meta, baseline);
}

/** Summarise every strategy's cell figures (one per seed, in the order of `seeds`); the same document as {@link summarise}. */
export function summariseFigures(all: readonly StrategyFigures[], meta: SummaryMeta, baseline?: string): Results {
  const figures = new Map<string, RunFigures[]>();
  const strategies: Record<string, StrategySummary> = {};
  for (const s of all) {
    if (s.cells.length !== meta.seeds.length) {
      throw new RangeError(`strategy '${s.name}' has ${s.cells.length} runs; expected one per seed (${meta.seeds.length})`);
    }
    const badDays = s.cells.find((c) => c.perDay.length !== meta.days.length);
    if (badDays) throw new RangeError(`strategy '${s.name}' has a run of ${badDays.perDay.length} days; expected ${meta.days.length}`);
    const f = s.cells.map((c) => c.run);
    figures.set(s.name, f);
    const e = (g: (x: RunFigures) => number): Estimate => estimate(f.map(g));
    strategies[s.name] = {
      oracle: s.cells[0]?.oracle ?? false,
      params: s.params,
      fullOrderRate: e((x) => x.fullOrderRate),
      splitOrderRate: e((x) => x.splitOrderRate),
      shortOrderRate: e((x) => x.shortOrderRate),
      lineFillRate: e((x) => x.lineFillRate),
      unitsLost: e((x) => x.unitsLost),
      extraDeliveries: e((x) => x.extraDeliveries),
      wasteUnits: e((x) => x.wasteUnits),
      wasteValue: e((x) => x.wasteValue),
      wasteUnitsByLevel: { central: e((x) => x.wasteCentral), grid: e((x) => x.wasteGrid), front: e((x) => x.wasteFront) },
      gmv: e((x) => x.gmv),
      gmvFull: e((x) => x.gmvFull),
      refundRate: e((x) => x.refundRate),
      replenishmentShortUnits: e((x) => x.replenishmentShortUnits),
      planShape: {
        skus: e((x) => x.shapeSkus), units: e((x) => x.shapeUnits), min: e((x) => x.shapeMin), max: e((x) => x.shapeMax),
        mean: e((x) => x.shapeMean), median: e((x) => x.shapeMedian), lowSellersStocked: e((x) => x.shapeLow),
      },
      perDay: dayRows(s, meta),
      ...(s.cells.every((c) => c.risk) ? riskFields(summariseRisk(s.cells.map((c) => c.risk!))) : {}),
      ...(s.cells.every((c) => c.stockedByRank) ? { stockedByRank: stockedByRankSummary(s.cells.map((c) => c.stockedByRank!)) } : {}),
      ...(s.cells.every((c) => c.solver) ? { solver: solverSummary(s.cells.map((c) => c.solver!)) } : {}),
    };
  }
  const base = baseline ?? all.find((s) => !strategies[s.name].oracle)?.name;
  const comparisons: Comparison[] = [];
  if (base !== undefined) {
    if (!figures.has(base)) throw new RangeError(`baseline '${base}' is not among the strategies run (${all.map((s) => s.name).join(', ')})`);
    const b = figures.get(base)!.map((x) => x.fullOrderRate);
    for (const s of all) {
      if (s.name === base) continue;
      const a = figures.get(s.name)!.map((x) => x.fullOrderRate);
      comparisons.push({ strategy: s.name, baseline: base, metric: 'fullOrderRate', difference: pairedDifference(a, b) });
    }
  }
  // A replay: the same orders in every seed, so the honest interval is over days (analysis/day-bootstrap.ts).
  if (meta.ordersFixedAcrossSeeds && all.length > 0) {
    const days = replayDayIntervals(all, comparisons);
    for (const [name, iv] of Object.entries(days.byStrategy)) strategies[name] = { ...strategies[name], fullOrderRateByDays: iv };
    comparisons.forEach((c, i) => { comparisons[i] = { ...c, differenceByDays: days.byComparison[i] }; });
  }
  return {
    freshsim: meta.freshsim,
    scenario: meta.scenario,
    scenarioSeed: meta.scenarioSeed,
    seeds: meta.seeds,
    days: meta.days,
    constraints: meta.constraints,
    strategies,
    comparisons,
    ...shocksField(all, meta),
    ...(meta.ordersFixedAcrossSeeds ? { replay: { ordersFixedAcrossSeeds: true as const, intervals: 'day-block-bootstrap' as const } } : {}),
  };
}

function riskFields(r: RiskSummary): Partial<StrategySummary> {
  return {
    refundByLag: r.refundByLag, stages: r.stages, suppliers: r.suppliers,
    ...(r.pickup ? { pickup: r.pickup } : {}), extraDeliveryLatenessHours: r.extraDeliveryLatenessHours,
  };
}

/** The shock windows of the first strategy's cells (all strategies see the same world). */
function shocksField(all: readonly StrategyFigures[], meta: SummaryMeta): { shocks?: ShockWindowRow[] } {
  const spans = (all[0]?.cells ?? []).map((c) => c.risk?.shocks ?? []);
  if (!spans.some((x) => x.length > 0)) return {};
  return { shocks: shockWindows(spans, meta.seeds, meta.days, meta.evaluationStart) };
}
