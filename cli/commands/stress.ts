/**
 * `freshsim stress`: run strategies on a (shocked) scenario over seeds and
 * print, per strategy, the p5 / p50 / p95 over seeds of the full-order rate,
 * waste, refunds and recovery time (days after the shocks until the rate is
 * back within 2 pp of its pre-shock level), and the worst seed. With --out,
 * writes stress.json (rows, per-seed figures and the report's `stress`
 * samples).
 */
import { join } from 'node:path';
import { stressSeed, stressSummary, type StressRow, type StressSeed } from '../../analysis/index.js';
import { buildWorld } from '../../scenarios/index.js';
import { createStreams, dateOf, indexDemand, simulate } from '../../sim/index.js';
import { createPlanner, resolvedParams, type StrategyServices } from '../../strategies/index.js';
import { UsageError } from '../errors.js';
import { loadScenario, writeFileDurable } from '../files.js';
import { formatTable } from '../tables.js';
import { parseStrategyList } from './run.js';

/** Parsed flags of `stress`. */
export interface StressArgs {
  readonly scenario: string;
  readonly strategies: string;
  readonly seeds: number;
  readonly out?: string;
  readonly json: boolean;
  /** Recovery tolerance in percentage points (default 2). */
  readonly tolerancePp: number;
}

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

const pct = (x: number): string => (Number.isFinite(x) ? (100 * x).toFixed(1) : '-');
const num = (x: number, digits = 0): string => (Number.isFinite(x) ? x.toFixed(digits) : '-');
const trio = (s: { p5: number; p50: number; p95: number }, f: (x: number) => string): string => `${f(s.p5)} / ${f(s.p50)} / ${f(s.p95)}`;

/** The stress table: one row per strategy. */
export function stressTable(rows: readonly StressRow[]): string {
  const header = ['strategy', 'full-order % p5/p50/p95', 'drop in shock pp p5/p50/p95', 'waste/day p5/p50/p95', 'refunds % p5/p50/p95', 'recovery days p5/p50/p95', 'worst seed'];
  return formatTable(header, rows.map((r) => [
    r.strategy,
    trio(r.fullOrderRate, pct),
    r.shockDrop.n === 0 ? '-' : trio(r.shockDrop, pct),
    trio(r.wasteUnits, (x) => num(x)),
    trio(r.refundRate, (x) => (Number.isFinite(x) ? (100 * x).toFixed(2) : '-')),
    r.recoveryDays.n + r.unrecovered === 0 ? 'no shock' : `${r.recoveryDays.n ? trio(r.recoveryDays, (x) => num(x, 1)) : '-'} (n=${r.recoveryDays.n}${r.unrecovered ? `; ${r.unrecovered} not recovered by the end` : ''})`,
    `seed ${r.worstSeed.seed}: ${pct(r.worstSeed.fullOrderRate)}%`,
  ]));
}

/** Run the `stress` command; returns the exit code. */
export function stressCommand(args: StressArgs, services: StrategyServices | undefined, io: Io): number {
  if (!Number.isInteger(args.seeds) || args.seeds < 1) throw new UsageError(`--seeds ${args.seeds}: expected a whole number of replications ≥ 1`);
  if (!(args.tolerancePp > 0)) throw new UsageError(`--tolerance-pp ${args.tolerancePp}: expected a positive number of percentage points`);
  const scenario = loadScenario(args.scenario);
  const names = parseStrategyList(args.strategies);
  const params = names.map((n) => resolvedParams(n));
  const seeds = Array.from({ length: args.seeds }, (_, k) => k + 1);
  const { history, evaluation } = scenario.days;
  const perStrategy = new Map<string, StressSeed[]>(names.map((n) => [n, []]));
  const episodes: string[] = [];
  const started = performance.now();
  let done = 0;
  for (const rep of seeds) {
    const world = buildWorld(scenario, rep);
    const demand = indexDemand(world);
    const shocks = (world.shocks ?? []).filter((s) => s.lastDay >= history && s.firstDay < history + evaluation);
    episodes.push(`  seed ${rep}: ${shocks.length ? shocks.map((s) => `${s.label} ${dateOf(scenario.startDate, s.firstDay)} – ${dateOf(scenario.startDate, s.lastDay)}`).join('; ') : 'no shock in the evaluation days'}`);
    names.forEach((name, k) => {
      const planner = createPlanner(name, params[k], ...(services ? [services] : []));
      const run = simulate(world, planner, { streams: createStreams(scenario.seed, rep), demand });
      perStrategy.get(name)!.push(stressSeed(run, rep, history, evaluation, { tolerance: args.tolerancePp / 100, smoothingDays: 3 }));
      io.stderr(`[${++done}/${seeds.length * names.length}] ${name} seed ${rep} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    });
  }
  const rows = names.map((n) => stressSummary(n, perStrategy.get(n)!));
  const doc = {
    scenario: scenario.name,
    scenarioSeed: scenario.seed,
    seeds,
    tolerancePp: args.tolerancePp,
    rows,
    perSeed: Object.fromEntries(names.map((n) => [n, perStrategy.get(n)!])),
    stress: { label: `${scenario.name}, ${seeds.length} seeds`, metric: 'fullOrderRate', samples: Object.fromEntries(names.map((n) => [n, perStrategy.get(n)!.map((s) => s.fullOrderRate)])) },
  };
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  if (args.out) writeFileDurable(join(args.out, 'stress.json'), json);
  if (args.json) { io.stdout(json); return 0; }
  io.stdout(`Stress test: ${scenario.name} — ${names.length} strateg${names.length === 1 ? 'y' : 'ies'} × ${seeds.length} seed${seeds.length === 1 ? '' : 's'} × ${evaluation} evaluation days\n`);
  io.stdout(`Shocks in the evaluation days:\n${episodes.join('\n')}\n\n`);
  io.stdout(`${stressTable(rows)}\n\n`);
  io.stdout('Drop in shock: full-order rate before the first shock minus the mean daily rate from its start to the last shock\'s end.\n');
  io.stdout(`Recovery: days after the last shock day until the 3-day mean full-order rate is within ${args.tolerancePp} pp of its mean before the first shock (quantiles over the seeds that recovered).\n`);
  io.stdout('Refunds: defective lines refunded within the window plus pre-sale shortfall lines, per line ordered.\n');
  if (args.out) io.stdout(`Written: ${join(args.out, 'stress.json')}\n`);
  return 0;
}
