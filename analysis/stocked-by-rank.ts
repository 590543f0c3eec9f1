/**
 * Which SKUs a strategy stocks, by popularity rank: the data of the report's
 * "stocked SKUs by popularity rank" chart (the paper's Figure 8 idea — which
 * low sellers each strategy carries).
 *
 * A recorder wraps a planner: at each evaluation-day decision it notes which
 * SKUs the plan stocks, bucketed by the SKU's sales rank at the site (total
 * demand over the history days, rank 1 = best seller, ties by SKU index). It
 * reads only what the strategy itself may see, and never changes a plan.
 * `stockedByRankSummary` turns the per-replication figures into the optional
 * `strategies[name].stockedByRank` field of results.json that the report reads.
 */
import type { DecisionContext, Planner } from '../sim/index.js';
import { mean } from './stats.js';

/** Per replication: stocked counts per rank bucket, over all recorded decisions. */
export interface StockedByRankFigures {
  readonly rankFrom: readonly number[];
  readonly rankTo: readonly number[];
  /** Stocked SKUs per bucket, summed over decisions. */
  readonly stocked: readonly number[];
  /** Decisions (site × day) recorded. */
  readonly decisions: number;
}

/** The results.json field (see reports/extensions.ts `StockedByRank`). */
export interface StockedByRankSummary {
  readonly rankFrom: readonly number[];
  readonly rankTo: readonly number[];
  /** Share of the bucket's SKUs stocked: mean over sites and days, then over replications. */
  readonly share: readonly number[];
}

/** Sales rank (0-based) of every SKU at `site`, from demand over [firstDay, endDay). */
function salesRanks(ctx: DecisionContext, endDay: number): Int32Array {
  const n = ctx.skus.length;
  const total = new Float64Array(n);
  for (let d = ctx.history.firstDay; d < endDay; d++) {
    const q = ctx.history.demand(ctx.site.id, d);
    for (let i = 0; i < n; i++) total[i] += q[i];
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => total[b] - total[a] || a - b);
  const rank = new Int32Array(n);
  order.forEach((sku, r) => { rank[sku] = r; });
  return rank;
}

/**
 * A recorder of the SKUs stocked by rank bucket of `bucketSkus` ranks, for
 * decisions on days ≥ `evaluationStart`; ranks use the demand of the days
 * before `evaluationStart`.
 */
export function stockedByRankRecorder(evaluationStart: number, bucketSkus = 50) {
  if (!(Number.isInteger(bucketSkus) && bucketSkus >= 1)) throw new RangeError(`bucketSkus ${bucketSkus}: expected a whole number ≥ 1`);
  const ranks = new Map<number, Int32Array>();
  let stocked: number[] = [];
  let nSku = 0;
  let decisions = 0;
  const record = (ctx: DecisionContext, plan: Float64Array): void => {
    if (ctx.day < evaluationStart) return;
    let rank = ranks.get(ctx.site.id);
    if (!rank) {
      rank = salesRanks(ctx, Math.min(evaluationStart, ctx.history.endDay));
      ranks.set(ctx.site.id, rank);
      nSku = rank.length;
      if (stocked.length === 0) stocked = new Array<number>(Math.ceil(nSku / bucketSkus)).fill(0);
    }
    for (let i = 0; i < plan.length; i++) if (plan[i] > 0) stocked[Math.floor(rank[i] / bucketSkus)]++;
    decisions++;
  };
  return {
    /** The same planner, recording what each evaluation-day plan stocks. */
    wrap(planner: Planner): Planner {
      return {
        name: planner.name,
        oracle: planner.oracle,
        decide(ctx) {
          const plan = planner.decide(ctx);
          record(ctx, plan);
          return plan;
        },
      };
    },
    /** What was recorded so far. */
    figures(): StockedByRankFigures {
      const rankFrom = stocked.map((_, b) => b * bucketSkus + 1);
      return { rankFrom, rankTo: rankFrom.map((r) => Math.min(r + bucketSkus - 1, nSku)), stocked: [...stocked], decisions };
    },
  };
}

/** Shares per bucket averaged over replications (all with the same buckets). */
export function stockedByRankSummary(perReplication: readonly StockedByRankFigures[]): StockedByRankSummary | undefined {
  const used = perReplication.filter((f) => f.decisions > 0);
  if (used.length === 0) return undefined;
  const { rankFrom, rankTo } = used[0];
  for (const f of used) {
    if (f.rankFrom.length !== rankFrom.length) throw new RangeError('stockedByRankSummary: replications with different rank buckets');
  }
  const share = rankFrom.map((from, b) => mean(used.map((f) => f.stocked[b] / ((rankTo[b] - from + 1) * f.decisions))));
  return { rankFrom, rankTo, share };
}
