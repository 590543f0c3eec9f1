/**
 * `freshsim profile A [B]`: the realism profile of an imported directory or
 * of a scenario's generated orders (one replication), two side by side; and
 * `freshsim export SCENARIO --out DIR`: a scenario's generated orders written
 * as an imported directory (through the importer itself, so the format is
 * the one `import` writes).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realismProfile, type ProfileLog, type RealismProfile } from '../../analysis/index.js';
import { buildWorld, historyDirScenario, isHistoryDir, loadHistory, worldOrdersCsv } from '../../scenarios/index.js';
import { dateOf } from '../../sim/index.js';
import { ExitCode, UsageError } from '../errors.js';
import { loadScenario } from '../files.js';
import { importCommand } from './import.js';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

/** The log and K of an imported directory or a scenario (replication `seed`). */
export function profileSource(name: string, seed: number): { log: ProfileLog; K: number } {
  if (isHistoryDir(name)) {
    const h = loadHistory(name);
    const ids = new Map<string, number>();
    const id = (code: string) => { let k = ids.get(code); if (k === undefined) ids.set(code, k = ids.size); return k; };
    const log = { days: h.days.map((d) => ({ date: d.date, orders: d.orders.map((o) => ({ lines: o.lines.map((l) => ({ sku: id(l.sku), qty: l.qty })) })) })) };
    return { log, K: historyDirScenario(name).scenario.constraints.K };
  }
  const scenario = loadScenario(name);
  const world = buildWorld(scenario, seed);
  const log = { days: world.ordersByDay.map((orders, d) => ({ date: world.dates?.[d] ?? dateOf(world.startDate, d), orders })) };
  return { log, K: scenario.constraints.K };
}

const pct = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(2)}%`);
const num = (x: number | null | undefined, digits = 2) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits));

/** Rows (measure, value) of a profile, for the terminal. */
export function profileRows(p: RealismProfile): [string, string][] {
  return [
    ['days', String(p.days)],
    ['orders/day: mean', num(p.ordersPerDay.mean, 1)],
    ['orders/day: CV', num(p.ordersPerDay.cv, 3)],
    ['weekday index Mon…Sun', p.weekdayIndex.map((x) => num(x)).join(' ')],
    ['lines/order: mean', num(p.linesPerOrder.mean)],
    ['lines/order: median / p90', `${p.linesPerOrder.median} / ${p.linesPerOrder.p90}`],
    ['single-line orders', pct(p.linesPerOrder.singleLineShare)],
    ['units from top 1% SKUs', pct(p.unitShare.top1Percent)],
    ['units from top 10% SKUs', pct(p.unitShare.top10Percent)],
    ['pair lift: pairs (expected ≥ 5)', String(p.pairLift.pairs)],
    ['pair lift: p50 / p90 / p99', `${num(p.pairLift.p50)} / ${num(p.pairLift.p90)} / ${num(p.pairLift.p99)}`],
    ['pairs with lift ≥ 2', pct(p.pairLift.shareAtLeast2)],
    ['pairs with lift ≤ 0.5', pct(p.pairLift.shareAtMostHalf)],
    ['median lift, 100 most frequent pairs', num(p.pairLift.top100Median)],
    ['new-SKU unit share (last 7 d vs 28 d before)', pct(p.newSkuShare)],
    ['weekly SKU-set overlap (Jaccard)', num(p.weeklyOverlap, 3)],
    ['WAPE, 7-day-mean forecast per SKU-day', num(p.forecastWape, 3)],
    [`orders wholly in top-K SKUs${p.topKOrderShare ? ` (K ${p.topKOrderShare.K})` : ''}`, pct(p.topKOrderShare?.share)],
  ];
}

/** Run `profile`: print the profile of each source (one or two), side by side. */
export function profileCommand(args: { sources: readonly string[]; seed: number; json: boolean; K?: number }, io: Io): number {
  if (args.sources.length < 1 || args.sources.length > 2) throw new UsageError(`profile: expected one or two sources (imported directory or scenario), got ${args.sources.length}`);
  if (!Number.isInteger(args.seed) || args.seed < 1) throw new UsageError(`profile: --seed ${args.seed}: expected a replication number ≥ 1`);
  const profiles = args.sources.map((s) => {
    const { log, K } = profileSource(s, args.seed);
    return realismProfile(log, { K: args.K ?? K });
  });
  if (args.json) {
    io.stdout(`${JSON.stringify(Object.fromEntries(args.sources.map((s, k) => [s, profiles[k]])), null, 2)}\n`);
    return ExitCode.ok;
  }
  const rows = profiles.map(profileRows);
  const width = Math.max(...rows[0].map(([m]) => m.length));
  const cols = args.sources.map((s, k) => Math.max(s.length, ...rows[k].map(([, v]) => v.length)));
  io.stdout(`${''.padEnd(width)}  ${args.sources.map((s, k) => s.padStart(cols[k])).join('  ')}\n`);
  rows[0].forEach(([m], r) => io.stdout(`${m.padEnd(width)}  ${rows.map((rs, k) => rs[r][1].padStart(cols[k])).join('  ')}\n`));
  return ExitCode.ok;
}

/** Run `export`: write the scenario's generated orders (replication `seed`) as an imported directory. */
export async function exportCommand(args: { scenario: string; out: string; seed: number; overwrite?: boolean }, io: Io): Promise<number> {
  if (!Number.isInteger(args.seed) || args.seed < 1) throw new UsageError(`export: --seed ${args.seed}: expected a replication number ≥ 1`);
  const scenario = loadScenario(args.scenario);
  if (scenario.history) throw new UsageError(`export: '${args.scenario}' replays an imported log already; expected a scenario that generates its orders`);
  const world = buildWorld(scenario, args.seed);
  const tmp = mkdtempSync(join(tmpdir(), 'freshsim-export-'));
  try {
    const csv = join(tmp, `${scenario.name}-r${args.seed}.csv`);
    writeFileSync(csv, `${[...worldOrdersCsv(world)].join('\n')}\n`);
    return await importCommand({ files: [csv], out: args.out, overwrite: args.overwrite }, io);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
