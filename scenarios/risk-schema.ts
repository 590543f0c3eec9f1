/**
 * Scenario fields for risk realism (MODEL §1, §3, §4): positions, trip lead
 * times and further regions of the network, split-order sourcing, pre-sale
 * timing, and shocks (a timeline and random processes). All optional: a
 * scenario without them behaves as before.
 */
import { z } from 'zod';

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();
const probability = z.number().min(0).max(1);
const factor = nonNegative;
const range = (inner: z.ZodNumber) =>
  z.tuple([inner, inner]).refine(([lo, hi]) => lo <= hi, { message: 'expected [low, high] with low ≤ high' });

/** A position in km (for delivery lateness and rerouting). */
export const position = { x: z.number().optional(), y: z.number().optional() };

/** A further central warehouse: the root of another region. */
export const centralSchema = z.strictObject({ name: z.string().min(1), ...position });

/** How lines the front site cannot serve are sourced and how late they arrive. */
export const fulfilmentSchema = z.strictObject({
  splitSourcing: z.enum(['parent', 'parent-then-central']).default('parent'),
  speedKmPerHour: positive.default(30),
  dispatchHours: nonNegative.default(1),
});

/** Pre-sale (community group-buying) timing as fractions of the day (MODEL §3). */
export const presaleSchema = z
  .strictObject({
    cutoffTime: z.number().gt(0.29).max(0.93),
    decisionTime: z.number().gt(0).lt(0.95),
    pickupTime: z.number().gt(0).lt(0.95),
  })
  .refine((p) => p.decisionTime <= p.cutoffTime, { message: 'expected decisionTime ≤ cutoffTime (the decision is made before the cut-off)', path: ['decisionTime'] });

/** Days of a timeline shock: `start` counts from the first evaluation day (negative = before it). */
const window = { label: z.string().optional(), start: z.number().int(), days: z.number().int().min(1) };

const lockdownEffects = {
  demandFactor: factor.default(1.5),
  basketFactor: factor.default(1.3),
  stapleFactor: factor.default(1.5),
  tripCapacityFactor: factor.default(0.7),
  leadTimeExtraDays: z.number().int().min(0).default(1),
  decayDays: z.number().int().min(0).default(7),
  rerouteKm: nonNegative.default(5),
};

const lockdown = z.strictObject({
  kind: z.literal('lockdown'),
  ...window,
  /** The region (its central's name). */
  region: z.string().min(1),
  /** Front sites whose demand is affected (default: every front of the region). */
  fronts: z.array(z.string().min(1)).optional(),
  /** Front sites closed during the window. */
  close: z.array(z.string().min(1)).default([]),
  ...lockdownEffects,
});

const supplierDisruption = z.strictObject({
  kind: z.literal('supplier-disruption'),
  ...window,
  supplier: z.string().min(1),
  fillRate: probability,
  leadTimeExtraDays: z.number().int().min(0).default(0),
});

const qualityIncident = z.strictObject({
  kind: z.literal('quality-incident'),
  ...window,
  supplier: z.string().min(1),
  category: z.string().min(1),
  /** Region (central name) where the affected lots are sold; default: every region. */
  region: z.string().min(1).optional(),
  defectFactor: z.number().min(1),
});

const demandSurge = z.strictObject({
  kind: z.literal('demand-surge'),
  ...window,
  /** Category (default: all categories). */
  category: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  demandFactor: factor,
});

/** One shock of the timeline, keyed on `kind`. */
export const timelineShockSchema = z.discriminatedUnion('kind', [lockdown, supplierDisruption, qualityIncident, demandSurge]);

/** Random lockdowns: Poisson arrivals with random region, length and severity (MODEL §4). */
export const randomLockdownsSchema = z.strictObject({
  /** Expected lockdowns per 365 days. */
  perYear: nonNegative,
  /** Arrivals fall on the evaluation days only, or on every simulated day. */
  over: z.enum(['evaluation', 'simulated']).default('evaluation'),
  /** Arrivals only on evaluation days [first, last] (0 = the first evaluation day); overrides `over`. */
  window: z.tuple([z.number().int(), z.number().int()]).refine(([a, b]) => a <= b, { message: 'expected [first, last] with first ≤ last' }).optional(),
  lengthDays: range(z.number().int().min(1)),
  /** Severity s scales each effect: factor = 1 + (factor − 1) · s. */
  severity: range(z.number().min(0)),
  /** Probability that each front of the region is closed. */
  closeShare: probability.default(0),
  ...lockdownEffects,
});

/** Shocks of a scenario. */
export const shocksSchema = z.strictObject({
  timeline: z.array(timelineShockSchema).default([]),
  random: z.strictObject({ lockdowns: randomLockdownsSchema.optional() }).optional(),
});

/** A probability mass function over 0, 1, 2, … days. */
export const pmfSchema = z.array(nonNegative).min(1).refine((p) => p.reduce((a, b) => a + b, 0) > 0, { message: 'expected probabilities with a positive sum' });

interface RiskView {
  catalogue: { categories: { name: string }[] };
  suppliers: { name: string; categories: string[] }[];
  network: {
    central: { name: string };
    centrals?: { name: string }[];
    grids: { name: string; central?: string }[];
    fronts: { name: string; grid: string }[];
  };
  shocks?: z.output<typeof shocksSchema>;
}

/** Cross-field checks: names that shocks and grids refer to must exist. */
export function checkRiskFields(s: RiskView, ctx: z.RefinementCtx): void {
  const centrals = [s.network.central.name, ...(s.network.centrals ?? []).map((c) => c.name)];
  const fronts = new Set(s.network.fronts.map((f) => f.name));
  const suppliers = new Map(s.suppliers.map((x) => [x.name, x]));
  const categories = new Set(s.catalogue.categories.map((c) => c.name));
  const expect = (ok: boolean, path: (string | number)[], message: string): void => {
    if (!ok) ctx.addIssue({ code: 'custom', path, message });
  };
  s.network.grids.forEach((g, i) => {
    if (g.central !== undefined) expect(centrals.includes(g.central), ['network', 'grids', i, 'central'], `unknown central '${g.central}'; expected one of ${centrals.join(', ')}`);
  });
  const regionOfFront = new Map<string, string>();
  for (const f of s.network.fronts) regionOfFront.set(f.name, s.network.grids.find((g) => g.name === f.grid)?.central ?? centrals[0]);
  (s.shocks?.timeline ?? []).forEach((sh, i) => {
    const path = ['shocks', 'timeline', i];
    const region = 'region' in sh ? sh.region : undefined;
    if (region !== undefined) expect(centrals.includes(region), [...path, 'region'], `unknown region '${region}'; expected a central's name: ${centrals.join(', ')}`);
    if (sh.kind === 'lockdown') {
      for (const [field, list] of [['fronts', sh.fronts ?? []], ['close', sh.close]] as const) {
        list.forEach((f, j) => {
          expect(fronts.has(f), [...path, field, j], `unknown front site '${f}'`);
          if (fronts.has(f)) expect(regionOfFront.get(f) === sh.region, [...path, field, j], `front site '${f}' is not in region '${sh.region}'`);
        });
      }
    }
    if (sh.kind === 'supplier-disruption' || sh.kind === 'quality-incident') {
      expect(suppliers.has(sh.supplier), [...path, 'supplier'], `unknown supplier '${sh.supplier}'; expected one of ${[...suppliers.keys()].join(', ')}`);
    }
    if (sh.kind === 'quality-incident' && suppliers.has(sh.supplier)) {
      expect(suppliers.get(sh.supplier)!.categories.includes(sh.category), [...path, 'category'], `supplier '${sh.supplier}' does not deliver category '${sh.category}'; expected one of ${suppliers.get(sh.supplier)!.categories.join(', ')}`);
    }
    if (sh.kind === 'demand-surge' && sh.category !== undefined) {
      expect(categories.has(sh.category), [...path, 'category'], `unknown category '${sh.category}'; expected one of ${[...categories].join(', ')}`);
    }
  });
}
