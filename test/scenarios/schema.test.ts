import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { builtinScenarios } from '../../scenarios/builtin/index.js';
import { formatPath, parseScenario, ScenarioError, validateScenario } from '../../scenarios/parse.js';
import type { ScenarioInput } from '../../scenarios/schema.js';

const FILE = 'scenarios/my-shop.yaml';

/** A deep copy of the built-in `tiny` scenario, changed by `edit`, as mutable loose data. */
function tinyWith(edit: (s: Record<string, any>) => void): Record<string, any> {
  const s = structuredClone(builtinScenarios.tiny) as Record<string, any>;
  edit(s);
  return s;
}

/** The ScenarioError thrown by `fn`, or a test failure if none is thrown. */
function scenarioError(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('expected a ScenarioError');
}

const invalid = (data: unknown): ScenarioError => scenarioError(() => validateScenario(data, FILE));

describe('built-in scenarios', () => {
  it('has the expected built-ins', () => {
    expect(Object.keys(builtinScenarios)).toEqual(expect.arrayContaining(['paper-7fresh', 'tiny']));
  });

  it.each(Object.entries(builtinScenarios))('%s validates and gets its defaults filled in', (name, input: ScenarioInput) => {
    const s = validateScenario(input, `built-in scenario '${name}'`);
    expect(s.name).toBe(name);
    for (const c of s.catalogue.categories) {
      expect(c.kgShare).toBeGreaterThanOrEqual(0);
      expect(Array.isArray(c.related)).toBe(true);
    }
    expect(s.demand.weekdayFactors).toHaveLength(7);
    expect(s.constraints.K).toBeLessThanOrEqual(s.catalogue.skus);
  });

  it('fills defaults that the file leaves out', () => {
    const s = validateScenario(builtinScenarios['paper-7fresh'], 'p');
    const dairy = s.catalogue.categories.find((c) => c.name === 'dairy');
    expect(dairy?.kgShare).toBe(0); // not written in the file
    const noDescription = tinyWith((x) => { delete x.description; delete x.days.warmup; });
    const t = validateScenario(noDescription, FILE);
    expect(t.description).toBe('');
    expect(t.days.warmup).toBe(7);
  });
});

describe('parseScenario', () => {
  it('reads YAML text', () => {
    const text = stringify(builtinScenarios.tiny);
    expect(text).not.toMatch(/^\s*\{/); // really block YAML, not JSON
    expect(parseScenario(text, 'tiny.yaml')).toEqual(validateScenario(builtinScenarios.tiny, 'tiny'));
  });

  it('reads JSON text', () => {
    const text = JSON.stringify(builtinScenarios['paper-7fresh'], null, 2);
    const s = parseScenario(text, 'paper.json');
    expect(s).toEqual(validateScenario(builtinScenarios['paper-7fresh'], 'paper'));
    expect(s.constraints).toEqual({ K: 350, C: 9000, L: 10 });
  });

  it("rejects invalid YAML with 'not valid YAML', naming the file", () => {
    const e = scenarioError(() => parseScenario('name: tiny\nconstraints: [1, 2\n', FILE));
    expect(e.file).toBe(FILE);
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toContain('not valid YAML');
    expect(e.message).toContain(FILE);
    expect(e.message).toContain('not valid YAML');
    expect(scenarioError(() => parseScenario('{"name": "x", ', FILE)).problems[0]).toContain('not valid YAML');
  });

  it.each([
    ['a top-level list', '- name: tiny\n- seed: 1\n'],
    ['a JSON array', '[1, 2, 3]'],
    ['a scalar', '42'],
    ['an empty file', ''],
  ])('rejects %s: expected a mapping', (_, text) => {
    const e = scenarioError(() => parseScenario(text, FILE));
    expect(e.problems).toEqual(['(top level): expected a mapping of scenario fields']);
    expect(e.message).toContain(FILE);
  });
});

describe('validation errors name the file, the field path and what was expected', () => {
  it('constraints.K given as a string', () => {
    const e = invalid(tinyWith((s) => { s.constraints.K = '40'; }));
    expect(e.file).toBe(FILE);
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatch(/^constraints\.K: /);
    expect(e.message).toContain(FILE);
    expect(e.message).toContain('constraints.K');
    expect(e.message).toContain('expected number');
  });

  it('constraints.K as a string in YAML text', () => {
    const text = stringify(tinyWith((s) => { s.constraints.K = 'forty'; }));
    const e = scenarioError(() => parseScenario(text, FILE));
    expect(e.message).toContain(FILE);
    expect(e.message).toContain('constraints.K');
    expect(e.message).toContain('expected number');
  });

  it('a misspelt key inside a section', () => {
    const e = invalid(tinyWith((s) => { s.constraints.Kx = 3; }));
    expect(e.problems.some((p) => p.startsWith('constraints:') && p.includes('Kx'))).toBe(true);
  });

  it('an unknown top-level key', () => {
    const e = invalid(tinyWith((s) => { s.sead = 3; }));
    expect(e.problems.some((p) => p.startsWith('(top level):') && p.includes('sead'))).toBe(true);
  });

  it('a front naming an unknown grid lists the known grids', () => {
    const e = invalid(tinyWith((s) => {
      s.network.grids.push({ name: 'grid-2', tripCapacityUnits: 100 });
      s.network.fronts.push({ name: 'front-2', grid: 'grid-9', tripCapacityUnits: 10 });
    }));
    expect(e.problems).toHaveLength(1);
    const p = e.problems[0];
    expect(p).toMatch(/^network\.fronts\[1\]\.grid: /);
    expect(p).toContain("unknown grid 'grid-9'");
    expect(p).toContain('grid-1');
    expect(p).toContain('grid-2');

    const first = invalid(tinyWith((s) => { s.network.fronts[0].grid = 'nowhere'; }));
    expect(first.message).toContain('network.fronts[0].grid');
    expect(first.message).toContain('grid-1');
  });

  it('a category without a supplier', () => {
    const e = invalid(tinyWith((s) => {
      s.suppliers = s.suppliers.filter((x: { name: string }) => x.name !== 'city-bakery');
    }));
    expect(e.problems).toEqual(["suppliers: no supplier for category 'bakery'; expected every category to have one"]);
  });

  it('a supplier for an unknown or already supplied category', () => {
    const e = invalid(tinyWith((s) => {
      s.suppliers[0].categories = ['fruit', 'vegetable', 'meat'];
    }));
    expect(e.problems.some((p) => p.startsWith('suppliers[0].categories[1]:') && p.includes("unknown category 'vegetable'"))).toBe(true);
    // supplier #0 claims 'meat' first, so prime-meats (#2) is the duplicate
    expect(e.problems).toContainEqual(expect.stringMatching(/^suppliers\[2\]\.categories\[0\]: category 'meat' already has supplier #0/));
  });

  it('weekdayFactors of the wrong length', () => {
    const e = invalid(tinyWith((s) => { s.demand.weekdayFactors = [1, 1, 1, 1, 1, 1]; }));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatch(/^demand\.weekdayFactors: /);
    expect(e.problems[0]).toContain('7');
  });

  it('an unknown related category and K above the catalogue size', () => {
    const e = invalid(tinyWith((s) => {
      s.catalogue.categories[0].related = ['dairy', 'sweets'];
      s.constraints.K = s.catalogue.skus + 1;
    }));
    const skus = builtinScenarios.tiny.catalogue.skus;
    expect(e.problems).toContainEqual(expect.stringMatching(/^catalogue\.categories\[0\]\.related\[1\]: unknown category 'sweets'/));
    expect(e.problems).toContainEqual(`constraints.K: K = ${skus + 1} exceeds the catalogue's ${skus} SKUs`);
  });

  it('reports every problem, one line each', () => {
    const e = invalid(tinyWith((s) => {
      s.seed = 1.5;
      s.startDate = '2020-13-01';
      s.demand.basket.meanLines = 0;
    }));
    const paths = e.problems.map((p) => p.split(':')[0]);
    expect(paths).toEqual(expect.arrayContaining(['seed', 'startDate', 'demand.basket.meanLines']));
    for (const p of e.problems) expect(e.message).toContain(`  - ${p}`);
  });
});

describe('formatPath', () => {
  it('formats zod paths as a.b[2].c', () => {
    expect(formatPath([])).toBe('(top level)');
    expect(formatPath(['network', 'fronts', 0, 'grid'])).toBe('network.fronts[0].grid');
    expect(formatPath([3, 'x'])).toBe('[3].x');
  });
});
