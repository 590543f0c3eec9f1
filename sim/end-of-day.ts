/**
 * End of day (MODEL §2.5): spoilage per level (in pre-sale mode the
 * community points' leftovers are written off), loss accounting per stage,
 * the conservation check, and the day's front-site metrics.
 */
import type { StageDay, WasteDay } from './metrics.js';
import type { RunState } from './run-state.js';
import { checkStages, stageFlows } from './stages.js';
import { checkAndRollLedger, roundQty } from './stock.js';
import { spoilSite, writeOffSite } from './transfers.js';

/** Close `day`; `previous` is the last day's stage accounting (returned value is today's). */
export function endOfDay(s: RunState, day: number, previous: readonly StageDay[] | undefined): StageDay[] {
  const { world, p } = s;
  const cost = (i: number): number => world.skus[i].cost;
  for (const level of ['central', 'grid', 'front'] as const) {
    const w: WasteDay = { day, level, units: 0, value: 0 };
    for (const site of world.sites) {
      if (site.level !== level) continue;
      const spoiled = level === 'front' && world.presale ? writeOffSite(p, site.id, cost) : spoilSite(p, site.id, day, cost);
      w.units = roundQty(w.units + spoiled.units);
      const m = level === 'front' ? s.metrics.get(s.key(site.id, day)) : undefined;
      if (m) m.spoiledUnits = spoiled.units;
      w.value += spoiled.value;
    }
    if (day >= s.evalStart) s.waste.push(w);
  }
  const stages = stageFlows(p.ledger, p.stock, world.sites, day, (level) =>
    s.transit.totalToward((site) => world.sites[site].level === level));
  checkAndRollLedger(p.ledger, p.stock, day, (i) => world.sites[i].name, (i) => world.skus[i].code);
  checkStages(stages, previous);
  if (day >= s.evalStart) {
    s.stages.push(...stages);
    for (const f of s.topo.fronts) s.siteDays.push(s.metricsOf(f.id, day));
  }
  for (const f of s.topo.fronts) s.metrics.delete(s.key(f.id, day));
  return stages;
}
