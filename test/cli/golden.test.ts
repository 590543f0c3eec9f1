/*
 * Golden output: the `tiny` scenario with all three baselines over two seeds must reproduce the
 * checked-in results exactly (same seed → same numbers). Regenerate deliberately with
 * `UPDATE_GOLDEN=1 npx vitest run test/cli/golden.test.ts` and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../experiment/index.js';
import { builtinScenario } from '../../scenarios/index.js';

const goldenFile = fileURLToPath(new URL('../golden/tiny-results.json', import.meta.url));

function run(): string {
  const { results } = runExperiment({
    scenario: builtinScenario('tiny')!,
    strategies: [{ name: 'pto-greedy' }, { name: 'safety-stock' }, { name: 'newsvendor' }],
    seeds: [1, 2],
    version: 'golden',
  });
  return `${JSON.stringify(results, null, 2)}\n`;
}

describe('golden results', () => {
  it('tiny × 3 strategies × 2 seeds matches test/golden/tiny-results.json', () => {
    const text = run();
    if (process.env.UPDATE_GOLDEN) writeFileSync(goldenFile, text);
    expect(text).toBe(readFileSync(goldenFile, 'utf8'));
  });

  it('is identical when run twice in one process', () => {
    expect(run()).toBe(run());
  });
});
