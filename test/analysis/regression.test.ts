/*
 * The regression verdict (pure): pass, significant regression, a fall within noise, missing
 * strategies and scenarios, unpaired comparisons, one seed, and baseline parsing errors that
 * name the field.
 */
import { describe, expect, it } from 'vitest';
import { BaselineError, checkAgainstBaseline, makeBaseline, parseBaseline } from '../../analysis/index.js';
import { fixtureResults } from '../reports/fixture.js';

const before = fixtureResults({ 'pto-greedy': { fullOrderRate: [0.60, 0.62, 0.61] }, newsvendor: { fullOrderRate: [0.64, 0.66, 0.65] } });
const baseline = makeBaseline([before], 'test');

describe('checkAgainstBaseline', () => {
  it('passes a run against its own baseline, with a zero paired difference', () => {
    const g = checkAgainstBaseline(baseline, [before], 1);
    expect(g.passed).toBe(true);
    expect(g.verdicts.map((v) => v.reason)).toEqual(['held', 'held']);
    expect(g.verdicts[0].difference).toEqual({ mean: 0, ci95: [0, 0], paired: true });
  });

  it('fails a significant fall beyond the tolerance', () => {
    const now = fixtureResults({ 'pto-greedy': { fullOrderRate: [0.57, 0.595, 0.58] }, newsvendor: { fullOrderRate: [0.64, 0.66, 0.65] } });
    const g = checkAgainstBaseline(baseline, [now], 1);
    expect(g.passed).toBe(false);
    const v = g.verdicts.find((x) => x.strategy === 'pto-greedy')!;
    expect(v.reason).toBe('regression');
    expect(v.difference!.mean).toBeCloseTo(-0.0283, 3);
    expect(v.difference!.ci95[1]!).toBeLessThan(0);
    expect(v.message).toContain('significantly');
    expect(g.verdicts.find((x) => x.strategy === 'newsvendor')!.passed).toBe(true);
  });

  it('passes a fall beyond the tolerance whose CI includes zero (noise)', () => {
    // Paired differences −0.06, +0.02, −0.02: mean −2 pp, but very noisy.
    const now = fixtureResults({ 'pto-greedy': { fullOrderRate: [0.54, 0.64, 0.59] }, newsvendor: { fullOrderRate: [0.64, 0.66, 0.65] } });
    const g = checkAgainstBaseline(baseline, [now], 1);
    const v = g.verdicts.find((x) => x.strategy === 'pto-greedy')!;
    expect(v.difference!.mean).toBeCloseTo(-0.02, 9);
    expect(v.difference!.ci95[1]!).toBeGreaterThan(0);
    expect(v.reason).toBe('noise');
    expect(g.passed).toBe(true);
  });

  it('passes a significant fall within the tolerance', () => {
    const now = fixtureResults({ 'pto-greedy': { fullOrderRate: [0.595, 0.615, 0.605] }, newsvendor: { fullOrderRate: [0.64, 0.66, 0.65] } });
    const v = checkAgainstBaseline(baseline, [now], 1).verdicts[0];
    expect(v.reason).toBe('held');
    expect(checkAgainstBaseline(baseline, [now], 0.4).verdicts[0].reason).toBe('regression');
  });

  it('fails clearly when a strategy of the baseline is missing from the run', () => {
    const now = fixtureResults({ 'pto-greedy': { fullOrderRate: [0.60, 0.62, 0.61] } });
    const g = checkAgainstBaseline(baseline, [now], 1);
    expect(g.passed).toBe(false);
    const v = g.verdicts.find((x) => x.strategy === 'newsvendor')!;
    expect(v.reason).toBe('missing');
    expect(v.message).toBe("strategy 'newsvendor' is missing from the run of 'fixture' (it ran: pto-greedy); the baseline expects it");
  });

  it('fails when the baseline scenario is not in the runs, and lists strategies it does not cover', () => {
    const other = fixtureResults({ 'pto-greedy': { fullOrderRate: [0.6, 0.6, 0.6] } }, { scenario: 'other' });
    const g = checkAgainstBaseline(baseline, [other], 1);
    expect(g.passed).toBe(false);
    expect(g.verdicts.every((v) => v.reason === 'missing')).toBe(true);
    expect(g.verdicts[0].message).toContain("scenario 'fixture' is not in the run");
    expect(g.uncovered).toEqual([{ scenario: 'other', strategy: 'pto-greedy' }]);
  });

  it('compares unpaired (Welch) when the seeds differ', () => {
    const now = fixtureResults({ 'pto-greedy': { fullOrderRate: [0.50, 0.52, 0.51, 0.5] }, newsvendor: { fullOrderRate: [0.64, 0.66, 0.65, 0.65] } }, { seeds: [4, 5, 6, 7] });
    const v = checkAgainstBaseline(baseline, [now], 1).verdicts[0];
    expect(v.difference!.paired).toBe(false);
    expect(v.difference!.mean).toBeCloseTo(0.5075 - 0.61, 9);
    expect(v.reason).toBe('regression');
  });

  it('lets the tolerance alone decide with one seed, and says so', () => {
    const one = makeBaseline([fixtureResults({ a: { fullOrderRate: [0.6] } }, { seeds: [1] })], 'test');
    const v = checkAgainstBaseline(one, [fixtureResults({ a: { fullOrderRate: [0.55] } }, { seeds: [1] })], 1).verdicts[0];
    expect(v.difference!.ci95).toEqual([null, null]);
    expect(v.reason).toBe('regression');
    expect(v.message).toContain('tolerance alone decides');
  });

  it('rejects a negative tolerance', () => {
    expect(() => checkAgainstBaseline(baseline, [before], -1)).toThrow(/tolerance -1 pp: expected a number ≥ 0/);
  });
});

describe('parseBaseline', () => {
  const good = JSON.parse(JSON.stringify(baseline));
  it('round-trips what makeBaseline writes', () => {
    expect(parseBaseline(good, 'b.json')).toEqual(baseline);
  });

  it.each([
    ['a wrong format tag', (b: any) => { b.format = 'other'; }, /format: /],
    ['a rate that is not a number', (b: any) => { b.entries[1].fullOrderRate.mean = 'high'; }, /entries\[1\]\.fullOrderRate\.mean: .*expected number/],
    ['a rate above 1', (b: any) => { b.entries[0].fullOrderRate.perSeed[2] = 61; }, /entries\[0\]\.fullOrderRate\.perSeed\[2\]/],
    ['a missing strategy name', (b: any) => { delete b.entries[0].strategy; }, /entries\[0\]\.strategy/],
    ['seeds that do not match the values', (b: any) => { b.entries[0].seeds = [1, 2]; }, /entries\[0\]\.seeds: expected one fullOrderRate\.perSeed value per seed/],
    ['an unknown field', (b: any) => { b.entries[0].colour = 'red'; }, /entries\[0\]: .*colour/],
    ['no entries', (b: any) => { b.entries = []; }, /entries: /],
    ['a duplicated pair', (b: any) => { b.entries[1].strategy = 'pto-greedy'; }, /entries\[1\]: scenario 'fixture', strategy 'pto-greedy' appears twice/],
  ])('names the field for %s', (_what, spoil, message) => {
    const b = JSON.parse(JSON.stringify(baseline));
    spoil(b);
    expect(() => parseBaseline(b, 'b.json')).toThrow(BaselineError);
    expect(() => parseBaseline(b, 'b.json')).toThrow(message);
  });

  it('rejects something that is not an object', () => {
    expect(() => parseBaseline([1, 2], 'b.json')).toThrow(/baseline 'b\.json' is malformed: \(top level\)/);
  });
});
