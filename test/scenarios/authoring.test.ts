/*
 * Scenario authoring: the JSON Schema accepts every built-in scenario (as written and with
 * defaults filled) and rejects broken ones (checked with ajv, an independent validator);
 * docs/SCENARIO-REFERENCE.md is what the generator writes now; `extends` with nested overrides;
 * warnings for shocks outside the simulated days.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenario } from '../../cli/files.js';
import {
  builtinScenario, builtinScenarios, parseScenario, scenarioJsonSchema, scenarioReference, scenarioWarnings, type Scenario,
} from '../../scenarios/index.js';

const ajv = new Ajv2020({ allErrors: true, formats: { date: /^\d{4}-\d{2}-\d{2}$/ } });
const validate = ajv.compile(scenarioJsonSchema());
const json = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('scenario JSON Schema', () => {
  it.each(Object.keys(builtinScenarios))('accepts built-in %s as written and with defaults filled', (name) => {
    expect(validate(json(builtinScenarios[name])), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(json(builtinScenario(name))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a broken scenario: missing field, wrong type, unknown key, out of range', () => {
    const good = json(builtinScenarios.tiny);
    const broken = [
      (() => { const s = json(good); delete s.days; return s; })(),
      { ...good, seed: 'seven' },
      { ...good, dayz: 3 },
      { ...good, constraints: { ...good.constraints, K: 0 } },
      { ...good, shocks: { timeline: [{ kind: 'lockdown', start: 0, days: 2 }] } },
    ];
    for (const b of broken) expect(validate(b)).toBe(false);
  });

  it('accepts a file that extends a built-in with only overrides, and a network layout', () => {
    expect(validate({ extends: 'paper-7fresh', days: { evaluation: 3 } })).toBe(true);
    expect(validate({ extends: 'paper-7fresh', days: { evaluation: 'three' } })).toBe(false);
    const { central: _c, grids: _g, fronts: _f, ...rest } = json(builtinScenarios.tiny).network;
    const layout = [{ central: 'c', grids: 1, frontsPerGrid: 2, gridKm: 5, frontKm: 2, gridTripCapacityUnits: 900, frontTripCapacityUnits: 300 }];
    expect(validate({ ...json(builtinScenarios.tiny), network: { ...rest, layout } })).toBe(true);
    expect(validate({ ...json(builtinScenarios.tiny), network: { ...json(builtinScenarios.tiny).network, layout } })).toBe(false);
  });

  it('docs/SCENARIO-REFERENCE.md is current (regenerate: npm run scenario-reference)', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/SCENARIO-REFERENCE.md', import.meta.url)), 'utf8');
    expect(doc).toBe(scenarioReference());
    expect(doc).not.toContain('(undocumented)');
    expect(doc).toContain('| `shocks.timeline[]<lockdown>.start` | integer | required |');
  });
});

describe('extends', () => {
  it('overrides nested fields of a built-in and keeps the rest', () => {
    const s = parseScenario('extends: tiny\nname: tiny-k60\ndays: { evaluation: 3 }\nconstraints: { K: 60 }\n', 'x.yaml');
    const base = builtinScenario('tiny')!;
    expect(s).toEqual({ ...base, name: 'tiny-k60', days: { ...base.days, evaluation: 3 }, constraints: { ...base.constraints, K: 60 } });
  });

  it('follows a chain of files relative to each other; null removes a field; a cycle is an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'freshsim-extends-'));
    writeFileSync(join(dir, 'a.yaml'), stringify({ extends: 'tiny', name: 'a', description: 'from a' }));
    writeFileSync(join(dir, 'b.yaml'), stringify({ extends: './a.yaml', name: 'b', description: null, demand: { basket: { meanLines: 3 } } }));
    const b: Scenario = loadScenario(join(dir, 'b.yaml'));
    const tiny = builtinScenario('tiny')!;
    expect(b.name).toBe('b');
    expect(b.description).toBe('');
    expect(b.demand.basket).toEqual({ ...tiny.demand.basket, meanLines: 3 });
    writeFileSync(join(dir, 'c.yaml'), stringify({ extends: './d.yaml' }));
    writeFileSync(join(dir, 'd.yaml'), stringify({ extends: './c.yaml' }));
    expect(() => loadScenario(join(dir, 'c.yaml'))).toThrow(/extends itself/);
    expect(() => parseScenario('extends: nope\n', 'x.yaml')).toThrow(/x\.yaml: invalid scenario:\n {2}- extends: 'nope' is not a built-in scenario/);
  });
});

describe('scenario warnings', () => {
  const tiny = builtinScenario('tiny')!;
  const withShock = (start: number, days: number): Scenario =>
    ({ ...tiny, shocks: { timeline: [{ kind: 'demand-surge', start, days, demandFactor: 2 }] } }) as unknown as Scenario;

  it('warns for a shock after the last simulated day, or partly outside; not for one inside', () => {
    const last = tiny.days.evaluation - 1;
    expect(scenarioWarnings(withShock(last + 1, 2))[0]).toMatch(/^shocks\.timeline\[0\] \(demand-surge\) covers start \d+ … \d+, outside the simulated days, so it never happens/);
    expect(scenarioWarnings(withShock(last, 3))[0]).toContain('partly outside');
    expect(scenarioWarnings(withShock(-tiny.days.history - 5, 2))[0]).toContain('never happens');
    expect(scenarioWarnings(withShock(0, 1))).toEqual([]);
  });

  it('no built-in scenario draws a warning', () => {
    for (const name of Object.keys(builtinScenarios)) expect(scenarioWarnings(builtinScenario(name)!)).toEqual([]);
  });
});
