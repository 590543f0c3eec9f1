/**
 * Stress-test figures (MODEL §4): per seed the full-order rate, waste,
 * refunds and recovery time after the shocks; per strategy the p5 / p50 /
 * p95 over seeds and the worst seed.
 */
import type { CellFigures } from './cell-figures.js';
import type { ShockSpan } from './risk-figures.js';

/** What one seed of one strategy did under stress. */
export interface StressSeed {
  readonly seed: number;
  readonly fullOrderRate: number;
  /** Spoiled (and pre-sale written-off) units per evaluation day, all levels. */
  readonly wasteUnits: number;
  /** Refunded lines (defects within the window + pre-sale shortfalls) per line ordered. */
  readonly refundRate: number;
  /** Full-order rate over the evaluation days before the first shock (null without such days or shocks). */
  readonly preShockRate: number | null;
  /** Mean daily full-order rate from the first shock's start to the last shock's end (null without shocks). */
  readonly shockRate: number | null;
  /** Days after the shocks end until the rate is back within the tolerance (null: no shock or no pre-shock days). */
  readonly recoveryDays: number | null;
  /** False when the rate never came back within the evaluation days (recoveryDays is then the days left). */
  readonly recovered: boolean;
  /** Full-order rate of each evaluation day. */
  readonly daily: readonly number[];
  /** The same episode measured on the locked-down fronts alone (absent without a lockdown in the window). */
  readonly lockedDown?: EpisodeFigures;
}

/** A shock episode on one daily series. */
export interface EpisodeFigures {
  readonly preShockRate: number | null;
  readonly shockRate: number | null;
  readonly recoveryDays: number | null;
  readonly recovered: boolean;
}

/** Options of the recovery measure. */
export interface RecoveryOptions {
  /** Back within this many rate points of the pre-shock level (default 0.02 = 2 pp). */
  readonly tolerance: number;
  /** Days in the trailing mean compared with the pre-shock level (default 3, damping day-to-day noise). */
  readonly smoothingDays: number;
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

/**
 * Recovery after the shock episode [first shock start, last shock end]
 * (shocks starting in the evaluation window): days after its end until the
 * trailing mean of the daily rate is within `tolerance` of the mean before
 * it (0 = already on the first day after).
 */
export function recoveryOf(daily: readonly number[], shockFrom: number, shockTo: number, opts: RecoveryOptions): { pre: number | null; days: number | null; recovered: boolean } {
  if (shockFrom <= 0) return { pre: null, days: null, recovered: false };
  const pre = daily.slice(0, shockFrom).reduce((a, b) => a + b, 0) / shockFrom;
  for (let t = shockTo + 1; t < daily.length; t++) {
    const from = Math.max(shockTo + 1, t - opts.smoothingDays + 1);
    const window = daily.slice(from, t + 1);
    const avg = window.reduce((a, b) => a + b, 0) / window.length;
    if (Math.abs(avg - pre) <= opts.tolerance + 1e-12) return { pre, days: t - shockTo - 1, recovered: true };
  }
  return { pre, days: Math.max(0, daily.length - shockTo - 1), recovered: false };
}

/**
 * The stress figures of one cell from its stored record (what the runner
 * keeps). Throws if the record predates the line-refund counts.
 */
export function stressSeedOfFigures(f: CellFigures, seed: number, evaluationStart: number, opts: RecoveryOptions = { tolerance: 0.02, smoothingDays: 3 }): StressSeed {
  if (!f.lineRefunds || !f.risk) {
    throw new Error(`the record of seed ${seed} has no ${f.lineRefunds ? 'risk figures' : 'line-refund counts'} (written by an older freshsim); expected a record with them: rerun into a fresh directory`);
  }
  return stressSeedFrom(seed, {
    fullOrderRate: f.run.fullOrderRate,
    wasteUnits: f.run.wasteUnits,
    refundRate: ratio(f.lineRefunds.refundedLines, f.lineRefunds.lines),
    daily: f.perDay.map((d) => d.full),
    lockedDownDaily: f.risk.lockedDown?.daily,
  }, f.risk.shocks, evaluationStart, opts);
}

/** A seed's whole-window figures and daily rates (evaluation days), before the shock episode is measured. */
export interface SeedBase {
  readonly fullOrderRate: number;
  readonly wasteUnits: number;
  readonly refundRate: number;
  readonly daily: readonly number[];
  /** Daily rate of the locked-down fronts, when a lockdown overlaps the window. */
  readonly lockedDownDaily?: readonly number[];
}

/** A seed's stress figures: drop, shock-window rate and recovery from its daily rates and the shocks starting in the evaluation window. */
export function stressSeedFrom(
  seed: number,
  base: SeedBase,
  shocks: readonly Pick<ShockSpan, 'firstDay' | 'lastDay'>[],
  evaluationStart: number,
  opts: RecoveryOptions,
): StressSeed {
  const { daily, lockedDownDaily } = base;
  const end = evaluationStart + daily.length - 1;
  const inWindow = shocks.filter((s) => s.firstDay >= evaluationStart && s.firstDay <= end);
  const window = inWindow.length === 0 ? undefined : {
    from: Math.min(...inWindow.map((s) => s.firstDay)) - evaluationStart,
    to: Math.min(end, Math.max(...inWindow.map((s) => s.lastDay))) - evaluationStart,
  };
  const all = episodeOf(daily, window, opts);
  return {
    seed,
    fullOrderRate: base.fullOrderRate,
    wasteUnits: base.wasteUnits,
    refundRate: base.refundRate,
    ...all,
    daily: [...daily],
    ...(lockedDownDaily ? { lockedDown: episodeOf(lockedDownDaily, window, opts) } : {}),
  };
}

/** The episode [window.from, window.to] (evaluation-day indices) on one daily series. */
function episodeOf(daily: readonly number[], window: { from: number; to: number } | undefined, opts: RecoveryOptions): EpisodeFigures {
  if (!window) return { preShockRate: null, shockRate: null, recoveryDays: null, recovered: false };
  const { from, to } = window;
  const rec = recoveryOf(daily, from, to, opts);
  return {
    preShockRate: rec.pre,
    shockRate: daily.slice(from, to + 1).reduce((a, b) => a + b, 0) / (to - from + 1),
    recoveryDays: rec.days,
    recovered: rec.recovered,
  };
}

/** The p-quantile (0 ≤ p ≤ 1) by linear interpolation between order statistics (NaN when empty). */
export function quantile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)]) - s[lo]);
}

/** p5 / p50 / p95 of a metric over seeds. */
export interface Spread {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly n: number;
}

/** One strategy's stress summary. */
export interface StressRow {
  readonly strategy: string;
  readonly fullOrderRate: Spread;
  readonly wasteUnits: Spread;
  readonly refundRate: Spread;
  /** Pre-shock rate minus the rate during the shocks, over seeds with both (rate points). */
  readonly shockDrop: Spread;
  /** Over the seeds that recovered within the evaluation days (a shock and pre-shock days needed). */
  readonly recoveryDays: Spread;
  /** Seeds with a measurable shock whose rate had not recovered by the last evaluation day. */
  readonly unrecovered: number;
  /** The seed with the lowest full-order rate. */
  readonly worstSeed: { readonly seed: number; readonly fullOrderRate: number };
  /** Drop and recovery on the locked-down fronts alone, over the seeds with a lockdown in the window (absent if none has). */
  readonly lockedDown?: { readonly shockDrop: Spread; readonly recoveryDays: Spread; readonly unrecovered: number };
}

const spread = (xs: readonly number[]): Spread => ({ p5: quantile(xs, 0.05), p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), n: xs.length });

/** Drop and recovery quantiles over episodes (seeds); unrecovered ones counted apart. */
function episodeSummary(eps: readonly EpisodeFigures[]): { shockDrop: Spread; recoveryDays: Spread; unrecovered: number } {
  const rec = eps.filter((s) => s.recoveryDays !== null);
  return {
    shockDrop: spread(eps.filter((s) => s.preShockRate !== null && s.shockRate !== null).map((s) => s.preShockRate! - s.shockRate!)),
    recoveryDays: spread(rec.filter((s) => s.recovered).map((s) => s.recoveryDays!)),
    unrecovered: rec.filter((s) => !s.recovered).length,
  };
}

/** Summarise each strategy's seeds. */
export function stressSummary(strategy: string, seeds: readonly StressSeed[]): StressRow {
  if (seeds.length === 0) throw new RangeError(`stress summary of '${strategy}': no seeds`);
  const worst = seeds.reduce((w, s) => (s.fullOrderRate < w.fullOrderRate ? s : w));
  const locked = seeds.flatMap((s) => (s.lockedDown ? [s.lockedDown] : []));
  return {
    strategy,
    fullOrderRate: spread(seeds.map((s) => s.fullOrderRate)),
    wasteUnits: spread(seeds.map((s) => s.wasteUnits)),
    refundRate: spread(seeds.map((s) => s.refundRate)),
    ...episodeSummary(seeds),
    worstSeed: { seed: worst.seed, fullOrderRate: worst.fullOrderRate },
    ...(locked.length > 0 ? { lockedDown: episodeSummary(locked) } : {}),
  };
}
