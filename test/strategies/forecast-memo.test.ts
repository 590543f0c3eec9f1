/*
 * PM0 over typed arrays gives the same numbers as before: digests of the
 * forecasts of several sites and days of two built-in worlds, pinned from the
 * implementation before the rewrite (commit 9d7857d). The forecast memo
 * shares one forecast per (world, site, day, options) without changing results.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildWorld, builtinScenario } from '../../scenarios/index.js';
import { createStreams, indexDemand, simulate, worldWeekdayOf, type ObservableHistory } from '../../sim/index.js';
import { categoryIndex, createForecastMemo, createPlanner, defaultForecastOptions, forecastSales, type ForecastOptions } from '../../strategies/index.js';

function digestOf(name: string, opts: ForecastOptions): string {
  const world = buildWorld(builtinScenario(name)!, 1);
  const demand = indexDemand(world);
  const cats = categoryIndex(world.skus);
  const h = createHash('sha256');
  const fronts = world.sites.filter((s) => s.level === 'front').slice(0, 3);
  for (const site of fronts) {
    for (let day = world.historyDays - 20; day < world.historyDays + world.evaluationDays; day += 3) {
      const history = { firstDay: 0, endDay: day, demand: (s: number, d: number) => demand.qty(s, d) } as unknown as ObservableHistory;
      const f = forecastSales({ history, site: site.id, day, ...cats, weekdayOf: (d) => worldWeekdayOf(world, d), promotions: world.promotions }, opts);
      for (const a of [f.mean, f.residualMean, f.residualStd]) h.update(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    }
  }
  return h.digest('hex').slice(0, 24);
}

describe('PM0 forecast numbers', () => {
  it('are unchanged on tiny and city, with default and other options', () => {
    const got = {
      tiny: digestOf('tiny', defaultForecastOptions),
      city: digestOf('city', defaultForecastOptions),
      cityShort: digestOf('city', { ...defaultForecastOptions, fitWindowDays: 30, residualWindowDays: 14 }),
    };
    expect(got).toEqual({ tiny: '149ab4ef77003d685a821faf', city: 'f7f249a01143f8b28494dd92', cityShort: '534a76d70d69ca7e1ec9a0d3' });
  });
});

describe('the forecast memo', () => {
  it('computes each (site, day, options) once for the three baselines on one world, and their results do not change', () => {
    const scenario = builtinScenario('tiny')!;
    const world = buildWorld(scenario, 1);
    const demand = indexDemand(world);
    const memo = createForecastMemo();
    const names = ['pto-greedy', 'safety-stock', 'newsvendor'];
    const run = (name: string, services: Parameters<typeof createPlanner>[2]) =>
      simulate(world, createPlanner(name, {}, services), { streams: createStreams(scenario.seed, 1), demand }).siteDays;
    const shared = names.map((n) => run(n, { forecastMemo: memo }));
    const alone = names.map((n) => run(n, {}));
    expect(shared).toEqual(alone);
    // Default options on all three: the first computes each decision's forecast, the other two hit.
    expect(memo.stats.misses).toBeGreaterThan(0);
    expect(memo.stats.hits).toBe(2 * memo.stats.misses);
  });

  it('does not share across worlds, and stops storing at its byte limit', () => {
    const scenario = builtinScenario('tiny')!;
    const run = (rep: number, memo: ReturnType<typeof createForecastMemo>) => {
      const world = buildWorld(scenario, rep);
      simulate(world, createPlanner('pto-greedy', {}, { forecastMemo: memo }), { streams: createStreams(scenario.seed, rep), demand: indexDemand(world) });
    };
    const memo = createForecastMemo();
    run(1, memo);
    run(2, memo);
    expect(memo.stats.hits).toBe(0);
    expect(memo.stats.bytes).toBeGreaterThan(0);
    const full = createForecastMemo(0);
    run(1, full);
    run(1, full); // another world object, and nothing stored anyway
    expect(full.stats.hits).toBe(0);
    expect(full.stats.bytes).toBe(0);
  });
});
