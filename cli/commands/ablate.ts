/**
 * `freshsim ablate`: the paper's Table 3. Runs full OTPTO, the six variants
 * without A1..A6, and PTO and OPT for reference, through the experiment
 * runner (pool or queue, resumable store), prints the full-order rate per
 * evaluation day and on average with the paired difference to full OTPTO, and
 * writes results.json with the report's `ablation` section (plus report.html).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '../../analysis/index.js';
import type { AblationSection } from '../../reports/index.js';
import { resolvedParams } from '../../strategies/index.js';
import { buildPlan, type StrategyVariant } from '../../experiment/index.js';
import { UsageError } from '../errors.js';
import { checkOutDir, freshsimVersion, loadScenario, writeFileDurable } from '../files.js';
import { checkPlanSize, checkWorkers } from '../limits.js';
import { writeHtmlReport } from '../results-files.js';
import { resultsJson } from '../run-dir.js';
import { formatTable } from '../tables.js';
import { executeAndSummarise, type Io, type RunContext, type RunnerFlags } from './outcome.js';
import { checkCount } from './run.js';

/** Parsed flags of `ablate`. */
export interface AblateArgs extends RunnerFlags {
  readonly scenario: string;
  readonly seeds: number;
  readonly out?: string;
  readonly overwrite: boolean;
  readonly report?: boolean;
  /** Extra OTPTO parameters for every variant as a JSON object (e.g. a shorter label window). */
  readonly otptoParams?: string;
}

/** The six ablations of the paper's Table 3. */
export const ABLATIONS = [
  ['A1', 'sample strategy (A1): PM2 trained on all samples'],
  ['A2', 'label strategy (A2): OM1 without GMV tie-break, no smoothing'],
  ['A3', 'decision-making features (A3)'],
  ['A4', 'sales-prediction features (A4)'],
  ['A5', 'clustering features (A5)'],
  ['A6', 'SKU-order cross-features (A6)'],
] as const;

/** Label of the variant without `part`. */
export const ablationLabel = (part: string): string => `otpto[ablate=${part}]`;

/** The report's ablation section from summarised results. */
export function ablationSection(results: Results): AblationSection {
  const ref = results.strategies.otpto.fullOrderRate;
  return {
    reference: 'otpto',
    referenceRate: { mean: ref.mean, ci95: ref.ci95 },
    rows: ABLATIONS.map(([part, description]) => {
      const r = results.strategies[ablationLabel(part)].fullOrderRate;
      return { variant: `otpto w/o ${part}`, description, fullOrderRate: { mean: r.mean, ci95: r.ci95 } };
    }),
  };
}

const pct = (x: number): string => (100 * x).toFixed(2);
const pp = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)}`;

/** Table 3: per evaluation day and on average, with the paired difference to full OTPTO. */
export function ablationTable(results: Results): string {
  const labels = ['otpto', ...ABLATIONS.map(([p]) => ablationLabel(p)), 'pto-greedy', 'opt'];
  const ref = results.strategies.otpto;
  const header = ['variant', ...results.days.map((d) => d.slice(5)), 'average', 'Δ vs otpto pp [95% CI, paired]'];
  const rows = labels.map((l) => {
    const s = results.strategies[l];
    const name = l === 'otpto' ? 'otpto (full)' : l.startsWith('otpto[') ? `otpto w/o ${l.slice(13, 15)}` : l;
    let diff = '—';
    if (l !== 'otpto') {
      const c = results.comparisons.find((x) => x.strategy === l && x.baseline === 'otpto');
      const [lo, hi] = c?.difference.ci95 ?? [null, null];
      diff = `${pp(s.fullOrderRate.mean - ref.fullOrderRate.mean)}${lo !== null && hi !== null ? ` [${pp(lo)}, ${pp(hi)}]` : ''}`;
    }
    return [name, ...s.perDay.map((d) => pct(d.fullOrderRate)), pct(s.fullOrderRate.mean), diff];
  });
  return formatTable(header, rows);
}

/** `--otpto-params`: a JSON object (its keys are checked against OTPTO's parameters later). */
function parseOtptoParams(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let v: unknown;
  try { v = JSON.parse(text); } catch (e) {
    throw new UsageError(`--otpto-params '${text}': not JSON (${(e as Error).message}); expected an object such as '{"labelWindowDays":28}'`);
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new UsageError(`--otpto-params '${text}': expected a JSON object of OTPTO parameters`);
  if ('ablate' in v) throw new UsageError('--otpto-params: \'ablate\' is set by the command for each variant; expected other parameters only');
  return v as Record<string, unknown>;
}

/** Run the `ablate` command; resolves to the exit code. */
export async function ablateCommand(args: AblateArgs, io: Io, ctx: RunContext = {}): Promise<number> {
  checkCount('seeds', args.seeds, 1);
  checkWorkers('workers', args.workers);
  checkCount('retries', args.retries, 0);
  const scenario = loadScenario(args.scenario);
  const out = args.out ?? join('runs', scenario.name.replace(/[^A-Za-z0-9._-]/g, '_'), 'ablation');
  checkOutDir(out);
  if (existsSync(join(out, 'results.json')) && !args.overwrite) {
    throw new UsageError(`output directory '${out}' already holds results.json; choose another --out or pass --overwrite`);
  }
  const extra = parseOtptoParams(args.otptoParams);
  const variants: StrategyVariant[] = [
    { label: 'otpto', name: 'otpto', params: resolvedParams('otpto', extra) },
    ...ABLATIONS.map(([part]) => ({ label: ablationLabel(part), name: 'otpto', params: resolvedParams('otpto', { ...extra, ablate: part }) })),
    { label: 'pto-greedy', name: 'pto-greedy', params: resolvedParams('pto-greedy') },
    { label: 'opt', name: 'opt', params: resolvedParams('opt') },
  ];
  checkPlanSize([scenario], variants.length, args.seeds);
  const seeds = Array.from({ length: args.seeds }, (_, k) => k + 1);
  const plan = buildPlan({ name: `${scenario.name}-ablation`, freshsim: freshsimVersion(), scenarios: [scenario], variants, seeds, baseline: 'otpto' });
  const done = await executeAndSummarise(plan, out, args, `freshsim ablate --scenario ${args.scenario} --seeds ${args.seeds} --out ${out}`, io, ctx);
  if (typeof done === 'number') return done;
  const { results } = done;
  const ablation = ablationSection(results);
  const withAblation: Results = { ...results, ablation };
  writeFileDurable(join(out, 'results.json'), resultsJson(withAblation));
  // Sanity: what was written is what the report reads.
  JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  const report = args.report === false ? undefined : writeHtmlReport(withAblation, join(out, 'report.html'), { runDir: out, source: join(out, 'results.json'), baseline: 'otpto' });
  io.stdout(`Ablation (the paper's Table 3) — ${results.scenario}, seeds ${seeds.join(', ')} — full-order fulfillment rate (%)\n\n`);
  io.stdout(`${ablationTable(results)}\n\n`);
  io.stdout(`Results: ${join(out, 'results.json')}\n`);
  if (report) io.stdout(`Report: ${report}\n`);
  return 0;
}
