/**
 * One PM0 forecast per (world, site, day, options), shared by every strategy
 * that asks for it (pto-greedy, safety-stock, newsvendor run on the same world
 * one after another). A memo is keyed on the history's source (the world's
 * demand index), its catalogue and promotion calendar by identity, then on
 * site, day and options; it stops storing (and keeps serving) once it holds
 * `maxBytes` of forecasts. Forecasts handed out are shared: read-only.
 */
import type { DecisionContext } from '../sim/index.js';
import { forecastInputOf } from './contract.js';
import { defaultForecastOptions, forecastSales, type Forecast, type ForecastOptions } from './forecast.js';

/** A memo of forecasts. */
export interface ForecastMemo {
  /** The forecast of `ctx`'s site and day under `opts`, computed at most once per world. */
  forecast(ctx: DecisionContext, cats: { categoryOf: Int32Array; categoryCount: number }, opts: ForecastOptions): Forecast;
  /** What it did: hits, misses (computed), bytes held. */
  readonly stats: { hits: number; misses: number; bytes: number };
}

interface PerSource {
  readonly skus: object;
  readonly promotions: object;
  readonly entries: Map<string, Forecast>;
}

/** A memo holding at most `maxBytes` of forecasts (default 96 MiB). */
export function createForecastMemo(maxBytes = 96 * 2 ** 20): ForecastMemo {
  const bySource = new WeakMap<object, PerSource>();
  const stats = { hits: 0, misses: 0, bytes: 0 };
  return {
    stats,
    forecast(ctx, cats, opts) {
      const source = ctx.history.source;
      const compute = (): Forecast => { stats.misses++; return forecastSales(forecastInputOf(ctx, cats), opts); };
      if (!source) return compute();
      let per = bySource.get(source);
      if (!per) { per = { skus: ctx.skus, promotions: ctx.promotions, entries: new Map() }; bySource.set(source, per); }
      // Same demand but another catalogue or calendar (not seen in practice): no sharing.
      if (per.skus !== ctx.skus || per.promotions !== ctx.promotions) return compute();
      const key = `${ctx.site.id}|${ctx.day}|${opts.fitWindowDays}|${opts.residualWindowDays}|${opts.alphas.join(',')}`;
      const hit = per.entries.get(key);
      if (hit) { stats.hits++; return hit; }
      const f = compute();
      const size = f.mean.byteLength + f.residualMean.byteLength + f.residualStd.byteLength;
      if (stats.bytes + size <= maxBytes) { per.entries.set(key, f); stats.bytes += size; }
      return f;
    },
  };
}

/** PM0 for a decision: through `memo` when one is given, else computed. */
export function forecastFor(
  ctx: DecisionContext, cats: { categoryOf: Int32Array; categoryCount: number }, opts: ForecastOptions = defaultForecastOptions, memo?: ForecastMemo,
): Forecast {
  return memo ? memo.forecast(ctx, cats, opts) : forecastSales(forecastInputOf(ctx, cats), opts);
}
