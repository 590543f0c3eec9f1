/*
 * The command line as a user runs it: the compiled bin (npm test builds it first), exit codes
 * 0 / 2, one-line messages naming what was wrong, and byte-identical results for the same seed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli } from '../helpers/cli-process.js';


function freshsim(...args: string[]) {
  return runCli(args);
}

let dir: string;
beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 'freshsim-cli-'));
});

describe('freshsim run', () => {
  it('writes results.json, per-day.csv and timing.json and prints the tables', () => {
    const out = join(dir, 'run1');
    const r = freshsim('run', '--scenario', 'tiny', '--strategies', 'pto-greedy,newsvendor', '--seeds', '2', '--out', out);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('newsvendor − pto-greedy pp');
    expect(r.stdout).toContain('Paired differences');
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.scenario).toBe('tiny');
    expect(results.seeds).toEqual([1, 2]);
    expect(results.days).toHaveLength(5);
    for (const name of ['pto-greedy', 'newsvendor']) {
      const s = results.strategies[name];
      expect(s.oracle).toBe(false);
      expect(s.fullOrderRate.ci95).toHaveLength(2);
      expect(s.fullOrderRate.mean).toBeGreaterThan(0);
      expect(s.fullOrderRate.mean).toBeLessThan(1);
      for (const key of ['splitOrderRate', 'shortOrderRate', 'wasteUnits', 'gmv']) expect(s[key].mean).toBeTypeOf('number');
      expect(s.perDay).toHaveLength(5);
      expect(s.perDay[0]).toMatchObject({ day: '2020-07-01' });
    }
    const csv = readFileSync(join(out, 'per-day.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^strategy,day,orders,fullOrderRate/);
    expect(csv).toHaveLength(1 + 2 * 5);
  });

  it('gives byte-identical results.json for the same seeds, and --json prints it', () => {
    const a = join(dir, 'same-a');
    const b = join(dir, 'same-b');
    expect(freshsim('run', '--scenario', 'tiny', '--seeds', '2', '--out', a).code).toBe(0);
    const r = freshsim('run', '--scenario', 'tiny', '--seeds', '2', '--out', b, '--json');
    expect(r.code).toBe(0);
    const ja = readFileSync(join(a, 'results.json'), 'utf8');
    expect(readFileSync(join(b, 'results.json'), 'utf8')).toBe(ja);
    expect(r.stdout).toBe(ja);
  });

  it('refuses to overwrite earlier results without --overwrite (exit 2)', () => {
    const out = join(dir, 'run1');
    const before = readFileSync(join(out, 'results.json'), 'utf8');
    const r = freshsim('run', '--scenario', 'tiny', '--seeds', '1', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already holds results.json');
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(before);
  });

  it.each([
    [['run', '--scenario', 'nope'], /scenario 'nope' is neither a built-in scenario/],
    [['run', '--scenario', 'tiny', '--strategies', 'pto-greedy,magic'], /unknown strategy 'magic'; expected one of: pto-greedy/],
    [['run', '--scenario', 'tiny', '--seeds', '0'], /--seeds: expected a positive integer, got '0'/],
    [['run', '--scenario', 'tiny', '--seeds', '1.5'], /--seeds: expected a positive integer, got '1\.5'/],
    [['run', '--scenario', 'tiny', '--seeds', 'abc'], /--seeds: expected a positive integer, got 'abc'/],
    [['run', '--scenario', 'tiny', '--workers=-1'], /--workers: expected a non-negative integer, got '-1'/],
    [['check', 'RUN', '--baseline', 'B', '--tolerance-pp', 'x'], /--tolerance-pp: expected a non-negative number, got 'x'/],
    [['run', '--scenario', 'tiny', '--bogus'], /Unknown argument: bogus/],
    [['run'], /Missing required argument: scenario/],
    [['run', '--scenario', 'tiny', '--baseline', 'newsvendor', '--strategies', 'pto-greedy'], /--baseline 'newsvendor' is not among/],
    [['fly'], /Unknown argument: fly/],
  ])('bad input %j exits 2 with a clear message', (args, message) => {
    const r = freshsim(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('freshsim scenario', () => {
  it('validates a good file and names the field of a bad one', () => {
    const shown = freshsim('scenario', 'show', 'tiny');
    expect(shown.code).toBe(0);
    const good = join(dir, 'good.yaml');
    writeFileSync(good, shown.stdout);
    const ok = freshsim('scenario', 'validate', good);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("valid scenario 'tiny'");

    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, shown.stdout.replace(/K: 40/, 'K: many'));
    const r = freshsim('scenario', 'validate', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toContain('constraints.K');
    expect(r.stderr).toContain('expected number');
  });

  it('runs a scenario file like a built-in one', () => {
    const file = join(dir, 'from-file.yaml');
    writeFileSync(file, freshsim('scenario', 'show', 'tiny').stdout);
    const r = freshsim('run', '--scenario', file, '--strategies', 'pto-greedy', '--out', join(dir, 'from-file'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scenario).toBe('tiny');
  });

  it('lists the built-in scenarios', () => {
    const r = freshsim('scenario', 'list');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('paper-7fresh');
  });
});
