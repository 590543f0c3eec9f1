/**
 * From simulation results to the `results.json` document: per-run metrics of
 * MODEL §6 per strategy (mean and 95% CI over replications), per-day rows,
 * and paired differences against a baseline on common random numbers.
 */
import type { SimulationResult } from '../sim/index.js';
import { cellFigures, type CellFigures, type DayFigures, type RunFigures } from './cell-figures.js';
import { shocksOn, shockWindows, summariseRisk, type RiskSummary, type ShockWindowRow } from './risk-figures.js';
import { estimate, mean, pairedDifference, type Estimate } from './stats.js';
import { solverSummary } from './solver-figures.js';
import { stockedByRankSummary } from './stocked-by-rank.js';
import type { Comparison, DayRow, Results, StrategySummary } from './results-document.js';

export type { Comparison, DayRow, PlanShapeSummary, Results, StrategySummary } from './results-document.js';

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
}

function dayRows(s: StrategyFigures, meta: SummaryMeta): DayRow[] {
  const spans = s.cells.map((c) => c.risk?.shocks ?? []);
  const anyShock = spans.some((x) => x.length > 0);
  return meta.days.map((date, k) => {
    const per = s.cells.map((c) => c.perDay[k]);
    const avg = (f: (x: DayFigures) => number): number => mean(per.map(f));
    // Rates over the seeds with orders that day (a seed without orders has no rate, not 0/0/0); 0 when no seed had any.
    const withOrders = per.filter((x) => x.orders > 0);
    const rate = (f: (x: DayFigures) => number): number => (withOrders.length > 0 ? mean(withOrders.map(f)) : 0);
    return {
      ...(anyShock ? { shocks: shocksOn(spans, meta.evaluationStart + k) } : {}),
      day: date,
      orders: avg((x) => x.orders),
      fullOrderRate: rate((x) => x.full),
      splitOrderRate: rate((x) => x.split),
      shortOrderRate: rate((x) => x.short),
      lineFillRate: rate((x) => x.fill),
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
