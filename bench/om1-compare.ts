/**
 * OM1 on every `paper-7fresh` evaluation day: our pipeline (presolve,
 * Lagrangian min-cut bound and plans, local search, then HiGHS on the
 * staircase form, stopped by work limits: default 2,000 MIP nodes) against HiGHS alone on the paper's big-M form
 * and on the compact (staircase) form, each with a time limit.
 *
 *   npm run build && node dist/bench/om1-compare.js --part ours
 *   node dist/bench/om1-compare.js --part ours --hogs 2               (the same beside two busy-looping processes)
 *   node dist/bench/om1-compare.js --part highs --highs-seconds 120   (long: 7 days × 2 forms)
 *   node dist/bench/om1-compare.js --part report                      (writes the OM1 section of docs/BENCHMARKS.md)
 *
 * Parts write .cache/bench/om1-<part>.json so the long HiGHS part runs once.
 * Objectives are orders fully fulfilled under OM1's stock model, recounted
 * here from each plan (never taken from the solver's objective).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Highs } from 'highs';
import { loadHighs } from '../cli/highs.js';
import { builtinScenario } from '../scenarios/index.js';
import type { Order, PlanConstraints } from '../sim/index.js';
import { bigMModel, buildOm1Instance, defaultOm1Options, levelsFromStaircase, planOfLevels, solveOm1, staircaseModel } from '../strategies/index.js';
import { evaluationDays } from './om1-days.js';
import { writeOm1Section } from './om1-report.js';

/** One solver's outcome on one day. */
export interface Om1Row {
  readonly date: string;
  readonly orders: number;
  readonly method: string;
  readonly status: string;
  readonly objective: number;
  readonly bound: number;
  readonly gap: number;
  readonly seconds: number;
  /** Process CPU seconds of the solve (ours only). */
  readonly cpuSeconds?: number;
  /** sha256 (16 hex digits) of the plan, fulfilled orders, bound and status (ours only). */
  readonly digest?: string;
  readonly size?: string;
}

const OUT = join('.cache', 'bench');

/** Orders made whole by `plan` under OM1's stock model; -1 if the plan breaks K, C or L. */
export function om1Value(orders: readonly Order[], plan: Float64Array, c: PlanConstraints): number {
  let types = 0, units = 0;
  for (const q of plan) if (q > 1e-9) { types++; units += q; if (q < c.L - 1e-6) return -1; }
  if (types > c.K || units > c.C + 1e-6) return -1;
  const cum = new Map<number, number>();
  let whole = 0;
  for (const o of orders) {
    let ok = true;
    const mine = new Map<number, number>();
    for (const l of o.lines) mine.set(l.sku, (mine.get(l.sku) ?? 0) + l.qty);
    for (const [sku, q] of mine) {
      const s = Math.round(((cum.get(sku) ?? 0) + q) * 1e6) / 1e6;
      cum.set(sku, s);
      if (plan[sku] < Math.max(c.L, s) - 1e-6) ok = false;
    }
    if (ok) whole++;
  }
  return whole;
}

function runHighs(highs: Highs, data: Parameters<Highs['createModel']>[0], seconds: number) {
  const m = highs.createModel(data);
  try {
    m.options.set({ output_flag: false, time_limit: seconds });
    const t0 = performance.now();
    const status = m.run().modelStatus;
    const wall = (performance.now() - t0) / 1000;
    const hasPrimal = Number(m.info.get('primal_solution_status')) === 2;
    return { status, wall, col: hasPrimal ? m.getSolution().colValue : undefined, bound: Number(m.info.get('mip_dual_bound')) };
  } finally {
    m.dispose();
  }
}

const statusName = (s: number) => (s === 7 ? 'optimal' : s === 13 ? 'time-limit' : `status ${s}`);
const gapOf = (obj: number, bound: number) => (bound > 0 ? Math.max(0, (bound - obj) / bound) : 0);

async function main(argv: string[]): Promise<void> {
  const arg = (name: string, dflt: string) => { const k = argv.indexOf(`--${name}`); return k >= 0 ? argv[k + 1] : dflt; };
  const part = arg('part', 'ours');
  const highsSeconds = Number(arg('highs-seconds', '120'));
  const oursSeconds = Number(arg('time-limit', String(defaultOm1Options.timeLimitSeconds)));
  const maxNodes = Number(arg('max-nodes', String(defaultOm1Options.mipMaxNodes)));
  // --hogs N: solve beside N busy-looping child processes (the determinism check under load).
  const hogs = Number(arg('hogs', '0'));
  const hogProcs = Array.from({ length: hogs }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  process.on('exit', () => { for (const h of hogProcs) h.kill('SIGKILL'); });
  mkdirSync(OUT, { recursive: true });
  if (part === 'report') {
    const ours = JSON.parse(readFileSync(join(OUT, 'om1-ours.json'), 'utf8'));
    const alone = existsSync(join(OUT, 'om1-highs.json')) ? JSON.parse(readFileSync(join(OUT, 'om1-highs.json'), 'utf8')) : undefined;
    const hog = existsSync(join(OUT, 'om1-ours-hog.json')) ? JSON.parse(readFileSync(join(OUT, 'om1-ours-hog.json'), 'utf8')) : undefined;
    writeOm1Section('docs/BENCHMARKS.md', ours, alone, hog);
    return;
  }
  const highs = await loadHighs();
  const days = evaluationDays(builtinScenario('paper-7fresh')!, 1);
  const rows: Om1Row[] = [];
  const load = loadavg()[0];
  const save = () => writeFileSync(join(OUT, `om1-${part}${hogs > 0 ? '-hog' : ''}.json`), `${JSON.stringify({ highsSeconds, oursSeconds, maxNodes, hogs, highs: highs.version.string, loadAverage: load, rows }, null, 2)}\n`);
  for (const d of days) {
    if (part === 'ours') {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const r = solveOm1(d.orders, d.constraints, d.skuCount, { timeLimitSeconds: oursSeconds, mipMaxNodes: maxNodes }, { highs, clock: () => performance.now() });
      const seconds = (performance.now() - t0) / 1000;
      const c1 = process.cpuUsage(c0);
      const cpuSeconds = (c1.user + c1.system) / 1e6;
      const recount = om1Value(d.orders, r.plan, d.constraints);
      if (recount !== r.fulfilledOrders) throw new Error(`${d.date}: plan recounts to ${recount}, result says ${r.fulfilledOrders}`);
      rows.push({ date: d.date, orders: d.orders.length, method: 'ours', status: r.status, objective: recount, bound: r.bound, gap: r.gap, seconds, cpuSeconds,
        digest: createHash('sha256').update(JSON.stringify([Array.from(r.plan), Array.from(r.fulfilled), r.bound, r.status])).digest('hex').slice(0, 16),
        size: `${r.presolve.nodes} order nodes, ${r.presolve.thresholdsAfter} thresholds; ${r.mip ? `HiGHS ${r.mip.nodes} B&B nodes` : 'no MIP'}; plan from ${r.planSource}, bound from ${r.boundSource}` });
    } else {
      const bm = bigMModel(highs, d.orders, d.constraints, 0);
      const a = runHighs(highs, bm.data, highsSeconds);
      const plan = new Float64Array(d.skuCount);
      if (a.col) bm.skuOfX.forEach((sku, i) => { plan[sku] = a.col![i] > 1e-7 ? a.col![i] : 0; });
      const objA = a.col ? om1Value(d.orders, plan, d.constraints) : 0;
      rows.push({ date: d.date, orders: d.orders.length, method: 'highs big-M', status: statusName(a.status), objective: objA, bound: a.bound, gap: gapOf(objA, Math.floor(a.bound + 1e-6)), seconds: a.wall,
        size: `${bm.size.rows} rows, ${bm.size.cols} cols` });
      save();
      const inst = buildOm1Instance(d.orders, d.constraints, d.skuCount, { presolve: false });
      const st = staircaseModel(highs, inst, 0);
      const b = runHighs(highs, st.data, highsSeconds);
      const objB = b.col ? om1Value(d.orders, planOfLevels(inst, levelsFromStaircase(inst, b.col), d.skuCount), d.constraints) : 0;
      rows.push({ date: d.date, orders: d.orders.length, method: 'highs compact', status: statusName(b.status), objective: objB, bound: b.bound, gap: gapOf(objB, Math.floor(b.bound + 1e-6)), seconds: b.wall,
        size: `${st.size.rows} rows, ${st.size.cols} cols` });
    }
    save();
    const last = rows[rows.length - 1];
    process.stderr.write(`${d.date} ${last.method}: ${last.status} ${last.objective} / ${last.bound} (${(last.gap * 100).toFixed(2)}%) ${last.seconds.toFixed(1)} s ${last.size ?? ''}\n`);
  }
}

main(process.argv.slice(2)).catch((e) => { process.stderr.write(`${(e as Error).stack}\n`); process.exitCode = 1; });
