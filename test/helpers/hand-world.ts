/** Hand-made worlds for tests whose outcome is worked out by hand. */
import type { Order, OrderLine, Planner, Sku, World } from '../../sim/index.js';

/** A piece SKU with price 1, shelf life 10 days, supplier 0. */
export function pieceSku(id: number, code: string): Sku {
  return { id, code, category: 'test', unit: 'piece', price: 1, cost: 0.5, shelfLifeDays: 10, supplier: 0 };
}

/** Orders of one day at `site` from [timeOfDay, lines] pairs. */
export function dayOrders(day: number, site: number, specs: [number, OrderLine[]][], firstId = 1): Order[] {
  return specs.map(([timeOfDay, lines], k) => ({
    id: firstId + k, day, timeOfDay, site, lines,
    gmv: lines.reduce((a, l) => a + l.qty, 0),
  }));
}

/** One central, one grid, one front (ids 0, 1, 2); defect-free supplier with lead time 1. */
export function handWorld(skus: Sku[], ordersByDay: Order[][], over: Partial<World> = {}): World {
  return {
    skus,
    suppliers: [{ id: 0, name: 'sup', leadTimeDays: 1, onTimeProbability: 1, fillRate: 1, defectRate: 0 }],
    sites: [
      { id: 0, name: 'central', level: 'central', parent: -1, tripCapacityUnits: Infinity },
      { id: 1, name: 'grid', level: 'grid', parent: 0, tripCapacityUnits: 1e9 },
      { id: 2, name: 'front', level: 'front', parent: 1, tripCapacityUnits: 1e9 },
    ],
    promotions: [],
    ordersByDay,
    startDate: '2024-01-01',
    historyDays: ordersByDay.length - 1,
    evaluationDays: 1,
    warmupDays: 1,
    constraints: { K: 2, C: 10, L: 1 },
    refunds: { ageDefectFactor: 0, meanDiscoveryDays: 1, meanFilingDays: 1, windowDays: 7 },
    gridPolicy: { coverDays: 1, safetyZ: 0, windowDays: 2 },
    centralPolicy: { coverDays: 5, safetyZ: 0, windowDays: 1 },
    ...over,
  };
}

/** A planner that always returns the same plan. */
export function fixedPlanner(quantities: number[], name = 'fixed', oracle = false): Planner {
  return { name, oracle, decide: () => Float64Array.from(quantities) };
}
