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
