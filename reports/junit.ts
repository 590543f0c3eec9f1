/**
 * The regression gate as JUnit XML: one test suite per scenario, one test
 * case per (scenario, strategy), a `<failure>` for each regression or
 * missing strategy — the format CI systems show as test results.
 */
import type { GateReport } from '../analysis/index.js';
import { escapeXml as x } from './escape.js';

/** JUnit XML of the gate's verdicts. */
export function renderGateJunit(g: GateReport): string {
  const scenarios = [...new Set(g.verdicts.map((v) => v.scenario))];
  const suites = scenarios.map((scenario) => {
    const vs = g.verdicts.filter((v) => v.scenario === scenario);
    const failures = vs.filter((v) => !v.passed).length;
    const cases = vs.map((v) => {
      const open = `    <testcase classname="freshsim.${x(scenario)}" name="${x(v.strategy)}" time="0">`;
      if (v.passed) return `${open}\n      <system-out>${x(v.message)}</system-out>\n    </testcase>`;
      const type = v.reason === 'missing' ? 'MissingStrategy' : 'Regression';
      return `${open}\n      <failure type="${type}" message="${x(v.message)}">${x(v.message)}</failure>\n    </testcase>`;
    });
    return `  <testsuite name="freshsim regression gate: ${x(scenario)}" tests="${vs.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const failures = g.verdicts.filter((v) => !v.passed).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="freshsim regression gate" tests="${g.verdicts.length}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}
