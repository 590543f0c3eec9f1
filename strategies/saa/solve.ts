/**
 * The sample-average OM1: one plan for all scenario days at once. Each
 * scenario order needs, per SKU it buys, max(L, that SKU's cumulative
 * quantity within its own day); thresholds of all days merge per SKU, so the
 * staircase instance is OM1's with more nodes, and maximising its whole
 * orders maximises the expected whole orders over the sample. Solved with
 * OM1's Lagrangian (min-cut closures at priced K and C) and local search,
 * bounded by flow and trial counts only: the same plan under any load.
 */
import type { PlanConstraints } from '../../sim/index.js';
import {
  defaultPrices, evaluateLevels, insertSearch, instanceOfRequirements, lagrangianBound, localSearch, planOfLevels, roundQty,
  type Om1Instance, type Requirement,
} from '../om1/index.js';
import type { ScenarioDay } from './scenarios.js';

/** Work limits of the sample-average solve. */
export interface SaaWork {
  /** Max-flow computations of the Lagrangian. */
  readonly maxFlows: number;
  /** Refill trials of each local-search pass. */
  readonly localSearchTrials: number;
}

/** The instance whose nodes are the scenario days' orders. */
export function scenarioInstance(days: readonly ScenarioDay[], c: PlanConstraints, skuCount: number): Om1Instance {
  const need: Requirement[][] = [];
  const skus = new Set<number>();
  let lines = 0;
  for (const day of days) {
    const cum = new Map<number, number>();
    for (const order of day) {
      const mine = new Map<number, number>();
      for (const l of order) { mine.set(l.sku, (mine.get(l.sku) ?? 0) + l.qty); lines++; skus.add(l.sku); }
      const reqs: Requirement[] = [];
      for (const [sku, q] of mine) {
        if (sku < 0 || sku >= skuCount) throw new RangeError(`saa: SKU ${sku} is not a catalogue index in 0..${skuCount - 1}`);
        const s = roundQty((cum.get(sku) ?? 0) + q);
        cum.set(sku, s);
        reqs.push({ sku, s: Math.max(c.L, s) });
      }
      need.push(reqs);
    }
  }
  return instanceOfRequirements(need, need.map(() => 0), c, { presolve: true, skus: skus.size, lines });
}

/** The plan maximising whole orders summed over `days`, and that sum per day on average. */
export function sampleAveragePlan(
  days: readonly ScenarioDay[], c: PlanConstraints, skuCount: number, work: SaaWork,
): { plan: Float64Array; expectedWhole: number; bound: number; orders: number } {
  const inst = scenarioInstance(days, c, skuCount);
  const lag = lagrangianBound(inst, 0, work.maxFlows);
  const levels = lag.levels.slice();
  const prices = lag.unitPrice > 0 || lag.typePrice > 0
    ? { unit: Math.max(lag.unitPrice, 1e-9), type: Math.max(lag.typePrice, 1e-9) } : defaultPrices(inst);
  localSearch(inst, levels, { prices, maxTrials: work.localSearchTrials });
  insertSearch(inst, levels, prices, 0, work.localSearchTrials);
  const value = localSearch(inst, levels, { prices, maxTrials: work.localSearchTrials });
  const best = value.weight >= lag.value.weight ? levels : lag.levels;
  const v = evaluateLevels(inst, best);
  const n = Math.max(1, days.length);
  return { plan: planOfLevels(inst, best, skuCount), expectedWhole: v.weight / n, bound: lag.bound / n, orders: inst.orderCount / n };
}
