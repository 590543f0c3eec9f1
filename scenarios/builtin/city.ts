/**
 * `city`: a two-region city network for the risk and stress scenarios —
 * region `north` (central, two grids with three front sites each) and
 * region `south` (central, one grid whose trips take a night, two front
 * sites). Lines a front lacks come from its grid, then its central, late by
 * distance. 300 SKUs, ≈ 150 orders per front and day, K 100, C 1,500, L 3.
 * The sites come from counts, distances and capacities (scenarios/layout.ts).
 */
import { expandLayout } from '../layout.js';
import type { ScenarioInput } from '../schema.js';
// The first-slice paper-7fresh: this world stays as it was when paper-7fresh moved on.
import { paper7freshLegacy as paper7fresh } from './paper-7fresh-legacy.js';

const staples = new Set(['vegetables', 'eggs', 'dairy']);

/** The built-in city network scenario (data). */
export const city: ScenarioInput = {
  ...paper7fresh,
  name: 'city',
  description: 'Two regions (north: 2 grids × 3 fronts; south: 1 grid × 2 fronts, overnight grid trips); split lines from grid then central.',
  seed: 21,
  days: { history: 42, evaluation: 28, warmup: 7 },
  constraints: { K: 100, C: 1500, L: 3 },
  catalogue: {
    ...paper7fresh.catalogue,
    skus: 300,
    popularity: { zipfExponent: 1.1, offset: 8, tailFromRank: 90, tailDecayRanks: 20 },
    categories: paper7fresh.catalogue.categories.map((c) => ({ ...c, ...(staples.has(c.name) ? { staple: true } : {}) })),
  },
  demand: {
    ...paper7fresh.demand,
    ordersPerDay: 150,
    promotions: { ...paper7fresh.demand.promotions, startsPerDay: 1 },
  },
  network: {
    ...expandLayout([
      { central: 'north', x: 0, y: 0, grids: 2, frontsPerGrid: 3, gridKm: 6, frontKm: 2.5, gridTripCapacityUnits: 12000, frontTripCapacityUnits: 2200 },
      { central: 'south', x: 0, y: -30, grids: 1, frontsPerGrid: 2, gridKm: 5, frontKm: 2.5, gridTripCapacityUnits: 8000, frontTripCapacityUnits: 2200, gridTripLeadTimeDays: 1 },
    ]),
    fulfilment: { splitSourcing: 'parent-then-central', speedKmPerHour: 30, dispatchHours: 1 },
  },
};
