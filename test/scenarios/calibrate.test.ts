/**
 * calibrate recovers the parameters of logs the generator drew with known
 * values (tolerances stated per parameter, as in docs/CALIBRATION.md), and
 * its scenario regenerates a log with the same profile.
 */
import { describe, expect, it } from 'vitest';
import { realismProfile } from '../../analysis/index.js';
import { buildWorld, builtinScenarios, calibrate, fitZipf, validateScenario, type CalibrationLog, type ScenarioInput } from '../../scenarios/index.js';
import { dateOf, type World } from '../../sim/index.js';

const legacy = builtinScenarios['paper-7fresh-legacy'];
const truth = {
  ordersPerDay: 400, weekdayFactors: [0.9, 0.85, 0.9, 1.0, 1.1, 1.2, 1.05], dailyNoise: 0.1, meanLines: 3.5, dispersion: 2, zipfExponent: 1.0, offset: 5,
};
const known: ScenarioInput = {
  ...legacy, name: 'known', seed: 5, days: { history: 100, evaluation: 12, warmup: 7 }, constraints: { K: 100, C: 2500, L: 5 },
  catalogue: { ...legacy.catalogue, skus: 400, popularity: { zipfExponent: truth.zipfExponent, offset: truth.offset } },
  demand: {
    ...legacy.demand, ordersPerDay: truth.ordersPerDay, weekdayFactors: truth.weekdayFactors, dailyNoise: truth.dailyNoise,
    basket: { meanLines: truth.meanLines, dispersion: truth.dispersion, maxLines: 25 }, promotions: { ...legacy.demand.promotions, startsPerDay: 0 },
  },
};

function logOf(w: World): CalibrationLog {
  return {
    days: w.ordersByDay.map((orders, d) => ({ date: dateOf(w.startDate, d), orders: orders.map((o) => ({ lines: o.lines.map((l) => ({ sku: w.skus[l.sku].code, qty: l.qty, price: w.skus[l.sku].price })) })) })),
    skus: w.skus.map((s) => ({ code: s.code, category: s.category })),
  };
}

describe('calibrate', () => {
  const world = buildWorld(validateScenario(known, 'known'), 1);
  const { scenario, fitted } = calibrate(logOf(world), 'fitted');
  const s = validateScenario(scenario, 'fitted');

  it('recovers volume, weekday pattern, day noise, basket size and dispersion, and popularity within the stated tolerances', () => {
    expect(Math.abs(s.demand.ordersPerDay / truth.ordersPerDay - 1)).toBeLessThan(0.03);
    s.demand.weekdayFactors.forEach((f, k) => expect(Math.abs(f - truth.weekdayFactors[k]), `weekday ${k}`).toBeLessThan(0.06));
    expect(Math.abs(s.demand.dailyNoise - truth.dailyNoise)).toBeLessThan(0.04);
    expect(Math.abs(s.demand.basket.meanLines / truth.meanLines - 1)).toBeLessThan(0.03);
    expect(Math.abs(s.demand.basket.dispersion / truth.dispersion - 1)).toBeLessThan(0.25);
    expect(Math.abs(s.catalogue.popularity.zipfExponent - truth.zipfExponent)).toBeLessThan(0.15);
    expect(s.catalogue.skus).toBe(400);
    expect(fitted.some((f) => f.startsWith('not fitted'))).toBe(true);
  });

  it('its scenario is valid, carries C on its trips, and regenerates the log\'s profile', () => {
    expect(s.network.fronts[0].tripCapacityUnits).toBeGreaterThanOrEqual(s.constraints.C);
    const profile = (w: World) => realismProfile({ days: w.ordersByDay.map((orders, d) => ({ date: dateOf(w.startDate, d), orders })) });
    const a = profile(world), b = profile(buildWorld(s, 1));
    expect(Math.abs(b.ordersPerDay.mean / a.ordersPerDay.mean - 1)).toBeLessThan(0.05);
    expect(Math.abs(b.linesPerOrder.mean - a.linesPerOrder.mean)).toBeLessThan(0.15);
    expect(Math.abs(b.unitShare.top10Percent - a.unitShare.top10Percent)).toBeLessThan(0.05);
  });

  it('fitZipf recovers an exact power law', () => {
    const counts = Array.from({ length: 300 }, (_, r) => 1e6 / Math.pow(r + 1 + 5, 1.2));
    expect(fitZipf(counts)).toEqual({ exponent: 1.2, offset: 5 });
  });
});
