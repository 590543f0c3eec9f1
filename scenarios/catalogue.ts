/**
 * The fixed part of a world, drawn once per scenario seed: the SKU
 * catalogue with long-tailed popularity, the suppliers and the network.
 */
import type { Site, Sku, Stream, Supplier } from '../sim/index.js';
import type { Scenario } from './schema.js';

/** Catalogue plus the base popularity weight of every SKU. */
export interface Catalogue {
  readonly skus: Sku[];
  /** Base popularity weight per SKU (Zipf over a random ranking). */
  readonly popularity: Float64Array;
  /** SKU ids per category index. */
  readonly byCategory: number[][];
  /** Category index per SKU. */
  readonly categoryOf: Int32Array;
}

/** Draw the catalogue of `scenario` from `rng`. */
export function buildCatalogue(scenario: Scenario, rng: Stream): Catalogue {
  const cats = scenario.catalogue.categories;
  const n = scenario.catalogue.skus;
  const totalShare = cats.reduce((a, c) => a + c.share, 0);
  // Largest-remainder apportionment of SKUs to categories.
  const exact = cats.map((c) => (c.share / totalShare) * n);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < n; k++) counts[order[k % cats.length][1]]++;

  const supplierOf = new Map<string, number>();
  scenario.suppliers.forEach((s, i) => s.categories.forEach((c) => supplierOf.set(c, i)));

  const skus: Sku[] = [];
  const byCategory: number[][] = cats.map(() => []);
  const categoryOf = new Int32Array(n);
  cats.forEach((c, ci) => {
    for (let k = 0; k < counts[ci]; k++) {
      const id = skus.length;
      const [plo, phi] = c.price;
      const price = Math.round(plo * Math.pow(phi / plo, rng.uniform()) * 100) / 100;
      const [slo, shi] = c.shelfLifeDays;
      skus.push({
        id,
        code: `${c.name.slice(0, 3).toUpperCase()}-${String(k + 1).padStart(4, '0')}`,
        category: c.name,
        unit: rng.uniform() < c.kgShare ? 'kg' : 'piece',
        price,
        cost: Math.round(price * c.costRatio * 100) / 100,
        shelfLifeDays: slo + rng.int(shi - slo + 1),
        supplier: supplierOf.get(c.name)!,
      });
      byCategory[ci].push(id);
      categoryOf[id] = ci;
    }
  });

  // Popularity: Zipf weights over a random ranking of all SKUs.
  const rank = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [rank[i], rank[j]] = [rank[j], rank[i]];
  }
  const { zipfExponent, offset, tailFromRank, tailDecayRanks, headSkus, headBoost } = scenario.catalogue.popularity;
  const popularity = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const tail = tailFromRank !== undefined && tailDecayRanks !== undefined && r > tailFromRank
      ? Math.exp(-(r - tailFromRank) / tailDecayRanks) : 1;
    popularity[rank[r]] = tail / Math.pow(r + 1 + offset, zipfExponent);
    // A heavier head (opt-in): the top ranks get a multiplier.
    if (headSkus !== undefined && headBoost !== undefined && r < headSkus) popularity[rank[r]] *= headBoost;
  }
  return { skus, popularity, byCategory, categoryOf };
}

/** Suppliers in scenario order. */
export function buildSuppliers(scenario: Scenario): Supplier[] {
  return scenario.suppliers.map((s, id) => ({
    id,
    name: s.name,
    leadTimeDays: s.leadTimeDays,
    onTimeProbability: s.onTimeProbability,
    fillRate: s.fillRate,
    defectRate: s.defectRate,
  }));
}

/** Sites: centrals first (`network.central`, then `network.centrals`), then grids, then fronts (ids are indices). */
export function buildSites(scenario: Scenario): Site[] {
  const { central, centrals = [], grids, fronts } = scenario.network;
  const sites: Site[] = [];
  const idOf = new Map<string, number>();
  const pos = (p: { x?: number; y?: number }): { x?: number; y?: number } => ({
    ...(p.x !== undefined ? { x: p.x } : {}), ...(p.y !== undefined ? { y: p.y } : {}),
  });
  for (const c of [central, ...centrals]) {
    idOf.set(c.name, sites.length);
    sites.push({ id: sites.length, name: c.name, level: 'central', parent: -1, tripCapacityUnits: Infinity, region: c.name, ...pos(c) });
  }
  const regionOf = new Map<number, string>();
  for (const g of grids) {
    const parent = idOf.get(g.central ?? central.name)!;
    idOf.set(g.name, sites.length);
    regionOf.set(sites.length, sites[parent].name);
    sites.push({
      id: sites.length, name: g.name, level: 'grid', parent, tripCapacityUnits: g.tripCapacityUnits, region: sites[parent].name,
      ...(g.tripLeadTimeDays ? { tripLeadTimeDays: g.tripLeadTimeDays } : {}), ...pos(g),
    });
  }
  for (const f of fronts) {
    const parent = idOf.get(f.grid)!;
    sites.push({ id: sites.length, name: f.name, level: 'front', parent, tripCapacityUnits: f.tripCapacityUnits, region: regionOf.get(parent), ...pos(f) });
  }
  return sites;
}
