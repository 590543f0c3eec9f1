/**
 * Lagrangian relaxation of OM1's K and C constraints. Without them OM1 is a
 * maximum-weight closure problem — an order (node) requires one threshold per
 * SKU it buys, threshold k of a SKU requires threshold k−1, a threshold costs
 * λ·(its stock increment) + μ·[it is the SKU's first] — hence a minimum cut.
 * For any λ, μ ≥ 0, λC + μK + (max closure value) bounds OM1 from above; we
 * minimise it by nested bisection on the subgradients (C − units, K − types),
 * and every closure that fits K and C, filled greedily at the same prices, is a
 * candidate plan. Since the closure polytope is integral, the best bound equals
 * the staircase form's LP bound.
 */
import { greedyFill } from './heuristic.js';
import { stockAt, type Om1Instance } from './instance.js';
import { evaluateLevels, scoreOf, withinLimits, type LevelsValue } from './levels.js';
import { createFlowNetwork, type FlowNetwork } from './max-flow.js';

/** The best bound and the best plan seen. */
export interface LagrangianResult {
  readonly bound: number;
  readonly levels: Int32Array;
  readonly value: LevelsValue;
  /** Multipliers (per unit, per type) at the best bound. */
  readonly unitPrice: number;
  readonly typePrice: number;
  readonly flows: number;
}

const BIG = 1e15;

interface ClosureGraph {
  readonly net: FlowNetwork;
  /** Arc from each threshold to the sink. */
  readonly thrArc: Int32Array;
  readonly thrNode: (c: number) => number;
}

function buildGraph(inst: Om1Instance, gmvWeight: number): ClosureGraph {
  const nNodes = inst.nodeWeight.length;
  const nThr = inst.thresholds.length;
  const S = 0, T = 1;
  const node = (n: number) => 2 + n;
  const thrNode = (c: number) => 2 + nNodes + c;
  const net = createFlowNetwork(2 + nNodes + nThr, nNodes + inst.reqSku.length + 2 * nThr);
  for (let n = 0; n < nNodes; n++) {
    net.addArc(S, node(n), inst.nodeWeight[n] + gmvWeight * inst.nodeGmv[n]);
    for (let r = inst.reqStart[n]; r < inst.reqStart[n + 1]; r++) {
      net.addArc(node(n), thrNode(inst.thrStart[inst.reqSku[r]] + inst.reqLevel[r] - 1), BIG);
    }
  }
  const thrArc = new Int32Array(nThr);
  for (let i = 0; i < inst.skuIds.length; i++) {
    for (let c = inst.thrStart[i]; c < inst.thrStart[i + 1]; c++) {
      if (c > inst.thrStart[i]) net.addArc(thrNode(c), thrNode(c - 1), BIG);
      thrArc[c] = net.addArc(thrNode(c), T, 0);
    }
  }
  return { net, thrArc, thrNode };
}

/** Bound and plans from the Lagrangian relaxation; `maxFlows` caps the work. */
export function lagrangianBound(inst: Om1Instance, gmvWeight = 0, maxFlows = 200): LagrangianResult {
  const { K, C, L } = inst.constraints;
  const nSku = inst.skuIds.length;
  let total = 0;
  for (let n = 0; n < inst.nodeWeight.length; n++) total += inst.nodeWeight[n] + gmvWeight * inst.nodeGmv[n];
  const empty = new Int32Array(nSku);
  let best = { bound: total, levels: empty, value: evaluateLevels(inst, empty), unitPrice: 0, typePrice: 0 };
  if (inst.thresholds.length === 0) return { ...best, flows: 0 };
  const g = buildGraph(inst, gmvWeight);
  let flows = 0;

  /** Evaluate the dual at (λ, μ); returns the closure's units and types. */
  function dual(lambda: number, mu: number): { units: number; types: number } {
    flows++;
    for (let i = 0; i < nSku; i++) {
      for (let c = inst.thrStart[i]; c < inst.thrStart[i + 1]; c++) {
        const k = c - inst.thrStart[i] + 1;
        const inc = stockAt(inst, i, k) - stockAt(inst, i, k - 1);
        g.net.setCapacity(g.thrArc[c], lambda * inc + (k === 1 ? mu : 0));
      }
    }
    g.net.reset();
    const cut = g.net.maxFlow(0, 1);
    const side = g.net.sourceSide(0);
    const levels = new Int32Array(nSku);
    let units = 0, types = 0;
    for (let i = 0; i < nSku; i++) {
      for (let c = inst.thrStart[i]; c < inst.thrStart[i + 1]; c++) if (side[g.thrNode(c)]) levels[i] = c - inst.thrStart[i] + 1;
      if (levels[i] > 0) { types++; units += stockAt(inst, i, levels[i]); }
    }
    const bound = lambda * C + mu * K + (total - cut);
    if (bound < best.bound) best = { ...best, bound, unitPrice: lambda, typePrice: mu };
    if (types <= K && units <= C + 1e-6) {
      greedyFill(inst, levels, { unit: Math.max(lambda, 1e-9), type: Math.max(mu, 1e-9) }, gmvWeight);
      const v = evaluateLevels(inst, levels);
      if (withinLimits(inst, v) && scoreOf(v, gmvWeight) > scoreOf(best.value, gmvWeight)) best = { ...best, levels, value: v };
    }
    return { units, types };
  }

  const lambdaMax = total / Math.max(L, 1e-9) + 1;
  const muMax = total + 1;
  /** min over λ at fixed μ by bisection on C − units; returns the subgradient in μ there. */
  function minOverLambda(mu: number, iterations: number): number {
    let lo = 0, hi = lambdaMax;
    const at0 = dual(0, mu);
    if (at0.units <= C + 1e-6) return K - at0.types;
    let types = 0;
    for (let it = 0; it < iterations && flows < maxFlows; it++) {
      const mid = (lo + hi) / 2;
      const r = dual(mid, mu);
      if (r.units > C + 1e-6) lo = mid; else { hi = mid; types = r.types; }
    }
    return K - types;
  }
  // K often does not bind in the relaxation: try μ = 0 first, precisely.
  if (minOverLambda(0, 24) < 0) {
    let lo = 0, hi = muMax;
    while (flows < maxFlows && hi - lo > 1e-6 * muMax) {
      const mid = (lo + hi) / 2;
      if (minOverLambda(mid, 12) < 0) lo = mid; else hi = mid;
    }
  }
  return { ...best, flows };
}
