/**
 * The strategy contract (MODEL §5): a strategy is a named definition with a
 * parameter schema and a `create` that returns a {@link Planner}: observable
 * context in, stock plan out. Oracles are flagged and may read realised
 * orders; they are reported as upper bounds, never as competitors.
 */
import type { z } from 'zod';
import type { DecisionContext, Planner, Sku } from '../sim/index.js';

export type { DecisionContext, Planner } from '../sim/index.js';

/** A registered strategy. */
export interface StrategyDefinition<P extends Record<string, unknown> = Record<string, unknown>> {
  readonly name: string;
  readonly description: string;
  readonly oracle: boolean;
  /** Parameters with their defaults; unknown keys are rejected. */
  readonly params: z.ZodType<P, Record<string, unknown> | undefined>;
  /** A fresh planner (it may keep state between days of one run). */
  create(params: P): Planner;
}

/** Category index per SKU and the number of categories, for forecasting. */
export function categoryIndex(skus: readonly Sku[]): { categoryOf: Int32Array; categoryCount: number } {
  const ids = new Map<string, number>();
  const categoryOf = new Int32Array(skus.length);
  skus.forEach((s, i) => {
    let c = ids.get(s.category);
    if (c === undefined) { c = ids.size; ids.set(s.category, c); }
    categoryOf[i] = c;
  });
  return { categoryOf, categoryCount: ids.size };
}

/** Memoise `categoryIndex` per catalogue (catalogues are immutable). */
export function categoryIndexCache(): (skus: readonly Sku[]) => { categoryOf: Int32Array; categoryCount: number } {
  let last: readonly Sku[] | undefined;
  let value: { categoryOf: Int32Array; categoryCount: number } | undefined;
  return (skus) => {
    if (skus !== last || !value) { last = skus; value = categoryIndex(skus); }
    return value;
  };
}

/** The PM0 input for a decision context. */
export function forecastInputOf(ctx: DecisionContext, cats: { categoryOf: Int32Array; categoryCount: number }) {
  return {
    history: ctx.history,
    site: ctx.site.id,
    day: ctx.day,
    categoryOf: cats.categoryOf,
    categoryCount: cats.categoryCount,
    weekdayOf: ctx.weekdayOf,
    promotions: ctx.promotions,
  };
}
