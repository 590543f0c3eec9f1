import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runExperiment } from '../../cli/api.js';
import { loadExperiment } from '../../cli/experiment-file.js';
import { loadStrategyModule, moduleDefinition, StrategyModuleMismatch } from '../../cli/strategy-modules.js';
import { planOfRun } from '../../experiment/index.js';
import { builtinScenario } from '../../scenarios/index.js';

const dir = mkdtempSync(join(tmpdir(), 'freshsim-modules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const entry = pathToFileURL(resolve('dist/index.js')).href;
const topK = resolve('examples/strategies/top-k.mjs');

/** A module that stocks the first `n` SKUs at L (the version comment changes its content, not its plans). */
function writeModule(name: string, version: number): string {
  const file = join(dir, name);
  writeFileSync(file, `import { defineStrategy } from '${entry}';
// version ${version}
export default defineStrategy({ name: 'first-n', params: { n: 3 }, create: (p) => (ctx) => {
  const plan = new Float64Array(ctx.skus.length);
  for (let i = 0; i < Math.min(p.n, ctx.constraints.K, ctx.skus.length); i++) plan[i] = ctx.constraints.L;
  return plan;
} });
`);
  return file;
}

describe('strategy modules', () => {
  it('run in this thread and in pool threads with byte-identical results', async () => {
    const small = { ...builtinScenario('tiny')!, days: { ...builtinScenario('tiny')!.days, evaluation: 3 } };
    const inline = await runExperiment({ scenario: small, strategies: ['pto-greedy', topK], seeds: 2, workers: 0 });
    const pooled = await runExperiment({ scenario: small, strategies: `pto-greedy,${topK}`, seeds: 2, workers: 2 });
    expect(Object.keys(inline.results.strategies)).toEqual(['pto-greedy', 'top-k']);
    expect(JSON.stringify(pooled.results)).toBe(JSON.stringify(inline.results));
    // The module's plans are its own: not the baseline's numbers.
    expect(inline.results.strategies['top-k'].fullOrderRate).not.toEqual(inline.results.strategies['pto-greedy'].fullOrderRate);
  }, 120_000);

  it('names cells by the module content: a changed file gives new cell ids and refuses the old ones', async () => {
    const file = writeModule('first-n.mjs', 1);
    const a = await loadStrategyModule(file);
    const scenario = builtinScenario('tiny')!;
    const plan = (m: typeof a) => planOfRun({ scenario, strategies: [{ name: m.definition.name, module: m }], seeds: [1], version: 'test' });
    writeModule('first-n.mjs', 2);
    const b = await loadStrategyModule(file);
    expect(b.ref.hash).not.toBe(a.ref.hash);
    expect(plan(b).cells[0].id).not.toBe(plan(a).cells[0].id);
    // The same content elsewhere is the same cell.
    const c = await loadStrategyModule(writeModule('copy.mjs', 2));
    expect(plan(c).cells[0].id).toBe(plan(b).cells[0].id);
    // A version this process never loaded (a process that did keeps it, keyed by hash).
    const stale = { path: join(dir, 'stale.mjs'), hash: '0'.repeat(32) };
    writeModule('stale.mjs', 3);
    await expect(moduleDefinition(stale)).rejects.toThrow(StrategyModuleMismatch);
    await expect(moduleDefinition({ path: join(dir, 'absent.mjs'), hash: '1'.repeat(32) })).rejects.toThrow(/is not on this machine/);
  });

  it('loads a TypeScript module (through tsx) whose import of the package is the copy already loaded', async () => {
    const file = join(dir, 'typed.ts');
    writeFileSync(file, `import { defineStrategy, type DecisionContext, type StockPlan } from '${entry}';
export default defineStrategy({ name: 'typed', params: { n: 2 }, create: (p: { n: number }) => (ctx: DecisionContext): StockPlan => new Float64Array(ctx.skus.length) });
`);
    const m = await loadStrategyModule(file);
    expect(m.definition.name).toBe('typed');
    const { STRATEGY_BRAND } = await import('../../strategies/index.js');
    expect((m.definition as unknown as Record<symbol, unknown>)[STRATEGY_BRAND]).toBe(true);
  });

  it('takes module entries with a grid in experiment files, relative to the file', async () => {
    writeModule('first-n.mjs', 4);
    const file = join(dir, 'exp.yaml');
    writeFileSync(file, 'name: m\nscenarios: [tiny]\nstrategies:\n  - pto-greedy\n  - module: ./first-n.mjs\n    grid: { n: [2, 4] }\nseeds: 1\n');
    const { plan } = await loadExperiment(file, 'test');
    expect(plan.variants.map((v) => v.label)).toEqual(['pto-greedy', 'first-n[n=2]', 'first-n[n=4]']);
    expect(plan.cells[1].strategy.module?.path).toBe(join(dir, 'first-n.mjs'));
    writeFileSync(file, 'name: m\nscenarios: [tiny]\nstrategies:\n  - module: ./first-n.mjs\n    grid: { m: [2] }\nseeds: 1\n');
    await expect(loadExperiment(file, 'test')).rejects.toThrow(/strategies\[0\]: invalid parameters for strategy 'first-n': m: unknown parameter/);
    expect(readFileSync(join(dir, 'first-n.mjs'), 'utf8')).toContain('version 4');
  });
});
