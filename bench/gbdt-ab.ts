/**
 * Training CPU of two builds of the learner, interleaved in one process: this
 * build's `trainGbdt` against another compiled copy (e.g. the previous commit's
 * dist/ copied aside), on bench/gbdt-data.ts (seed 2026), no early stopping.
 * Prints median CPU seconds, held-out AUC / RMSE and whether the models agree.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/gbdt-ab.js --base <dir-with-dist> [--rows N] [--trees N] [--runs N]
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createStreams } from '../sim/index.js';
import * as here from '../strategies/index.js';
import { auc, rmse, syntheticSet } from './gbdt-data.js';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

type Lib = typeof here;

async function main(): Promise<void> {
  const baseDir = argValue('--base');
  if (!baseDir) {
    process.stderr.write('gbdt-ab: --base <dir> is required (a compiled dist/ of the build to compare with)\n');
    process.exit(2);
  }
  const base = (await import(pathToFileURL(resolve(baseDir, 'strategies/index.js')).href)) as Lib;
  const rows = Number(argValue('--rows') ?? 100_000);
  const trees = Number(argValue('--trees') ?? 150);
  const runs = Number(argValue('--runs') ?? 3);
  const streams = createStreams(2026, 0);
  const train = syntheticSet(streams.stream('bench/gbdt/train'), rows);
  const test = syntheticSet(streams.stream('bench/gbdt/test'), Math.round(rows / 2));
  process.stdout.write(`load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${rows} rows, ${trees} trees, ${runs} runs each, interleaved\n`);
  for (const [task, p] of [['binary', here.pm1Params], ['regression', here.pm2Params]] as const) {
    const params = here.gbdtParams({ numTrees: trees, earlyStoppingRounds: 0 }, p);
    const y = task === 'binary' ? train.binary : train.continuous;
    const truth = task === 'binary' ? test.binary : test.continuous;
    const cpu: Record<string, number[]> = { base: [], here: [] };
    const score: Record<string, number> = {};
    const text: Record<string, string> = {};
    for (let i = 0; i < runs; i++) {
      for (const [name, lib] of [['base', base], ['here', here]] as const) {
        const rng = createStreams(2026, 0).stream(`bench/gbdt/${task}`);
        const c0 = process.cpuUsage();
        const { model } = lib.trainGbdt({ x: train.x, y, params, rng });
        const c = process.cpuUsage(c0);
        cpu[name].push((c.user + c.system) / 1e6);
        score[name] = task === 'binary' ? auc(lib.predictProba(model, test.x), truth) : rmse(lib.predictRaw(model, test.x), truth);
        text[name] = JSON.stringify(model);
      }
    }
    const med = (a: number[]): number => [...a].sort((x, z) => x - z)[Math.floor(a.length / 2)];
    const metric = task === 'binary' ? 'AUC' : 'RMSE';
    process.stdout.write(
      `${task}: base ${med(cpu.base).toFixed(2)} CPU s [${cpu.base.map((v) => v.toFixed(2)).join(' ')}] ${metric} ${score.base.toFixed(5)}; ` +
      `here ${med(cpu.here).toFixed(2)} CPU s [${cpu.here.map((v) => v.toFixed(2)).join(' ')}] ${metric} ${score.here.toFixed(5)}; ` +
      `ratio ${(med(cpu.here) / med(cpu.base)).toFixed(3)}; models ${text.base === text.here ? 'identical' : 'differ'}\n`,
    );
  }
}

await main();
