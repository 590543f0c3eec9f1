/**
 * `freshsim sweep EXPERIMENT_FILE`: run every cell of an experiment file
 * (scenarios × strategy variants × seeds) on a local pool, on Redis workers
 * (`--queue`), or one deterministic slice of it (`--shard I/N`), into a
 * resumable run directory; then write the summaries of every scenario.
 */
import { join } from 'node:path';
import { parseShard } from '../shard.js';
import { loadExperiment } from '../experiment-file.js';
import { checkOutDir, freshsimVersion } from '../files.js';
import { checkPlanSize, checkWorkers } from '../limits.js';
import { checkSamePlan, writeSummaries } from '../run-dir.js';
import { executePlan } from '../runner.js';
import { aggregateTable } from '../tables.js';
import { checkCount } from './run.js';
import type { PoolOptions } from '../pool.js';
import { accountFor, type Io, type RunContext } from './outcome.js';

/** Parsed flags of `sweep`. */
export interface SweepArgs {
  readonly file: string;
  readonly out?: string;
  readonly workers?: number;
  readonly retries?: number;
  readonly queue?: string;
  readonly shard?: string;
  /** Replace the plan of another experiment already in the run directory. */
  readonly overwrite?: boolean;
  /** OM1 cache options for the pool's threads. */
  readonly services?: PoolOptions;
}

/** Run the `sweep` command; resolves to the exit code. */
export async function sweepCommand(args: SweepArgs, io: Io, ctx: RunContext = {}): Promise<number> {
  checkWorkers('workers', args.workers);
  checkCount('retries', args.retries, 0);
  const shard = args.shard !== undefined ? parseShard(args.shard) : undefined;
  const { plan, file } = loadExperiment(args.file, freshsimVersion());
  const base = args.out ?? file.out ?? join('runs', plan.name);
  const out = shard ? join(base, `shard-${shard.index}-of-${shard.count}`) : base;
  checkPlanSize(plan.scenarios, plan.variants.length, plan.seeds.length);
  checkOutDir(out);
  checkSamePlan(out, plan, args.overwrite === true);
  const started = performance.now();
  io.stderr(`sweep '${plan.name}': ${plan.cells.length} cells (${plan.scenarios.length} scenarios × ${plan.variants.length} strategies × ${plan.seeds.length} seeds)` +
    `${shard ? `, shard ${shard.index}/${shard.count}` : ''} → ${out}\n`);
  const r = await executePlan(plan, {
    dir: out, workers: args.workers, retries: args.retries ?? file.retries, queue: args.queue, shard, services: args.services,
    signal: ctx.signal, progress: ctx.progress, log: (line) => io.stderr(`${line}\n`),
  });
  const rerun = `freshsim sweep ${args.file} --out ${base}${shard ? ` --shard ${shard.index}/${shard.count}` : ''}`;
  const code = accountFor(r, rerun, io);
  if (code !== undefined) return code;
  if (!r.complete) {
    io.stdout(`Shard ${shard!.index}/${shard!.count} done: ${r.resumed + r.finished} cells in ${out}; join the shards with \`freshsim merge SHARD_DIR... --out DIR\`\n`);
    return 0;
  }
  for (const { scenario, results, timing, file } of writeSummaries(out, plan, r.records, (performance.now() - started) / 1000)) {
    io.stdout(`Scenario ${scenario} — ${plan.seeds.length} seed${plan.seeds.length === 1 ? '' : 's'} × ${results.days.length} days\n\n`);
    io.stdout(`${aggregateTable(results, timing)}\n\nResults: ${file}\n\n`);
  }
  return 0;
}
