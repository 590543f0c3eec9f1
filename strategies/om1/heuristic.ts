/**
 * A fast combinatorial heuristic for OM1: greedy completion of orders by
 * value per priced resource, then local search on thresholds (lower or drop a
 * SKU's level, refill greedily, keep strict improvements). Deterministic: its
 * work is bounded by counts, never by the clock. It is the MIP's start and
 * fallback, so OM1 never returns without a plan.
 */
import { stockAt, type Om1Instance } from './instance.js';
import { evaluateLevels, scoreOf, type LevelsValue } from './levels.js';

/** Prices of one unit of C and one SKU type of K (e.g. Lagrange multipliers). */
export interface ResourcePrices {
  readonly unit: number;
  readonly type: number;
}

/** Default prices: each resource priced by its total. */
export function defaultPrices(inst: Om1Instance): ResourcePrices {
  return { unit: 1 / Math.max(inst.constraints.C, 1e-9), type: 1 / Math.max(inst.constraints.K, 1) };
}

/**
 * Greedily raise levels to complete the unsatisfied node with the best
 * value / (price of the extra units and types), while K and C allow.
 * Mutates `levels`.
 */
export function greedyFill(inst: Om1Instance, levels: Int32Array, prices: ResourcePrices, gmvWeight = 0): void {
  const { K, C } = inst.constraints;
  let units = 0, types = 0;
  for (let i = 0; i < levels.length; i++) if (levels[i] > 0) { types++; units += stockAt(inst, i, levels[i]); }
  const nNodes = inst.nodeWeight.length;
  for (;;) {
    let best = -1, bestScore = -Infinity;
    for (let n = 0; n < nNodes; n++) {
      let dc = 0, dk = 0;
      for (let r = inst.reqStart[n]; r < inst.reqStart[n + 1]; r++) {
        const i = inst.reqSku[r], k = inst.reqLevel[r], cur = levels[i];
        if (cur >= k) continue;
        dc += stockAt(inst, i, k) - stockAt(inst, i, cur);
        if (cur === 0) dk++;
      }
      if (dc === 0 && dk === 0) continue;
      if (types + dk > K || units + dc > C + 1e-6) continue;
      const score = (inst.nodeWeight[n] + gmvWeight * inst.nodeGmv[n]) / (prices.unit * dc + prices.type * dk + 1e-12);
      if (score > bestScore) { bestScore = score; best = n; }
    }
    if (best < 0) return;
    for (let r = inst.reqStart[best]; r < inst.reqStart[best + 1]; r++) {
      const i = inst.reqSku[r], k = inst.reqLevel[r], cur = levels[i];
      if (cur >= k) continue;
      units += stockAt(inst, i, k) - stockAt(inst, i, cur);
      if (cur === 0) types++;
      levels[i] = k;
    }
  }
}

/** Options of the local search. */
export interface LocalSearchOptions {
  readonly prices: ResourcePrices;
  readonly gmvWeight?: number;
  /** At most this many refill trials (bounds the work deterministically). */
  readonly maxTrials?: number;
}

/**
 * Local search on thresholds: for each stocked SKU try dropping it and
 * lowering it one level, refill greedily, keep any strict improvement
 * (more orders, or as many with fewer units); repeat while improving.
 * Mutates `levels`; returns its value.
 */
export function localSearch(inst: Om1Instance, levels: Int32Array, opts: LocalSearchOptions): LevelsValue {
  const g = opts.gmvWeight ?? 0;
  let budget = opts.maxTrials ?? 4000;
  let cur = evaluateLevels(inst, levels);
  const trial = new Int32Array(levels.length);
  let improved = true;
  while (improved && budget > 0) {
    improved = false;
    for (let i = 0; i < levels.length && budget > 0; i++) {
      if (levels[i] === 0) continue;
      const targets = levels[i] > 1 ? [0, levels[i] - 1] : [0];
      for (const target of targets) {
        if (budget-- <= 0) break;
        trial.set(levels);
        trial[i] = target;
        greedyFill(inst, trial, opts.prices, g);
        const v = evaluateLevels(inst, trial);
        const better = scoreOf(v, g) > scoreOf(cur, g) + 1e-9
          || (scoreOf(v, g) >= scoreOf(cur, g) - 1e-12 && v.units < cur.units - 1e-9);
        if (better) { levels.set(trial); cur = v; improved = true; break; }
      }
    }
  }
  return cur;
}

/** Greedy from an empty plan, then local search: a complete plan in level form. */
export function heuristicPlan(inst: Om1Instance, prices: ResourcePrices = defaultPrices(inst), gmvWeight = 0, maxTrials = 4000): { levels: Int32Array; value: LevelsValue } {
  const levels = new Int32Array(inst.skuIds.length);
  greedyFill(inst, levels, prices, gmvWeight);
  const value = localSearch(inst, levels, { prices, gmvWeight, maxTrials });
  return { levels, value };
}

/**
 * Bring an over-budget level vector within K and C by lowering levels one
 * step at a time (or dropping SKUs while K is exceeded), each time the step
 * that loses the fewest orders per priced resource freed. Mutates `levels`.
 */
export function repairToFit(inst: Om1Instance, levels: Int32Array, prices: ResourcePrices, gmvWeight = 0): void {
  const { K, C } = inst.constraints;
  const nSku = levels.length;
  // Requirements per SKU: (node, level).
  const byStart = new Int32Array(nSku + 1);
  for (let r = 0; r < inst.reqSku.length; r++) byStart[inst.reqSku[r] + 1]++;
  for (let i = 0; i < nSku; i++) byStart[i + 1] += byStart[i];
  const fill = byStart.slice(0, nSku);
  const byNode = new Int32Array(inst.reqSku.length);
  const byLevel = new Int32Array(inst.reqSku.length);
  const nodeOfReq = new Int32Array(inst.reqSku.length);
  for (let n = 0; n < inst.nodeWeight.length; n++) for (let r = inst.reqStart[n]; r < inst.reqStart[n + 1]; r++) nodeOfReq[r] = n;
  for (let r = 0; r < inst.reqSku.length; r++) { const i = inst.reqSku[r]; byNode[fill[i]] = nodeOfReq[r]; byLevel[fill[i]] = inst.reqLevel[r]; fill[i]++; }
  const missing = new Int32Array(inst.nodeWeight.length);
  for (let n = 0; n < missing.length; n++) for (let r = inst.reqStart[n]; r < inst.reqStart[n + 1]; r++) if (levels[inst.reqSku[r]] < inst.reqLevel[r]) missing[n]++;
  let units = 0, types = 0;
  for (let i = 0; i < nSku; i++) if (levels[i] > 0) { types++; units += stockAt(inst, i, levels[i]); }
  while (types > K || units > C + 1e-6) {
    const dropping = types > K;
    let best = -1, bestTarget = 0, bestScore = Infinity;
    for (let i = 0; i < nSku; i++) {
      if (levels[i] === 0) continue;
      const target = dropping ? 0 : levels[i] - 1;
      let loss = 0;
      for (let q = byStart[i]; q < byStart[i + 1]; q++) {
        const n = byNode[q];
        if (missing[n] === 0 && byLevel[q] > target) loss += inst.nodeWeight[n] + gmvWeight * inst.nodeGmv[n];
      }
      const freed = prices.unit * (stockAt(inst, i, levels[i]) - stockAt(inst, i, target)) + (target === 0 ? prices.type : 0);
      const score = loss / (freed + 1e-12);
      if (score < bestScore) { bestScore = score; best = i; bestTarget = target; }
    }
    const i = best, from = levels[i];
    for (let q = byStart[i]; q < byStart[i + 1]; q++) if (byLevel[q] > bestTarget && byLevel[q] <= from) missing[byNode[q]]++;
    units -= stockAt(inst, i, from) - stockAt(inst, i, bestTarget);
    if (bestTarget === 0) types--;
    levels[i] = bestTarget;
  }
}

/**
 * Insert-and-repair moves: complete one unsatisfied order (raise its SKUs to
 * the levels it needs), bring the plan back within K and C at `prices`, refill,
 * and keep strict improvements. Complements {@link localSearch}'s
 * drop-and-refill. Tries the cheapest completions first; at most `maxTrials`.
 * Mutates `levels`; returns its value.
 */
export function insertSearch(inst: Om1Instance, levels: Int32Array, prices: ResourcePrices, gmvWeight = 0, maxTrials = 300): LevelsValue {
  let cur = evaluateLevels(inst, levels);
  const trial = new Int32Array(levels.length);
  let improved = true;
  let budget = maxTrials;
  while (improved && budget > 0) {
    improved = false;
    // Unsatisfied nodes by priced completion cost.
    const cand: { n: number; cost: number }[] = [];
    for (let n = 0; n < inst.nodeWeight.length; n++) {
      let dc = 0, dk = 0;
      for (let r = inst.reqStart[n]; r < inst.reqStart[n + 1]; r++) {
        const i = inst.reqSku[r], k = inst.reqLevel[r];
        if (levels[i] >= k) continue;
        dc += stockAt(inst, i, k) - stockAt(inst, i, levels[i]);
        if (levels[i] === 0) dk++;
      }
      if (dc > 0 || dk > 0) cand.push({ n, cost: (prices.unit * dc + prices.type * dk) / inst.nodeWeight[n] });
    }
    cand.sort((a, b) => a.cost - b.cost || a.n - b.n);
    for (const { n } of cand) {
      if (budget-- <= 0) break;
      trial.set(levels);
      for (let r = inst.reqStart[n]; r < inst.reqStart[n + 1]; r++) {
        const i = inst.reqSku[r];
        if (trial[i] < inst.reqLevel[r]) trial[i] = inst.reqLevel[r];
      }
      repairToFit(inst, trial, prices, gmvWeight);
      greedyFill(inst, trial, prices, gmvWeight);
      const v = evaluateLevels(inst, trial);
      if (scoreOf(v, gmvWeight) > scoreOf(cur, gmvWeight) + 1e-9) { levels.set(trial); cur = v; improved = true; break; }
    }
  }
  return cur;
}
