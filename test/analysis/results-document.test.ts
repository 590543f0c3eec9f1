import { describe, expect, it } from 'vitest';
import { parseResults, sectionSchemas } from '../../analysis/index.js';
import { fixtureResults } from '../reports/fixture.js';

const doc = () => JSON.parse(JSON.stringify(fixtureResults({ a: { fullOrderRate: [0.8, 0.82, 0.81] }, b: { fullOrderRate: [0.7, 0.72, 0.71] } }))) as Record<string, any>;

describe('results document', () => {
  it('parses a written document back to the same value', () => {
    const d = doc();
    expect(parseResults(d, 'r.json')).toEqual(d);
  });

  it('keeps unknown fields and validates the optional sections', () => {
    const d = { ...doc(), future: { x: 1 }, stress: { samples: { a: [0.5, 0.6] } } };
    expect((parseResults(d, 'r.json') as unknown as Record<string, unknown>).future).toEqual({ x: 1 });
    expect(() => parseResults({ ...d, stress: { samples: { a: [] } } }, 'r.json')).toThrow(/r\.json.*stress\.samples\.a/);
    const bad = doc();
    bad.strategies.a.suppliers = [{ name: 's', volumePerDay: 1, fillRate: 1.5, punctuality: 1, quality: 1 }];
    expect(() => parseResults(bad, 'r.json')).toThrow(/strategies\.a\.suppliers\[0\]\.fillRate/);
  });

  it('rejects a document missing a core figure, naming the field', () => {
    const d = doc();
    delete d.strategies.b.gmv;
    expect(() => parseResults(d, 'x.json')).toThrow("results 'x.json' is not a freshsim results document: strategies.b.gmv:");
  });

  it('checks a per-site section row by row', () => {
    const e = { mean: 0.5, ci95: [0.4, 0.6], n: 2, perSeed: [0.45, 0.55] };
    const row = { site: 3, grid: 1, region: 'north', orders: e, fullOrderRate: e, wasteUnits: e, refundLines: e };
    expect(sectionSchemas.bySite.safeParse([row]).success).toBe(true);
    expect(sectionSchemas.bySite.safeParse([{ ...row, region: 4 }]).success).toBe(false);
  });
});

describe('baseline fingerprint and parameters', async () => {
  const { baselineMismatches, makeBaseline, parseBaseline } = await import('../../analysis/index.js');
  const run = (hash: string | undefined, K: number, fit: number) => {
    const r = fixtureResults({ a: { fullOrderRate: [0.8, 0.82, 0.81] } });
    return { ...r, constraints: { ...r.constraints, K }, strategies: { a: { ...r.strategies.a, params: { fitWindowDays: fit } } }, ...(hash ? { provenance: { scenarioHash: hash } } : {}) };
  };
  const base = parseBaseline(JSON.parse(JSON.stringify(makeBaseline([run('h1', 40, 90)], 't'))), 'b.json');

  it('records the fingerprint, constraints and parameters, and finds nothing against the same run', () => {
    expect(base.entries[0]).toMatchObject({ scenarioHash: 'h1', constraints: { K: 40 }, params: { fitWindowDays: 90 } });
    expect(baselineMismatches(base, [run('h1', 40, 90)])).toEqual([]);
  });

  it('names what differs: constraints, content, missing fingerprint, parameters', () => {
    expect(baselineMismatches(base, [run('h2', 60, 90)]).map((m) => m.message)).toEqual(["scenario 'fixture' differs from the baseline's: K 40 → 60"]);
    expect(baselineMismatches(base, [run('h2abcdef', 40, 90)])[0].message).toBe("scenario 'fixture' differs from the baseline's: content hash h1 → h2abcdef");
    expect(baselineMismatches(base, [run(undefined, 40, 90)])[0].message).toContain('the run records no scenario fingerprint');
    expect(baselineMismatches(base, [run('h1', 40, 60)]).map((m) => m.message))
      .toEqual(["strategy 'a' of 'fixture' has other parameters than the baseline's: fitWindowDays 90 → 60"]);
  });
});
