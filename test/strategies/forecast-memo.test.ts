/*
 * PM0 over typed arrays gives the same numbers as before: digests of the
 * forecasts of several sites and days of two built-in worlds, pinned from the
 * implementation before the rewrite (commit 9d7857d).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildWorld, builtinScenario } from '../../scenarios/index.js';
import { indexDemand, worldWeekdayOf, type ObservableHistory } from '../../sim/index.js';
import { categoryIndex, defaultForecastOptions, forecastSales, type ForecastOptions } from '../../strategies/index.js';

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
