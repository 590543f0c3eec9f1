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
import { greedyFill, repairToFit } from './heuristic.js';
import { stockAt, type Om1Instance } from './instance.js';
import { evaluateLevels, scoreOf, withinLimits, type LevelsValue } from './levels.js';
import type { FlowNetwork } from './max-flow.js';
import { createPushRelabelNetwork } from './push-relabel.js';

/** The best bound and the best plan seen. */
export interface LagrangianResult {
  readonly bound: number;
  readonly levels: Int32Array;
  readonly value: LevelsValue;
  /** Multipliers (per unit, per type) at the best bound. */
  readonly unitPrice: number;
  readonly typePrice: number;
  readonly flows: number;
  /** Reduced-cost fixing against an incumbent value (needs the best bound's cut; see below). */
  readonly fixings: (incumbent: number, maxProbes: number) => ThresholdFixings;
}

const BIG = 1e15;

interface ClosureGraph {
  readonly net: FlowNetwork;
  /** Arc from each threshold to the sink. */
  readonly thrArc: Int32Array;
  /** Arc from the source to each threshold (capacity 0 unless forced in). */
  readonly forceArc: Int32Array;
  readonly thrNode: (c: number) => number;
}

function buildGraph(inst: Om1Instance, gmvWeight: number): ClosureGraph {
  const nNodes = inst.nodeWeight.length;
  const nThr = inst.thresholds.length;
  const S = 0, T = 1;
  const node = (n: number) => 2 + n;
  const thrNode = (c: number) => 2 + nNodes + c;
  const net = createPushRelabelNetwork(2 + nNodes + nThr, nNodes + inst.reqSku.length + 2 * nThr);
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
  const forceArc = new Int32Array(nThr);
  for (let c = 0; c < nThr; c++) forceArc[c] = net.addArc(S, thrNode(c), 0);
  return { net, thrArc, thrNode, forceArc };
}

/**
 * Bound and plans from the Lagrangian relaxation; `maxFlows` caps the work
 * (deterministically: no clock, so the same input gives the same bound and plans).
 */
export function lagrangianBound(inst: Om1Instance, gmvWeight = 0, maxFlows = 200): LagrangianResult {
  const { K, C, L } = inst.constraints;
  const nSku = inst.skuIds.length;
  let total = 0;
  for (let n = 0; n < inst.nodeWeight.length; n++) total += inst.nodeWeight[n] + gmvWeight * inst.nodeGmv[n];
  const empty = new Int32Array(nSku);
  let best: { bound: number; levels: Int32Array; value: LevelsValue; unitPrice: number; typePrice: number } = {
    bound: total, levels: empty, value: evaluateLevels(inst, empty), unitPrice: 0, typePrice: 0,
  };
  const none = (): ThresholdFixings => ({ fixedOne: new Uint8Array(0), fixedZero: new Uint8Array(0), probes: 0 });
  if (inst.thresholds.length === 0) return { ...best, flows: 0, fixings: none };
  const g = buildGraph(inst, gmvWeight);
  const inc = new Float64Array(inst.thresholds.length);
  const first = new Uint8Array(inst.thresholds.length);
  for (let i = 0; i < nSku; i++) {
    for (let c = inst.thrStart[i]; c < inst.thrStart[i + 1]; c++) {
      const k = c - inst.thrStart[i] + 1;
      inc[c] = stockAt(inst, i, k) - stockAt(inst, i, k - 1);
      first[c] = k === 1 ? 1 : 0;
    }
  }
  let flows = 0;
  let bestState: Float64Array | undefined;
  let bestClosure: Int32Array | undefined;
  const consider = (levels: Int32Array, prices: { unit: number; type: number }): void => {
    const v = evaluateLevels(inst, levels);
    if (v.types > K || v.units > C + 1e-6) repairToFit(inst, levels, prices, gmvWeight);
    greedyFill(inst, levels, prices, gmvWeight);
    const w = evaluateLevels(inst, levels);
    if (withinLimits(inst, w) && scoreOf(w, gmvWeight) > scoreOf(best.value, gmvWeight)) best = { ...best, levels, value: w };
  };

  /**
   * Evaluate the dual at (λ, μ), warm-started from `from` (a residual state at
   * multipliers no larger, so capacities only rise); returns the closure's
   * units and types and the residual state reached.
   */
  function dual(lambda: number, mu: number, from: Float64Array | undefined): { units: number; types: number; state: Float64Array; levels: Int32Array } {
    flows++;
    if (from) g.net.restore(from);
    for (let c = 0; c < inc.length; c++) {
      const cap = lambda * inc[c] + (first[c] ? mu : 0);
      if (from) g.net.raiseCapacity(g.thrArc[c], cap); else g.net.setCapacity(g.thrArc[c], cap);
    }
    if (!from) g.net.reset();
    g.net.maxFlow(0, 1);
    const side = g.net.sourceSide(0);
    const levels = new Int32Array(nSku);
    let units = 0, types = 0, cost = 0, gain = 0;
    for (let i = 0; i < nSku; i++) {
      for (let c = inst.thrStart[i]; c < inst.thrStart[i + 1]; c++) {
        if (!side[g.thrNode(c)]) continue;
        levels[i] = c - inst.thrStart[i] + 1;
        cost += lambda * inc[c] + (first[c] ? mu : 0);
      }
      if (levels[i] > 0) { types++; units += stockAt(inst, i, levels[i]); }
    }
    for (let n = 0; n < inst.nodeWeight.length; n++) if (side[2 + n]) gain += inst.nodeWeight[n] + gmvWeight * inst.nodeGmv[n];
    const bound = lambda * C + mu * K + Math.max(0, gain - cost);
    lastBound = bound;
    const state = g.net.snapshot();
    if (bound < best.bound) { best = { ...best, bound, unitPrice: lambda, typePrice: mu }; bestState = state; bestClosure = levels; }
    return { units, types, state, levels };
  }

  const pairs: { levels: Int32Array; prices: { unit: number; type: number } }[] = [];
  const lambdaMax = total / Math.max(L, 1e-9) + 1;
  const muMax = total + 1;
  type Eval = { value: number; slope: number; state: Float64Array; levels: Int32Array; units: number; types: number };
  /** The dual at (λ, μ) as a value and a λ-slope (C − units), warm-started from `from`. */
  function atLambda(lambda: number, mu: number, from: Float64Array | undefined): Eval {
    const r = dual(lambda, mu, from);
    return { ...r, value: lastBound, slope: C - r.units };
  }
  /**
   * Minimise a convex piecewise-linear function on [0, xMax] from values and
   * slopes: cutting planes (the two supporting lines' intersection), falling
   * back to bisection; exact at a breakpoint in a few evaluations.
   */
  function minimise1d(f: (x: number, lo: Eval) => Eval, at0: Eval, xMax: number, maxEvals: number): { lo: Eval; hi: Eval | undefined; x: number } {
    if (at0.slope >= 0) return { lo: at0, hi: undefined, x: 0 };
    let lo = at0, xLo = 0;
    let hi = f(xMax, lo), xHi = xMax;
    for (let k = 0; k < maxEvals && flows < maxFlows && xHi - xLo > 1e-12 * xMax; k++) {
      let x = (hi.value - hi.slope * xHi - (lo.value - lo.slope * xLo)) / (lo.slope - hi.slope);
      if (!(x > xLo + 1e-9 * (xHi - xLo) && x < xHi - 1e-9 * (xHi - xLo))) x = (xLo + xHi) / 2;
      const line = lo.value + lo.slope * (x - xLo);
      const r = f(x, lo);
      if (r.value <= line + 1e-9) return r.slope < 0 ? { lo: r, hi, x } : { lo, hi: r, x }; // no cut: x is optimal
      if (r.slope < 0) { lo = r; xLo = x; } else { hi = r; xHi = x; }
    }
    return { lo, hi, x: (xLo + xHi) / 2 };
  }
  let lastBound = 0;

  /** min over λ at fixed μ; returns ψ(μ), its μ-slope (K − types) and the λ = 0 state. */
  function psi(mu: number, from: Float64Array | undefined): Eval {
    const at0 = atLambda(0, mu, from);
    const m = minimise1d((x, lo) => atLambda(x, mu, lo.state), at0, lambdaMax, 40);
    const prices = { unit: Math.max(m.x, 1e-9), type: Math.max(mu, 1e-9) };
    if (m.lo !== at0 || mu > 0) pairs.push({ levels: m.lo.levels, prices });
    if (m.hi) pairs.push({ levels: m.hi.levels, prices });
    const at = m.hi && m.lo.value > m.hi.value ? m.hi : m.lo;
    const types = m.hi ? m.hi.types : at.types;
    return { ...at0, value: Math.min(m.lo.value, m.hi?.value ?? Infinity), slope: K - types };
  }
  // K often does not bind in the relaxation: μ = 0 first; else the same search over μ.
  const psi0 = psi(0, undefined);
  const atZero = pairs.length;
  minimise1d((mu, lo) => psi(mu, lo.state), psi0, muMax, 10);
  // The dual is often degenerate at its optimum (the closure jumps from a few orders to more than
  // C allows at one λ): closures at nearby multipliers, pricing types too, are better starting plans.
  const lam = best.unitPrice, mu0 = best.typePrice;
  const searchCount = pairs.length;
  const sweep: typeof pairs = [];
  for (const [fl, fm] of [[0.97, 0], [0.99, 0], [1.01, 0], [1, 0.1], [1, 0.3], [1, 1], [0.95, 0.3], [0.9, 1]]) {
    if (flows >= maxFlows + 16) break;
    const l = lam * fl, m = mu0 + fm * lam * Math.max(L, 1);
    if (!(l > 0)) continue;
    const r = dual(l, m, undefined);
    sweep.push({ levels: r.levels, prices: { unit: l, type: Math.max(m, 1e-9) } });
  }
  // Candidate plans: the closures at μ = 0 and the last ones of the μ search (nearest the optimum).
  for (const p of [...pairs.slice(0, atZero), ...pairs.slice(Math.max(atZero, searchCount - 6), searchCount), ...sweep]) consider(p.levels, p.prices);
  /**
   * Lagrangian reduced-cost fixing at the best multipliers. For each SKU at
   * level ℓ in the best cut's closure: force its threshold ℓ out (stock below
   * it) and its threshold ℓ+1 in (stock above ℓ); if the bound then drops
   * below `incumbent + 1`, every better plan keeps thresholds 1..ℓ (resp. none
   * above ℓ). One warm-started cut per probe (forcing only raises capacities).
   */
  function fixings(incumbent: number, maxProbes: number): ThresholdFixings {
    const fixedOne = new Uint8Array(inc.length), fixedZero = new Uint8Array(inc.length);
    if (!bestState || !bestClosure) return { fixedOne, fixedZero, probes: 0 };
    const lambda = best.unitPrice, mu = best.typePrice;
    let probes = 0;
    const boundWith = (force: () => void): number => {
      probes++;
      g.net.restore(bestState!);
      force();
      g.net.maxFlow(0, 1);
      const side = g.net.sourceSide(0);
      let cost = 0, gain = 0;
      for (let c = 0; c < inc.length; c++) if (side[g.thrNode(c)]) cost += lambda * inc[c] + (first[c] ? mu : 0);
      for (let n = 0; n < inst.nodeWeight.length; n++) if (side[2 + n]) gain += inst.nodeWeight[n] + gmvWeight * inst.nodeGmv[n];
      return lambda * C + mu * K + gain - cost;
    };
    const cuts = (b: number) => Math.floor(b + 1e-6) <= incumbent;
    for (let i = 0; i < nSku && probes < maxProbes; i++) {
      const l = bestClosure[i], top = inst.thrStart[i + 1] - inst.thrStart[i];
      if (l > 0) {
        const c = inst.thrStart[i] + l - 1;
        if (cuts(boundWith(() => g.net.raiseCapacity(g.thrArc[c], BIG)))) for (let k = inst.thrStart[i]; k <= c; k++) fixedOne[k] = 1;
      }
      if (l < top) {
        const c = inst.thrStart[i] + l;
        if (cuts(boundWith(() => g.net.raiseCapacity(g.forceArc[c], BIG)))) for (let k = c; k < inst.thrStart[i + 1]; k++) fixedZero[k] = 1;
      }
    }
    return { fixedOne, fixedZero, probes };
  }
  return { ...best, flows, fixings };
}

/** Thresholds every plan better than an incumbent must reach (`fixedOne`) or stay below (`fixedZero`). */
export interface ThresholdFixings {
  readonly fixedOne: Uint8Array;
  readonly fixedZero: Uint8Array;
  readonly probes: number;
}
