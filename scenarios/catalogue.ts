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
  const { zipfExponent, offset, tailFromRank, tailDecayRanks } = scenario.catalogue.popularity;
  const popularity = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const tail = tailFromRank !== undefined && tailDecayRanks !== undefined && r > tailFromRank
      ? Math.exp(-(r - tailFromRank) / tailDecayRanks) : 1;
    popularity[rank[r]] = tail / Math.pow(r + 1 + offset, zipfExponent);
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

/** Sites: central first, then grids, then fronts (ids are indices). */
export function buildSites(scenario: Scenario): Site[] {
  const { central, grids, fronts } = scenario.network;
  const sites: Site[] = [{ id: 0, name: central.name, level: 'central', parent: -1, tripCapacityUnits: Infinity }];
  const gridId = new Map<string, number>();
  for (const g of grids) {
    gridId.set(g.name, sites.length);
    sites.push({ id: sites.length, name: g.name, level: 'grid', parent: 0, tripCapacityUnits: g.tripCapacityUnits });
  }
  for (const f of fronts) {
    sites.push({ id: sites.length, name: f.name, level: 'front', parent: gridId.get(f.grid)!, tripCapacityUnits: f.tripCapacityUnits });
  }
  return sites;
}
