/**
 * A scenario and a replication → a {@link World}. The catalogue, suppliers
 * and network are drawn once per scenario seed (replication 0's
 * `catalogue` stream); the promotion calendar and orders differ per
 * replication. Every strategy of a comparison gets the same world (common
 * random numbers).
 */
import { createStreams, type World } from '../sim/index.js';
import { buildCatalogue, buildSites, buildSuppliers } from './catalogue.js';
import { drawPromotions, generateSiteOrders } from './demand.js';
import { mergeAndRoute } from './routing.js';
import { scenarioShocks, siteDemandModifiers } from './shocks.js';
import type { Scenario } from './schema.js';
import { loadHistory } from './history-source.js';
import { buildHistoryWorld } from './history-world.js';
import { buildBasketStructure } from './basket-structure.js';
import { drawDemandDynamics } from './dynamics.js';

/** Build the world of `scenario` for one replication (seed = scenario.seed unless given). */
export function buildWorld(scenario: Scenario, replication: number, seed = scenario.seed): World {
  // A history scenario replays imported orders (the same in every replication).
  if (scenario.history) return buildHistoryWorld(scenario, loadHistory(scenario.history.dir, scenario.name));
  const catalogue = buildCatalogue(scenario, createStreams(seed, 0).stream('catalogue'));
  const streams = createStreams(seed, replication);
  const days = scenario.days.history + scenario.days.evaluation;
  const promotions = drawPromotions(scenario, catalogue.skus.length, days, streams.stream('promotions'));
  const sites = buildSites(scenario);
  const shocks = scenarioShocks(scenario, sites, () => streams.stream('shocks'));
  const modifiers = siteDemandModifiers(scenario, catalogue, sites, shocks);
  const { structure, dynamics } = scenario.demand;
  const basketStructure = structure
    ? buildBasketStructure(structure, catalogue, relatedCategories(scenario), createStreams(seed, 0).stream('structure'))
    : undefined;
  const regions = [...new Set(sites.filter((s) => s.level === 'front').map((s) => s.region ?? ''))];
  const paths = dynamics ? drawDemandDynamics(dynamics, catalogue, days, regions, streams) : undefined;
  const perSite = scenario.network.fronts.map((f) => {
    const site = sites.find((s) => s.name === f.name)!;
    return generateSiteOrders(
      { scenario, catalogue, promotions, days, cutoffTime: scenario.presale?.cutoffTime, ...(basketStructure ? { structure: basketStructure } : {}) },
      { id: site.id, demandShare: f.demandShare, modifiers: modifiers(site.id), ...(paths ? { skuFactors: paths(site.region ?? '') } : {}) },
      streams.stream(`demand/${f.name}`),
    );
  });
  const { ordersByDay, lostOrdersByDay } = mergeAndRoute(perSite, days, sites, shocks);
  return {
    skus: catalogue.skus,
    suppliers: buildSuppliers(scenario),
    sites,
    promotions: promotions.promotions,
    ordersByDay,
    startDate: scenario.startDate,
    historyDays: scenario.days.history,
    evaluationDays: scenario.days.evaluation,
    warmupDays: scenario.days.warmup,
    constraints: scenario.constraints,
    refunds: scenario.refunds,
    gridPolicy: scenario.upstream.grid,
    centralPolicy: scenario.upstream.central,
    ...(scenario.network.fulfilment ? { fulfilment: scenario.network.fulfilment } : {}),
    ...(scenario.presale ? { presale: scenario.presale } : {}),
    ...(shocks.length ? { shocks } : {}),
    ...(lostOrdersByDay ? { lostOrdersByDay } : {}),
  };
}

/** Per category index: itself and its related categories (as the generator's co-purchase uses them). */
function relatedCategories(scenario: Scenario): number[][] {
  const cats = scenario.catalogue.categories;
  const index = new Map(cats.map((c, i) => [c.name, i]));
  return cats.map((c, i) => [i, ...c.related.map((r) => index.get(r)!)]);
}
