/**
 * `npm run build && node dist/bench/import-bench.js`: times `freshsim import`
 * (the compiled CLI, as a user runs it) on a generated transaction log — by
 * default 300 days of ~100 orders a day from the `tiny` scenario's generator
 * — and, with `--copies N`, on N shifted copies of it to show that memory
 * stays bounded as the log grows. Prints the figures and writes the
 * `## Import` section of docs/BENCHMARKS.md (other sections are kept).
 *
 * Flags: --days D (default 300), --orders O (default 100 a day), --runs R
 * (default 3), --copies N (default 10; 0 skips the large log), --no-write.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildWorld, builtinScenarios, validateScenario, worldOrdersCsv } from '../scenarios/index.js';
import { writeDocSection } from './doc-section.js';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '300' },
    orders: { type: 'string', default: '100' },
    runs: { type: 'string', default: '3' },
    copies: { type: 'string', default: '10' },
    'no-write': { type: 'boolean', default: false },
  },
});
const int = (name: string, v: string, min: number): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new RangeError(`--${name} ${v}: expected a whole number ≥ ${min}`);
  return n;
};
const days = int('days', values.days!, 3);
const ordersPerDay = int('orders', values.orders!, 1);
const runs = int('runs', values.runs!, 1);
const copies = int('copies', values.copies!, 0);

const loadAtStart = loadavg()[0];
const bin = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'freshsim-import-bench-'));

/** Write the log (and `copies` shifted copies of every line, as further years) to `file`; resolves to its line count. */
async function writeLog(file: string, nCopies: number): Promise<number> {
  const tiny = builtinScenarios.tiny;
  const scenario = validateScenario({
    ...tiny, name: 'import-bench', days: { history: days - 5, evaluation: 5, warmup: 5 },
    demand: { ...tiny.demand, ordersPerDay },
  }, 'import-bench');
  const world = buildWorld(scenario, 1);
  const rows = [...worldOrdersCsv(world)];
  const out = createWriteStream(file);
  const write = (s: string) => new Promise<void>((res) => { if (out.write(s)) res(); else out.once('drain', () => res()); });
  await write(`${rows[0]}\n`);
  let lines = 1;
  for (let c = 0; c < nCopies; c++) {
    const shift = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + c * 366 * 86_400_000).toISOString().slice(0, 10);
    let chunk: string[] = [];
    for (let k = 1; k < rows.length; k++) {
      const f = rows[k].split(',');
      f[0] = `${c}-${f[0]}`;
      f[1] = `${shift(f[1].slice(0, 10))}${f[1].slice(10)}`;
      chunk.push(f.join(','));
      if (chunk.length === 10_000) { await write(`${chunk.join('\n')}\n`); chunk = []; }
    }
    if (chunk.length) await write(`${chunk.join('\n')}\n`);
    lines += rows.length - 1;
  }
  await new Promise<void>((res) => out.end(res));
  return lines;
}

/** One timed import: wall seconds and peak resident memory (MB, from /usr/bin/time when present). */
function timeImport(file: string, out: string, heapMb?: number): { seconds: number; cpuSeconds: number | null; maxRssMb: number | null } {
  rmSync(out, { recursive: true, force: true });
  const useTime = existsSync('/usr/bin/time');
  const args = [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), bin, 'import', file, '--out', out];
  const t0 = performance.now();
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-f', 'maxrss-kb=%M cpu=%U+%S', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`import failed (${r.status}): ${r.stderr}`);
  const m = /maxrss-kb=(\d+) cpu=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  return { seconds, cpuSeconds: m ? Number(m[2]) + Number(m[3]) : null, maxRssMb: m ? Math.round(Number(m[1]) / 1024) : null };
}

function measure(label: string, file: string, lines: number, heapMb?: number, n = runs) {
  const times: number[] = [];
  const cpu: number[] = [];
  let rss = 0;
  for (let k = 0; k < n; k++) {
    const r = timeImport(file, join(work, 'out'), heapMb);
    times.push(r.seconds);
    if (r.cpuSeconds !== null) cpu.push(r.cpuSeconds);
    rss = Math.max(rss, r.maxRssMb ?? 0);
  }
  times.sort((x, y) => x - y);
  cpu.sort((x, y) => x - y);
  const cpuMedian = cpu.length ? cpu[Math.floor(cpu.length / 2)] : null;
  const median = times[Math.floor(times.length / 2)];
  const profile = JSON.parse(readFileSync(join(work, 'out', 'profile.json'), 'utf8'));
  const row = { label, heap: heapMb ? `${heapMb} MB` : 'default', lines, mb: statSync(file).size / 1e6, days: profile.days.count as number, orders: Math.round(profile.ordersPerDay.mean * profile.days.count), median, cpuMedian, min: times[0], max: times[times.length - 1], rss };
  console.log(`${label}: ${lines} lines (${row.mb.toFixed(1)} MB), ${row.days} days, ${row.orders} orders — median ${median.toFixed(2)} s wall (min ${row.min.toFixed(2)}, max ${row.max.toFixed(2)}), ${cpuMedian?.toFixed(2) ?? '?'} s CPU, peak RSS ${rss || '?'} MB`);
  return row;
}

/** The large log runs with the JavaScript heap capped below the log's size: it must still complete. */
const LARGE_HEAP_MB = 64;

const small = join(work, 'log.csv');
const rows = [measure(`${days} days × ~${ordersPerDay} orders`, small, await writeLog(small, 1))];
if (copies > 0) {
  const large = join(work, 'large.csv');
  rows.push(measure(`${copies} copies of it`, large, await writeLog(large, copies), LARGE_HEAP_MB, 1));
}
rmSync(work, { recursive: true, force: true });

const command = `npm run build && node dist/bench/import-bench.js${values.days !== '300' ? ` --days ${days}` : ''}${values.orders !== '100' ? ` --orders ${ordersPerDay}` : ''}${values.runs !== '3' ? ` --runs ${runs}` : ''}${values.copies !== '10' ? ` --copies ${copies}` : ''}`;
const section = [
  '## Import',
  '',
  '<!-- Written by bench/import-bench.ts; rerun the command below rather than editing by hand. -->',
  '',
  '`freshsim import` (the compiled CLI, Node start-up included) on a transaction log generated from the',
  `built-in \`tiny\` scenario (one CSV line per order line: order id, timestamp, SKU, quantity, price, category, site), ${runs} runs (the larger log once);`,
  `the larger log is the same log repeated as further years, imported with the JavaScript heap capped at ${LARGE_HEAP_MB} MB (\`node --max-old-space-size=${LARGE_HEAP_MB}\`, smaller than the log) to show that memory stays bounded`,
  '(sales are spooled to disk by date once 40,000 are held; then one day at a time is grouped and written). Goal: the 300-day log in under 30 s.',
  'Wall time depends on the load of the machine (other work running; the load average at the start is given); CPU time (user + system) less so.',
  '',
  '```sh',
  command,
  '```',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} (load average ${loadAtStart.toFixed(1)} at the start) on ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Linux ${release()}, Node.js ${process.version}.`,
  '',
  '| log | lines | MB | days | orders | heap cap | median wall s | min–max wall s | median CPU s | peak RSS MB |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.label} | ${r.lines.toLocaleString('en-US')} | ${r.mb.toFixed(1)} | ${r.days} | ${r.orders.toLocaleString('en-US')} | ${r.heap} | ${r.median.toFixed(2)} | ${r.min.toFixed(2)}–${r.max.toFixed(2)} | ${r.cpuMedian?.toFixed(2) ?? 'n/a'} | ${r.rss || 'n/a'} |`),
  '',
].join('\n');

if (!values['no-write']) {
  const docs = fileURLToPath(new URL('../../docs/BENCHMARKS.md', import.meta.url));
  writeDocSection(docs, '## Import', section);
  console.log(`wrote the Import section of ${docs}`);
}
