/*
 * Experiment files: grids expand into labelled variants with resolved parameters, seeds and the
 * evaluation-days override are applied, scenario files resolve relative to the experiment file,
 * and every error names the file and the field.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExperiment } from '../../cli/experiment-file.js';
import { builtinScenario } from '../../scenarios/index.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'freshsim-exp-'));
  writeFileSync(join(dir, 'mine.yaml'), stringify({ ...builtinScenario('tiny')!, name: 'mine' }));
});
function load(text: string) {
  const file = join(dir, `e-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return { file, load: () => loadExperiment(file, 'test') };
}

describe('experiment files', () => {
  it('expands grids, seeds and scenarios into cells in a fixed order', async () => {
    const { plan, file } = await load(`
name: grid
scenarios: [tiny, mine.yaml]
strategies:
  - pto-greedy
  - name: safety-stock
    params: { sigmaWindowDays: 14 }
    grid: { serviceLevel: [0.7, 0.9] }
seeds: [3, 5]
evaluationDays: 2
retries: 2
`).load();
    expect(file.retries).toBe(2);
    expect(plan.variants.map((v) => v.label)).toEqual(['pto-greedy', 'safety-stock[serviceLevel=0.7]', 'safety-stock[serviceLevel=0.9]']);
    expect(plan.variants[2].params).toMatchObject({ serviceLevel: 0.9, sigmaWindowDays: 14 });
    expect(plan.scenarios.map((s) => [s.name, s.days.evaluation])).toEqual([['tiny', 2], ['mine', 2]]);
    expect(plan.cells).toHaveLength(2 * 2 * 3);
    expect(plan.cells.slice(0, 4).map((c) => c.key)).toEqual([
      'tiny/pto-greedy/rep 3', 'tiny/safety-stock[serviceLevel=0.7]/rep 3', 'tiny/safety-stock[serviceLevel=0.9]/rep 3', 'tiny/pto-greedy/rep 5',
    ]);
    expect(new Set(plan.cells.map((c) => c.id)).size).toBe(plan.cells.length);
    // Cell ids are content hashes: the same cell in another experiment has the same id.
    const again = await load('name: other\nscenarios: [tiny]\nstrategies: [pto-greedy]\nseeds: [3]\nevaluationDays: 2\n').load();
    expect(again.plan.cells[0].id).toBe(plan.cells[0].id);
  });

  it.each([
    ['name: a b\nscenarios: [tiny]\nstrategies: [pto-greedy]\nseeds: 1\n', 'name: expected letters, digits'],
    ['name: x\nscenarios: []\nstrategies: [pto-greedy]\nseeds: 1\n', 'scenarios: expected at least one scenario'],
    ['name: x\nscenarios: [tiny]\nstrategies: [pto-greedy]\nseeds: [1, 1]\n', 'seeds: expected distinct replication numbers'],
    ['name: x\nscenarios: [tiny]\nstrategies: [{name: safety-stock, grid: {serviceLevel: []}}]\nseeds: 1\n', 'strategies[0].grid.serviceLevel: expected at least one value'],
    ['name: x\nscenarios: [tiny]\nstrategies: [{name: safety-stock, grid: {nope: [1]}}]\nseeds: 1\n', "strategies[0]: invalid parameters for strategy 'safety-stock'"],
    ['name: x\nscenarios: [tiny, tiny]\nstrategies: [pto-greedy]\nseeds: 1\n', "two scenarios are named 'tiny'"],
    ['name: x\nscenarios: [tiny]\nstrategies: [pto-greedy, pto-greedy]\nseeds: 1\n', "two strategies are labelled 'pto-greedy'"],
    ['name: x\nscenarios: [tiny]\nstrategies: [pto-greedy]\nseeds: 1\nevaluationDays: 0\n', 'evaluationDays: Too small'],
    ['[1, 2]', '(top level): expected a mapping of experiment fields'],
    ['name: x\n  bad: [', 'not valid YAML or JSON'],
  ])('rejects %j naming the file and field', async (text, message) => {
    const { file, load: go } = load(text);
    await expect(go()).rejects.toThrow(file);
    await expect(go()).rejects.toThrow(message);
  });
});
