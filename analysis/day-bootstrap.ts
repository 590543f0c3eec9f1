/**
 * Honest intervals when the orders are the same in every seed (a replayed
 * log): seeds then differ only in supplier noise, so a t-interval over seeds
 * is far too narrow. The uncertainty that matters is which days were
 * observed: a circular moving-block bootstrap over the evaluation days
 * (blocks keep weekday and carry-over effects together), on the full-order
 * rate Σ full orders / Σ orders pooled over seeds. Deterministic: the
 * resampled days come from a fixed named stream, the same for every strategy,
 * so differences are paired day by day.
 */
import { createStreams } from '../sim/index.js';
import type { DayFigures } from './cell-figures.js';

/** A percentile interval from the day-block bootstrap. */
export interface DayInterval {
  readonly method: 'day-block-bootstrap';
  readonly blockDays: number;
  readonly resamples: number;
  readonly ci95: readonly [number, number];
}

/** Resamples of the day bootstrap. */
export const DAY_BOOTSTRAP_RESAMPLES = 2000;
/** Seed of the bootstrap's stream (fixed: the same data give the same interval). */
const BOOTSTRAP_SEED = 20_201;

/** Block length for `days` days: ⌈days^(1/3)⌉ (at least 1). */
export function blockDaysFor(days: number): number {
  return Math.max(1, Math.ceil(Math.cbrt(days)));
}

/** Day indices of each resample (circular blocks), shared by every strategy of a summary. */
export function dayResamples(days: number, resamples = DAY_BOOTSTRAP_RESAMPLES): Int32Array[] {
  const block = blockDaysFor(days);
  const rng = createStreams(BOOTSTRAP_SEED, 0).stream(`bootstrap/days/${days}`);
  const out: Int32Array[] = [];
  for (let r = 0; r < resamples; r++) {
    const idx = new Int32Array(days);
    for (let k = 0; k < days;) {
      const start = rng.int(days);
      for (let j = 0; j < block && k < days; j++) idx[k++] = (start + j) % days;
    }
    out.push(idx);
  }
  return out;
}

/** Full-order rate of the days `idx` (with repeats), pooled over seeds: Σ full orders / Σ orders. */
function rateOf(perSeed: readonly (readonly DayFigures[])[], idx: Int32Array): number {
  let full = 0, orders = 0;
  for (const days of perSeed) for (const d of idx) { full += days[d].full * days[d].orders; orders += days[d].orders; }
  return orders > 0 ? full / orders : NaN;
}

function percentiles(xs: number[], blockDays: number): DayInterval {
  xs.sort((a, b) => a - b);
  const at = (p: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.floor(p * (xs.length - 1))))];
  return { method: 'day-block-bootstrap', blockDays, resamples: xs.length, ci95: [at(0.025), at(0.975)] };
}

/** The day-bootstrap interval of a strategy's full-order rate (per seed, its evaluation days). */
export function dayBootstrapRate(perSeed: readonly (readonly DayFigures[])[], resamples: readonly Int32Array[]): DayInterval {
  const days = perSeed[0]?.length ?? 0;
  return percentiles(resamples.map((idx) => rateOf(perSeed, idx)), blockDaysFor(days));
}

/** The day-bootstrap interval of the difference a − b, resampling the same days for both. */
export function dayBootstrapDifference(
  a: readonly (readonly DayFigures[])[], b: readonly (readonly DayFigures[])[], resamples: readonly Int32Array[],
): DayInterval {
  const days = a[0]?.length ?? 0;
  return percentiles(resamples.map((idx) => rateOf(a, idx) - rateOf(b, idx)), blockDaysFor(days));
}

/** Day intervals of every strategy and comparison of a summary (for a replay: orders fixed across seeds). */
export function replayDayIntervals(
  all: readonly { readonly name: string; readonly cells: readonly { readonly perDay: readonly DayFigures[] }[] }[],
  comparisons: readonly { readonly strategy: string; readonly baseline: string }[],
): { byStrategy: Record<string, DayInterval>; byComparison: DayInterval[] } {
  const perDay = new Map(all.map((s) => [s.name, s.cells.map((c) => c.perDay)]));
  const days = all[0]?.cells[0]?.perDay.length ?? 0;
  const resamples = dayResamples(days);
  const byStrategy: Record<string, DayInterval> = {};
  for (const [name, p] of perDay) byStrategy[name] = dayBootstrapRate(p, resamples);
  const byComparison = comparisons.map((c) => dayBootstrapDifference(perDay.get(c.strategy)!, perDay.get(c.baseline)!, resamples));
  return { byStrategy, byComparison };
}
