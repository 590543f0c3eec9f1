/**
 * Plans in level form: one level per local SKU of an {@link Om1Instance}
 * (0 = not stocked, k = stock the k-th threshold), and their value.
 */
import { stockAt, type Om1Instance } from './instance.js';

/** Value and resource use of a level vector. */
export interface LevelsValue {
  /** Orders fully fulfilled (sum of node weights). */
  readonly weight: number;
  /** GMV of those orders. */
  readonly gmv: number;
  /** Units planned (Σ x). */
  readonly units: number;
  /** SKU types stocked. */
  readonly types: number;
}

/** Is node n satisfied by `levels`? */
export function nodeSatisfied(inst: Om1Instance, levels: Int32Array, n: number): boolean {
  for (let r = inst.reqStart[n]; r < inst.reqStart[n + 1]; r++) {
    if (levels[inst.reqSku[r]] < inst.reqLevel[r]) return false;
  }
  return true;
}

/** Evaluate `levels` under OM1's stock model. */
export function evaluateLevels(inst: Om1Instance, levels: Int32Array): LevelsValue {
  let weight = 0, gmv = 0, units = 0, types = 0;
  for (let n = 0; n < inst.nodeWeight.length; n++) {
    if (nodeSatisfied(inst, levels, n)) { weight += inst.nodeWeight[n]; gmv += inst.nodeGmv[n]; }
  }
  for (let i = 0; i < levels.length; i++) {
    if (levels[i] > 0) { types++; units += stockAt(inst, i, levels[i]); }
  }
  return { weight, gmv, units, types };
}

/** Do `levels` meet K and C (C with the simulator's 1e-6 tolerance)? */
export function withinLimits(inst: Om1Instance, v: LevelsValue): boolean {
  return v.types <= inst.constraints.K && v.units <= inst.constraints.C + 1e-6;
}

/** Objective used for comparisons: orders, plus the GMV tie-break when asked (always < 1 order). */
export function scoreOf(v: LevelsValue, gmvWeight: number): number {
  return v.weight + gmvWeight * v.gmv;
}

/** The stock plan (catalogue-indexed) of `levels`. */
export function planOfLevels(inst: Om1Instance, levels: Int32Array, skuCount: number): Float64Array {
  const plan = new Float64Array(skuCount);
  for (let i = 0; i < levels.length; i++) {
    if (levels[i] > 0) plan[inst.skuIds[i]] = stockAt(inst, i, levels[i]);
  }
  return plan;
}
