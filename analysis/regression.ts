/**
 * The regression verdict of `freshsim check`: for every (scenario, strategy)
 * of a baseline, did the full-order rate fall by more than the tolerance, and
 * is that fall significant given the confidence intervals?
 *
 * The difference is paired seed by seed when the run used the baseline's
 * seeds (common random numbers: the same orders on both sides, so the noise
 * of the demand cancels); otherwise it is Welch's unpaired difference. With
 * one seed on either side there is no interval, and the tolerance alone
 * decides (the verdict says so).
 */
import type { BaselineEntry, Baseline } from './baseline.js';
import { mean, pairedDifference, sampleStd, tQuantile975, type Estimate } from './stats.js';
import type { Results } from './summarize.js';

/** Why a (scenario, strategy) passed or failed. */
export type VerdictReason =
  /** Held: no fall beyond the tolerance. */
  | 'held'
  /** Fell beyond the tolerance, but the 95% CI of the difference includes 0. */
  | 'noise'
  /** Fell beyond the tolerance, significantly (or with no CI to tell). */
  | 'regression'
  /** The run has no such scenario or strategy. */
  | 'missing';

/** The difference now − baseline of the full-order rate. */
export interface RateDifference {
  readonly mean: number;
  /** 95% CI; null bounds when a side has a single seed. */
  readonly ci95: readonly [number | null, number | null];
  /** Paired over the same seeds (true) or Welch unpaired (false). */
  readonly paired: boolean;
}

/** The verdict for one (scenario, strategy) of the baseline. */
export interface Verdict {
  readonly scenario: string;
  readonly strategy: string;
  readonly passed: boolean;
  readonly reason: VerdictReason;
  readonly baseline: BaselineEntry['fullOrderRate'];
  readonly current?: Estimate;
  readonly difference?: RateDifference;
  /** One sentence for a person. */
  readonly message: string;
}

/** The whole gate. */
export interface GateReport {
  readonly tolerancePp: number;
  readonly passed: boolean;
  readonly verdicts: readonly Verdict[];
  /** Strategies in the runs that the baseline does not cover (informational). */
  readonly uncovered: readonly { readonly scenario: string; readonly strategy: string }[];
}

const pp = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)} pp`;
const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;

function sameSeeds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** now − before, paired when the seeds match, else Welch. */
export function rateDifference(now: Estimate, nowSeeds: readonly number[], before: BaselineEntry): RateDifference {
  return seedDifference(now.perSeed, nowSeeds, before.fullOrderRate.perSeed, before.seeds);
}

/** mean(a) − mean(b) with a 95% CI: paired seed by seed when both ran the same seeds, else Welch's unpaired interval. */
export function seedDifference(a: readonly number[], aSeeds: readonly number[], b: readonly number[], bSeeds: readonly number[]): RateDifference {
  if (sameSeeds(aSeeds, bSeeds) && a.length === b.length) {
    const d = pairedDifference(a, b);
    return { mean: d.mean, ci95: d.ci95, paired: true };
  }
  const diff = mean(a) - mean(b);
  const na = a.length;
  const nb = b.length;
  if (na < 2 || nb < 2) return { mean: diff, ci95: [null, null], paired: false };
  const va = sampleStd(a) ** 2 / na;
  const vb = sampleStd(b) ** 2 / nb;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { mean: diff, ci95: [diff, diff], paired: false };
  const df = (va + vb) ** 2 / (va * va / (na - 1) + vb * vb / (nb - 1));
  const half = tQuantile975(Math.max(1, df)) * se;
  return { mean: diff, ci95: [diff - half, diff + half], paired: false };
}

function judge(entry: BaselineEntry, run: Results | undefined, tolerance: number): Verdict {
  const { scenario, strategy } = entry;
  const base = { scenario, strategy, baseline: entry.fullOrderRate };
  if (!run) {
    return { ...base, passed: false, reason: 'missing', message: `scenario '${scenario}' is not in the run; the baseline expects it with strategy '${strategy}'` };
  }
  const s = Object.hasOwn(run.strategies, strategy) ? run.strategies[strategy] : undefined;
  if (!s) {
    return {
      ...base, passed: false, reason: 'missing',
      message: `strategy '${strategy}' is missing from the run of '${scenario}' (it ran: ${Object.keys(run.strategies).join(', ') || 'none'}); the baseline expects it`,
    };
  }
  const d = rateDifference(s.fullOrderRate, run.seeds, entry);
  const head = `${pct(entry.fullOrderRate.mean)} → ${pct(s.fullOrderRate.mean)} (${pp(d.mean)}, ${d.paired ? 'paired' : 'unpaired'})`;
  const common = { ...base, current: s.fullOrderRate, difference: d };
  if (!(d.mean < -tolerance)) return { ...common, passed: true, reason: 'held', message: `${head}: within the tolerance of ${pp(-tolerance)}` };
  const hi = d.ci95[1];
  if (hi === null) {
    return { ...common, passed: false, reason: 'regression', message: `${head}: fell beyond the tolerance; one seed gives no CI, so the tolerance alone decides` };
  }
  if (hi < 0) {
    return { ...common, passed: false, reason: 'regression', message: `${head}: fell beyond the tolerance, significantly (95% CI upper bound ${pp(hi)} < 0)` };
  }
  return { ...common, passed: true, reason: 'noise', message: `${head}: fell beyond the tolerance but within noise (95% CI reaches ${pp(hi)})` };
}

/**
 * Judge `runs` (one results document per scenario) against `baseline`.
 * `tolerancePp` is in percentage points of the full-order rate.
 */
export function checkAgainstBaseline(baseline: Baseline, runs: readonly Results[], tolerancePp: number): GateReport {
  if (!(Number.isFinite(tolerancePp) && tolerancePp >= 0)) throw new RangeError(`tolerance ${tolerancePp} pp: expected a number ≥ 0`);
  const byScenario = new Map<string, Results>();
  for (const r of runs) {
    if (byScenario.has(r.scenario)) throw new RangeError(`two runs of scenario '${r.scenario}'; expected one run per scenario`);
    byScenario.set(r.scenario, r);
  }
  const verdicts = baseline.entries.map((e) => judge(e, byScenario.get(e.scenario), tolerancePp / 100));
  const covered = new Set(baseline.entries.map((e) => `${e.scenario}\u0000${e.strategy}`));
  const uncovered = runs.flatMap((r) => Object.keys(r.strategies)
    .filter((s) => !covered.has(`${r.scenario}\u0000${s}`))
    .map((strategy) => ({ scenario: r.scenario, strategy })));
  return { tolerancePp, passed: verdicts.every((v) => v.passed), verdicts, uncovered };
}
