/**
 * The OM1 result cache, as an interface: strategies/ stays free of file I/O,
 * cli/ implements it on disk. Entries are content-addressed by a canonical
 * key text (the day's orders, K, C, L, the objective options, the solver
 * version); an implementation hashes it.
 */
import type { Order, PlanConstraints } from '../../sim/index.js';
import type { Om1Options, Om1Result } from './result.js';

/** A store of OM1 results; `get` returns undefined for a miss or an entry it cannot trust. */
export interface Om1Cache {
  get(key: string): Om1Result | undefined;
  set(key: string, result: Om1Result): void;
}

/** Bump when the solver pipeline changes what it returns for the same input. */
export const OM1_ALGORITHM_VERSION = 'om1-7';

/**
 * The canonical key text of an OM1 solve. It holds the work limits (which
 * decide the plan) and not the wall-clock safety net (which can only fail a
 * solve, never change its plan).
 */
export function om1CacheKey(
  orders: readonly Order[], constraints: PlanConstraints, skuCount: number, options: Om1Options, solverVersion: string,
): string {
  const o = orders.map((x) => [x.gmv, x.lines.map((l) => [l.sku, l.qty])]);
  return JSON.stringify({
    algorithm: OM1_ALGORITHM_VERSION,
    solver: solverVersion,
    constraints: { K: constraints.K, C: constraints.C, L: constraints.L },
    skuCount,
    options: {
      mipMaxNodes: options.mipMaxNodes, relativeGap: options.relativeGap, gmvTieBreak: options.gmvTieBreak,
      mipStart: options.mipStart, maxFlows: options.maxFlows, localSearchTrials: options.localSearchTrials,
    },
    orders: o,
  });
}

/**
 * Does `r` hold together for these orders? Its plan meets K, C, L, has the
 * catalogue's length, and fulfils exactly the orders it lists under OM1's
 * stock model. A cached entry that fails this is not trusted.
 */
export function consistentResult(r: Om1Result, orders: readonly Order[], constraints: PlanConstraints, skuCount: number): boolean {
  if (r.plan.length !== skuCount || r.orders !== orders.length) return false;
  let types = 0, units = 0;
  for (const q of r.plan) {
    if (!(q >= 0) || !Number.isFinite(q)) return false;
    if (q === 0) continue;
    if (q < constraints.L - 1e-6) return false;
    types++; units += q;
  }
  if (types > constraints.K || units > constraints.C + 1e-6) return false;
  const listed = new Set(r.fulfilled);
  if (listed.size !== r.fulfilled.length || r.fulfilledOrders !== listed.size) return false;
  const cum = new Map<number, number>();
  for (let j = 0; j < orders.length; j++) {
    let whole = true;
    const mine = new Map<number, number>();
    for (const l of orders[j].lines) mine.set(l.sku, (mine.get(l.sku) ?? 0) + l.qty);
    for (const [sku, q] of mine) {
      const s = Math.round(((cum.get(sku) ?? 0) + q) * 1e6) / 1e6;
      cum.set(sku, s);
      if (r.plan[sku] < Math.max(constraints.L, s) - 1e-6) whole = false;
    }
    if (whole !== listed.has(j)) return false;
  }
  return r.bound >= r.fulfilledOrders && r.gap >= 0 && r.gap <= 1;
}
