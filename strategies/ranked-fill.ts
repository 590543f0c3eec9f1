/**
 * Greedy filling of a plan in rank order under K, C and L, shared by the
 * heuristic strategies: each SKU gets max(L, its quantity), rounded up to its
 * unit; the last one is cut to what capacity remains if that is still ≥ L.
 */
import { roundDownToUnit, roundUpToUnit, type PlanConstraints, type Sku, type StockPlan } from '../sim/index.js';

/** SKU ids sorted by `score` descending (ties by id, for determinism). */
export function rankBy(score: Float64Array): number[] {
  return Array.from(score.keys()).sort((a, b) => score[b] - score[a] || a - b);
}

/**
 * Fill a plan with `ranked` SKUs at `qty[i]` (raised to L) while fewer than
 * K types and less than C units are planned.
 */
export function fillRanked(ranked: readonly number[], qty: Float64Array, skus: readonly Sku[], c: PlanConstraints): StockPlan {
  const plan = new Float64Array(skus.length);
  let types = 0;
  let units = 0;
  for (const i of ranked) {
    if (types >= c.K || units >= c.C) break;
    let q = roundUpToUnit(skus[i], Math.max(c.L, qty[i]));
    if (q <= 0) continue;
    if (units + q > c.C) {
      q = roundDownToUnit(skus[i], c.C - units);
      if (q < c.L || q <= 0) break;
    }
    plan[i] = q;
    types++;
    units += q;
  }
  return plan;
}
