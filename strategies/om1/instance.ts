/**
 * OM1 (MODEL §7) for one site and one day, in staircase form, after presolve.
 *
 * Per SKU i the distinct effective thresholds t_i1 < t_i2 < … (t = max(L, S_ij),
 * S_ij the cumulative quantity of SKU i in orders 1..j) are the only stock
 * levels worth considering: a plan is a *level* per SKU (0 = not stocked,
 * k = stock t_ik). Order j is whole iff every SKU it buys is at least at the
 * level its S_ij needs.
 *
 * Presolve (each step exact — it never changes the optimum):
 * - a threshold above C can never be stocked: it and every order needing it go
 *   (counted in `impossibleOrders`); so do orders with more than K SKUs;
 * - orders with identical requirements (same SKUs at the same thresholds, as
 *   happens when L dominates) merge into one *node* with a weight;
 * - thresholds no remaining node needs are dropped (a plan never stops between
 *   two needed thresholds), and SKUs with no threshold left vanish.
 * With `presolve: false` (for benchmarking HiGHS alone) every order is its own
 * node and no order is removed; distinct thresholds are still merged.
 */
import type { Order, PlanConstraints } from '../../sim/index.js';

/** Round cumulative quantities so that kg sums compare exactly (as the simulator's stock does). */
export function roundQty(q: number): number {
  return Math.round(q * 1e6) / 1e6;
}

/** The presolved instance. SKUs are local indices 0..skuCount−1 (see `skuIds`). */
export interface Om1Instance {
  readonly constraints: PlanConstraints;
  /** Orders of the day (before presolve). */
  readonly orderCount: number;
  /** Catalogue id of each local SKU. */
  readonly skuIds: Int32Array;
  /** thresholds of local SKU i: `thresholds[thrStart[i] .. thrStart[i+1])`, increasing. */
  readonly thrStart: Int32Array;
  readonly thresholds: Float64Array;
  /** Requirement nodes (merged orders): weight = number of orders, gmv = their GMV. */
  readonly nodeWeight: Float64Array;
  readonly nodeGmv: Float64Array;
  /** Requirements of node n: `reqSku/reqLevel[reqStart[n] .. reqStart[n+1])`, level ≥ 1. */
  readonly reqStart: Int32Array;
  readonly reqSku: Int32Array;
  readonly reqLevel: Int32Array;
  /** Node of each original order, or −1 if it can never be whole. */
  readonly nodeOfOrder: Int32Array;
  /** Presolve statistics. */
  readonly stats: PresolveStats;
}

/** What presolve removed. */
export interface PresolveStats {
  readonly orders: number;
  readonly skus: number;
  readonly lines: number;
  /** Thresholds before presolve (distinct per SKU). */
  readonly thresholdsBefore: number;
  readonly impossibleOrders: number;
  readonly nodes: number;
  readonly skusAfter: number;
  readonly thresholdsAfter: number;
}

/** Number of levels (thresholds) of local SKU i. */
export function levelCount(inst: Om1Instance, i: number): number {
  return inst.thrStart[i + 1] - inst.thrStart[i];
}

/** Stock of local SKU i at `level` (0 for level 0). */
export function stockAt(inst: Om1Instance, i: number, level: number): number {
  return level === 0 ? 0 : inst.thresholds[inst.thrStart[i] + level - 1];
}

/**
 * Build and presolve OM1 from the day's orders (arrival order) and K, C, L.
 * Throws a RangeError naming the order and line if a quantity is not a
 * finite number > 0 or a SKU id is out of range.
 */
export function buildOm1Instance(
  orders: readonly Order[],
  constraints: PlanConstraints,
  skuCount: number,
  opts: { presolve?: boolean } = {},
): Om1Instance {
  const presolve = opts.presolve ?? true;
  const { L } = constraints;
  const cum = new Map<number, number>();
  // Per order: its SKUs and the cumulative quantity each needs.
  const need: { sku: number; s: number }[][] = [];
  let lines = 0;
  for (const o of orders) {
    const mine = new Map<number, number>();
    for (const l of o.lines) {
      if (!Number.isInteger(l.sku) || l.sku < 0 || l.sku >= skuCount) {
        throw new RangeError(`order ${o.id}: SKU ${l.sku} is not a catalogue index in 0..${skuCount - 1}`);
      }
      if (!(Number.isFinite(l.qty) && l.qty > 0)) throw new RangeError(`order ${o.id}: SKU ${l.sku} has quantity ${l.qty}; expected a finite number > 0`);
      mine.set(l.sku, (mine.get(l.sku) ?? 0) + l.qty);
      lines++;
    }
    const reqs: { sku: number; s: number }[] = [];
    for (const [sku, q] of mine) {
      const s = roundQty((cum.get(sku) ?? 0) + q);
      cum.set(sku, s);
      reqs.push({ sku, s: Math.max(L, s) });
    }
    need.push(reqs);
  }
  return instanceOfRequirements(need, orders.map((o) => o.gmv), constraints, { presolve, skus: cum.size, lines });
}

/** One order's need: SKU and the stock it needs, max(L, cumulative quantity). */
export interface Requirement {
  readonly sku: number;
  readonly s: number;
}

/**
 * Presolve and build the instance from each order's requirements (already
 * max(L, S_ij)), e.g. orders of several sampled days, each day with its own
 * cumulative quantities (strategies/saa). `skus` and `lines` are reported in the stats.
 */
export function instanceOfRequirements(
  need: readonly (readonly Requirement[])[], gmvOf: readonly number[], constraints: PlanConstraints,
  opts: { presolve: boolean; skus: number; lines: number },
): Om1Instance {
  const { presolve, lines } = opts;
  const { K, C } = constraints;
  const orders = gmvOf.map((gmv) => ({ gmv }));
  const thresholdsBefore = countDistinct(need);
  // Impossible orders: a threshold above C, or more than K SKUs.
  const possible = need.map((r) => !presolve || (r.length <= K && r.every((q) => q.s <= C + 1e-9)));
  // Distinct needed thresholds per SKU, over possible orders only.
  const perSku = new Map<number, Set<number>>();
  need.forEach((r, j) => {
    if (!possible[j]) return;
    for (const q of r) {
      let set = perSku.get(q.sku);
      if (!set) { set = new Set(); perSku.set(q.sku, set); }
      set.add(q.s);
    }
  });
  const skuList = [...perSku.keys()].sort((a, b) => a - b);
  const local = new Map(skuList.map((s, i) => [s, i]));
  const thrStart = new Int32Array(skuList.length + 1);
  const thr: number[] = [];
  const levelOf = new Map<number, Map<number, number>>();
  skuList.forEach((sku, i) => {
    const ts = [...perSku.get(sku)!].sort((a, b) => a - b);
    thrStart[i] = thr.length;
    levelOf.set(sku, new Map(ts.map((t, k) => [t, k + 1])));
    thr.push(...ts);
  });
  thrStart[skuList.length] = thr.length;
  // Merge orders with identical requirement sets into nodes.
  const nodeOfOrder = new Int32Array(orders.length).fill(-1);
  const nodeKey = new Map<string, number>();
  const weight: number[] = [];
  const gmv: number[] = [];
  const reqs: [number, number][][] = [];
  need.forEach((r, j) => {
    if (!possible[j]) return;
    const rq = r.map((q) => [local.get(q.sku)!, levelOf.get(q.sku)!.get(q.s)!] as [number, number]).sort((a, b) => a[0] - b[0]);
    const key = presolve ? rq.map(([i, k]) => `${i}:${k}`).join(',') : `order ${j}`;
    let n = nodeKey.get(key);
    if (n === undefined) { n = weight.length; nodeKey.set(key, n); weight.push(0); gmv.push(0); reqs.push(rq); }
    weight[n] += 1;
    gmv[n] += orders[j].gmv;
    nodeOfOrder[j] = n;
  });
  const reqStart = new Int32Array(reqs.length + 1);
  const flat = reqs.flat();
  reqs.forEach((r, n) => { reqStart[n + 1] = reqStart[n] + r.length; });
  return {
    constraints,
    orderCount: orders.length,
    skuIds: Int32Array.from(skuList),
    thrStart,
    thresholds: Float64Array.from(thr),
    nodeWeight: Float64Array.from(weight),
    nodeGmv: Float64Array.from(gmv),
    reqStart,
    reqSku: Int32Array.from(flat.map((p) => p[0])),
    reqLevel: Int32Array.from(flat.map((p) => p[1])),
    nodeOfOrder,
    stats: {
      orders: orders.length,
      skus: opts.skus,
      lines,
      thresholdsBefore,
      impossibleOrders: possible.filter((p) => !p).length,
      nodes: weight.length,
      skusAfter: skuList.length,
      thresholdsAfter: thr.length,
    },
  };
}

function countDistinct(need: readonly (readonly Requirement[])[]): number {
  const seen = new Set<string>();
  for (const r of need) for (const q of r) seen.add(`${q.sku}:${q.s}`);
  return seen.size;
}
