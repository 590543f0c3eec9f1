import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchitecture, importsOf, parseLayers } from './check.js';

const layers = parseLayers(readFileSync('docs/ARCHITECTURE.md', 'utf8'));

function sources(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.set(path, readFileSync(path, 'utf8'));
  }
  return out;
}

describe('architecture', () => {
  it('reads the layer list from docs/ARCHITECTURE.md', () => {
    expect(layers.get('sim')).toEqual(new Set());
    expect(layers.get('experiment')).toEqual(new Set(['sim', 'scenarios', 'strategies', 'analysis']));
    expect(layers.get('cli')).toBe('*');
  });

  it('holds in the repository', () => {
    const files = new Map<string, string>();
    for (const dir of ['sim', 'scenarios', 'strategies', 'analysis', 'experiment', 'reports', 'cli']) sources(dir, files);
    files.set('index.ts', readFileSync('index.ts', 'utf8'));
    expect(files.size).toBeGreaterThan(100);
    expect(checkArchitecture(files, layers)).toEqual([]);
  });

  it('reads static, re-export, side-effect and dynamic imports, not commented ones', () => {
    expect(importsOf("import a from './a.js';\nexport { b } from '../b/index.js';\nimport './c.js';\nconst d = await import('node:fs');\n// import x from './x.js'\n/* import y from './y.js' */"))
      .toEqual(['./a.js', '../b/index.js', './c.js', 'node:fs']);
  });

  // Each rule, broken once in a small in-memory fixture: the checker must say so.
  it.each([
    ['sim/a.ts', "import { readFileSync } from 'node:fs';", /imports 'node:fs' in pure folder sim/],
    ['analysis/a.ts', "import { spawn } from 'child_process';", /imports 'child_process' in pure folder analysis/],
    ['experiment/a.ts', "import { Worker } from 'node:worker_threads';", /imports 'node:worker_threads' in pure folder experiment/],
    ['strategies/a.ts', 'export const seed = () => Date.now();', /uses Date\.now\( in pure folder strategies/],
    ['scenarios/a.ts', 'export const cwd = () => process.cwd();', /uses process\.cwd in pure folder scenarios/],
    ['experiment/a.ts', "import { buildWorld } from '../scenarios/build-world.js';", /skipping scenarios\/index\.ts/],
    ['cli/commands/a.ts', "import { simulate } from '../../sim/simulate.js';", /skipping sim\/index\.ts/],
    ['sim/a.ts', "import type { Scenario } from '../scenarios/index.js';", /imports scenarios\/, which sim\/ may not/],
    ['analysis/a.ts', "import { runExperiment } from '../experiment/index.js';", /imports experiment\/, which analysis\/ may not/],
    ['reports/a.ts', "export { loadScenario } from '../cli/index.js';", /imports cli\/, which reports\/ may not/],
  ])('fails on %s: %s', (path, text, message) => {
    const problems = checkArchitecture(new Map([[path, text]]), layers);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('lets cli/ import any folder through its index, and a folder import its own files', () => {
    const ok = new Map([
      ['cli/a.ts', "import { buildPlan } from '../experiment/index.js';\nimport { readFileSync } from 'node:fs';\nconst t = process.argv;"],
      ['strategies/otpto/a.ts', "import { trainGbdt } from '../gbdt/index.js';\nimport { x } from '../contract.js';"],
    ]);
    expect(checkArchitecture(ok, layers)).toEqual([]);
  });
});
