/**
 * The strategy contract (MODEL §5): a strategy is a named definition with a
 * parameter schema and a `create` that returns a {@link Planner}: observable
 * context in, stock plan out. Oracles are flagged and may read realised
 * orders; they are reported as upper bounds, never as competitors.
 */
import type { z } from 'zod';
import type { Highs } from 'highs';
import type { DecisionContext, Planner, Sku } from '../sim/index.js';
import type { ForecastMemo } from './forecast-memo.js';
import type { Om1Cache } from './om1/cache.js';
import type { Om1Status } from './om1/result.js';

export type { DecisionContext, Planner } from '../sim/index.js';

/**
 * What the process provides to strategies that need more than their context:
 * the loaded HiGHS solver (its loader is async and reads a .wasm file, so cli/
 * loads it once and passes it in; solves are synchronous), an OM1 result
 * cache (cli/ implements it on disk), a ms clock, and a sink for per-decision
 * diagnostics (e.g. `opt`'s status and gap).
 */
export interface StrategyServices {
  readonly highs?: Highs;
  readonly om1Cache?: Om1Cache;
  /** Wall clock in ms (strategies/ never reads it itself). */
  readonly clock?: () => number;
  readonly onDecision?: (d: DecisionDiagnostic) => void;
  /** Forecasts shared between the strategies run on one world (see forecast-memo.ts). */
  readonly forecastMemo?: ForecastMemo;
}

/** One decision's solver outcome, for reports ("best known" with its gap where not proven). */
export interface DecisionDiagnostic {
  readonly strategy: string;
  readonly day: number;
  readonly date: string;
  readonly site: string;
  readonly status: Om1Status;
  /** Orders fully fulfilled under OM1's stock model, and the proven upper bound. */
  readonly objective: number;
  readonly bound: number;
  readonly gap: number;
  readonly seconds: number;
  readonly cached: boolean;
}

/** A registered strategy. */
export interface StrategyDefinition<P extends Record<string, unknown> = Record<string, unknown>> {
  readonly name: string;
  readonly description: string;
  readonly oracle: boolean;
  /** Parameters with their defaults; unknown keys are rejected. */
  readonly params: z.ZodType<P, Record<string, unknown> | undefined>;
  /** Services `create` cannot do without (the CLI loads them before running). */
  readonly requires?: readonly ('highs')[];
  /** A fresh planner (it may keep state between days of one run). */
  create(params: P, services: StrategyServices): Planner;
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
