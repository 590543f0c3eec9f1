/**
 * OTPTO beyond the paper's literal OM2 (issue 14), each part switchable so the
 * paper's version stays runnable and an ablation can price each change:
 * - *quantile sizing*: PM2 regresses the hindsight-optimal stock, i.e. the
 *   day's realised demand, so it predicts a mean; the stock is instead PM2's
 *   estimate times a quantile of the ratio (hindsight stock / PM2 estimate)
 *   on held-out training days — a residual-based buffer that scales with the SKU;
 * - *capacity fill*: where the plan leaves C unused, raise that quantile for
 *   every kept SKU alike (bisection) until the plan fills C, so spare units go
 *   where the held-out errors say stock runs out;
 * - *known orders* (pre-sale mode): a SKU already ordered for tomorrow is
 *   ranked first and stocked at its known quantity plus the unknown share of
 *   its estimate;
 * - *Table 4 regularisation*: see {@link table4Regularisation}.
 */
import type { PlanConstraints, Sku, StockPlan } from '../../sim/index.js';
import type { GbdtParams } from '../gbdt/index.js';
import { om2Plan, type Om2Options } from './om2.js';

/**
 * PM1/PM2 regularisation. 'paper': the paper's Table 4 as MODEL §7 gives it,
 * "learning rate 0.05 / 0.1, L1/L2 0 / 0.1" read per model (PM1 / PM2), like
 * the learning rate: PM1 unregularised, PM2 with lambda_l1 = 0.1.
 * 'legacy': what freshsim used before (both models lambda_l1 = 0,
 * lambda_l2 = 0.1), kept to reproduce earlier results.
 */
export function table4Regularisation(table4: 'paper' | 'legacy'): { pm1: Partial<GbdtParams>; pm2: Partial<GbdtParams> } {
  return table4 === 'paper'
    ? { pm1: { lambdaL1: 0, lambdaL2: 0 }, pm2: { lambdaL1: 0.1, lambdaL2: 0 } }
    : { pm1: { lambdaL1: 0, lambdaL2: 0.1 }, pm2: { lambdaL1: 0, lambdaL2: 0.1 } };
}

/** Sorted ratios actual / predicted over rows with a positive prediction (the held-out error distribution). */
export function errorRatios(actual: ArrayLike<number>, predicted: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let r = 0; r < actual.length; r++) if (predicted[r] > 1e-9 && Number.isFinite(actual[r])) out.push(actual[r] / predicted[r]);
  return Float64Array.from(out).sort();
}

/** The q-quantile of sorted ratios (linear interpolation), 1 when there are none. */
export function ratioQuantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 1;
  const pos = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** How OTPTO sizes its plan. */
export interface SizingOptions extends Om2Options {
  /** Quantile of the held-out ratio applied to PM2's estimate; undefined = PM2's estimate as is (the paper). */
  readonly quantile?: number;
  /** Raise the quantile until the plan fills C. */
  readonly fill: boolean;
  /** Pre-sale: known quantity per SKU and the share of tomorrow's units already known. */
  readonly known?: { readonly qty: Float64Array; readonly share: number };
}

/** PM1 scores and PM2 estimates → a plan meeting K, C and L, sized as `opts` says. */
export function sizedPlan(
  scores: Float64Array, estimate: Float64Array, ratios: Float64Array, skus: readonly Sku[], c: PlanConstraints, opts: SizingOptions,
): StockPlan {
  const known = opts.known;
  const s = known ? Float64Array.from(scores, (v, i) => (known.qty[i] > 0 ? 2 + known.qty[i] : v)) : scores;
  const qtyAt = (q: number | undefined): Float64Array => {
    const f = q === undefined ? 1 : ratioQuantile(ratios, q);
    return Float64Array.from(estimate, (e, i) => (known ? known.qty[i] + (1 - known.share) * e * f : e * f));
  };
  const planAt = (q: number | undefined): StockPlan => om2Plan(s, qtyAt(q), skus, c, opts);
  const total = (p: StockPlan): number => p.reduce((a, b) => a + b, 0);
  const base = planAt(opts.quantile);
  if (!opts.fill || total(base) >= c.C - 1e-6 || ratios.length === 0) return base;
  // Fill: the highest quantile whose wanted quantities still fit C (the plan at q ≥ that one is scaled down by OM2).
  let lo = opts.quantile ?? 0.5, hi = 1;
  let best = base;
  for (let it = 0; it < 30; it++) {
    const mid = (lo + hi) / 2;
    const p = planAt(mid);
    if (total(p) <= c.C + 1e-6 && !scaledDown(p, qtyAt(mid), c)) { lo = mid; best = p; } else hi = mid;
  }
  return best;
}

/** Did OM2 scale `plan` below the wanted quantities (i.e. was the wish over C)? */
function scaledDown(plan: StockPlan, want: Float64Array, c: PlanConstraints): boolean {
  for (let i = 0; i < plan.length; i++) if (plan[i] > 0 && plan[i] + 1e-6 < Math.max(c.L, want[i])) return true;
  return false;
}
