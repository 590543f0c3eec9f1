/*
 * examples/ci/freshsim-gate.yml must run the benchmark ci/baseline.json records (scenario,
 * strategies, seeds 1..N), so that a user who copies both gets a passing gate, and must grant the
 * permission its JUnit action needs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseBaseline } from '../../analysis/index.js';

const file = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

describe('examples/ci/freshsim-gate.yml', () => {
  const wf = parse(readFileSync(file('examples/ci/freshsim-gate.yml'), 'utf8'));
  const steps: { run?: string; uses?: string }[] = wf.jobs.gate.steps;
  const baseline = parseBaseline(JSON.parse(readFileSync(file('ci/baseline.json'), 'utf8')), 'ci/baseline.json');

  it('benchmarks what ci/baseline.json holds', () => {
    const run = steps.map((s) => s.run ?? '').find((r) => r.includes('freshsim run'))!;
    const flag = (name: string) => run.match(new RegExp(`--${name} (\\S+)`))?.[1];
    expect(new Set(baseline.entries.map((e) => e.scenario))).toEqual(new Set([flag('scenario')]));
    expect(flag('strategies')!.split(',')).toEqual(baseline.entries.map((e) => e.strategy));
    const n = Number(flag('seeds'));
    for (const e of baseline.entries) expect(e.seeds).toEqual(Array.from({ length: n }, (_, k) => k + 1));
    expect(steps.some((s) => s.run?.includes('freshsim check runs/gate --baseline ci/baseline.json'))).toBe(true);
  });

  it('grants checks: write for its JUnit action', () => {
    expect(steps.some((s) => s.uses?.startsWith('mikepenz/action-junit-report'))).toBe(true);
    expect(wf.permissions.checks).toBe('write');
  });
});
