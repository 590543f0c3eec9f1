/**
 * The gradient-boosted tree learner on PM1-like (binary) and PM2-like
 * (regression) synthetic data, 100k training rows × 30 features, with the
 * paper's Table 4 parameters and early stopping on a validation set: training
 * time (wall and CPU), rounds, time per tree, prediction throughput and
 * held-out AUC / RMSE. Writes its own section of docs/BENCHMARKS.md.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/gbdt.bench.js [--rows N] [--no-write]
 */
import { cpus, loadavg } from 'node:os';
import { createStreams } from '../sim/index.js';
import {
  pm1Params, pm2Params, predictProba, predictRaw, trainGbdt, type GbdtParams, type TrainResult,
} from '../strategies/index.js';
import { writeDocSection } from './doc-section.js';
import { auc, BENCH_FEATURES, rmse, syntheticSet, type SyntheticSet } from './gbdt-data.js';

const SECTION = '## Gradient-boosted trees';
const SEED = 2026;

interface Row {
  readonly task: string;
  readonly params: GbdtParams;
  readonly result: TrainResult;
  readonly wallS: number;
  readonly cpuS: number;
  readonly predictRowsPerS: number;
  readonly metric: string;
  readonly value: number;
  readonly reference: string;
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Median CPU seconds (user + system) of `runs` calls. */
function medianCpuSeconds(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

function runTask(task: string, params: GbdtParams, train: SyntheticSet, valid: SyntheticSet, test: SyntheticSet): Row {
  const binary = params.objective === 'binary';
  const pick = (s: SyntheticSet): Float64Array => (binary ? s.binary : s.continuous);
  const rng = createStreams(SEED, 0).stream(`bench/gbdt/${task}`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = trainGbdt({ x: train.x, y: pick(train), params, rng, validation: { x: valid.x, y: pick(valid) } });
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const model = result.model;
  const predictS = medianCpuSeconds(3, () => predictRaw(model, test.x));
  const truth = pick(test);
  if (binary) {
    const value = auc(predictProba(model, test.x), truth);
    const reference = `true latent score ${auc(test.latent, truth).toFixed(4)}, constant 0.5`;
    return { task, params, result, wallS, cpuS, predictRowsPerS: test.x.numRows / predictS, metric: 'AUC', value, reference };
  }
  let mean = 0;
  for (const v of truth) mean += v / truth.length;
  const value = rmse(predictRaw(model, test.x), truth);
  const sd = rmse(new Float64Array(truth.length).fill(mean), truth);
  const reference = `noise-free target ${rmse(test.noiseFree, truth).toFixed(4)}, test mean ${sd.toFixed(3)}`;
  return { task, params, result, wallS, cpuS, predictRowsPerS: test.x.numRows / predictS, metric: 'RMSE', value, reference };
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The Markdown section (pure: numbers in, text out). */
function renderSection(rows: readonly Row[], sizes: { train: number; valid: number; test: number }, load: number[], date: string): string {
  const lines = [
    SECTION,
    '',
    'Reproduce with:',
    '',
    '```sh',
    'npx tsc -p tsconfig.json && node dist/bench/gbdt.bench.js',
    '```',
    '',
    `Measured ${date} on one core of: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node.js ${process.version}; load average at the`,
    `start ${load.map((l) => l.toFixed(1)).join(' / ')} on 2 cores. Where that is well above 1, other work shared the cores and`,
    'caches: wall time then overstates the cost, and even CPU time is inflated; CPU time is the fairer figure.',
    '',
    `Data (\`bench/gbdt-data.ts\`, seed ${SEED}): ${fmt(sizes.train)} training rows × ${BENCH_FEATURES} features shaped like OTPTO's`,
    '(sales-like counts, skewed quantities, shares, weekday and category codes; 5 features with missing values,',
    `2 correlated copies and 16 noise features); a non-linear latent score gives a binary label (PM1-like) and a`,
    `continuous target (PM2-like). ${fmt(sizes.valid)} validation rows for early stopping, ${fmt(sizes.test)} held-out test rows.`,
    'Parameters: the exported Table 4 defaults `pm1Params` / `pm2Params` (31 leaves, max depth 5, min child',
    'samples 5, subsample 0.8, colsample 0.8, learning rate 0.05 / 0.1, L1 0, L2 0.1, up to 600 trees, early',
    'stopping after 50 rounds without improvement), 255 bins per feature.',
    '',
    '| task | rounds run | trees kept | train wall s | train CPU s | ms / tree (CPU) | predict rows/s (CPU, all kept trees) | held-out | same test rows, by what generated them (ceiling) and by a constant |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) =>
      `| ${r.task} | ${r.result.roundsRun} | ${r.result.model.trees.length} | ${r.wallS.toFixed(1)} | ${r.cpuS.toFixed(1)} | ` +
      `${((1000 * r.cpuS) / r.result.roundsRun).toFixed(1)} | ${fmt(r.predictRowsPerS)} | ${r.metric} ${r.value.toFixed(4)} | ${r.reference} |`),
    '',
    `Goal: 100k rows × 30 features × a few hundred trees well under a minute on one core.`,
    ...rows.map((r) => (r.result.stoppedEarly
      ? `${r.task}: early stopping ended training after ${r.result.roundsRun} rounds; the best round was ${r.result.model.trees.length}.`
      : `${r.task}: ran all ${r.result.roundsRun} rounds (no 50-round stall in the validation loss); the best round was ${r.result.model.trees.length}.`)),
    `Prediction: test rows scored per CPU second through all kept trees (median of 3 passes over the ${fmt(sizes.test)} rows).`,
    '',
    'Training time includes binning (once per run), gradients, row and column sampling, histogram building',
    '(only the smaller child of each split; the larger is the parent minus it), split search, and the score',
    'updates of training, out-of-bag and validation rows after each tree.',
    '',
  ];
  return lines.join('\n');
}

function main(): void {
  const train = Number(argValue('--rows') ?? 100_000);
  const sizes = { train, valid: Math.round(train / 5), test: Math.round(train / 2) };
  const load = loadavg();
  const streams = createStreams(SEED, 0);
  const trainSet = syntheticSet(streams.stream('bench/gbdt/data/train'), sizes.train);
  const validSet = syntheticSet(streams.stream('bench/gbdt/data/valid'), sizes.valid);
  const testSet = syntheticSet(streams.stream('bench/gbdt/data/test'), sizes.test);
  const rows = [
    runTask('PM1-like binary (pm1Params)', pm1Params, trainSet, validSet, testSet),
    runTask('PM2-like regression (pm2Params)', pm2Params, trainSet, validSet, testSet),
  ];
  for (const r of rows) {
    console.log(`${r.task}: ${r.result.roundsRun} rounds (${r.result.model.trees.length} kept), ` +
      `wall ${r.wallS.toFixed(1)} s, CPU ${r.cpuS.toFixed(1)} s, ${((1000 * r.cpuS) / r.result.roundsRun).toFixed(1)} ms/tree, ` +
      `predict ${fmt(r.predictRowsPerS)} rows/s, ${r.metric} ${r.value.toFixed(4)}`);
  }
  if (process.argv.includes('--no-write')) return;
  const section = renderSection(rows, sizes, load, new Date().toISOString().slice(0, 10));
  writeDocSection(new URL('../../docs/BENCHMARKS.md', import.meta.url).pathname, SECTION, section);
  console.log('wrote the "Gradient-boosted trees" section of docs/BENCHMARKS.md');
}

main();
