import { describe, expect, it } from 'vitest';
import { median, ratios, renderMm1Section, type Mm1Comparison } from '../../bench/mm1-report.js';

const comparison: Mm1Comparison = {
  date: '2026-01-01',
  machine: { nproc: 2, cpuModel: 'cpu', os: 'Linux', node: 'v20', python: '3.11', pythonExecutable: '/usr/bin/python3', simpy: '3.0.11' },
  lambda: 0.9,
  mu: 1,
  theoryMeanWait: 9,
  stdErrorPerRun: 0.3,
  ours: { engine: 'freshsim', customers: 1000, eventsPerRun: 2000, wallSeconds: [0.001, 0.002, 0.003], meanWaits: [9, 9, 9] },
  simpy: { engine: 'SimPy 3.0.11, event style', customers: 1000, eventsPerRun: 2000, wallSeconds: [0.02, 0.01], meanWaits: [9.1, 8.9] },
  simpyProcess: { engine: 'SimPy 3.0.11, process style', customers: 1000, eventsPerRun: 6002, wallSeconds: [0.1, 0.05], meanWaits: [9.1, 8.9] },
  command: 'npm run build && npm run bench:simpy',
};

describe('mm1-report', () => {
  it('takes the median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/empty/);
  });

  it('compares medians per customer like for like (event style), and against the process style apart', () => {
    const r = ratios(comparison);
    expect(r.customers).toBeCloseTo(0.015 / 0.002);
    expect(r.events).toBeCloseTo((2000 / 0.002) / (2000 / 0.015));
    expect(r.customersVsProcess).toBeCloseTo(0.075 / 0.002);
  });

  it('renders the machine, the ratio and the reproducing command', () => {
    const md = renderMm1Section(comparison);
    expect(md).toContain('| SimPy | 3.0.11 |');
    expect(md).toContain('the same event-style model on both sides: 7.5× customers per second');
    expect(md).toContain('process style, which does more work per customer, the ratio is 37.5×');
    expect(md).toContain('| SimPy 3.0.11, process style |');
    expect(md).toContain('npm run build && npm run bench:simpy');
  });
});
