/**
 * `freshsim om1`: solve OM1 on one day of a scenario (an evaluation day by
 * number, or any day by date) at one front site, and print the model size,
 * status, objective, bound, gap and time (or `--json`).
 */
import { buildWorld } from '../../scenarios/index.js';
import { worldDateOf, type World } from '../../sim/index.js';
import { defaultOm1Options, resultToJson, solveOm1Cached, type StrategyServices } from '../../strategies/index.js';
import { UsageError } from '../errors.js';
import { loadScenario } from '../files.js';

/** Parsed flags of `om1`. */
export interface Om1Args {
  readonly scenario: string;
  /** Evaluation day 1..N, or an ISO date. */
  readonly day: string;
  readonly site?: string;
  readonly seed: number;
  readonly timeLimit?: number;
  /** HiGHS node limit (the work limit). */
  readonly maxNodes?: number;
  readonly gap?: number;
  readonly tieBreak: boolean;
  readonly json: boolean;
}

/** Run `om1` with loaded services; returns the exit code. */
export function om1Command(args: Om1Args, services: StrategyServices, io: { stdout: (s: string) => void }): number {
  if (!Number.isInteger(args.seed) || args.seed < 1) throw new UsageError(`--seed ${args.seed}: expected a replication number ≥ 1`);
  if (args.timeLimit !== undefined && !(args.timeLimit > 0)) throw new UsageError(`--time-limit ${args.timeLimit}: expected seconds > 0`);
  if (args.maxNodes !== undefined && !(Number.isInteger(args.maxNodes) && args.maxNodes > 0)) throw new UsageError(`--max-nodes ${args.maxNodes}: expected a whole number of nodes > 0`);
  if (args.gap !== undefined && !(args.gap >= 0 && args.gap <= 1)) throw new UsageError(`--gap ${args.gap}: expected a relative gap in [0, 1]`);
  const scenario = loadScenario(args.scenario);
  const world = buildWorld(scenario, args.seed);
  const fronts = world.sites.filter((s) => s.level === 'front');
  const site = args.site === undefined ? fronts[0] : fronts.find((s) => s.name === args.site);
  if (!site) throw new UsageError(`--site '${args.site}': expected a front site of '${scenario.name}': ${fronts.map((s) => s.name).join(', ')}`);
  const day = dayIndex(args.day, world);
  const orders = (world.ordersByDay[day] ?? []).filter((o) => o.site === site.id);
  const options = {
    ...defaultOm1Options,
    ...(args.timeLimit !== undefined ? { timeLimitSeconds: args.timeLimit } : {}),
    ...(args.maxNodes !== undefined ? { mipMaxNodes: args.maxNodes } : {}),
    ...(args.gap !== undefined ? { relativeGap: args.gap } : {}),
    gmvTieBreak: args.tieBreak,
  };
  const { result: r, cached } = solveOm1Cached(orders, world.constraints, world.skus.length, options, services);
  const date = worldDateOf(world, day);
  if (args.json) {
    io.stdout(`${JSON.stringify({ scenario: scenario.name, seed: args.seed, day, date, site: site.name, constraints: world.constraints, options, cached, ...resultToJson(r) }, null, 2)}\n`);
    return 0;
  }
  const p = r.presolve;
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const lines = [
    `OM1 — ${scenario.name}, seed ${args.seed}, ${date} (day ${day}), site ${site.name}; K ${world.constraints.K}, C ${world.constraints.C}, L ${world.constraints.L}`,
    `model      ${p.orders} orders, ${p.skus} SKUs, ${p.lines} lines, ${p.thresholdsBefore} thresholds`,
    `presolve   ${p.nodes} order nodes (${p.impossibleOrders} orders impossible), ${p.skusAfter} SKUs, ${p.thresholdsAfter} thresholds`,
    r.mip ? `MIP        ${r.mip.rows} rows, ${r.mip.cols} columns, ${r.mip.nonzeros} nonzeros; HiGHS status ${r.mip.status}, ${r.mip.nodes} nodes, ${r.mip.seconds.toFixed(1)} s` : 'MIP        not needed (bounds closed the gap)',
    `status     ${r.status}${r.status === 'optimal' ? '' : ` (plan is the best known within ${options.mipMaxNodes} MIP nodes)`}`,
    `objective  ${r.fulfilledOrders} of ${r.orders} orders fully fulfilled (${pct(r.rate)}), from ${r.planSource}`,
    `bound      ${r.bound} orders (${pct(r.orders ? r.bound / r.orders : 0)}), from ${r.boundSource}`,
    `gap        ${pct(r.gap)}`,
    `time       ${r.seconds.toFixed(2)} s${cached ? ' (cached result; time of the original solve)' : ''}`,
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

/**
 * Day index of `--day`: an evaluation day number 1..N or an ISO date within
 * the scenario. Dates are looked up through the world's own calendar, so an
 * imported log with gaps (days without orders are skipped) maps correctly.
 */
export function dayIndex(day: string, world: Pick<World, 'startDate' | 'dates' | 'historyDays' | 'evaluationDays'>): number {
  const { historyDays, evaluationDays } = world;
  const last = historyDays + evaluationDays - 1;
  if (/^\d+$/.test(day)) {
    const k = Number(day);
    if (k < 1 || k > evaluationDays) throw new UsageError(`--day ${day}: expected an evaluation day 1..${evaluationDays} or a date`);
    return historyDays + k - 1;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    for (let d = 0; d <= last; d++) if (worldDateOf(world, d) === day) return d;
    const gaps = world.dates ? ' that has orders (days without orders are skipped)' : '';
    throw new UsageError(`--day ${day}: expected a date${gaps} from ${worldDateOf(world, 0)} to ${worldDateOf(world, last)}`);
  }
  throw new UsageError(`--day '${day}': expected an evaluation day number (1..${evaluationDays}) or a date YYYY-MM-DD`);
}
