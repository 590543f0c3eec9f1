/**
 * Built-in stress scenarios on the `city` network (MODEL §4): a three-week
 * lockdown of part of region north with closures, a supplier failure, a
 * regional quality incident, a pre-sale community network, and random
 * lockdowns (a distribution of shocks over seeds). docs/SCENARIOS.md shows
 * what each does to the baselines and how to reproduce it.
 */
import type { ScenarioInput } from '../schema.js';
import { expandLayout } from '../layout.js';
import { city } from './city.js';

/** 7 calm evaluation days, 21 lockdown days in north-g1's fronts and one of north-g2's (two closed), 14 after. */
export const lockdownCity: ScenarioInput = {
  ...city,
  name: 'lockdown-city',
  description: 'A 3-week lockdown across part of region north: demand ×1.6, baskets ×1.3, staples ×1.8, trips ×0.6, lead time +1, two fronts closed (orders rerouted within 6 km); 7-day decay.',
  days: { history: 42, evaluation: 42, warmup: 7 },
  shocks: {
    timeline: [{
      kind: 'lockdown', label: 'lockdown north', region: 'north', start: 7, days: 21,
      fronts: ['north-g1-f1', 'north-g1-f2', 'north-g1-f3', 'north-g2-f1'], close: ['north-g1-f2', 'north-g2-f1'],
      demandFactor: 1.6, basketFactor: 1.3, stapleFactor: 1.8, tripCapacityFactor: 0.6, leadTimeExtraDays: 1, decayDays: 7, rerouteKm: 6,
    }],
  },
};

/** The vegetables supplier fails for two weeks: 10% of orders in full (the rest 30–90%), five days late. */
export const supplierFailure: ScenarioInput = {
  ...city,
  name: 'supplier-failure',
  description: 'green-farms (vegetables) fails for 14 days: fill rate 0.1 (a partial delivery brings 30–90%), lead time +5 days.',
  days: { history: 42, evaluation: 35, warmup: 7 },
  shocks: { timeline: [{ kind: 'supplier-disruption', label: 'green-farms failure', supplier: 'green-farms', start: 7, days: 14, fillRate: 0.1, leadTimeExtraDays: 5 }] },
};

/** prime-meats' meat is 8× as often defective in region south for 10 days. */
export const qualityIncident: ScenarioInput = {
  ...city,
  name: 'quality-incident',
  description: 'prime-meats × meat defect rate ×8 in region south for 10 days: visible in south\'s meat refunds, diluted in the global rate.',
  days: { history: 42, evaluation: 28, warmup: 7 },
  shocks: { timeline: [{ kind: 'quality-incident', label: 'meat quality south', supplier: 'prime-meats', category: 'meat', region: 'south', start: 7, days: 10, defectFactor: 8 }] },
};

/** One region, one grid and five community collection points in pre-sale mode. */
export const presaleCommunity: ScenarioInput = {
  ...city,
  name: 'presale-community',
  description: 'Community group-buying: orders until 21:36 (0.9) for pickup next day at 10:48 (0.45); the plan is made at 14:24 (0.6) with the orders placed so far known.',
  days: { history: 42, evaluation: 21, warmup: 7 },
  network: {
    ...expandLayout([{ central: 'hub', x: 0, y: 0, grids: 1, frontsPerGrid: 5, gridKm: 6, frontKm: 3, gridTripCapacityUnits: 12000, frontTripCapacityUnits: 2200 }]),
    fulfilment: { splitSourcing: 'parent', speedKmPerHour: 30, dispatchHours: 1 },
  },
  presale: { cutoffTime: 0.9, decisionTime: 0.6, pickupTime: 0.45 },
};

/** Random lockdowns: ≈ 0.9 per seed arriving on evaluation days 8–28 (7–21 days long, severity 0.5–1.5, a quarter of fronts closed); 56 evaluation days leave room to recover. */
export const randomShocks: ScenarioInput = {
  ...city,
  name: 'random-shocks',
  description: 'Random lockdowns (Poisson, 15 a year) arriving on evaluation days 8–28 of 56: random region, 7–21 days, severity 0.5–1.5, each front closed with probability 0.25.',
  days: { history: 42, evaluation: 56, warmup: 7 },
  shocks: {
    timeline: [],
    random: { lockdowns: { perYear: 15, window: [7, 27], lengthDays: [7, 21], severity: [0.5, 1.5], closeShare: 0.25, demandFactor: 1.6, basketFactor: 1.3, stapleFactor: 1.8, tripCapacityFactor: 0.6, leadTimeExtraDays: 1, decayDays: 7, rerouteKm: 6 } },
  },
};
