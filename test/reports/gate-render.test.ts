/*
 * The gate's Markdown summary and JUnit XML rendered from fixed verdicts: one row / test case
 * per (scenario, strategy), failures explained, names escaped.
 */
import { describe, expect, it } from 'vitest';
import { checkAgainstBaseline, makeBaseline } from '../../analysis/index.js';
import { renderGateJunit, renderGateMarkdown } from '../../reports/index.js';
import { fixtureResults } from './fixture.js';

const evil = '<img src=x onerror=alert(1)>|**x**';
const before = fixtureResults({ 'pto-greedy': { fullOrderRate: [0.6, 0.62, 0.61] }, [evil]: { fullOrderRate: [0.64, 0.66, 0.65] }, gone: { fullOrderRate: [0.5, 0.5, 0.5] } });
const now = fixtureResults({ 'pto-greedy': { fullOrderRate: [0.55, 0.58, 0.57] }, [evil]: { fullOrderRate: [0.64, 0.66, 0.65] }, extra: { fullOrderRate: [0.1, 0.1, 0.1] } });
const gate = checkAgainstBaseline(makeBaseline([before], 't'), [now], 1);

describe('renderGateMarkdown', () => {
  const md = renderGateMarkdown(gate, 'ci/baseline.json');
  it('states the outcome and has one row per baseline pair', () => {
    expect(md).toMatch(/^## freshsim regression gate: FAILED\n\n2 of 3 \(scenario, strategy\) pairs failed \(tolerance 1 pp/);
    expect(md).toContain('| fixture | pto-greedy | 61.00% | 56.67% | -4.33 pp | [');
    expect(md).toContain('❌ regression |');
    expect(md).toContain('| fixture | gone | 50.00% | — | — | — | ❌ missing |');
    expect(md).toContain("- fixture / gone: strategy 'gone' is missing from the run");
    expect(md).toContain('Not in the baseline (not judged): fixture / extra.');
    expect(md).toContain('Baseline: `ci/baseline.json`');
    expect(md).toContain('update the baseline deliberately (`freshsim baseline RUN_DIR --out BASELINE --overwrite`)');
  });

  it('escapes names so they render as text in a table (HTML, pipes, emphasis)', () => {
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;\\|\\*\\*x\\*\\*');
  });

  it('says passed when every pair held', () => {
    const ok = renderGateMarkdown(checkAgainstBaseline(makeBaseline([before], 't'), [before], 1));
    expect(ok).toMatch(/^## freshsim regression gate: passed\n\nAll 3 \(scenario, strategy\) pairs of the baseline held/);
    expect(ok).not.toContain('Failures');
  });
});

describe('renderGateJunit', () => {
  const xml = renderGateJunit(gate);
  it('has one test case per (scenario, strategy), with failures typed', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="freshsim regression gate" tests="3" failures="2" errors="0">/);
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain('<testcase classname="freshsim.fixture" name="pto-greedy" time="0">\n      <failure type="Regression" message="61.00% → 56.67% (-4.33 pp, paired): fell beyond the tolerance, significantly');
    expect(xml).toContain('<failure type="MissingStrategy" message="strategy &#39;gone&#39; is missing');
    expect(xml).toContain('name="&lt;img src=x onerror=alert(1)&gt;|**x**" time="0">\n      <system-out>');
    expect(xml).not.toContain('<img');
  });
});
