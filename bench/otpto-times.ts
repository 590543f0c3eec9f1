/**
 * OTPTO's training and prediction times per decision on a scenario (default
 * paper-7fresh, replication 1): simulates the run with `otpto` and prints,
 * from its per-decision diagnostics, label-solving, training and prediction
 * wall times, and the process CPU time. Labels come from the OM1 cache when
 * warm (run it twice to see both). Usage:
 *
 *   npx tsc -p tsconfig.json && node dist/bench/otpto-times.js [scenario] [rep] [cacheDir]
 */
import { loadHighs } from '../cli/highs.js';
import { cacheDirOf, fileOm1Cache } from '../cli/om1-cache.js';
import { loadScenario } from '../cli/files.js';
import { buildWorld } from '../scenarios/index.js';
import { createStreams, indexDemand, simulate } from '../sim/index.js';
import { createPlanner, type OtptoDecision } from '../strategies/index.js';

const [name = 'paper-7fresh', repText = '1', dir] = process.argv.slice(2);
const scenario = loadScenario(name);
const rep = Number(repText);
const world = buildWorld(scenario, rep);
const highs = await loadHighs();
const cache = fileOm1Cache(cacheDirOf(dir));
const decisions: OtptoDecision[] = [];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const planner = createPlanner('otpto', {}, { highs, om1Cache: cache, clock: () => performance.now(), onDecision: (d) => decisions.push(d as OtptoDecision) });
simulate(world, planner, { streams: createStreams(scenario.seed, rep), demand: indexDemand(world) });
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const trained = decisions.filter((d) => d.retrained);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const f = (x: number, k = 2) => x.toFixed(k);
console.log(`OTPTO on ${scenario.name}, replication ${rep}: ${decisions.length} decisions, ${trained.length} trainings; cache ${JSON.stringify(cache.stats)}`);
console.log(`| decisions | trainings | label s (sum) | train s per training (mean / max) | predict s per decision (mean / max) | run wall s | process CPU s |`);
console.log(`|---:|---:|---:|---:|---:|---:|---:|`);
console.log(`| ${decisions.length} | ${trained.length} | ${f(decisions.reduce((a, d) => a + d.labelSeconds, 0), 1)} | ${f(mean(trained.map((d) => d.trainSeconds)))} / ${f(Math.max(...trained.map((d) => d.trainSeconds)))} | ${f(mean(decisions.map((d) => d.predictSeconds)), 3)} / ${f(Math.max(...decisions.map((d) => d.predictSeconds)), 3)} | ${f(wall, 1)} | ${f((cpu.user + cpu.system) / 1e6, 1)} |`);
