/**
 * OM1 as HiGHS models: the staircase (compact) form on an {@link Om1Instance}
 * and, for comparison, the paper's big-M form on the raw orders.
 */
import type { Highs, ModelData } from 'highs';
import type { Order, PlanConstraints } from '../../sim/index.js';
import { roundQty, stockAt, type Om1Instance } from './instance.js';

/** Rows built one at a time, packed as CSR. */
class RowBuilder {
  readonly starts: number[] = [0];
  readonly index: number[] = [];
  readonly value: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  add(cols: readonly number[], vals: readonly number[], lo: number, hi: number): void {
    for (let k = 0; k < cols.length; k++) {
      if (vals[k] === 0) continue;
      this.index.push(cols[k]);
      this.value.push(vals[k]);
    }
    this.starts.push(this.index.length);
    this.lower.push(lo);
    this.upper.push(hi);
  }
  get count(): number { return this.lower.length; }
}

/** A HiGHS model with the column layout needed to read its solution back. */
export interface BuiltModel {
  readonly data: ModelData;
  readonly size: { readonly rows: number; readonly cols: number; readonly nonzeros: number };
}

function model(highs: Highs, cost: number[], lo: number[], hi: number[], integer: boolean[], rows: RowBuilder): BuiltModel {
  const data: ModelData = {
    numCols: cost.length,
    numRows: rows.count,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(cost),
    colLower: Float64Array.from(lo),
    colUpper: Float64Array.from(hi),
    rowLower: Float64Array.from(rows.lower),
    rowUpper: Float64Array.from(rows.upper),
    matrix: {
      format: 'csr',
      numRows: rows.count,
      numCols: cost.length,
      starts: Int32Array.from(rows.starts),
      indices: Int32Array.from(rows.index),
      values: Float64Array.from(rows.value),
    },
    integrality: Int32Array.from(integer.map((b) => (b ? 1 : 0))),
  };
  return { data, size: { rows: rows.count, cols: cost.length, nonzeros: rows.index.length } };
}

/**
 * The staircase form: binary u per threshold (x_i ≥ t_ik), u_ik ≤ u_i,k−1,
 * w_n ≤ u of each requirement, Σ u_i1 ≤ K, Σ Δt·u ≤ C. Columns: thresholds
 * (instance order), then nodes. `w` is continuous in [0, 1]: it is integral at
 * any integral u. Optional fixings (from Lagrangian reduced costs) set bounds.
 */
export function staircaseModel(
  highs: Highs, inst: Om1Instance, gmvWeight: number, fix?: { readonly fixedOne: Uint8Array; readonly fixedZero: Uint8Array },
): BuiltModel {
  const nThr = inst.thresholds.length;
  const nNodes = inst.nodeWeight.length;
  const cost: number[] = [], lo: number[] = [], hi: number[] = [], integer: boolean[] = [];
  for (let c = 0; c < nThr; c++) { cost.push(0); lo.push(0); hi.push(1); integer.push(true); }
  // Fixings: thresholds any better plan must reach (u = 1) or stay below (u = 0).
  for (let c = 0; fix && c < nThr; c++) {
    if (fix.fixedZero[c]) hi[c] = 0;
    else if (fix.fixedOne[c]) lo[c] = 1;
  }
  for (let n = 0; n < nNodes; n++) {
    cost.push(inst.nodeWeight[n] + gmvWeight * inst.nodeGmv[n]); lo.push(0); hi.push(1); integer.push(false);
  }
  const rows = new RowBuilder();
  const nSku = inst.skuIds.length;
  const firsts: number[] = [], incCols: number[] = [], incVals: number[] = [];
  for (let i = 0; i < nSku; i++) {
    firsts.push(inst.thrStart[i]);
    for (let c = inst.thrStart[i]; c < inst.thrStart[i + 1]; c++) {
      const k = c - inst.thrStart[i] + 1;
      incCols.push(c);
      incVals.push(stockAt(inst, i, k) - stockAt(inst, i, k - 1));
    }
  }
  rows.add(firsts, firsts.map(() => 1), -Infinity, inst.constraints.K);
  rows.add(incCols, incVals, -Infinity, inst.constraints.C);
  for (let i = 0; i < nSku; i++) {
    for (let c = inst.thrStart[i] + 1; c < inst.thrStart[i + 1]; c++) rows.add([c, c - 1], [1, -1], -Infinity, 0);
  }
  for (let n = 0; n < nNodes; n++) {
    for (let r = inst.reqStart[n]; r < inst.reqStart[n + 1]; r++) {
      const col = inst.thrStart[inst.reqSku[r]] + inst.reqLevel[r] - 1;
      rows.add([nThr + n, col], [1, -1], -Infinity, 0);
    }
  }
  return model(highs, cost, lo, hi, integer, rows);
}

/** Levels of each local SKU from a staircase solution (highest threshold set). */
export function levelsFromStaircase(inst: Om1Instance, colValue: Float64Array): Int32Array {
  const levels = new Int32Array(inst.skuIds.length);
  for (let i = 0; i < levels.length; i++) {
    for (let c = inst.thrStart[i]; c < inst.thrStart[i + 1]; c++) {
      if (colValue[c] > 0.5) levels[i] = c - inst.thrStart[i] + 1;
    }
  }
  return levels;
}

/** The paper's big-M form on raw orders, with the column of each SKU's x. */
export interface BigMModel extends BuiltModel {
  /** Catalogue SKU of each x column (columns 0..skus−1). */
  readonly skuOfX: Int32Array;
}

/**
 * The paper's form: x_i ∈ [0, max(D_i, L)], y_i, z_ij, w_j binary;
 * Σ y ≤ K, Σ x ≤ C, L y_i ≤ x_i ≤ max(D_i, L) y_i,
 * x_i ≥ S_ij − M_i (1 − z_ij) with M_i = max(D_i, L), w_j ≤ z_ij.
 */
export function bigMModel(highs: Highs, orders: readonly Order[], constraints: PlanConstraints, gmvWeight: number): BigMModel {
  const { K, C, L } = constraints;
  const cum = new Map<number, number>();
  const lines: { j: number; sku: number; s: number }[] = [];
  orders.forEach((o, j) => {
    const mine = new Map<number, number>();
    for (const l of o.lines) mine.set(l.sku, (mine.get(l.sku) ?? 0) + l.qty);
    for (const [sku, q] of mine) {
      const s = roundQty((cum.get(sku) ?? 0) + q);
      cum.set(sku, s);
      lines.push({ j, sku, s });
    }
  });
  const skus = [...cum.keys()].sort((a, b) => a - b);
  const col = new Map(skus.map((s, i) => [s, i]));
  const nS = skus.length;
  const bigM = skus.map((s) => Math.max(cum.get(s)!, L));
  const cost: number[] = [], lo: number[] = [], hi: number[] = [], integer: boolean[] = [];
  const push = (c: number, h: number, int: boolean) => { cost.push(c); lo.push(0); hi.push(h); integer.push(int); };
  skus.forEach((_, i) => push(0, bigM[i], false)); // x
  skus.forEach(() => push(0, 1, true)); // y
  const zBase = 2 * nS;
  lines.forEach(() => push(0, 1, true)); // z
  const wBase = zBase + lines.length;
  orders.forEach((o) => push(1 + gmvWeight * o.gmv, 1, true)); // w
  const rows = new RowBuilder();
  rows.add(skus.map((_, i) => nS + i), skus.map(() => 1), -Infinity, K);
  rows.add(skus.map((_, i) => i), skus.map(() => 1), -Infinity, C);
  skus.forEach((_, i) => {
    rows.add([i, nS + i], [1, -L], 0, Infinity);
    rows.add([i, nS + i], [1, -bigM[i]], -Infinity, 0);
  });
  lines.forEach((ln, k) => {
    const i = col.get(ln.sku)!;
    rows.add([i, zBase + k], [1, -bigM[i]], ln.s - bigM[i], Infinity);
    rows.add([wBase + ln.j, zBase + k], [1, -1], -Infinity, 0);
  });
  return { ...model(highs, cost, lo, hi, integer, rows), skuOfX: Int32Array.from(skus) };
}
