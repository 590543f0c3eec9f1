/*
 * The experiment runner through its API: results identical at pool sizes 1, 2 and 4 (and inline,
 * and equal to the in-memory path), summaries derived from stored records alone, a half-written
 * last record redone, a dying or throwing worker affecting only its cell, an abort keeping what
 * finished, and shards merged back into the same results. Needs the build (dist/cli/cell-worker.js).
 */
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mergeCommand } from '../../cli/commands/merge.js';
import { resultsJson, writeSummaries } from '../../cli/run-dir.js';
import { executePlan, type ExecuteOptions } from '../../cli/runner.js';
import { planOfRun, runExperiment, type RunSpec } from '../../experiment/index.js';
import { workerScript } from '../../cli/pool.js';
import { builtinScenario, validateScenario } from '../../scenarios/index.js';

const tiny = builtinScenario('tiny')!;
const spec: RunSpec = {
  scenario: validateScenario({ ...tiny, days: { ...tiny.days, evaluation: 3 } }, 'tiny-3'),
  strategies: [{ name: 'pto-greedy' }, { name: 'safety-stock' }, { name: 'newsvendor' }],
  seeds: [1, 2],
  version: 'test',
};
const plan = planOfRun(spec);
const quiet = { stdout: () => {}, stderr: () => {} };

let root: string;
let reference: string;
beforeAll(() => {
  workerScript(); // fails clearly if the build is missing
  root = mkdtempSync(join(tmpdir(), 'freshsim-runner-'));
  reference = resultsJson(runExperiment(spec).results);
});
afterEach(() => {
  delete process.env.FRESHSIM_FAULT;
});

async function execute(dir: string, opts: Partial<ExecuteOptions> = {}) {
  const r = await executePlan(plan, { dir, workers: 2, ...opts });
  if (r.complete) writeSummaries(dir, plan, r.records, 0);
  return r;
}
const resultsOf = (dir: string) => readFileSync(join(dir, 'results.json'), 'utf8');
const storeLines = (dir: string) => readFileSync(join(dir, 'cells.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('experiment runner', () => {
  it('gives byte-identical results at pool sizes 1, 2 and 4 and inline, equal to the in-memory path', async () => {
    for (const workers of [1, 2, 4, 0]) {
      const dir = join(root, `pool-${workers}`);
      const r = await execute(dir, { workers });
      expect(r.complete).toBe(true);
      expect(r.finished).toBe(plan.cells.length);
      expect(resultsOf(dir)).toBe(reference);
      const ids = storeLines(dir).map((x) => x.id);
      expect(new Set(ids).size).toBe(plan.cells.length);
    }
  });

  it('runs the cells that share a world on one thread', async () => {
    const dir = join(root, 'grouping');
    const four = planOfRun({ ...spec, seeds: [1, 2, 3, 4] });
    const r = await executePlan(four, { dir, workers: 2 });
    expect(r.complete).toBe(true);
    const threadOf = new Map(storeLines(dir).map((x) => [x.key as string, x.ranOn as string]));
    // Replications 1 and 2 are started first, one per thread, before any thread could steal.
    for (const rep of [1, 2]) {
      const threads = new Set(four.cells.filter((c) => c.replication === rep).map((c) => threadOf.get(c.key)));
      expect(threads.size).toBe(1);
    }
    expect(threadOf.get(four.cells[0].key)).not.toBe(threadOf.get(four.cells[3].key));
  });

  it('resumes: a second run finds every cell stored and computes nothing', async () => {
    const dir = join(root, 'pool-2');
    const r = await execute(dir);
    expect(r.resumed).toBe(plan.cells.length);
    expect(r.finished).toBe(0);
    expect(resultsOf(dir)).toBe(reference);
  });

  it('cuts off a half-written last record and redoes only that cell', async () => {
    const dir = join(root, 'truncated');
    await execute(dir);
    const file = join(dir, 'cells.jsonl');
    const lines = storeLines(dir);
    const size = readFileSync(file).length;
    truncateSync(file, size - 40); // the last record loses its end and its newline
    const logs: string[] = [];
    const r = await execute(dir, { log: (l) => logs.push(l) });
    expect(r.repairedBytes).toBeGreaterThan(0);
    expect(logs.join('\n')).toContain('half-written last record');
    expect(r.resumed).toBe(plan.cells.length - 1);
    expect(r.finished).toBe(1);
    const after = storeLines(dir);
    expect(after).toHaveLength(plan.cells.length);
    expect(after.at(-1).id).toBe(lines.at(-1).id);
    expect(resultsOf(dir)).toBe(reference);
  });

  it('refuses a store damaged before its last line, naming the line, and leaves it as it was', async () => {
    const dir = join(root, 'damaged');
    await execute(dir);
    const file = join(dir, 'cells.jsonl');
    const text = readFileSync(file, 'utf8');
    const damaged = text.replace(/^\{"id"/, '{"id" oops');
    writeFileSync(file, damaged);
    await expect(execute(dir)).rejects.toThrow(/cells\.jsonl: line 1 is not a valid cell record/);
    expect(readFileSync(file, 'utf8')).toBe(damaged);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('retries a cell whose worker thread died mid-cell: no cell lost or duplicated', async () => {
    const dir = join(root, 'thread-death');
    const victim = plan.cells[3].key;
    process.env.FRESHSIM_FAULT = JSON.stringify({ cell: victim, kind: 'exit', marker: join(root, 'exit-marker') });
    const r = await execute(dir, { workers: 2, retries: 1 });
    expect(existsSync(join(root, 'exit-marker'))).toBe(true); // the fault did happen
    expect(r.failed).toEqual([]);
    expect(r.complete).toBe(true);
    const records = storeLines(dir);
    expect(records).toHaveLength(plan.cells.length);
    expect(new Set(records.map((x) => x.id)).size).toBe(plan.cells.length);
    expect(records.find((x) => x.key === victim).attempts).toBe(2);
    expect(resultsOf(dir)).toBe(reference);
  });

  it('without retries, a throwing cell fails alone and is listed; a rerun finishes it', async () => {
    const dir = join(root, 'throw');
    const victim = plan.cells[2].key;
    process.env.FRESHSIM_FAULT = JSON.stringify({ cell: victim, kind: 'throw', marker: join(root, 'throw-marker') });
    const r = await execute(dir, { retries: 0 });
    expect(r.failed).toEqual([{ key: victim, error: `Error: injected fault in cell ${victim}`, inputError: false, attempts: 1 }]);
    expect(r.complete).toBe(false);
    expect(r.records.size).toBe(plan.cells.length - 1);
    expect(existsSync(join(dir, 'results.json'))).toBe(false);
    const again = await execute(dir, { retries: 0 });
    expect(again.finished).toBe(1);
    expect(resultsOf(dir)).toBe(reference);
  });

  it('an abort stops scheduling and keeps finished cells; the rerun gives the same results', async () => {
    const dir = join(root, 'abort');
    const ac = new AbortController();
    const r = await execute(dir, { workers: 1, signal: ac.signal, onCell: (_k, done) => { if (done === 2) ac.abort(); } });
    expect(r.interrupted).toBe(true);
    expect(r.records.size).toBeGreaterThanOrEqual(2);
    expect(r.records.size).toBeLessThan(plan.cells.length);
    expect(storeLines(dir)).toHaveLength(r.records.size);
    const again = await execute(dir);
    expect(again.resumed).toBe(r.records.size);
    expect(resultsOf(dir)).toBe(reference);
  });

  it('runs deterministic shards that merge into the same results', async () => {
    const shards = [1, 2, 3].map((index) => join(root, `shard-${index}`));
    const sizes: number[] = [];
    for (const [k, dir] of shards.entries()) {
      const r = await executePlan(plan, { dir, workers: 0, shard: { index: k + 1, count: 3 } });
      sizes.push(r.finished);
      expect(r.complete).toBe(false);
    }
    expect(sizes).toEqual([2, 2, 2]);
    const merged = join(root, 'merged');
    expect(mergeCommand({ shards: shards.slice(0, 2), out: merged }, quiet)).toBe(2); // one shard missing: bad input
    expect(existsSync(join(merged, 'results.json'))).toBe(false);
    expect(mergeCommand({ shards, out: merged }, quiet)).toBe(0);
    expect(resultsOf(merged)).toBe(reference);
    expect(storeLines(merged)).toHaveLength(plan.cells.length);
  });
});
