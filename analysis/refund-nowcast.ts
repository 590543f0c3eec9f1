/**
 * Refund rates under reporting latency (MODEL §2.6, §6): the rate of each
 * fulfilment day as observed on every later day, its true value once the
 * window has closed, and a nowcast of the still-open days from completion
 * factors of past days' reporting curves (chain-ladder), per region and
 * category, with its error against the truth.
 */
import type { RefundCell } from '../sim/index.js';

/** How the nowcast estimates the refunds still to be filed. */
export interface NowcastOptions {
  readonly windowDays: number;
  /** Closed days (window over) the completion factors are estimated from. */
  readonly trainingDays: number;
  /** A region × category with fewer refunds than this in training uses the pooled factors. */
  readonly minRefunds: number;
  /**
   * `chain-ladder`: observed / share reported by this lag. `bornhuetter-ferguson`:
   * observed + share still to come × the training rate × lines (steadier on thin cells).
   */
  readonly method: 'chain-ladder' | 'bornhuetter-ferguson';
}

/** Defaults: 28 training days, 30 refunds per cell, Bornhuetter–Ferguson. */
export function nowcastOptions(windowDays: number, over: Partial<Omit<NowcastOptions, 'windowDays'>> = {}): NowcastOptions {
  return { windowDays, trainingDays: 28, minRefunds: 30, method: 'bornhuetter-ferguson', ...over };
}

/** Refunds of `cell` filed by the end of day `asOf`. */
export function observedRefunds(cell: RefundCell, asOf: number): number {
  let n = 0;
  const last = Math.min(asOf - cell.day, cell.refundsByLag.length - 1);
  for (let k = 0; k <= last; k++) n += cell.refundsByLag[k];
  return n;
}

const totalRefunds = (cell: RefundCell): number => observedRefunds(cell, Infinity);

/** One fulfilment day's refund rate: true, and as observed k = 0 … window days later. */
export interface RefundCurve {
  readonly day: number;
  readonly lines: number;
  readonly trueRate: number;
  /** Cumulative observed rate after k days (the last equals the true rate). */
  readonly observedByLag: readonly number[];
}

/** Refund curves of `days` over the cells that pass `keep` (default all), pooled. */
export function refundCurves(cells: readonly RefundCell[], windowDays: number, days: readonly number[], keep: (c: RefundCell) => boolean = () => true): RefundCurve[] {
  return days.map((day) => {
    const mine = cells.filter((c) => c.day === day && keep(c));
    const lines = mine.reduce((a, c) => a + c.lines, 0);
    const rate = (n: number): number => (lines > 0 ? n / lines : 0);
    return {
      day,
      lines,
      trueRate: rate(mine.reduce((a, c) => a + totalRefunds(c), 0)),
      observedByLag: Array.from({ length: windowDays + 1 }, (_, k) => rate(mine.reduce((a, c) => a + observedRefunds(c, day + k), 0))),
    };
  });
}

interface Factors {
  /** Share of a day's refunds filed by lag k. */
  readonly share: Float64Array;
  readonly refunds: number;
  readonly lines: number;
}

function factorsOf(cells: readonly RefundCell[], W: number): Factors {
  const cum = new Float64Array(W + 1);
  let lines = 0;
  for (const c of cells) {
    lines += c.lines;
    let acc = 0;
    for (let k = 0; k <= W; k++) { acc += c.refundsByLag[k] ?? 0; cum[k] += acc; }
  }
  const refunds = cum[W];
  const share = new Float64Array(W + 1);
  for (let k = 0; k <= W; k++) share[k] = refunds > 0 ? cum[k] / refunds : 0;
  return { share, refunds, lines };
}

/** A nowcast of one fulfilment day as of a later day. */
export interface Nowcast {
  readonly day: number;
  readonly asOf: number;
  readonly lines: number;
  /** Observed so far / lines: the naive estimate. */
  readonly observedRate: number;
  readonly nowcastRate: number;
}

/**
 * Nowcast the refund rate of each day in (asOf − window, asOf] from what is
 * observable at the end of `asOf`: completion factors per region × category
 * from the closed days of the training window (pooled when a cell is thin).
 * Returns [] when no closed day is available for training.
 */
export function nowcastRefundRates(cells: readonly RefundCell[], asOf: number, opts: NowcastOptions): Nowcast[] {
  const W = opts.windowDays;
  const lastClosed = asOf - W;
  const training = cells.filter((c) => c.day <= lastClosed && c.day > lastClosed - opts.trainingDays);
  if (training.length === 0) return [];
  const pooled = factorsOf(training, W);
  const groupKey = (c: RefundCell): string => `${c.region}|${c.category}`;
  const byGroup = new Map<string, RefundCell[]>();
  for (const c of training) {
    const list = byGroup.get(groupKey(c)) ?? [];
    list.push(c);
    byGroup.set(groupKey(c), list);
  }
  const groupFactors = new Map<string, Factors>();
  for (const [k, list] of byGroup) groupFactors.set(k, factorsOf(list, W));
  const out: Nowcast[] = [];
  for (let day = asOf - W + 1; day <= asOf; day++) {
    const lag = asOf - day;
    let lines = 0, observed = 0, estimate = 0;
    for (const c of cells) {
      if (c.day !== day) continue;
      const obs = observedRefunds(c, asOf);
      const g = groupFactors.get(groupKey(c));
      const f = g && g.refunds >= opts.minRefunds ? g : pooled;
      const prior = g && g.lines > 0 ? g.refunds / g.lines : pooled.lines > 0 ? pooled.refunds / pooled.lines : 0;
      const share = f.share[lag];
      lines += c.lines;
      observed += obs;
      if (opts.method === 'chain-ladder' && share > 0) estimate += obs / share;
      else estimate += obs + (1 - share) * prior * c.lines;
    }
    if (lines > 0) out.push({ day, asOf, lines, observedRate: observed / lines, nowcastRate: estimate / lines });
  }
  return out;
}

/** Errors of the nowcast and of the naive observed-so-far rate against the truth. */
export interface NowcastError {
  /** Nowcasts scored (one per as-of day and lag). */
  readonly n: number;
  readonly maeNowcast: number;
  readonly maeNaive: number;
  /** Mean signed error (nowcast − truth). */
  readonly biasNowcast: number;
  readonly biasNaive: number;
}

/**
 * Score nowcasts made at the end of every day in [fromDay, toDay] for the
 * last `lastDays` fulfilment days (lags 0 … lastDays − 1) against each
 * day's true rate. Days with no lines are skipped.
 */
export function nowcastError(cells: readonly RefundCell[], opts: NowcastOptions, fromDay: number, toDay: number, lastDays = 3): NowcastError {
  let n = 0, aeNow = 0, aeNaive = 0, bNow = 0, bNaive = 0;
  const truth = new Map<number, number>();
  const lines = new Map<number, number>();
  for (const c of cells) {
    truth.set(c.day, (truth.get(c.day) ?? 0) + totalRefunds(c));
    lines.set(c.day, (lines.get(c.day) ?? 0) + c.lines);
  }
  for (let asOf = fromDay; asOf <= toDay; asOf++) {
    for (const x of nowcastRefundRates(cells, asOf, opts)) {
      if (asOf - x.day >= lastDays) continue;
      const t = truth.get(x.day)! / lines.get(x.day)!;
      n++;
      aeNow += Math.abs(x.nowcastRate - t);
      aeNaive += Math.abs(x.observedRate - t);
      bNow += x.nowcastRate - t;
      bNaive += x.observedRate - t;
    }
  }
  const avg = (v: number): number => (n > 0 ? v / n : 0);
  return { n, maeNowcast: avg(aeNow), maeNaive: avg(aeNaive), biasNowcast: avg(bNow), biasNaive: avg(bNaive) };
}
