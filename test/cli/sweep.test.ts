/*
 * `freshsim sweep` and `freshsim merge` as a user runs them (the compiled bin): experiment files
 * validated with errors naming file and field; a coordinator SIGKILLed mid-sweep resumes and ends
 * with the same results as an uninterrupted sweep; SIGINT stops cleanly (exit 130) keeping what
 * finished; a pool worker thread dying mid-cell loses and duplicates nothing; failed cells are
 * listed and exit 3; shards merge into the same results.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliBin, requireBuiltCli, runCli } from '../helpers/cli-process.js';

let dir: string;
let experiment: string;
let reference: string;
const CELLS = 12; // 2 strategies × 6 seeds

function freshsim(args: string[], env: Record<string, string> = {}) {
  return runCli(args, { env: { ...process.env, ...env } });
}
const lines = (out: string) => (existsSync(join(out, 'cells.jsonl')) ? readFileSync(join(out, 'cells.jsonl'), 'utf8').split('\n').filter(Boolean) : []);
const ids = (out: string) => lines(out).map((l) => JSON.parse(l).id as string);

/** Start a sweep in the background; resolves its exit when it ends. */
function startSweep(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [cliBin, 'sweep', experiment, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exit = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exit };
}

async function until(f: () => boolean, what: string, ms = 30_000) {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 'freshsim-sweep-'));
  experiment = join(dir, 'exp.yaml');
  writeFileSync(experiment, ['name: cli-sweep', 'scenarios: [tiny]', 'strategies: [pto-greedy, newsvendor]', 'seeds: 6', 'evaluationDays: 2', ''].join('\n'));
  const r = freshsim(['sweep', experiment, '--out', join(dir, 'reference'), '--workers', '2']);
  expect(r.stderr).not.toContain('internal error');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('newsvendor − pto-greedy');
  reference = readFileSync(join(dir, 'reference', 'results.json'), 'utf8');
  expect(lines(join(dir, 'reference'))).toHaveLength(CELLS);
});

describe('freshsim sweep', () => {
  it('resumes after the coordinator is SIGKILLed, with the same final results', async () => {
    const out = join(dir, 'killed');
    const { child, exit } = startSweep(['--out', out, '--workers', '1']);
    await until(() => lines(out).length >= 2, 'two stored cells');
    child.kill('SIGKILL');
    expect((await exit).signal).toBe('SIGKILL');
    const kept = lines(out).length;
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(CELLS);
    const r = freshsim(['sweep', experiment, '--out', out, '--workers', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`resuming: ${kept} of ${CELLS} cells already finished`));
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(reference);
    expect(new Set(ids(out)).size).toBe(CELLS);
    expect(lines(out)).toHaveLength(CELLS);
  });

  it('stops cleanly on SIGINT (exit 130), keeping finished cells, and a rerun completes', async () => {
    const out = join(dir, 'interrupted');
    const { child, exit } = startSweep(['--out', out, '--workers', '1']);
    await until(() => lines(out).length >= 1, 'a stored cell');
    child.kill('SIGINT');
    const e = await exit;
    expect(e.code).toBe(130);
    expect(e.stderr).toMatch(/interrupted: \d+ of 12 cells are stored; rerun `freshsim sweep/);
    expect(existsSync(join(out, 'cells.jsonl.lock'))).toBe(false);
    expect(existsSync(join(out, 'results.json'))).toBe(false);
    const r = freshsim(['sweep', experiment, '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(reference);
  });

  it('a pool worker thread dying mid-cell loses and duplicates no cell', () => {
    const out = join(dir, 'thread-death');
    const marker = join(dir, 'thread-death.marker');
    const r = freshsim(['sweep', experiment, '--out', out, '--workers', '2'],
      { FRESHSIM_FAULT: JSON.stringify({ cell: 'tiny/newsvendor/rep 3', kind: 'exit', marker }) });
    expect(existsSync(marker)).toBe(true);
    expect(r.code).toBe(0);
    expect(lines(out)).toHaveLength(CELLS);
    expect(new Set(ids(out)).size).toBe(CELLS);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(reference);
  });

  it('lists failed cells with their error and exits 3 (internal); the rest are stored', () => {
    const out = join(dir, 'failing');
    const r = freshsim(['sweep', experiment, '--out', out, '--workers', '2', '--retries', '0'],
      { FRESHSIM_FAULT: JSON.stringify({ cell: 'tiny/pto-greedy/rep 2', kind: 'throw', marker: join(dir, 'failing.marker') }) });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('1 cell failed:\n  tiny/pto-greedy/rep 2 (1 attempt): Error: injected fault in cell tiny/pto-greedy/rep 2');
    expect(lines(out)).toHaveLength(CELLS - 1);
    expect(existsSync(join(out, 'results.json'))).toBe(false);
  });

  it('runs shards into OUT/shard-I-of-N and merges them into the same results', () => {
    const out = join(dir, 'sharded');
    for (const s of ['1/2', '2/2']) expect(freshsim(['sweep', experiment, '--out', out, '--shard', s, '--workers', '1']).code).toBe(0);
    const shards = [join(out, 'shard-1-of-2'), join(out, 'shard-2-of-2')];
    expect(shards.map((s) => lines(s).length)).toEqual([6, 6]);
    const r = freshsim(['merge', ...shards, '--out', join(out, 'merged')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'merged', 'results.json'), 'utf8')).toBe(reference);
  });

  it.each([
    ['name: x\nscenarios: [tiny]\nstrategies: [pto-greedy]\nseeds: 0\n', /seeds: /],
    ['name: x\nscenarios: [tiny]\nstrategies: [pto-greedy]\nseeds: 2\nbogus: 1\n', /\(top level\): Unrecognized key: "bogus"/],
    ['name: x\nscenarios: [nowhere.yaml]\nstrategies: [pto-greedy]\nseeds: 2\n', /scenarios\[0\]: scenario '.*nowhere\.yaml' is neither a built-in/],
    ['name: x\nscenarios: [tiny]\nstrategies: [{name: safety-stock, grid: {serviceLevel: [0.8, 2]}}]\nseeds: 2\n', /strategies\[0\]: invalid parameters for strategy 'safety-stock'/],
    ['name: x\nscenarios: [tiny]\nstrategies: [magic]\nseeds: 2\n', /strategies\[0\]: unknown strategy 'magic'/],
    ['name: x\nscenarios: [tiny]\nstrategies: [pto-greedy]\nseeds: 2\nbaseline: newsvendor\n', /baseline 'newsvendor' is not among the strategies/],
  ])('rejects a bad experiment file with exit 2, naming the file and field (%#)', (text, message) => {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, text);
    const r = freshsim(['sweep', file, '--out', join(dir, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('internal error');
  });

  it('runs HiGHS-backed strategies (opt) in pool threads like in the main thread, passing their diagnostics on', () => {
    // A one-day warm-up keeps OM1 solves (the slow part) to two per run.
    const scenario = freshsim(['scenario', 'show', 'tiny']).stdout.replace(/warmup: \d+/, 'warmup: 1');
    writeFileSync(join(dir, 'tiny-short.yaml'), scenario);
    const file = join(dir, 'opt.yaml');
    writeFileSync(file, 'name: opt-pool\nscenarios: [tiny-short.yaml]\nstrategies: [pto-greedy, opt]\nseeds: 1\nevaluationDays: 1\n');
    const pooled = freshsim(['sweep', file, '--out', join(dir, 'opt-pool'), '--workers', '1', '--no-cache']);
    expect(pooled.stderr).not.toContain('internal error');
    expect(pooled.code).toBe(0);
    expect(pooled.stderr).toMatch(/opt: OM1 .* \(0 from cache\)/);
    const inline = freshsim(['sweep', file, '--out', join(dir, 'opt-inline'), '--workers', '0', '--no-cache']);
    expect(inline.code).toBe(0);
    expect(readFileSync(join(dir, 'opt-pool', 'results.json'), 'utf8')).toBe(readFileSync(join(dir, 'opt-inline', 'results.json'), 'utf8'));
  });

  it('rejects a bad --shard with exit 2', () => {
    const r = freshsim(['sweep', experiment, '--shard', '3/2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--shard '3/2': expected I/N with 1 ≤ I ≤ N");
  });
});
