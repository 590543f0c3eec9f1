/**
 * Can the network carry what a site may stock? A front's nightly trip below
 * C can never restock a full plan, a grid trip below what its fronts may take
 * caps them all, and a trip below L cannot bring even one SKU at its minimum
 * (then every rate is 0 for a network reason, not a strategy's: an error).
 */
import type { Scenario } from './schema.js';

/** Findings about a scenario's network: warnings, and errors that make results meaningless. */
export interface NetworkFindings {
  readonly warnings: string[];
  readonly errors: string[];
}

const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** Check the trip capacities of `scenario` against its plan constraints K/C/L. */
export function checkNetwork(scenario: Scenario): NetworkFindings {
  const { C, L } = scenario.constraints;
  const warnings: string[] = [];
  const errors: string[] = [];
  const takes = new Map<string, number>();
  for (const f of scenario.network.fronts) {
    const trip = f.tripCapacityUnits;
    if (trip < L) {
      errors.push(`network.fronts '${f.name}': trip capacity ${fmt(trip)} units is below L = ${fmt(L)}, so no SKU can ever be stocked at its minimum; expected at least C = ${fmt(C)}`);
    } else if (trip < C) {
      warnings.push(`network.fronts '${f.name}': trip capacity ${fmt(trip)} units is below C = ${fmt(C)}: a night can never restock a full plan, so rates fall for a network reason; expected at least C`);
    }
    takes.set(f.grid, (takes.get(f.grid) ?? 0) + Math.min(trip, C));
  }
  for (const g of scenario.network.grids) {
    const need = takes.get(g.name) ?? 0;
    if (need > 0 && g.tripCapacityUnits < need) {
      warnings.push(`network.grids '${g.name}': trip capacity ${fmt(g.tripCapacityUnits)} units is below the ${fmt(need)} units its fronts may take in a night (their C, capped by their trips); expected at least that`);
    }
  }
  return { warnings, errors };
}
