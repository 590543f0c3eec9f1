/**
 * `freshsim merge SHARD_DIR... --out DIR`: join the run directories of the
 * shards of one experiment into one, and write its summaries once every cell
 * has a record. Shard directories are only read. Two records of one cell must
 * agree (a cell's numbers never depend on where it ran); if they differ the
 * merge stops and names the cell.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, missingCells } from '../../experiment/index.js';
import { ExitCode, UsageError } from '../errors.js';
import { openStore, parseStore, STORE_FILE, type CellRecord } from '../result-store.js';
import { planOf, readExperiment, writeExperiment, writeSummaries } from '../run-dir.js';
import type { Io } from './outcome.js';

/** Parsed flags of `merge`. */
export interface MergeArgs {
  readonly shards: readonly string[];
  readonly out: string;
}

/** Run the `merge` command; returns the exit code. */
export function mergeCommand(args: MergeArgs, io: Io): number {
  const started = performance.now();
  if (args.shards.length === 0) throw new UsageError('merge: expected at least one shard directory');
  const docs = args.shards.map((dir) => {
    const doc = readExperiment(dir);
    if (!doc) throw new UsageError(`'${dir}' is not a run directory (no experiment.json); expected a directory written by \`freshsim sweep\``);
    return doc;
  });
  const planText = canonicalJson(docs[0].plan);
  const other = docs.findIndex((d) => canonicalJson(d.plan) !== planText);
  if (other >= 0) {
    throw new UsageError(`'${args.shards[other]}' holds a different experiment than '${args.shards[0]}'; expected shards of one experiment`);
  }
  const plan = planOf(docs[0], args.shards[0]);
  const inPlan = new Set(plan.cells.map((c) => c.id));
  writeExperiment(args.out, plan, null);
  const store = openStore(args.out);
  const records = store.records;
  let added = 0;
  try {
    const seen = new Map<string, { record: CellRecord; from: string }>([...store.records].map(([id, record]) => [id, { record, from: args.out }]));
    for (const dir of args.shards) {
      const file = join(dir, STORE_FILE);
      if (!existsSync(file)) continue;
      const { records, complete } = parseStore(readFileSync(file, 'utf8'), file);
      if (complete < Buffer.byteLength(readFileSync(file, 'utf8'))) io.stderr(`${file}: ignoring a half-written last record\n`);
      for (const record of records) {
        if (!inPlan.has(record.id)) continue;
        const prior = seen.get(record.id);
        if (prior) {
          if (canonicalJson(prior.record.figures) !== canonicalJson(record.figures)) {
            throw new UsageError(`cell ${record.key} has different results in '${prior.from}' and '${dir}'; a cell's results must not depend on where it ran`);
          }
          continue;
        }
        seen.set(record.id, { record, from: dir });
        store.append(record);
        added++;
      }
    }
  } finally {
    store.close();
  }
  const missing = missingCells(plan, records);
  io.stderr(`merge: ${added} records added; ${records.size} of ${plan.cells.length} cells in ${join(args.out, STORE_FILE)}\n`);
  if (missing.length > 0) {
    io.stderr(`${missing.length} cells have no record yet (first: ${missing[0].key}); merge the missing shards, or run them into '${args.out}' with \`freshsim sweep\`\n`);
    return ExitCode.badInput;
  }
  for (const { file } of writeSummaries(args.out, plan, records, (performance.now() - started) / 1000)) io.stdout(`Results: ${file}\n`);
  return 0;
}
