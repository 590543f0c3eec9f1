/**
 * `tiny`: a small world (120 SKUs, ~120 orders a day, 30 + 5 days) for fast
 * tests and demos; same structure as `paper-7fresh`, scaled down.
 */
import type { ScenarioInput } from '../schema.js';
// The first-slice paper-7fresh: this world stays as it was when paper-7fresh moved on.
import { paper7freshLegacy as paper7fresh } from './paper-7fresh-legacy.js';

/** The built-in small scenario (data). */
export const tiny: ScenarioInput = {
  ...paper7fresh,
  name: 'tiny',
  description: 'A small front-end warehouse for fast tests (120 SKUs, ~120 orders/day, K 40, C 900, L 3; 30 + 5 days).',
  seed: 11,
  days: { history: 30, evaluation: 5, warmup: 5 },
  constraints: { K: 40, C: 900, L: 3 },
  catalogue: { ...paper7fresh.catalogue, skus: 120, popularity: { zipfExponent: 1.1, offset: 3, tailFromRank: 36, tailDecayRanks: 7 } },
  demand: { ...paper7fresh.demand, ordersPerDay: 120, promotions: { ...paper7fresh.demand.promotions, startsPerDay: 0.5 } },
  network: {
    central: { name: 'central' },
    grids: [{ name: 'grid-1', tripCapacityUnits: 20000 }],
    fronts: [{ name: 'front-1', grid: 'grid-1', tripCapacityUnits: 2000, demandShare: 1 }],
  },
};
