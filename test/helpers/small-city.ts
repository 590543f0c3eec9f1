/** A small two-region city (built-in `city` scaled down) for fast hierarchy, shock and pre-sale tests. */
import { builtinScenarios, validateScenario, type Scenario, type ScenarioInput } from '../../scenarios/index.js';

/** The `city` network with 60 SKUs, ~30 orders per front and day, 14 + 6 days; `over` replaces fields. */
export function smallCity(over: Partial<ScenarioInput> = {}): Scenario {
  const city = builtinScenarios.city;
  return validateScenario({
    ...city,
    name: 'small-city',
    days: { history: 14, evaluation: 6, warmup: 4 },
    constraints: { K: 30, C: 300, L: 2 },
    catalogue: { ...city.catalogue, skus: 60, popularity: { zipfExponent: 1.1, offset: 3, tailFromRank: 30, tailDecayRanks: 8 } },
    demand: { ...city.demand, ordersPerDay: 30, promotions: { ...city.demand.promotions, startsPerDay: 0.3 } },
    ...over,
  }, 'small-city');
}
