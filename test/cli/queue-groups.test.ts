/* Queue jobs: cells grouped by shared world, in plan order, split into near-equal jobs of at most GROUP_MAX cells. */
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../experiment/index.js';
import { GROUP_MAX, jobCells, jobDataOf, jobGroups, jobIdOf } from '../../cli/queue.js';
import { builtinScenario, validateScenario } from '../../scenarios/index.js';
import { resolvedParams } from '../../strategies/index.js';

function plan(variants: number, seeds: number, scenarios = 1) {
  const tiny = builtinScenario('tiny')!;
  return buildPlan({
    name: 'groups',
    freshsim: 'test',
    scenarios: Array.from({ length: scenarios }, (_, k) => validateScenario({ ...tiny, name: `tiny-${k}`, seed: 100 + k }, 'tiny')),
    variants: Array.from({ length: variants }, (_, k) => ({ label: `nv-${k}`, name: 'newsvendor', params: resolvedParams('newsvendor', { splitCostPerLine: 1 + k }) })),
    seeds: Array.from({ length: seeds }, (_, k) => k + 1),
  });
}

describe('queue job groups', () => {
  it.each([[1, 1, 1], [3, 5, 1], [4, 2, 2], [5, 3, 1], [9, 2, 1], [13, 1, 3]])('%i variants × %i seeds × %i scenarios: every cell once, one world per job, near-equal sizes ≤ GROUP_MAX', (v, n, sc) => {
    const p = plan(v, n, sc);
    const jobs = jobGroups(p.cells);
    expect(jobs.flat().map((c) => c.id)).toEqual(p.cells.map((c) => c.id)); // plan order, each cell once
    for (const job of jobs) {
      expect(job.length).toBeGreaterThan(0);
      expect(job.length).toBeLessThanOrEqual(GROUP_MAX);
      expect(new Set(job.map((c) => `${c.scenarioId}#${c.replication}`)).size).toBe(1);
    }
    // A world's cells are split into ceil(v / GROUP_MAX) jobs whose sizes differ by at most one.
    const parts = Math.ceil(v / GROUP_MAX);
    expect(jobs).toHaveLength(parts * n * sc);
    const sizes = jobs.map((j) => j.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('sends the scenario once per job and gives workers back the very cell specs', () => {
    for (const group of jobGroups(plan(5, 2, 2).cells)) {
      const data = JSON.parse(JSON.stringify(jobDataOf('run1', group)));
      expect(data.cells.every((c: object) => !('scenario' in c))).toBe(true);
      expect(jobCells(data)).toEqual(group);
    }
  });

  it('names a job by its run and its cells, the same on every enqueue', () => {
    const jobs = jobGroups(plan(3, 2).cells);
    expect(jobIdOf('run1', jobs[0])).toBe(jobIdOf('run1', [...jobs[0]]));
    expect(jobIdOf('run1', jobs[0])).not.toBe(jobIdOf('run1', jobs[1]));
    expect(jobIdOf('run1', jobs[0])).not.toBe(jobIdOf('run2', jobs[0]));
    expect(jobIdOf('run1', jobs[0])).not.toContain(':');
  });
});
