/**
 * `city`: a two-region city network for the risk and stress scenarios —
 * region `north` (central, two grids with three front sites each) and
 * region `south` (central, one grid whose trips take a night, two front
 * sites). Lines a front lacks come from its grid, then its central, late by
 * distance. 300 SKUs, ≈ 150 orders per front and day, K 100, C 1,500, L 3.
 * `cityLayout` builds the sites from counts, distances and capacities.
 */
import type { ScenarioInput } from '../schema.js';
import { paper7fresh } from './paper-7fresh.js';

/** One region of a generated layout. */
export interface RegionLayout {
  readonly central: string;
  /** Position of the central (km). */
  readonly at: readonly [number, number];
  readonly grids: number;
  readonly frontsPerGrid: number;
  /** Distance central → grid and grid → front (km); grids and fronts spread evenly on circles. */
  readonly gridKm: number;
  readonly frontKm: number;
  readonly gridTripCapacityUnits: number;
  readonly frontTripCapacityUnits: number;
  readonly gridTripLeadTimeDays?: number;
}

/** Network fields of a scenario from region layouts (the first region's central is `network.central`). */
export function cityLayout(regions: readonly RegionLayout[]): Pick<NonNullable<ScenarioInput['network']>, 'central' | 'centrals' | 'grids' | 'fronts'> {
  const round = (x: number): number => Math.round(x * 100) / 100;
  const grids: NonNullable<ScenarioInput['network']>['grids'] = [];
  const fronts: NonNullable<ScenarioInput['network']>['fronts'] = [];
  for (const r of regions) {
    for (let g = 0; g < r.grids; g++) {
      const a = (2 * Math.PI * g) / r.grids;
      const gx = r.at[0] + r.gridKm * Math.cos(a);
      const gy = r.at[1] + r.gridKm * Math.sin(a);
      const grid = `${r.central}-g${g + 1}`;
      grids.push({
        name: grid, central: r.central, tripCapacityUnits: r.gridTripCapacityUnits, x: round(gx), y: round(gy),
        ...(r.gridTripLeadTimeDays ? { tripLeadTimeDays: r.gridTripLeadTimeDays } : {}),
      });
      for (let f = 0; f < r.frontsPerGrid; f++) {
        const b = a + (2 * Math.PI * f) / r.frontsPerGrid + 0.5;
        fronts.push({
          name: `${grid}-f${f + 1}`, grid, tripCapacityUnits: r.frontTripCapacityUnits, demandShare: 1,
          x: round(gx + r.frontKm * Math.cos(b)), y: round(gy + r.frontKm * Math.sin(b)),
        });
      }
    }
  }
  const [first, ...rest] = regions;
  return {
    central: { name: first.central, x: first.at[0], y: first.at[1] },
    ...(rest.length ? { centrals: rest.map((r) => ({ name: r.central, x: r.at[0], y: r.at[1] })) } : {}),
    grids,
    fronts,
  };
}

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
    ...cityLayout([
      { central: 'north', at: [0, 0], grids: 2, frontsPerGrid: 3, gridKm: 6, frontKm: 2.5, gridTripCapacityUnits: 12000, frontTripCapacityUnits: 2200 },
      { central: 'south', at: [0, -30], grids: 1, frontsPerGrid: 2, gridKm: 5, frontKm: 2.5, gridTripCapacityUnits: 8000, frontTripCapacityUnits: 2200, gridTripLeadTimeDays: 1 },
    ]),
    fulfilment: { splitSourcing: 'parent-then-central', speedKmPerHour: 30, dispatchHours: 1 },
  },
};
