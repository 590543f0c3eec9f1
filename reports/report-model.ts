/**
 * What the report shows, computed from a results document: strategy order
 * and colours (one colour per strategy across every chart), the headline
 * (gap to OPT, share of PTO's gap closed, paired differences against a chosen
 * baseline) and the data the charts draw.
 */
import { pairedDifference, type Estimate, type Results } from '../analysis/index.js';
import { ReportInputError, readExtensions, type Extensions } from './extensions.js';

/** Tableau 10: distinguishable, print-safe; strategies take them in order. */
const PALETTE = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'];

/** One strategy as the report lists it. */
export interface StrategyView {
  readonly name: string;
  readonly colour: string;
  readonly oracle: boolean;
}

/** One headline row. */
export interface HeadlineRow extends StrategyView {
  readonly rate: Estimate;
  /** 1 − rate / rate(OPT), when an oracle ran. */
  readonly gapToOpt?: number;
  /** (rate − rate(PTO)) / (rate(OPT) − rate(PTO)), when both ran and this is neither. */
  readonly ptoGapClosed?: number;
  /** Paired difference against the baseline (absent for the baseline itself). */
  readonly vsBaseline?: Estimate;
}

/** The report's model of one results document. */
export interface ReportModel {
  readonly results: Results;
  readonly strategies: readonly StrategyView[];
  readonly baseline?: string;
  /** The oracle used for "gap to OPT" (`opt` if it ran, else the first oracle). */
  readonly opt?: string;
  /** The PTO reference (`pto-greedy`) when it ran. */
  readonly pto?: string;
  readonly headline: readonly HeadlineRow[];
  readonly extensions: Extensions;
}

/** Options that change what the report compares. */
export interface ModelOptions {
  /** Strategy the paired differences are against (default: the run's baseline, else the first non-oracle). */
  readonly baseline?: string;
}

function chooseBaseline(r: Results, names: string[], wanted?: string): string | undefined {
  if (wanted !== undefined) {
    if (!names.includes(wanted)) throw new ReportInputError(`baseline strategy '${wanted}' is not in the results (${names.join(', ')})`);
    return wanted;
  }
  const fromRun = r.comparisons[0]?.baseline;
  if (fromRun && names.includes(fromRun)) return fromRun;
  return names.find((n) => !r.strategies[n].oracle);
}

/** Build the report model; throws {@link ReportInputError} for an unknown baseline or a malformed optional section. */
export function buildModel(results: Results, opts: ModelOptions = {}): ReportModel {
  const names = Object.keys(results.strategies);
  const strategies = names.map((name, k) => ({ name, colour: PALETTE[k % PALETTE.length], oracle: results.strategies[name].oracle }));
  const baseline = chooseBaseline(results, names, opts.baseline);
  const opt = names.includes('opt') && results.strategies.opt.oracle ? 'opt' : names.find((n) => results.strategies[n].oracle);
  const pto = names.includes('pto-greedy') ? 'pto-greedy' : undefined;
  const rate = (n: string): Estimate => results.strategies[n].fullOrderRate;
  const headline = strategies.map((s): HeadlineRow => {
    const r = rate(s.name);
    const row: { -readonly [K in keyof HeadlineRow]: HeadlineRow[K] } = { ...s, rate: r };
    if (opt !== undefined && s.name !== opt && rate(opt).mean > 0) row.gapToOpt = 1 - r.mean / rate(opt).mean;
    if (opt !== undefined && pto !== undefined && !s.oracle && s.name !== pto) {
      const span = rate(opt).mean - rate(pto).mean;
      if (span > 0) row.ptoGapClosed = (r.mean - rate(pto).mean) / span;
    }
    if (baseline !== undefined && s.name !== baseline) row.vsBaseline = pairedDifference(r.perSeed, rate(baseline).perSeed);
    return row;
  });
  const extensions = readExtensions(results);
  const unknown = Object.keys(extensions.stress?.samples ?? {}).find((n) => !names.includes(n));
  if (unknown !== undefined) throw new ReportInputError(`results field stress.samples.${unknown}: '${unknown}' is not a strategy of the results (${names.join(', ')})`);
  return { results, strategies, baseline, opt, pto, headline, extensions };
}

/** The JSON the page's script draws from (names are data, never markup). */
export function chartData(m: ReportModel) {
  const r = m.results;
  const band = (e: Estimate) => ({ mean: e.mean, lo: e.ci95[0], hi: e.ci95[1] });
  const x = m.extensions;
  return {
    strategies: m.strategies,
    days: r.days,
    shocks: x.shocks ?? [],
    perDay: m.strategies.map((s) => ({
      name: s.name,
      rates: r.strategies[s.name].perDay.map((d) => d.fullOrderRate),
      range: r.strategies[s.name].perDay.every((d) => d.fullOrderRateRange) ? r.strategies[s.name].perDay.map((d) => d.fullOrderRateRange!) : null,
    })),
    outcomes: m.strategies.map((s) => {
      const v = r.strategies[s.name];
      return { name: s.name, split: band(v.splitOrderRate), short: band(v.shortOrderRate), waste: band(v.wasteUnits) };
    }),
    tradeoff: m.strategies.flatMap((s) => {
      const v = r.strategies[s.name];
      return r.seeds.map((seed, k) => ({ name: s.name, seed, rate: v.fullOrderRate.perSeed[k], waste: v.wasteUnits.perSeed[k] }));
    }),
    stockedByRank: m.strategies.filter((s) => x.stockedByRank[s.name]).map((s) => ({ name: s.name, ...x.stockedByRank[s.name] })),
    refunds: m.strategies.filter((s) => x.refundByLag[s.name]).map((s) => ({ name: s.name, ...x.refundByLag[s.name] })),
    stress: x.stress
      ? { label: x.stress.label ?? '', metric: x.stress.metric ?? 'fullOrderRate', samples: m.strategies.filter((s) => x.stress!.samples[s.name]).map((s) => ({ name: s.name, values: x.stress!.samples[s.name] })) }
      : null,
  };
}
