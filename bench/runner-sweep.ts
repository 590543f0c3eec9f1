/**
 * Experiment-runner benchmark: wall-clock cells/s of a sweep of ≥ 200
 * non-learning cells (tiny × pto-greedy, safety-stock, newsvendor × N seeds)
 * inline, on a local pool of 1 and 2 workers (parallel efficiency = rate(2) /
 * (2 · rate(1))), and through Redis + BullMQ with 1 and 2 `freshsim worker`
 * processes (overhead per cell against the local pool of the same size).
 * A reference row shows what the machine itself allows: the same cells
 * split in two halves run by two independent `--child` processes inline (no
 * pool, no coordination), against one such process running them all; its
 * "efficiency" is the ceiling the runner is measured against on this machine
 * (V8's own background threads — GC, compilation — make one Node process
 * use more than one core by itself).
 * Every configuration runs `--rounds` times, interleaved, into a fresh
 * directory; the table gives the median and the spread. Needs the build and,
 * for the queue rows, redis-server.
 *
 *   npm run build && node dist/bench/runner-sweep.js [--scenario tiny] [--seeds 70] [--evaluation-days 5] [--rounds 3] [--no-queue]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { executePlan } from '../cli/runner.js';
import { planOfRun } from '../experiment/index.js';
import { builtinScenario, validateScenario } from '../scenarios/index.js';
import { startRedis, type TestRedis } from './redis-server.js';

const arg = (name: string, dflt: number): number => {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? Number(process.argv[k + 1]) : dflt;
};
const seeds = arg('seeds', 70);
const rounds = arg('rounds', 3);
const evaluationDays = arg('evaluation-days', 5);
const withQueue = !process.argv.includes('--no-queue');
const sk = process.argv.indexOf('--scenario');
const scenarioName = sk >= 0 ? process.argv[sk + 1] : 'tiny';
const ck = process.argv.indexOf('--child');
const child = ck >= 0 ? process.argv[ck + 1] : undefined; // `I/N`: run that slice inline and exit
const bin = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const self = fileURLToPath(import.meta.url);
const found = builtinScenario(scenarioName);
if (!found) throw new Error(`--scenario ${scenarioName}: not a built-in scenario`);
const base = found;
const plan = planOfRun({
  scenario: validateScenario({ ...base, days: { ...base.days, evaluation: evaluationDays } }, scenarioName),
  strategies: [{ name: 'pto-greedy' }, { name: 'safety-stock' }, { name: 'newsvendor' }],
  seeds: Array.from({ length: seeds }, (_, k) => k + 1),
  version: 'bench',
});
const cells = plan.cells.length;

/** Start `freshsim worker` processes and resolve once each is taking cells. */
async function startWorkers(url: string, n: number): Promise<ChildProcess[]> {
  return Promise.all(Array.from({ length: n }, () => new Promise<ChildProcess>((resolve, reject) => {
    const w = spawn(process.execPath, [bin, 'worker', '--queue', url, '--concurrency', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    w.stderr!.on('data', (d) => {
      err += d;
      if (err.includes('taking cells')) resolve(w);
    });
    w.once('exit', (code) => reject(new Error(`worker exited (${code}): ${err}`)));
  })));
}

async function stopWorkers(ws: ChildProcess[]): Promise<void> {
  await Promise.all(ws.map((w) => new Promise<void>((resolve) => {
    w.removeAllListeners('exit');
    w.once('exit', () => resolve());
    w.kill('SIGTERM');
  })));
}

/** Run the `I/N` slice of the plan inline in this process (the reference rows' child). */
async function runChild(slice: string): Promise<void> {
  const [index, count] = slice.split('/').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'freshsim-bench-child-'));
  try {
    const r = await executePlan(plan, { dir, workers: 0, shard: { index, count } });
    if (r.failed.length > 0 || r.interrupted) throw new Error(`child ${slice}: ${r.failed.length} cells failed`);
    const u = process.cpuUsage(); // this whole process, all its threads
    process.stdout.write(`cpu=${(u.user + u.system) / 1e6}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Run `n` independent child processes on the n slices of the plan; resolves to their total CPU seconds. */
async function runChildren(n: number): Promise<number> {
  const argv = process.argv.slice(2).filter((a, k, xs) => a !== '--child' && xs[k - 1] !== '--child');
  const cpuOf = await Promise.all(Array.from({ length: n }, (_, k) => new Promise<number>((resolve, reject) => {
    const c = spawn(process.execPath, [self, ...argv, '--child', `${k + 1}/${n}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    c.stdout!.on('data', (d) => (out += d));
    c.stderr!.on('data', (d) => (err += d));
    c.once('exit', (code) => {
      const cpu = Number(/cpu=([\d.]+)/.exec(out)?.[1]);
      if (code === 0 && Number.isFinite(cpu)) resolve(cpu);
      else reject(new Error(`child ${k + 1}/${n} exited (${code}): ${err}`));
    });
  })));
  return cpuOf.reduce((a, b) => a + b, 0);
}

interface Config { readonly name: string; readonly workers: number; readonly queue: boolean; readonly processes?: boolean }

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function processCpuS(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** Wall seconds and CPU seconds (this process, all its threads, plus the worker processes) of one sweep. */
async function timeOnce(c: Config, redis: TestRedis | undefined): Promise<{ wall: number; cpu: number }> {
  if (c.processes) {
    const t0 = performance.now();
    const cpu = await runChildren(c.workers);
    return { wall: (performance.now() - t0) / 1000, cpu };
  }
  const dir = mkdtempSync(join(tmpdir(), 'freshsim-bench-runner-'));
  const ws = c.queue ? await startWorkers(redis!.url, c.workers) : [];
  try {
    const cpu0 = process.cpuUsage();
    const w0 = ws.map((w) => processCpuS(w.pid!));
    const t0 = performance.now();
    const r = await executePlan(plan, { dir, workers: c.workers, queue: c.queue ? redis!.url : undefined });
    const wall = (performance.now() - t0) / 1000;
    const own = process.cpuUsage(cpu0);
    const workersCpu = ws.reduce((a, w, k) => a + processCpuS(w.pid!) - w0[k], 0);
    if (!r.complete || r.finished !== cells) throw new Error(`${c.name}: ${r.finished} of ${cells} cells finished`);
    return { wall, cpu: (own.user + own.system) / 1e6 + workersCpu };
  } finally {
    await stopWorkers(ws);
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main(): Promise<void> {
  const configs: Config[] = [
    { name: 'inline (main thread)', workers: 0, queue: false },
    { name: 'pool, 1 worker', workers: 1, queue: false },
    { name: 'pool, 2 workers', workers: 2, queue: false },
    { name: 'reference: 1 independent process', workers: 1, queue: false, processes: true },
    { name: 'reference: 2 independent processes', workers: 2, queue: false, processes: true },
    ...(withQueue ? [{ name: 'Redis, 1 worker process', workers: 1, queue: true }, { name: 'Redis, 2 worker processes', workers: 2, queue: true }] : []),
  ];
  const redis = withQueue ? await startRedis() : undefined;
  const load0 = loadavg()[0];
  const times = new Map<string, number[]>(configs.map((c) => [c.name, []]));
  const cpu = new Map<string, number[]>(configs.map((c) => [c.name, []]));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const c of configs) {
        const { wall: s, cpu: cpuS } = await timeOnce(c, redis);
        times.get(c.name)!.push(s);
        cpu.get(c.name)!.push(cpuS);
        process.stderr.write(`round ${round + 1}: ${c.name}: ${s.toFixed(2)} s (${(cells / s).toFixed(1)} cells/s), CPU ${cpuS.toFixed(2)} s, load ${loadavg()[0].toFixed(1)}\n`);
      }
    }
  } finally {
    await redis?.stop();
  }
  const rate = (name: string) => cells / median(times.get(name)!);
  const cpuPerCell = (name: string) => median(cpu.get(name)!) / cells;
  const rows = configs.map((c) => {
    const ts = times.get(c.name)!;
    const one = c.processes ? 'reference: 1 independent process' : c.queue ? 'Redis, 1 worker process' : 'pool, 1 worker';
    const extra = c.workers === 2 ? `${((100 * rate(c.name)) / (2 * rate(one))).toFixed(0)}%` : '';
    const cpuEff = c.workers === 2 ? `${((100 * cpuPerCell(one)) / cpuPerCell(c.name)).toFixed(0)}%` : '';
    const overhead = c.queue ? `${((1000 * (median(ts) - median(times.get(`pool, ${c.workers} worker${c.workers === 1 ? '' : 's'}`)!))) / cells).toFixed(1)} ms` : '';
    return `| ${c.name} | ${rate(c.name).toFixed(1)} | ${median(ts).toFixed(2)} (${Math.min(...ts).toFixed(2)}–${Math.max(...ts).toFixed(2)}) | ` +
      `${(1000 * cpuPerCell(c.name)).toFixed(1)} | ${extra} | ${cpuEff} | ${overhead} |`;
  });
  process.stdout.write([
    `${cells} cells (${scenarioName} × pto-greedy, safety-stock, newsvendor × ${seeds} seeds; ${evaluationDays} evaluation + ` +
      `${base.days.warmup} warm-up days each, ${base.days.history} history days), ` +
      `${rounds} rounds, median wall time (min–max); ${cpus().length} cores, 1-min load ${load0.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end.`,
    '',
    '| configuration | cells/s | wall s, median (min–max) | CPU ms per cell | parallel efficiency (wall) | CPU efficiency | wall overhead per cell vs local pool |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'));
}

(child ? runChild(child) : main()).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 1;
});
