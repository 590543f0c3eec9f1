/**
 * Options and result of an OM1 solve, and their plain-JSON form (for the
 * cache and `freshsim om1 --json`).
 */
import type { PresolveStats } from './instance.js';

/** How to solve OM1. */
export interface Om1Options {
  /**
   * Safety net only, wall-clock seconds: a solve still running after this long
   * fails with {@link Om1SafetyNetError} instead of returning a plan that would
   * depend on machine load. The work limits below decide where a solve stops.
   */
  readonly timeLimitSeconds: number;
  /** HiGHS branch-and-bound nodes (its `mip_max_nodes`): the MIP stage's work limit. */
  readonly mipMaxNodes: number;
  /** Stop once (bound − best) / bound ≤ this. */
  readonly relativeGap: number;
  /** Add the paper's GMV tie-break (ε · GMV, ε small enough never to trade a whole order). */
  readonly gmvTieBreak: boolean;
  /** Give HiGHS the heuristic plan as a start. */
  readonly mipStart: boolean;
  /** Max-flows the Lagrangian may use (work bound, deterministic). */
  readonly maxFlows: number;
  /** Refill trials of the local search (work bound, deterministic). */
  readonly localSearchTrials: number;
}

/** Defaults: 2,000 MIP nodes, a 300 s safety net, gap 1e-4 (below one order in 10,000), no tie-break, no MIP start. */
export const defaultOm1Options: Om1Options = {
  timeLimitSeconds: 300, mipMaxNodes: 2000, relativeGap: 1e-4, gmvTieBreak: false, mipStart: false, maxFlows: 200, localSearchTrials: 1500,
};

/** Outcome: proven within the gap, stopped by a work limit (best plan + proven gap), or no plan exists. */
export type Om1Status = 'optimal' | 'work-limit' | 'infeasible';

/** A solve ran past its wall-clock safety net before its work limits stopped it (the cell fails rather than report a load-dependent plan). */
export class Om1SafetyNetError extends Error {
  constructor(orders: number, limitSeconds: number, mipMaxNodes: number) {
    super(`OM1 on ${orders} orders ran past its ${limitSeconds} s wall-clock safety net before its work limit (mipMaxNodes ${mipMaxNodes}); `
      + 'a plan cut short by the clock would depend on machine load, so none is returned: raise timeLimitSeconds or lower mipMaxNodes');
    this.name = 'Om1SafetyNetError';
  }
}

/** Where the best plan or the bound came from. */
export type Om1Source = 'presolve' | 'heuristic' | 'lagrangian' | 'mip';

/** Result of one OM1 solve. */
export interface Om1Result {
  readonly status: Om1Status;
  /** Orders of the day. */
  readonly orders: number;
  /** Orders fully fulfilled under OM1's stock model by `plan`. */
  readonly fulfilledOrders: number;
  /** fulfilledOrders / orders (0 with no orders). */
  readonly rate: number;
  readonly fulfilledGmv: number;
  /** Proven upper bound on the number of orders any plan can fulfil. */
  readonly bound: number;
  /** (bound − fulfilledOrders) / bound, 0 when the bound is 0: the plan is within this of optimal. */
  readonly gap: number;
  /** Stock x per catalogue SKU (0 = not stocked; y_i = x_i > 0). */
  readonly plan: Float64Array;
  /** Indices (into the day's orders) of the orders fully fulfilled under OM1. */
  readonly fulfilled: Int32Array;
  readonly planSource: Om1Source;
  readonly boundSource: Om1Source;
  /** Wall time of the solve, seconds (0 when no clock was given). */
  readonly seconds: number;
  readonly presolve: PresolveStats;
  /** The staircase MIP handed to HiGHS, if it ran. */
  readonly mip: {
    readonly rows: number; readonly cols: number; readonly nonzeros: number;
    readonly status: number; readonly nodes: number; readonly seconds: number;
    readonly objective: number; readonly bound: number;
  } | null;
}

/** Relative gap of a count against its bound. */
export function relativeGap(value: number, bound: number): number {
  return bound <= 0 ? 0 : Math.max(0, (bound - value) / bound);
}

/** JSON-safe form of a result (typed arrays as number arrays). */
export function resultToJson(r: Om1Result): Record<string, unknown> {
  return { ...r, plan: Array.from(r.plan), fulfilled: Array.from(r.fulfilled) };
}

/** Rebuild a result from {@link resultToJson}'s form; throws a TypeError naming the first bad field. */
export function resultFromJson(v: unknown): Om1Result {
  const o = v as Record<string, unknown>;
  if (typeof o !== 'object' || o === null) throw new TypeError('expected an object');
  for (const k of ['orders', 'fulfilledOrders', 'rate', 'fulfilledGmv', 'bound', 'gap', 'seconds']) {
    if (typeof o[k] !== 'number' || !Number.isFinite(o[k] as number)) throw new TypeError(`field '${k}': expected a finite number`);
  }
  if (!['optimal', 'work-limit', 'infeasible'].includes(o.status as string)) throw new TypeError(`field 'status': expected optimal, work-limit or infeasible`);
  const nums = (k: string): number[] => {
    const a = o[k];
    if (!Array.isArray(a) || a.some((x) => typeof x !== 'number' || !Number.isFinite(x))) throw new TypeError(`field '${k}': expected an array of numbers`);
    return a as number[];
  };
  const plan = Float64Array.from(nums('plan'));
  const fulfilled = Int32Array.from(nums('fulfilled'));
  if (fulfilled.length !== o.fulfilledOrders) throw new TypeError(`field 'fulfilled': ${fulfilled.length} orders listed, expected fulfilledOrders = ${o.fulfilledOrders}`);
  if (typeof o.presolve !== 'object' || o.presolve === null) throw new TypeError(`field 'presolve': expected an object`);
  return { ...(o as unknown as Om1Result), plan, fulfilled };
}
