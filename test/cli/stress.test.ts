/* `freshsim stress` on a small shocked scenario file: tables, stress.json, bad flags. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { stressCommand } from '../../cli/commands/stress.js';
import { UsageError } from '../../cli/errors.js';
import { builtinScenarios } from '../../scenarios/index.js';

function scenarioFile(): string {
  const city = builtinScenarios.city;
  const dir = mkdtempSync(join(tmpdir(), 'freshsim-stress-'));
  const file = join(dir, 'shocked.yaml');
  writeFileSync(file, stringify({
    ...city,
    name: 'small-shocked',
    days: { history: 14, evaluation: 12, warmup: 4 },
    constraints: { K: 30, C: 300, L: 2 },
    catalogue: { ...city.catalogue, skus: 60, popularity: { zipfExponent: 1.1, offset: 3, tailFromRank: 30, tailDecayRanks: 8 } },
    demand: { ...city.demand, ordersPerDay: 30 },
    shocks: { timeline: [{ kind: 'lockdown', region: 'north', start: 3, days: 4, close: ['north-g1-f1'], demandFactor: 2, basketFactor: 1.3, stapleFactor: 1.5, tripCapacityFactor: 0.5 }] },
  }));
  return file;
}

const quiet = { stdout: () => {}, stderr: () => {} };

describe('freshsim stress', () => {
  it('prints p5/p50/p95 per strategy and the shocks per seed; writes stress.json, results.json and the report through the runner', async () => {
    const file = scenarioFile();
    const out = join(mkdtempSync(join(tmpdir(), 'freshsim-stress-out-')), 'run');
    let stdout = '';
    const code = await stressCommand({ scenario: file, strategies: 'pto-greedy,newsvendor', seeds: 2, out, json: false, tolerancePp: 2, workers: 0 }, { stdout: (s) => { stdout += s; }, stderr: () => {} });
    expect(code).toBe(0);
    expect(stdout).toContain('full-order % p5/p50/p95');
    expect(stdout).toMatch(/seed 1: lockdown north \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/);
    expect(stdout).toMatch(/^pto-greedy\s/m);
    expect(stdout).toMatch(/^newsvendor\s/m);
    expect(stdout).toContain('locked-down fronts: drop pp p5/p50/p95');
    const doc = JSON.parse(readFileSync(join(out, 'stress.json'), 'utf8'));
    expect(doc.seeds).toEqual([1, 2]);
    expect(doc.stress.samples['pto-greedy']).toHaveLength(2);
    for (const row of doc.rows) {
      expect(row.fullOrderRate.p5).toBeLessThanOrEqual(row.fullOrderRate.p95);
      expect(row.recoveryDays.n + row.unrecovered).toBe(2);
      expect(row.lockedDown.recoveryDays.n + row.lockedDown.unrecovered).toBe(2);
    }
    // The runner's store holds one record per cell; results.json carries the same stress section.
    expect(readFileSync(join(out, 'cells.jsonl'), 'utf8').trim().split('\n')).toHaveLength(4);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.stress).toEqual(doc.stress);
    // The stress samples are the per-seed full-order rates the summary reports.
    for (const name of ['pto-greedy', 'newsvendor']) {
      const xs: number[] = doc.stress.samples[name];
      expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(results.strategies[name].fullOrderRate.mean, 12);
    }
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('chart-stress');

    // Same figures on a pool of two threads, into another directory.
    const out2 = join(mkdtempSync(join(tmpdir(), 'freshsim-stress-out-')), 'run');
    let again = '';
    await stressCommand({ scenario: file, strategies: 'pto-greedy,newsvendor', seeds: 2, out: out2, json: true, tolerancePp: 2, workers: 2, report: false }, { stdout: (s) => { again += s; }, stderr: () => {} });
    expect(again).toBe(readFileSync(join(out, 'stress.json'), 'utf8'));

    // Existing results are kept unless --overwrite; with it, the stored cells are reused, not rerun.
    await expect(stressCommand({ scenario: file, strategies: 'pto-greedy,newsvendor', seeds: 2, out, json: true, tolerancePp: 2, workers: 0 }, quiet)).rejects.toThrow(/already holds stress\.json/);
    let log = '';
    await stressCommand({ scenario: file, strategies: 'pto-greedy,newsvendor', seeds: 2, out, json: true, tolerancePp: 2, workers: 0, overwrite: true, report: false }, { stdout: () => {}, stderr: (s) => { log += s; } });
    expect(log).toMatch(/resuming: 4 of 4 cells already finished/);
    expect(readFileSync(join(out, 'stress.json'), 'utf8')).toBe(again);
  });

  it('rejects bad flags with a usage error', async () => {
    await expect(stressCommand({ scenario: 'tiny', strategies: 'pto-greedy', seeds: 0, json: false, tolerancePp: 2 }, quiet)).rejects.toThrow(UsageError);
    await expect(stressCommand({ scenario: 'tiny', strategies: 'pto-greedy', seeds: 1, json: false, tolerancePp: -1 }, quiet)).rejects.toThrow(/tolerance-pp/);
    await expect(stressCommand({ scenario: 'tiny', strategies: 'pto-greedy', seeds: 1, json: false, tolerancePp: 2, workers: -1 }, quiet)).rejects.toThrow(/--workers -1/);
    await expect(stressCommand({ scenario: 'no-such-scenario', strategies: 'pto-greedy', seeds: 1, json: false, tolerancePp: 2 }, quiet)).rejects.toThrow(/neither a built-in/);
  });
});
