/*
 * `freshsim ablate`: bad --otpto-params are refused before any work, and the
 * Table 3 section and table come from the summarised results (the report's
 * `ablation` contract: reference, its rate, one row per removed part).
 */
import { describe, expect, it } from 'vitest';
import type { Results } from '../../analysis/index.js';
import { ABLATIONS, ablateCommand, ablationLabel, ablationSection, ablationTable } from '../../cli/commands/ablate.js';
import { readExtensions } from '../../reports/index.js';

const io = { stdout: () => {}, stderr: () => {} };

function fakeResults(): Results {
  const labels = ['otpto', ...ABLATIONS.map(([p]) => ablationLabel(p)), 'pto-greedy', 'opt'];
  const rate = (k: number) => 0.6 + k / 100;
  const strategies = Object.fromEntries(labels.map((l, k) => [l, {
    fullOrderRate: { mean: rate(k), ci95: [rate(k) - 0.01, rate(k) + 0.01], n: 2, perSeed: [rate(k), rate(k)] },
    perDay: [{ day: '2020-08-30', fullOrderRate: rate(k) }, { day: '2020-08-31', fullOrderRate: rate(k) }],
  }]));
  const comparisons = labels.slice(1).map((l, k) => ({ strategy: l, baseline: 'otpto', metric: 'fullOrderRate', difference: { mean: (k + 1) / 100, ci95: [0, 2 * (k + 1) / 100], n: 2, perSeed: [] } }));
  return { days: ['2020-08-30', '2020-08-31'], strategies, comparisons } as unknown as Results;
}

describe('freshsim ablate', () => {
  it('refuses --otpto-params that are not a JSON object or that set ablate', async () => {
    await expect(ablateCommand({ scenario: 'tiny', seeds: 1, overwrite: false, otptoParams: '{oops' }, io)).rejects.toThrow(/--otpto-params '\{oops': not JSON/);
    await expect(ablateCommand({ scenario: 'tiny', seeds: 1, overwrite: false, otptoParams: '[1]' }, io)).rejects.toThrow(/expected a JSON object/);
    await expect(ablateCommand({ scenario: 'tiny', seeds: 1, overwrite: false, otptoParams: '{"ablate":"A1"}' }, io)).rejects.toThrow(/'ablate' is set by the command/);
    await expect(ablateCommand({ scenario: 'tiny', seeds: 1, overwrite: false, otptoParams: '{"labelWindowDays":-3}' }, io)).rejects.toThrow(/invalid parameters for strategy 'otpto'/);
    await expect(ablateCommand({ scenario: 'tiny', seeds: 0, overwrite: false }, io)).rejects.toThrow(/--seeds 0/);
  });

  it('builds the report section and the table from the results', () => {
    const r = fakeResults();
    const section = ablationSection(r);
    expect(section.reference).toBe('otpto');
    expect(section.referenceRate.mean).toBeCloseTo(0.6, 12);
    expect(section.rows.map((x) => x.variant)).toEqual(['otpto w/o A1', 'otpto w/o A2', 'otpto w/o A3', 'otpto w/o A4', 'otpto w/o A5', 'otpto w/o A6']);
    expect(section.rows[3].fullOrderRate.mean).toBeCloseTo(0.64, 12);
    // The report reads it back under its optional-field contract.
    expect(readExtensions({ ...r, ablation: section } as unknown as Results).ablation?.rows.length).toBe(6);
    const table = ablationTable(r);
    expect(table).toMatch(/otpto w\/o A4 +64\.00 +64\.00 +64\.00 +\+4\.00 \[\+0\.00, \+8\.00\]/);
    expect(table).toMatch(/opt +68\.00/);
  });
});
