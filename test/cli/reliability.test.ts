/*
 * Nothing lost, nothing silent (issue 17), in-process through the CLI's main(argv): a full disk
 * keeps the previous results and exits 5; bad input exits 2 with a one-line message naming it;
 * a Latin-1 CSV is never merged silently; scenario names cannot escape the run directory; a run
 * too large for the machine is refused with its estimate; days without orders summarise.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { ExitCode, reportError } from '../../cli/errors.js';
import { writeFilesDurable } from '../../cli/files.js';
import { builtinScenarios } from '../../scenarios/index.js';

/** Run the CLI in this process, capturing its output. */
async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

const STACK = /^\s+at .*\(?.*:\d+:\d+\)?$/m;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'freshsim-reliab-'));
});
afterEach(() => {
  delete process.env.FRESHSIM_WRITE_FAULT;
});

const tmpFiles = (d: string) => readdirSync(d, { recursive: true }).map(String).filter((f) => f.includes('.tmp-'));

describe('durable or absent writes', () => {
  it('a full disk while writing results.json (run --overwrite) exits 5, keeping every previous summary and no temp file', async () => {
    const out = join(dir, 'disk');
    expect((await cli('run', '--scenario', 'tiny', '--strategies', 'pto-greedy', '--workers', '0', '--out', out, '--no-report')).code).toBe(0);
    const before = Object.fromEntries(['results.json', 'per-day.csv', 'timing.json'].map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    process.env.FRESHSIM_WRITE_FAULT = JSON.stringify({ file: 'timing.json', afterBytes: 10, code: 'ENOSPC' });
    const r = await cli('run', '--scenario', 'tiny', '--strategies', 'pto-greedy', '--seeds', '2', '--workers', '0', '--out', out, '--overwrite', '--no-report');
    expect(r.code).toBe(ExitCode.resources);
    expect(r.stderr).toMatch(/cannot write '.*timing\.json': no space left on the device \(ENOSPC\); nothing was replaced/);
    expect(r.stderr).not.toMatch(STACK);
    for (const [f, text] of Object.entries(before)) expect(readFileSync(join(out, f), 'utf8')).toBe(text);
    expect(tmpFiles(out)).toEqual([]);
    // The finished cells are kept: with space again, the same command completes from the store.
    delete process.env.FRESHSIM_WRITE_FAULT;
    const again = await cli('run', '--scenario', 'tiny', '--strategies', 'pto-greedy', '--seeds', '2', '--workers', '0', '--out', out, '--overwrite', '--no-report');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('resuming: 2 of 2 cells already finished');
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).seeds).toEqual([1, 2]);
  });

  it('writes a group of files all or none: a failure on the second leaves the first untouched', () => {
    const d = join(dir, 'group');
    mkdirSync(d);
    writeFileSync(join(d, 'a.json'), 'old a');
    writeFileSync(join(d, 'b.json'), 'old b');
    process.env.FRESHSIM_WRITE_FAULT = JSON.stringify({ file: 'b.json', afterBytes: 3, code: 'EDQUOT' });
    expect(() => writeFilesDurable([{ file: join(d, 'a.json'), text: 'new a' }, { file: join(d, 'b.json'), text: 'new b' }]))
      .toThrow(/disk quota exceeded \(EDQUOT\)/);
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe('old a');
    expect(readFileSync(join(d, 'b.json'), 'utf8')).toBe('old b');
    expect(tmpFiles(d)).toEqual([]);
  });
});

describe('exit codes and messages', () => {
  it.each([
    [['run', '--scenario', 'tiny', '--seeds', '--out', 'X'], /--seeds needs a value/],
    [['run', '--scenario', 'tiny', '--out'], /--out needs a value/],
    [['run', '--scenario', 'tiny', '--workers', '999'], /--workers 999: this machine has \d+ cores?; expected at most \d+ \(4 per core\)/],
  ])('%j exits 2 with one line', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(ExitCode.badInput);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync('X')).toBe(false);
  });

  it('--out at a file, or under one, exits 2 naming it', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    expect(await cli('run', '--scenario', 'tiny', '--out', file)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--out '.*a-file' is a file; expected a directory/) });
    expect(await cli('run', '--scenario', 'tiny', '--out', join(file, 'sub'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/is a file, not a directory/) });
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('--seeds 1000000000 is refused before any work with the memory estimate (exit 5)', async () => {
    const r = await cli('run', '--scenario', 'tiny', '--seeds', '1000000000', '--out', join(dir, 'huge'));
    expect(r.code).toBe(ExitCode.resources);
    expect(r.stderr).toMatch(/3,000,000,000 cells .* too many for this machine: their records need about [\d.]+ GiB/);
    expect(existsSync(join(dir, 'huge'))).toBe(false);
  });

  it('a world too large for a thread is refused with the estimate (sites × days × orders)', async () => {
    const big = { ...builtinScenarios.tiny, name: 'big', days: { history: 3000, evaluation: 600, warmup: 7 }, demand: { ...builtinScenarios.tiny.demand, ordersPerDay: 900_000 } };
    const file = join(dir, 'big.yaml');
    writeFileSync(file, stringify(big));
    const r = await cli('run', '--scenario', file, '--out', join(dir, 'big'));
    expect(r.code).toBe(ExitCode.resources);
    expect(r.stderr).toMatch(/scenario 'big' is too large for this machine: \d+ sites × 3600 days × ~\d+ orders a day needs about [\d.]+ GiB/);
  });

  it('an internal error is one line without --debug, with the stack with it (exit 3)', () => {
    let out = '';
    expect(reportError(new TypeError('boom'), (s) => { out += s; })).toBe(ExitCode.internal);
    expect(out).toBe('freshsim: internal error: boom (rerun with --debug for the stack trace)\n');
    out = '';
    expect(reportError(new TypeError('boom'), (s) => { out += s; }, true)).toBe(ExitCode.internal);
    expect(out).toMatch(STACK);
    expect(reportError(Object.assign(new Error('write'), { code: 'ENOSPC' }), () => {})).toBe(ExitCode.resources);
  });
});

describe('input checked at the door', () => {
  it.each([
    ['price', (s: any) => { s.catalogue.categories[0].price = [1, 1e308]; }, /catalogue\.categories\[0\]\.price\[1\]/],
    ['pieceMeanExtra', (s: any) => { s.demand.quantity.pieceMeanExtra = 1e15; }, /demand\.quantity\.pieceMeanExtra/],
  ])('an absurd %s is a validation error naming the field', async (_what, spoil, field) => {
    const s = structuredClone(builtinScenarios.tiny) as any;
    spoil(s);
    const file = join(dir, `absurd-${_what}.yaml`);
    writeFileSync(file, stringify(s));
    const r = await cli('scenario', 'validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(field);
    expect(r.stderr).toMatch(/Too big|expected number to be <=/i);
  });

  it('a Latin-1 CSV without --encoding is an error naming the file and line, never a merge of Käse and Köse', async () => {
    const csv = join(dir, 'latin1.csv');
    const rows = ['order,timestamp,sku,quantity,price', '1,2020-07-01 10:00,Käse,2,3.5', '2,2020-07-01 11:00,Köse,1,3.5', '3,2020-07-02 10:00,Käse,1,3.5'];
    writeFileSync(csv, Buffer.from(`${rows.join('\n')}\n`, 'latin1'));
    const r = await cli('import', csv, '--out', join(dir, 'imp'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/latin1\.csv:2: not valid UTF-8 \(byte 0xe4 at byte 21 of the line\); if the file is Latin-1 .* --encoding latin1/);
    expect(existsSync(join(dir, 'imp'))).toBe(false);
    const ok = await cli('import', csv, '--out', join(dir, 'imp'), '--encoding', 'latin1');
    expect(ok.code).toBe(0);
    const catalogue = readFileSync(join(dir, 'imp', 'catalogue.json'), 'utf8');
    expect(catalogue).toContain('Käse');
    expect(catalogue).toContain('Köse');
  });
});

describe('run directories', () => {
  const experiment = (name: string, scenarios: string[]) => {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, stringify({ name, scenarios, strategies: [{ name: 'pto-greedy' }], seeds: 1 }));
    return file;
  };
  const scenarioFile = (name: string) => {
    const file = join(dir, `scenario-${name.replace(/\W/g, 'x')}-${name.length}.yaml`);
    writeFileSync(file, stringify({ ...builtinScenarios.tiny, name }));
    return file;
  };

  it('refuses a scenario named .. in a multi-scenario sweep (nothing written above the run directory)', async () => {
    const root = join(dir, 'escape');
    mkdirSync(root);
    const r = await cli('sweep', experiment('esc', ['tiny', scenarioFile('..')]), '--out', join(root, 'run'), '--workers', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scenario name '\.\.' cannot name a folder of the run directory/);
    expect(readdirSync(root).filter((f) => f !== 'run')).toEqual([]);
    expect(existsSync(join(root, 'results.json'))).toBe(false);
  });

  it('refuses two scenario names that clean up to one folder', async () => {
    const r = await cli('sweep', experiment('collide', [scenarioFile('a b'), scenarioFile('a_b')]), '--out', join(dir, 'collide'), '--workers', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scenario names 'a b' and 'a_b' would share the folder 'a_b'/);
  });

  it('sweep refuses to replace another experiment\'s plan without --overwrite, as run does', async () => {
    const out = join(dir, 'shared-out');
    expect((await cli('sweep', experiment('first', ['tiny']), '--out', out, '--workers', '0')).code).toBe(0);
    const plan = readFileSync(join(out, 'experiment.json'), 'utf8');
    const results = readFileSync(join(out, 'results.json'), 'utf8');
    const r = await cli('sweep', experiment('second', ['tiny', 'city']), '--out', out, '--workers', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds another experiment \('first', 1 cells\); choose another --out, or pass --overwrite/);
    expect(readFileSync(join(out, 'experiment.json'), 'utf8')).toBe(plan);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(results);
    // The same experiment again resumes (nothing to run).
    expect((await cli('sweep', experiment('first', ['tiny']), '--out', out, '--workers', '0')).code).toBe(0);
  });
});

describe('days without orders', () => {
  it('a sparse scenario (0.5 orders a day) summarises: per-day rates over seeds with orders add up to 1, and the report renders', async () => {
    const file = join(dir, 'sparse.yaml');
    writeFileSync(file, stringify({ ...builtinScenarios.tiny, name: 'sparse', demand: { ...builtinScenarios.tiny.demand, ordersPerDay: 0.5 } }));
    const out = join(dir, 'sparse');
    const r = await cli('run', '--scenario', file, '--seeds', '3', '--workers', '0', '--out', out);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    let empty = 0;
    for (const s of Object.values(results.strategies) as any[]) {
      for (const d of s.perDay) {
        if (d.orders === 0) { empty++; continue; }
        expect(d.fullOrderRate + d.splitOrderRate + d.shortOrderRate).toBeCloseTo(1, 9);
      }
      for (const x of [...s.refundByLag.observedRate, s.refundByLag.trueRate]) expect(Number.isFinite(x)).toBe(true);
    }
    expect(empty).toBeGreaterThan(0); // the case is exercised: some day had no orders in any seed
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });
});
