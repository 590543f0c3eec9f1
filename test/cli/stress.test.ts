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

describe('freshsim stress', () => {
  it('prints p5/p50/p95 per strategy, the shocks per seed, and writes stress.json', () => {
    const file = scenarioFile();
    const out = mkdtempSync(join(tmpdir(), 'freshsim-stress-out-'));
    let stdout = '';
    const code = stressCommand({ scenario: file, strategies: 'pto-greedy,newsvendor', seeds: 2, out, json: false, tolerancePp: 2 }, undefined, { stdout: (s) => { stdout += s; }, stderr: () => {} });
    expect(code).toBe(0);
    expect(stdout).toContain('full-order % p5/p50/p95');
    expect(stdout).toMatch(/seed 1: lockdown north \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/);
    expect(stdout).toMatch(/^pto-greedy\s/m);
    expect(stdout).toMatch(/^newsvendor\s/m);
    const doc = JSON.parse(readFileSync(join(out, 'stress.json'), 'utf8'));
    expect(doc.seeds).toEqual([1, 2]);
    expect(doc.stress.samples['pto-greedy']).toHaveLength(2);
    for (const row of doc.rows) {
      expect(row.fullOrderRate.p5).toBeLessThanOrEqual(row.fullOrderRate.p95);
      expect(row.recoveryDays.n + row.unrecovered).toBe(2);
    }
    // Deterministic: the same figures again.
    let again = '';
    stressCommand({ scenario: file, strategies: 'pto-greedy,newsvendor', seeds: 2, json: true, tolerancePp: 2 }, undefined, { stdout: (s) => { again += s; }, stderr: () => {} });
    expect(JSON.parse(again).rows).toEqual(doc.rows);
  });

  it('rejects bad flags with a usage error', () => {
    const io = { stdout: () => {}, stderr: () => {} };
    expect(() => stressCommand({ scenario: 'tiny', strategies: 'pto-greedy', seeds: 0, json: false, tolerancePp: 2 }, undefined, io)).toThrow(UsageError);
    expect(() => stressCommand({ scenario: 'tiny', strategies: 'pto-greedy', seeds: 1, json: false, tolerancePp: -1 }, undefined, io)).toThrow(/tolerance-pp/);
    expect(() => stressCommand({ scenario: 'no-such-scenario', strategies: 'pto-greedy', seeds: 1, json: false, tolerancePp: 2 }, undefined, io)).toThrow(/neither a built-in/);
  });
});
