/**
 * CPU of the day-loop tasks (bench/day-loop-tasks.ts) of two builds,
 * interleaved in one process: this build against another compiled copy (e.g.
 * the previous commit's dist/ copied aside). Prints median CPU seconds per task.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/day-loop-ab.js --base <dir-with-dist> [--runs N]
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as here from './day-loop-tasks.js';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const baseDir = argValue('--base');
  if (!baseDir) {
    process.stderr.write('day-loop-ab: --base <dir> is required (a compiled dist/ of the build to compare with)\n');
    process.exit(2);
  }
  const base = (await import(pathToFileURL(resolve(baseDir, 'bench/day-loop-tasks.js')).href)) as typeof here;
  const runs = Number(argValue('--runs') ?? 5);
  const sides = [['base', base.dayLoopTasks()], ['here', here.dayLoopTasks()]] as const;
  process.stdout.write(`load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${runs} runs each, interleaved\n`);
  const med = (a: number[]): number => [...a].sort((x, z) => x - z)[Math.floor(a.length / 2)];
  for (let t = 0; t < sides[0][1].length; t++) {
    const cpu: Record<string, number[]> = { base: [], here: [] };
    const events: Record<string, number> = {};
    for (let i = 0; i < runs; i++) {
      for (const [name, tasks] of sides) {
        const c0 = process.cpuUsage();
        events[name] = tasks[t].run();
        const c = process.cpuUsage(c0);
        cpu[name].push((c.user + c.system) / 1e6);
      }
    }
    process.stdout.write(
      `${sides[1][1][t].name}: base ${med(cpu.base).toFixed(3)} CPU s, here ${med(cpu.here).toFixed(3)} CPU s, ` +
      `ratio ${(med(cpu.here) / med(cpu.base)).toFixed(3)}; events ${events.base === events.here ? 'same' : `differ (${events.base} vs ${events.here})`}\n`,
    );
  }
}

await main();
