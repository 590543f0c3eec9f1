/*
 * `freshsim report` on a directory that holds a run and, next to it, the stress.json of a stress
 * test (run into its own directory and copied in): the report shows the stress section from
 * stress.json; a stress file of another scenario is refused (exit 2). `freshsim stress` itself
 * refuses a directory that already holds another run's results.json (exit 2).
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli } from '../helpers/cli-process.js';

const freshsim = (...args: string[]) => {
  return runCli(args);
};

let dir: string;
beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 'freshsim-report-'));
  expect(freshsim('run', '--scenario', 'tiny', '--strategies', 'pto-greedy,newsvendor', '--seeds', '2', '--out', dir, '--no-report').code).toBe(0);
  const refused = freshsim('stress', '--scenario', 'tiny', '--strategies', 'pto-greedy,newsvendor', '--seeds', '3', '--out', dir);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain(`output directory '${dir}' already holds results.json`);
  const stressDir = join(dir, 'stress-run');
  expect(freshsim('stress', '--scenario', 'tiny', '--strategies', 'pto-greedy,newsvendor', '--seeds', '3', '--out', stressDir, '--no-report').code).toBe(0);
  copyFileSync(join(stressDir, 'stress.json'), join(dir, 'stress.json'));
});

describe('freshsim report with a stress test in the run directory', () => {
  it('adds the stress section from stress.json', () => {
    const r = freshsim('report', dir);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<section id="stress">');
    expect(html).toContain('id="chart-stress"');
    const stress = JSON.parse(readFileSync(join(dir, 'stress.json'), 'utf8'));
    const nv = [...stress.stress.samples.newsvendor].sort((a: number, b: number) => a - b);
    expect(html).toContain(`<td>3</td><td>${(100 * (nv[0] + nv[1] + nv[2]) / 3).toFixed(2)}%</td>`);
  });

  it('refuses a stress file of another scenario (exit 2)', () => {
    const file = join(dir, 'stress.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...doc, scenario: 'paper-7fresh' }));
    const r = freshsim('report', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is of scenario 'paper-7fresh', but the results are of 'tiny'");
  });
});
