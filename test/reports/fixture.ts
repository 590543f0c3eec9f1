/*
 * Fixed, hand-written results documents for the report and gate tests: every number is chosen
 * here, so the tests can check exactly how each is formatted.
 */
import { estimate, type Results, type StrategySummary } from '../../analysis/index.js';

/** Per strategy: full-order rate per seed, and optionally other per-seed figures. */
export interface FixtureStrategy {
  readonly fullOrderRate: readonly number[];
  readonly oracle?: boolean;
  readonly wasteUnits?: readonly number[];
  readonly extra?: Record<string, unknown>;
}

/** A results document with the given strategies; days 2020-07-01.., per-day rates = run rate ± a day offset. */
export function fixtureResults(strategies: Record<string, FixtureStrategy>, opts: { scenario?: string; days?: number; seeds?: number[]; extra?: Record<string, unknown> } = {}): Results {
  const seeds = opts.seeds ?? [1, 2, 3];
  const nDays = opts.days ?? 3;
  const days = Array.from({ length: nDays }, (_, k) => `2020-07-${String(k + 1).padStart(2, '0')}`);
  const out: Record<string, StrategySummary> = {};
  Object.entries(strategies).forEach(([name, s], idx) => {
    const e = (xs: readonly number[]) => estimate([...xs]);
    const c = (v: number) => e(seeds.map(() => v));
    const rate = e(s.fullOrderRate);
    out[name] = {
      oracle: s.oracle ?? false,
      params: { fitWindowDays: 90 + idx },
      fullOrderRate: rate,
      splitOrderRate: c(0.3),
      shortOrderRate: c(0.012),
      lineFillRate: c(0.9),
      unitsLost: c(3),
      extraDeliveries: c(40),
      wasteUnits: s.wasteUnits ? e(s.wasteUnits) : c(120 + 10 * idx),
      wasteValue: c(345.5),
      wasteUnitsByLevel: { central: c(10), grid: c(10), front: c(100) },
      gmv: c(24629),
      gmvFull: c(15000),
      refundRate: c(0.0337),
      replenishmentShortUnits: c(0),
      planShape: {
        skus: c(299), units: c(8990), min: c(10), max: c(180), mean: c(30.1), median: c(15), lowSellersStocked: c(12),
      },
      perDay: days.map((day, k) => ({
        day, orders: 1150 + k, fullOrderRate: rate.mean + (k - 1) * 0.01, splitOrderRate: 0.3, shortOrderRate: 0.012,
        lineFillRate: 0.9, wasteUnits: 120, gmv: 24629, skusStocked: 299, unitsPlanned: 8990,
      })),
      ...(s.extra ?? {}),
    } as StrategySummary;
  });
  const names = Object.keys(strategies);
  const base = names.find((n) => !strategies[n].oracle);
  return {
    freshsim: '0.1.0-test',
    scenario: opts.scenario ?? 'fixture',
    scenarioSeed: 7,
    seeds,
    days,
    constraints: { K: 350, C: 9000, L: 10 },
    strategies: out,
    comparisons: base === undefined ? [] : names.filter((n) => n !== base).map((n) => ({
      strategy: n, baseline: base, metric: 'fullOrderRate' as const,
      difference: estimate(strategies[n].fullOrderRate.map((x, i) => x - strategies[base!].fullOrderRate[i])),
    })),
    ...(opts.extra ?? {}),
  } as Results;
}
