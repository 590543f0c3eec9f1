/**
 * What the shocks of a world do on a given day (MODEL §4): which fronts are
 * closed, trip capacity and lead-time changes, supplier fill rates, defect
 * multipliers, and the demand modifiers the order generator applies.
 */
import type { Topology } from './network.js';
import type { LockdownShock, Shock } from './types.js';

/** Queries over a world's shocks, by site, supplier and day. */
export interface ShockEffects {
  /** Shocks whose window contains `day` (lockdowns also during their demand decay). */
  active(day: number): Shock[];
  isClosed(front: number, day: number): boolean;
  /** Multiplier on the capacity of the trip into `site` on the night of `day`. */
  tripCapacityFactor(site: number, day: number): number;
  /** Extra lead time of an order placed on `day` by the central of `region` with `supplier`. */
  leadTimeExtraDays(supplier: number, region: number, day: number): number;
  /** Fill rate of `supplier` on `day` (its own unless disrupted). */
  fillRate(supplier: number, base: number, day: number): number;
  /** Multiplier on the defect rate of `supplier`'s `category` sold at a site of `region` on `day`. */
  defectFactor(supplier: number, category: string, region: number, day: number): number;
}

const inWindow = (s: Shock, day: number): boolean => day >= s.firstDay && day <= s.lastDay;

/** Intensity of a lockdown's demand effect: 1 in its window, falling linearly to 0 over the decay. */
export function lockdownIntensity(s: LockdownShock, day: number): number {
  if (day < s.firstDay) return 0;
  if (day <= s.lastDay) return 1;
  const after = day - s.lastDay;
  return after <= s.decayDays ? 1 - after / (s.decayDays + 1) : 0;
}

/** Effects of `shocks` over the network `topo` (central site ids name regions). */
export function shockEffects(shocks: readonly Shock[], topo: Topology): ShockEffects {
  const lockdowns = shocks.filter((s): s is LockdownShock => s.kind === 'lockdown');
  const touches = (l: LockdownShock, site: number): boolean =>
    l.fronts.includes(site) || topo.frontsUnder[site].some((f) => l.fronts.includes(f));
  return {
    active: (day) => shocks.filter((s) => inWindow(s, day) || (s.kind === 'lockdown' && lockdownIntensity(s, day) > 0)),
    isClosed: (front, day) => lockdowns.some((l) => inWindow(l, day) && l.closedFronts.includes(front)),
    tripCapacityFactor(site, day) {
      let f = 1;
      for (const l of lockdowns) if (inWindow(l, day) && touches(l, site)) f *= l.tripCapacityFactor;
      return f;
    },
    leadTimeExtraDays(supplier, region, day) {
      let extra = 0;
      for (const s of shocks) {
        if (!inWindow(s, day)) continue;
        if (s.kind === 'lockdown' && s.region === topo.centrals[region].id) extra += s.leadTimeExtraDays;
        if (s.kind === 'supplier-disruption' && s.supplier === supplier) extra += s.leadTimeExtraDays;
      }
      return extra;
    },
    fillRate(supplier, base, day) {
      let rate = base;
      for (const s of shocks) if (s.kind === 'supplier-disruption' && s.supplier === supplier && inWindow(s, day)) rate = Math.min(rate, s.fillRate);
      return rate;
    },
    defectFactor(supplier, category, region, day) {
      let f = 1;
      for (const s of shocks) {
        if (s.kind !== 'quality-incident' || s.supplier !== supplier || s.category !== category || !inWindow(s, day)) continue;
        if (s.region === -1 || s.region === topo.centrals[region].id) f *= s.defectFactor;
      }
      return f;
    },
  };
}

/** Demand modifiers of one front site on one day, for the order generator. */
export interface DemandModifiers {
  /** Multiplier on the expected number of orders. */
  readonly volume: number;
  /** Multiplier on the mean basket size (lines). */
  readonly basket: number;
  /** Multiplier on the popularity weight of each category (by name); absent = 1. */
  readonly categoryWeight: ReadonlyMap<string, number>;
}

/**
 * The demand modifiers of `front` (in region `regionCentral`) on `day`:
 * lockdowns (volume, basket, staples, with decay) and demand surges. A
 * category surge multiplies that category's weight and adds its extra share
 * to the volume (`categoryShare` gives a category's share of demand).
 */
export function demandModifiers(
  shocks: readonly Shock[],
  front: number,
  regionCentral: number,
  day: number,
  staples: readonly string[],
  categoryShare: (category: string) => number,
): DemandModifiers | undefined {
  let volume = 1;
  let basket = 1;
  const weight = new Map<string, number>();
  let any = false;
  for (const s of shocks) {
    if (s.kind === 'lockdown' && s.fronts.includes(front)) {
      const k = lockdownIntensity(s, day);
      if (k <= 0) continue;
      any = true;
      volume *= 1 + (s.demandFactor - 1) * k;
      basket *= 1 + (s.basketFactor - 1) * k;
      for (const c of staples) weight.set(c, (weight.get(c) ?? 1) * (1 + (s.stapleFactor - 1) * k));
    } else if (s.kind === 'demand-surge' && inWindow(s, day) && (s.region === -1 || s.region === regionCentral)) {
      any = true;
      if (s.category === '') volume *= s.demandFactor;
      else {
        weight.set(s.category, (weight.get(s.category) ?? 1) * s.demandFactor);
        volume *= 1 + (s.demandFactor - 1) * categoryShare(s.category);
      }
    }
  }
  return any ? { volume, basket, categoryWeight: weight } : undefined;
}
