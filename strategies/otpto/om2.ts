/**
 * OM2 (MODEL §7): PM1 scores and PM2 quantities → a stock plan that meets K,
 * C and L whatever the scores are. Rank SKUs by PM1 score (NaN last), keep the
 * best up to K, give each max(L, PM2 estimate) rounded up to its unit, then
 * bring the total within C: trim the weakest (first those below
 * `minKeepScore`, then any while even L each cannot fit) and scale the rest's
 * stock above L down proportionally.
 */
import { roundDownToUnit, roundUpToUnit, type PlanConstraints, type Sku, type StockPlan } from '../../sim/index.js';

/** Options of OM2. */
export interface Om2Options {
  /** While over C, SKUs scoring below this are trimmed before any scaling. */
  readonly minKeepScore: number;
}

/** Default: trim SKUs PM1 thinks are more likely out than in (probability < 0.5) before scaling. */
export const defaultOm2Options: Om2Options = { minKeepScore: 0.5 };

const TOLERANCE = 1e-6;

/** A finite score, NaN and −∞ ranked last. */
function scoreOf(s: number): number {
  return Number.isNaN(s) ? -Infinity : s;
}

/** Build the plan; `scores` and `quantities` are per catalogue SKU (any numbers, NaN included). */
export function om2Plan(
  scores: ArrayLike<number>, quantities: ArrayLike<number>, skus: readonly Sku[], c: PlanConstraints, opts: Om2Options = defaultOm2Options,
): StockPlan {
  const n = skus.length;
  if (scores.length !== n || quantities.length !== n) {
    throw new Error(`OM2: got ${scores.length} scores and ${quantities.length} quantities; expected one of each per SKU (${n})`);
  }
  const plan = new Float64Array(n);
  const ranked = Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => scoreOf(scores[b]) - scoreOf(scores[a]) || a - b);
  // Ties (including −∞ − −∞ = NaN) fall back to the SKU id through `||`.
  const chosen = ranked.slice(0, Math.max(0, Math.floor(c.K)));
  const minQ = chosen.map((i) => roundUpToUnit(skus[i], Math.max(c.L, 1e-9)));
  const wantQ = chosen.map((i, k) => {
    const q = quantities[i];
    const capped = Number.isFinite(q) ? Math.min(q, c.C) : (q === Infinity ? c.C : 0);
    return Math.max(minQ[k], roundUpToUnit(skus[i], capped));
  });
  let keep = chosen.length;
  let sumMin = 0, sumWant = 0;
  for (let k = 0; k < keep; k++) { sumMin += minQ[k]; sumWant += wantQ[k]; }
  // Trim the weakest while over C: first those below minKeepScore, then while the minima alone do not fit.
  while (keep > 0 && sumWant > c.C + TOLERANCE && (scoreOf(scores[chosen[keep - 1]]) < opts.minKeepScore || sumMin > c.C + TOLERANCE)) {
    keep--;
    sumMin -= minQ[keep];
    sumWant -= wantQ[keep];
  }
  // Scale the stock above each minimum so that the total fits.
  const extra = sumWant - sumMin;
  const f = sumWant > c.C + TOLERANCE && extra > 0 ? Math.max(0, (c.C - sumMin) / extra) : 1;
  let total = 0;
  for (let k = 0; k < keep; k++) {
    const i = chosen[k];
    const q = f < 1 ? Math.max(minQ[k], roundDownToUnit(skus[i], minQ[k] + (wantQ[k] - minQ[k]) * f)) : wantQ[k];
    plan[i] = q;
    total += q;
  }
  // Rounding can leave a sliver over C (kg sums): drop the weakest until it fits.
  for (let k = keep - 1; k >= 0 && total > c.C + TOLERANCE; k--) { total -= plan[chosen[k]]; plan[chosen[k]] = 0; }
  return plan;
}
