/**
 * A scenario's shocks for one replication (MODEL §4): the timeline resolved
 * to site and supplier ids, plus random lockdowns drawn from the `shocks`
 * stream (Poisson arrivals with random region, length, severity and closures).
 */
import { demandModifiers, type DemandModifiers, type LockdownShock, type Shock, type Site, type Stream } from '../sim/index.js';
import type { Catalogue } from './catalogue.js';
import type { Scenario } from './schema.js';

type LockdownEffects = Pick<LockdownShock, 'demandFactor' | 'basketFactor' | 'stapleFactor' | 'tripCapacityFactor' | 'leadTimeExtraDays' | 'decayDays' | 'rerouteKm'>;

function effectsOf(e: LockdownEffects, severity = 1): LockdownEffects {
  const scale = (f: number): number => 1 + (f - 1) * severity;
  return {
    demandFactor: scale(e.demandFactor),
    basketFactor: scale(e.basketFactor),
    stapleFactor: scale(e.stapleFactor),
    tripCapacityFactor: Math.max(0, scale(e.tripCapacityFactor)),
    leadTimeExtraDays: Math.round(e.leadTimeExtraDays * severity),
    decayDays: e.decayDays,
    rerouteKm: e.rerouteKm,
  };
}

/** The timeline of `scenario` with names resolved against `sites`. */
export function timelineShocks(scenario: Scenario, sites: readonly Site[]): Shock[] {
  const id = (name: string): number => sites.find((s) => s.name === name)!.id;
  const supplier = (name: string): number => scenario.suppliers.findIndex((s) => s.name === name);
  const frontsOf = (region: string): number[] => sites.filter((s) => s.level === 'front' && s.region === region).map((s) => s.id);
  return (scenario.shocks?.timeline ?? []).map((sh): Shock => {
    const firstDay = scenario.days.history + sh.start;
    const lastDay = firstDay + sh.days - 1;
    switch (sh.kind) {
      case 'lockdown':
        return {
          kind: 'lockdown', label: sh.label ?? `lockdown ${sh.region}`, firstDay, lastDay, region: id(sh.region),
          fronts: sh.fronts ? sh.fronts.map(id) : frontsOf(sh.region), closedFronts: sh.close.map(id), ...effectsOf(sh),
        };
      case 'supplier-disruption':
        return { kind: 'supplier-disruption', label: sh.label ?? `disruption ${sh.supplier}`, firstDay, lastDay, supplier: supplier(sh.supplier), fillRate: sh.fillRate, leadTimeExtraDays: sh.leadTimeExtraDays };
      case 'quality-incident':
        return {
          kind: 'quality-incident', label: sh.label ?? `quality ${sh.supplier}/${sh.category}`, firstDay, lastDay, supplier: supplier(sh.supplier),
          category: sh.category, region: sh.region ? id(sh.region) : -1, defectFactor: sh.defectFactor,
        };
      case 'demand-surge':
        return {
          kind: 'demand-surge', label: sh.label ?? `surge ${sh.category ?? 'all'}`, firstDay, lastDay, category: sh.category ?? '',
          region: sh.region ? id(sh.region) : -1, demandFactor: sh.demandFactor,
        };
    }
  });
}

/** Random lockdowns of one replication, drawn from `rng` (the `shocks` stream). */
export function randomLockdowns(scenario: Scenario, sites: readonly Site[], rng: Stream): LockdownShock[] {
  const spec = scenario.shocks?.random?.lockdowns;
  if (!spec) return [];
  const centrals = sites.filter((s) => s.level === 'central');
  const { history, evaluation, warmup } = scenario.days;
  const from = spec.window ? history + spec.window[0] : spec.over === 'evaluation' ? history : history - warmup;
  const to = spec.window ? history + spec.window[1] : history + evaluation - 1;
  const out: LockdownShock[] = [];
  for (let day = from; day <= to; day++) {
    const arrivals = rng.poisson(spec.perYear / 365);
    for (let k = 0; k < arrivals; k++) {
      const region = centrals[rng.int(centrals.length)];
      const length = spec.lengthDays[0] + rng.int(spec.lengthDays[1] - spec.lengthDays[0] + 1);
      const severity = spec.severity[0] + (spec.severity[1] - spec.severity[0]) * rng.uniform();
      const fronts = sites.filter((s) => s.level === 'front' && s.region === region.name).map((s) => s.id);
      const closedFronts = fronts.filter(() => rng.uniform() < spec.closeShare);
      out.push({
        kind: 'lockdown', label: `random lockdown ${out.length + 1} (${region.name}, severity ${severity.toFixed(2)})`,
        firstDay: day, lastDay: day + length - 1, region: region.id, fronts, closedFronts, ...effectsOf(spec, severity),
      });
    }
  }
  return out;
}

/** Every shock of one replication: the timeline, then random lockdowns from the `shocks` stream. */
export function scenarioShocks(scenario: Scenario, sites: readonly Site[], shocksStream: () => Stream): Shock[] {
  const timeline = timelineShocks(scenario, sites);
  return scenario.shocks?.random?.lockdowns ? [...timeline, ...randomLockdowns(scenario, sites, shocksStream())] : timeline;
}

/**
 * The demand modifiers of each front site by day (undefined when no shock
 * touches its demand). Staples are the categories marked `staple`; a
 * category's share is its share of the catalogue's popularity weight.
 */
export function siteDemandModifiers(
  scenario: Scenario,
  catalogue: Catalogue,
  sites: readonly Site[],
  shocks: readonly Shock[],
): (site: number) => ((day: number) => DemandModifiers | undefined) | undefined {
  if (!shocks.some((s) => s.kind === 'lockdown' || s.kind === 'demand-surge')) return () => undefined;
  const cats = scenario.catalogue.categories;
  const staples = cats.filter((c) => c.staple).map((c) => c.name);
  let total = 0;
  for (const w of catalogue.popularity) total += w;
  const share = new Map(cats.map((c, k) => [c.name, catalogue.byCategory[k].reduce((a, i) => a + catalogue.popularity[i], 0) / total]));
  const centralOf = (site: number): number => {
    let s = sites[site];
    while (s.parent >= 0) s = sites[s.parent];
    return s.id;
  };
  return (site) => {
    const region = centralOf(site);
    return (day) => demandModifiers(shocks, site, region, day, staples, (c) => share.get(c) ?? 0);
  };
}
