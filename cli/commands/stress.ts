/**
 * `freshsim stress`: run strategies on a (shocked) scenario over seeds
 * through the experiment runner (local pool or Redis queue, resumable result
 * store) and print, per strategy, the p5 / p50 / p95 over seeds of the
 * full-order rate, its drop during the shocks, waste, refunds and recovery
 * time (days after the shocks until the rate is back within the tolerance of
 * its pre-shock level), and the worst seed. The figures come from the stored
 * cell records alone. The run directory gets stress.json (rows, per-seed
 * figures and the report's `stress` samples), results.json with the same
 * `stress` section, per-day.csv, timing.json and report.html.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stressSeedOfFigures, stressSummary, type Results, type StressRow, type StressSeed } from '../../analysis/index.js';
import { dateOf } from '../../sim/index.js';
import { UsageError } from '../errors.js';
import { checkOutDir, freshsimVersion, loadScenario, writeFileDurable } from '../files.js';
import { checkPlanSize, checkWorkers } from '../limits.js';
import { writeHtmlReport } from '../results-files.js';
import { planOfRun } from '../../experiment/index.js';
import { resultsJson } from '../run-dir.js';
import { formatTable } from '../tables.js';
import { executeAndSummarise, type Io, type RunContext, type RunnerFlags } from './outcome.js';
import { checkCount, parseStrategyList } from './run.js';

/** Parsed flags of `stress`. */
export interface StressArgs extends RunnerFlags {
  readonly scenario: string;
  readonly strategies: string;
  readonly seeds: number;
  /** Run directory (default runs/<scenario>/stress). */
  readonly out?: string;
  readonly json: boolean;
  /** Recovery tolerance in percentage points (default 2). */
  readonly tolerancePp: number;
  readonly overwrite?: boolean;
  /** Write report.html (default true). */
  readonly report?: boolean;
}

const pct = (x: number): string => (Number.isFinite(x) ? (100 * x).toFixed(1) : '-');
const num = (x: number, digits = 0): string => (Number.isFinite(x) ? x.toFixed(digits) : '-');
const trio = (s: { p5: number; p50: number; p95: number }, f: (x: number) => string): string => `${f(s.p5)} / ${f(s.p50)} / ${f(s.p95)}`;

const recovery = (r: { recoveryDays: { n: number; p5: number; p50: number; p95: number }; unrecovered: number }): string =>
  r.recoveryDays.n + r.unrecovered === 0 ? 'no shock'
    : `${r.recoveryDays.n ? trio(r.recoveryDays, (x) => num(x, 1)) : '-'} (n=${r.recoveryDays.n}${r.unrecovered ? `; ${r.unrecovered} not recovered by the end` : ''})`;

/** The stress table: one row per strategy (with the locked-down fronts' own drop and recovery when there was a lockdown). */
export function stressTable(rows: readonly StressRow[]): string {
  const locked = rows.some((r) => r.lockedDown);
  const header = ['strategy', 'full-order % p5/p50/p95', 'drop in shock pp p5/p50/p95', 'waste/day p5/p50/p95', 'refunds % p5/p50/p95', 'recovery days p5/p50/p95',
    ...(locked ? ['locked-down fronts: drop pp p5/p50/p95', 'their recovery days p5/p50/p95'] : []), 'worst seed'];
  return formatTable(header, rows.map((r) => [
    r.strategy,
    trio(r.fullOrderRate, pct),
    r.shockDrop.n === 0 ? '-' : trio(r.shockDrop, pct),
    trio(r.wasteUnits, (x) => num(x)),
    trio(r.refundRate, (x) => (Number.isFinite(x) ? (100 * x).toFixed(2) : '-')),
    recovery(r),
    ...(locked ? (r.lockedDown ? [r.lockedDown.shockDrop.n === 0 ? '-' : trio(r.lockedDown.shockDrop, pct), recovery(r.lockedDown)] : ['-', '-']) : []),
    `seed ${r.worstSeed.seed}: ${pct(r.worstSeed.fullOrderRate)}%`,
  ]));
}

/** Run the `stress` command; resolves to the exit code. */
export async function stressCommand(args: StressArgs, io: Io, ctx: RunContext = {}): Promise<number> {
  if (!Number.isInteger(args.seeds) || args.seeds < 1) throw new UsageError(`--seeds ${args.seeds}: expected a whole number of replications ≥ 1`);
  if (!(args.tolerancePp > 0)) throw new UsageError(`--tolerance-pp ${args.tolerancePp}: expected a positive number of percentage points`);
  checkWorkers('workers', args.workers);
  checkCount('retries', args.retries, 0);
  const scenario = loadScenario(args.scenario);
  const names = parseStrategyList(args.strategies);
  checkPlanSize([scenario], names.length, args.seeds);
  const out = args.out ?? join('runs', scenario.name.replace(/[^A-Za-z0-9._-]/g, '_'), 'stress');
  checkOutDir(out);
  for (const f of ['stress.json', 'results.json']) {
    if (existsSync(join(out, f)) && !args.overwrite) {
      throw new UsageError(`output directory '${out}' already holds ${f}; choose another --out or pass --overwrite`);
    }
  }
  const seeds = Array.from({ length: args.seeds }, (_, k) => k + 1);
  const plan = planOfRun({ scenario, strategies: names.map((name) => ({ name })), seeds, version: freshsimVersion() });
  const done = await executeAndSummarise(plan, out, args, `freshsim stress --scenario ${args.scenario} --strategies ${names.join(',')} --seeds ${args.seeds} --out ${out}`, io, ctx);
  if (typeof done === 'number') return done;
  const { results, records } = done;

  // Per strategy and seed, from the stored records alone (plan order, so completion order never matters).
  const { history, evaluation } = scenario.days;
  const opts = { tolerance: args.tolerancePp / 100, smoothingDays: 3 };
  const perStrategy = new Map<string, StressSeed[]>(names.map((n) => [n, []]));
  const episodes = new Map<number, string>();
  for (const cell of plan.cells) {
    const figures = records.get(cell.id)!.figures;
    perStrategy.get(cell.label)!.push(stressSeedOfFigures(figures, cell.replication, history, opts));
    if (!episodes.has(cell.replication)) {
      const shocks = figures.risk?.shocks ?? [];
      episodes.set(cell.replication, `  seed ${cell.replication}: ${shocks.length
        ? shocks.map((s) => `${s.label} ${dateOf(scenario.startDate, s.firstDay)} – ${dateOf(scenario.startDate, s.lastDay)}`).join('; ')
        : 'no shock in the evaluation days'}`);
    }
  }
  for (const list of perStrategy.values()) list.sort((a, b) => a.seed - b.seed);
  const rows = names.map((n) => stressSummary(n, perStrategy.get(n)!));
  const stress = {
    label: `${scenario.name}, ${seeds.length} seeds`,
    metric: 'fullOrderRate',
    samples: Object.fromEntries(names.map((n) => [n, perStrategy.get(n)!.map((s) => s.fullOrderRate)])),
  };
  const doc = {
    scenario: scenario.name,
    scenarioSeed: scenario.seed,
    seeds,
    tolerancePp: args.tolerancePp,
    rows,
    perSeed: Object.fromEntries(names.map((n) => [n, perStrategy.get(n)!])),
    stress,
  };
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  writeFileDurable(join(out, 'stress.json'), json);
  const withStress: Results = { ...results, stress };
  writeFileDurable(join(out, 'results.json'), resultsJson(withStress));
  JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')); // what the report reads parses
  const report = args.report === false ? undefined
    : writeHtmlReport(withStress, join(out, 'report.html'), { runDir: out, source: join(out, 'results.json') });
  if (args.json) {
    io.stdout(json);
    if (report) io.stderr(`Report: ${report}\n`);
    return 0;
  }
  io.stdout(`Stress test: ${scenario.name} — ${names.length} strateg${names.length === 1 ? 'y' : 'ies'} × ${seeds.length} seed${seeds.length === 1 ? '' : 's'} × ${evaluation} evaluation days\n`);
  io.stdout(`Shocks in the evaluation days:\n${seeds.map((s) => episodes.get(s)!).join('\n')}\n\n`);
  io.stdout(`${stressTable(rows)}\n\n`);
  io.stdout('Drop in shock: full-order rate before the first shock minus the mean daily rate from its start to the last shock\'s end.\n');
  io.stdout(`Recovery: days after the last shock day until the 3-day mean full-order rate is within ${args.tolerancePp} pp of its mean before the first shock (quantiles over the seeds that recovered).\n`);
  io.stdout('Refunds: defective lines refunded within the window plus pre-sale shortfall lines, per line ordered.\n');
  if (rows.some((r) => r.lockedDown)) io.stdout('Locked-down fronts: the same drop and recovery on the front sites the lockdowns cover (open or closed), pooled.\n');
  io.stdout(`Stress figures: ${join(out, 'stress.json')}\nResults: ${join(out, 'results.json')}\n`);
  if (report) io.stdout(`Report: ${report}\n`);
  return 0;
}
