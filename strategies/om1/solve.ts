/**
 * OM1 end to end: presolve → heuristic (greedy + local search) → bounds →
 * HiGHS on the staircase form for what is left. The best plan found is
 * always returned, with its proven gap; the MIP's plan is taken only when it
 * is better than the heuristic's. Every stage stops on a work limit (max-flows,
 * refill trials, probes, MIP nodes), so the same input gives the same plan on
 * any machine under any load; the clock is only a safety net that throws.
 */
import type { Highs } from 'highs';
import type { Order, PlanConstraints } from '../../sim/index.js';
import { defaultPrices, insertSearch, localSearch } from './heuristic.js';
import { levelsFromStaircase, staircaseModel } from './highs-model.js';
import { buildOm1Instance, type Om1Instance } from './instance.js';
import { lagrangianBound } from './lagrangian.js';
import { evaluateLevels, nodeSatisfied, planOfLevels, withinLimits, type LevelsValue } from './levels.js';
import { defaultOm1Options, Om1SafetyNetError, relativeGap, type Om1Options, type Om1Result, type Om1Source } from './result.js';

/** What a solve may use: the loaded HiGHS (without it: heuristic and bounds only) and a ms clock. */
export interface Om1Env {
  readonly highs?: Highs;
  /** Milliseconds clock (injected: strategies/ never reads the wall clock); used only for the safety net and `seconds`. */
  readonly clock?: () => number;
}

/** The GMV tie-break weight: all of the day's GMV together is worth less than one order. */
export function gmvTieBreakWeight(orders: readonly Order[]): number {
  let total = 0;
  for (const o of orders) total += Math.max(0, o.gmv);
  return 1 / (2 * (total + 1));
}

/** Solve OM1 for one site and day. */
export function solveOm1(
  orders: readonly Order[],
  constraints: PlanConstraints,
  skuCount: number,
  options: Partial<Om1Options> = {},
  env: Om1Env = {},
): Om1Result {
  const opts = { ...defaultOm1Options, ...options };
  const t0 = env.clock?.() ?? 0;
  const elapsed = (): number => (env.clock ? (env.clock() - t0) / 1000 : 0);
  const inst = buildOm1Instance(orders, constraints, skuCount);
  const g = opts.gmvTieBreak ? gmvTieBreakWeight(orders) : 0;
  const count = (v: LevelsValue): number => v.weight + g * v.gmv;

  const safetyNet = (): void => {
    if (elapsed() > opts.timeLimitSeconds) throw new Om1SafetyNetError(orders.length, opts.timeLimitSeconds, opts.mipMaxNodes);
  };
  // Lagrangian first: its closures are the best starting plans; then local search at its prices.
  const lag = lagrangianBound(inst, g, opts.maxFlows);
  let levels: Int32Array = lag.levels.slice();
  let planSource: Om1Source = 'lagrangian';
  const prices = lag.unitPrice > 0 || lag.typePrice > 0 ? { unit: Math.max(lag.unitPrice, 1e-9), type: Math.max(lag.typePrice, 1e-9) } : defaultPrices(inst);
  let value = localSearch(inst, levels, { prices, gmvWeight: g, maxTrials: opts.localSearchTrials });
  if (!provenOptimal(value.weight, lag.bound, opts.gmvTieBreak)) {
    value = insertSearch(inst, levels, prices, g, opts.localSearchTrials);
    value = localSearch(inst, levels, { prices, gmvWeight: g, maxTrials: opts.localSearchTrials });
  }
  if (count(value) > count(lag.value) + 1e-9) planSource = 'heuristic';
  let bound = Math.min(totalWeight(inst), lag.bound);
  let boundSource: Om1Source = bound === lag.bound ? 'lagrangian' : 'presolve';
  let mip: Om1Result['mip'] = null;
  let status: Om1Result['status'] = 'work-limit';
  const closed = (): boolean => provenOptimal(value.weight, bound, opts.gmvTieBreak) || relativeGap(value.weight, integerBound(bound)) <= opts.relativeGap && !opts.gmvTieBreak;

  if (!closed() && env.highs) {
    // Lagrangian reduced-cost fixing: SKUs any better plan must stock or leave out (count objective only).
    const incumbent = value.weight;
    const fix = opts.gmvTieBreak ? undefined : lag.fixings(incumbent, 2 * inst.skuIds.length);
    safetyNet();
    const left = Math.max(0.1, opts.timeLimitSeconds - elapsed());
    const deadline = env.clock ? () => elapsed() > opts.timeLimitSeconds + 0.5 : undefined;
    const r = runStaircase(env.highs, inst, g, opts, left, opts.mipStart ? levels : undefined, fix, deadline);
    // Stopped by HiGHS's own time limit (13) or by the deadline interrupt (17): never a result.
    if (r.info.status === 13 || r.info.status === 17) throw new Om1SafetyNetError(orders.length, opts.timeLimitSeconds, opts.mipMaxNodes);
    mip = r.info;
    if (r.levels) {
      const v = evaluateLevels(inst, r.levels);
      if (withinLimits(inst, v) && count(v) > count(value) + 1e-9) { levels = r.levels; value = v; planSource = 'mip'; }
    }
    // With fixings HiGHS bounds only plans better than the incumbent: OPT ≤ max(incumbent, its bound).
    const mipBound = r.info.status === 8 && fix ? incumbent : fix ? Math.max(incumbent, r.info.bound) : r.info.bound;
    if (Number.isFinite(mipBound) && mipBound < bound) { bound = mipBound; boundSource = 'mip'; }
    // HiGHS proved its incumbent optimal within its gap; a plan at least as good is too.
    // (Its node limit leaves the plan as best known.)
    if (r.info.status === 7 && count(value) >= r.info.objective - 1e-9) status = 'optimal';
  }
  if (status !== 'optimal' && closed()) status = 'optimal';
  safetyNet();
  const weightBound = integerBound(bound);
  const fulfilled: number[] = [];
  for (let j = 0; j < orders.length; j++) {
    const n = inst.nodeOfOrder[j];
    if (n >= 0 && nodeSatisfied(inst, levels, n)) fulfilled.push(j);
  }
  return {
    status,
    orders: orders.length,
    fulfilledOrders: value.weight,
    rate: orders.length ? value.weight / orders.length : 0,
    fulfilledGmv: value.gmv,
    bound: Math.max(weightBound, value.weight),
    gap: relativeGap(value.weight, Math.max(weightBound, value.weight)),
    plan: planOfLevels(inst, levels, skuCount),
    fulfilled: Int32Array.from(fulfilled),
    planSource,
    boundSource,
    seconds: elapsed(),
    presolve: inst.stats,
    mip,
  };
}

function totalWeight(inst: Om1Instance): number {
  let s = 0;
  for (const w of inst.nodeWeight) s += w;
  return s;
}

/** Bound on whole orders: counts are integers (a GMV tie-break adds < 1). */
function integerBound(bound: number): number {
  return Math.floor(bound + 1e-6);
}

function provenOptimal(weight: number, bound: number, tieBreak: boolean): boolean {
  return !tieBreak && integerBound(bound) <= weight;
}

/** Run HiGHS on the staircase form, at most `opts.mipMaxNodes` nodes (`timeLimitSeconds` is its safety net); always disposes the model. */
export function runStaircase(
  highs: Highs, inst: Om1Instance, gmvWeight: number, opts: Om1Options, timeLimitSeconds: number, start?: Int32Array,
  fix?: { readonly fixedOne: Uint8Array; readonly fixedZero: Uint8Array },
  pastDeadline?: () => boolean,
): { levels: Int32Array | undefined; info: NonNullable<Om1Result['mip']> } {
  const built = staircaseModel(highs, inst, gmvWeight, fix);
  const m = highs.createModel(built.data);
  try {
    m.options.set({
      output_flag: false,
      time_limit: timeLimitSeconds,
      mip_max_nodes: opts.mipMaxNodes,
      mip_rel_gap: opts.gmvTieBreak ? Math.min(opts.relativeGap, 1e-9) : opts.relativeGap,
    });
    if (start) m.setSolution({ colValue: staircaseStart(inst, start, gmvWeight) });
    // HiGHS's own time limit can overrun by minutes under load (seen: 128 s for 5 s);
    // with a clock, interrupt it from its simplex and MIP checkpoints as well.
    const stop = (ev: { interrupt(): void }): undefined => { if (pastDeadline?.()) ev.interrupt(); return undefined; };
    const cb = highs.constants.callbackType;
    const status = (pastDeadline ? m.run({ [cb.simplexInterrupt]: stop, [cb.mipInterrupt]: stop }) : m.run()).modelStatus;
    const hasPrimal = Number(m.info.get('primal_solution_status')) === 2;
    const sol = hasPrimal ? m.getSolution() : undefined;
    const rawBound = Number(m.info.get('mip_dual_bound'));
    return {
      levels: sol ? levelsFromStaircase(inst, sol.colValue) : undefined,
      info: {
        ...built.size,
        status,
        nodes: Number(m.info.get('mip_node_count')),
        seconds: m.getRunTime(),
        objective: hasPrimal ? m.getObjectiveValue() : 0,
        bound: Number.isFinite(rawBound) ? rawBound : Infinity,
      },
    };
  } finally {
    m.dispose();
  }
}

/** Column values of the staircase form for a level vector. */
function staircaseStart(inst: Om1Instance, levels: Int32Array, _g: number): Float64Array {
  const nThr = inst.thresholds.length;
  const x = new Float64Array(nThr + inst.nodeWeight.length);
  for (let i = 0; i < levels.length; i++) {
    for (let k = 1; k <= levels[i]; k++) x[inst.thrStart[i] + k - 1] = 1;
  }
  for (let n = 0; n < inst.nodeWeight.length; n++) x[nThr + n] = nodeSatisfied(inst, levels, n) ? 1 : 0;
  return x;
}
