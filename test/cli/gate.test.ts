/*
 * The regression gate and the report from the command line (the compiled bin): `run` writes the
 * report and ends with its path; `baseline` + `check` pass a run against itself and fail PTO with
 * K halved; a missing strategy fails clearly; malformed baselines and results exit 2 naming the
 * field; Markdown goes to stdout and $GITHUB_STEP_SUMMARY; JUnit has one case per pair.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli } from '../helpers/cli-process.js';


function freshsim(args: string[], env: Record<string, string> = {}) {
  return runCli(args, { env: { ...process.env, GITHUB_STEP_SUMMARY: '', ...env } });
}

let dir: string;
const p = (...xs: string[]) => join(dir, ...xs);

beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 'freshsim-gate-'));
  // The normal scenario, and the same scenario with K halved (a deliberately weakened PTO).
  const yaml = freshsim(['scenario', 'show', 'tiny']).stdout;
  expect(yaml).toMatch(/\n {2}K: 40\n/);
  writeFileSync(p('tiny-half-k.yaml'), yaml.replace(/\n {2}K: 40\n/, '\n  K: 20\n'));
  const runs: [string, string, string][] = [
    ['normal', 'tiny', 'pto-greedy,newsvendor'],
    ['normal-pto', 'tiny', 'pto-greedy'],
    ['weak-pto', p('tiny-half-k.yaml'), 'pto-greedy'],
  ];
  for (const [out, scenario, strategies] of runs) {
    const r = freshsim(['run', '--scenario', scenario, '--strategies', strategies, '--seeds', '3', '--out', p(out), '--no-report']);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
  }
  expect(freshsim(['baseline', p('normal'), '--out', p('base-all.json')]).code).toBe(0);
  expect(freshsim(['baseline', p('normal-pto'), '--out', p('base-pto.json')]).code).toBe(0);
});

describe('freshsim check', () => {
  it('passes a run against its own baseline; Markdown to stdout and $GITHUB_STEP_SUMMARY; JUnit per pair', () => {
    const summary = p('step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = freshsim(['check', p('normal'), '--baseline', p('base-all.json'), '--junit', p('pass.xml')], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## freshsim regression gate: passed/);
    expect(r.stdout).toContain('| tiny | pto-greedy |');
    expect(r.stdout).toContain('| tiny | newsvendor |');
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# earlier step\n## freshsim regression gate: passed')).toBe(true);
    expect(md).toContain(`Baseline: \`${p('base-all.json')}\``);
    expect(r.stdout).toContain(`Baseline: ${p('base-all.json')}\n`);
    const xml = readFileSync(p('pass.xml'), 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml).toContain('tests="2" failures="0"');
  });

  it('refuses PTO with K halved against the baseline of the normal PTO (exit 4, naming K); with --allow-changed it is a regression (exit 1)', () => {
    const weak = JSON.parse(readFileSync(p('weak-pto', 'results.json'), 'utf8'));
    const normal = JSON.parse(readFileSync(p('normal-pto', 'results.json'), 'utf8'));
    expect(weak.scenario).toBe('tiny');
    expect(weak.constraints.K).toBe(20);
    expect(weak.strategies['pto-greedy'].fullOrderRate.mean).toBeLessThan(normal.strategies['pto-greedy'].fullOrderRate.mean - 0.01);
    const refused = freshsim(['check', p('weak-pto'), '--baseline', p('base-pto.json')]);
    expect(refused.code).toBe(4);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain("scenario 'tiny' differs from the baseline's: K 40 → 20");
    expect(refused.stderr).toContain('--allow-changed');
    const r = freshsim(['check', p('weak-pto'), '--baseline', p('base-pto.json'), '--junit', p('fail.xml'), '--allow-changed']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("- scenario 'tiny' differs from the baseline's: K 40 → 20");
    expect(r.stdout).toMatch(/^## freshsim regression gate: FAILED/);
    expect(r.stdout).toMatch(/\| tiny \| pto-greedy \| [\d.]+% \| [\d.]+% \| -[\d.]+ pp \| \[-[\d.]+, -[\d.]+\] \| ❌ regression \|/);
    expect(r.stderr).toContain('1 regression(s) or missing strategies');
    expect(readFileSync(p('fail.xml'), 'utf8')).toMatch(/<testcase classname="freshsim.tiny" name="pto-greedy" time="0">\n {6}<failure type="Regression"/);
    // …and the normal PTO passes against the same baseline.
    expect(freshsim(['check', p('normal-pto'), '--baseline', p('base-pto.json')]).code).toBe(0);
  });

  it('fails clearly when a strategy of the baseline did not run (exit 1)', () => {
    const r = freshsim(['check', p('normal-pto'), '--baseline', p('base-all.json'), '--junit', p('missing.xml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("strategy 'newsvendor' is missing from the run of 'tiny' (it ran: pto-greedy); the baseline expects it");
    expect(readFileSync(p('missing.xml'), 'utf8')).toContain('<failure type="MissingStrategy"');
  });

  it.each([
    ['not JSON', () => '{"format": ', /baseline '.*bad\.json' is not valid JSON/],
    ['a rate that is text', (b: any) => { b.entries[1].fullOrderRate.mean = 'high'; return b; }, /baseline '.*bad\.json' is malformed: entries\[1\]\.fullOrderRate\.mean: /],
    ['no format tag', (b: any) => { delete b.format; return b; }, /is malformed: format: /],
    ['perSeed shorter than n', (b: any) => { b.entries[0].fullOrderRate.perSeed.pop(); return b; }, /entries\[0\]\.fullOrderRate\.perSeed: expected perSeed to hold n values/],
  ])('exits 2 for a malformed baseline (%s), naming the field', (_what, spoil, message) => {
    const good = JSON.parse(readFileSync(p('base-all.json'), 'utf8'));
    const bad = spoil(good);
    writeFileSync(p('bad.json'), typeof bad === 'string' ? bad : JSON.stringify(bad));
    const r = freshsim(['check', p('normal'), '--baseline', p('bad.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it.each([
    [['check', 'nowhere', '--baseline', 'b.json'], /baseline 'b\.json' does not exist|run 'nowhere' does not exist/],
    [['check', 'RUN', '--baseline', 'BASE', '--tolerance-pp', '-1'], /--tolerance-pp: expected a non-negative number, got '-1'/],
    [['check', 'RUN'], /Missing required argument: baseline/],
    [['baseline', 'RUN', '--out', 'BASE'], /already exists; pass --overwrite/],
  ])('exits 2 for bad input: %j', (args, message) => {
    const r = freshsim(args.map((a) => (a === 'RUN' ? p('normal') : a === 'BASE' ? p('base-all.json') : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('takes a sweep directory (one subdirectory per scenario) for baseline and check', () => {
    const res = JSON.parse(readFileSync(p('normal', 'results.json'), 'utf8'));
    mkdirSync(p('sweep', 'a'), { recursive: true });
    mkdirSync(p('sweep', 'b'), { recursive: true });
    writeFileSync(p('sweep', 'a', 'results.json'), JSON.stringify(res));
    writeFileSync(p('sweep', 'b', 'results.json'), JSON.stringify({ ...res, scenario: 'tiny-b' }));
    const b = freshsim(['baseline', p('sweep'), '--out', p('base-sweep.json')]);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('4 scenario × strategy entries: tiny/pto-greedy, tiny/newsvendor, tiny-b/pto-greedy, tiny-b/newsvendor');
    const r = freshsim(['check', p('sweep'), '--baseline', p('base-sweep.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| tiny-b | newsvendor |');
    expect(freshsim(['check', p('sweep', 'a'), '--baseline', p('base-sweep.json')]).stdout).toContain("scenario 'tiny-b' is not in the run");
    const rep = freshsim(['report', p('sweep')]);
    expect(rep.code).toBe(0);
    expect(rep.stdout).toBe(`Report: ${p('sweep', 'a', 'report.html')}\nReport: ${p('sweep', 'b', 'report.html')}\n`);
    expect(readFileSync(p('sweep', 'b', 'report.html'), 'utf8')).toContain('<title>freshsim report — tiny-b</title>');
    expect(freshsim(['report', p('sweep'), '--out', p('x.html')]).code).toBe(2);
  });

  it('exits 2 for a results file missing a field, naming it', () => {
    const res = JSON.parse(readFileSync(p('normal', 'results.json'), 'utf8'));
    delete res.strategies.newsvendor.fullOrderRate.perSeed;
    writeFileSync(p('broken.json'), JSON.stringify(res));
    const r = freshsim(['check', p('broken.json'), '--baseline', p('base-all.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/results '.*broken\.json' is not a freshsim results document: strategies\.newsvendor\.fullOrderRate\.perSeed: /);
  });
});

describe('freshsim report and run --report', () => {
  it('run writes report.html by default and ends with its path; --no-report writes none', () => {
    const r = freshsim(['run', '--scenario', 'tiny', '--strategies', 'pto-greedy,newsvendor', '--seeds', '2', '--out', p('with-report')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`Report: ${p('with-report', 'report.html')}`);
    const html = readFileSync(p('with-report', 'report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<title>freshsim report — tiny</title>');
    expect(html).toContain('https://d3js.org v7'); // d3 inlined
    expect(existsSync(p('normal', 'report.html'))).toBe(false);
  });

  it('report RUN_DIR writes RUN_DIR/report.html or --out, with the chosen baseline', () => {
    const r = freshsim(['report', p('normal')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Report: ${p('normal', 'report.html')}\n`);
    const html = readFileSync(p('normal', 'report.html'), 'utf8');
    expect(html).toContain('<dt>Run time</dt>');
    const r2 = freshsim(['report', p('normal'), '--out', p('elsewhere', 'r.html'), '--baseline', 'newsvendor']);
    expect(r2.code).toBe(0);
    expect(readFileSync(p('elsewhere', 'r.html'), 'utf8')).toContain('Δ vs newsvendor (paired)');
    const cmp = freshsim(['report', p('normal-pto'), p('weak-pto'), '--out', p('cmp.html')]);
    expect(cmp.code).toBe(0);
    expect(cmp.stdout).toBe(`Report: ${p('cmp.html')}\n`);
    expect(readFileSync(p('cmp.html'), 'utf8')).toContain('Run 2 − run 1');
    expect(freshsim(['report', p('normal-pto'), p('weak-pto')]).stderr).toContain('expected --out FILE.html for the comparison');
    const bad = freshsim(['report', p('normal'), '--baseline', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("baseline strategy 'nope' is not in the results (pto-greedy, newsvendor)");
  });
});
