/**
 * The results document (results.json): its types and its zod schema, in one
 * place. Writers (summarise, stress, ablate) build a {@link Results}; readers
 * (`report`, `check`, `baseline`) get one only through {@link parseResults}.
 *
 * Optional sections, each shown by the report when present:
 *
 * | field | where |
 * |---|---|
 * | {@link ShockWindow}[] | `shocks` (top level): shaded bands on the per-day chart |
 * | {@link RefundByLag} | `strategies[name].refundByLag`: observed vs true refund rate by lag, with the nowcast |
 * | {@link StockedByRank} | `strategies[name].stockedByRank`: share of SKUs stocked by popularity rank |
 * | {@link StageRow}[] | `strategies[name].stages`: units in and out per level |
 * | {@link SupplierRow}[] | `strategies[name].suppliers`: fill rate, punctuality, quality |
 * | {@link PickupRow} | `strategies[name].pickup`: pre-sale pick-up figures |
 * | {@link SiteRow}[] | `strategies[name].bySite`: full-order rate, waste and refunds per front site |
 * | {@link StressSection} | `stress` (top level): per-strategy distributions over stress draws |
 * | {@link AblationSection} | `ablation` (top level): the ablation table |
 * | {@link Provenance} | `provenance` (top level): what produced the run and how to reproduce it |
 *
 * Rates are fractions in [0, 1]; dates are ISO `YYYY-MM-DD` as in `days`.
 * Unknown fields pass through, so older readers accept newer documents; a
 * present but malformed section is an error naming the field.
 */
import { z } from 'zod';
import type { Estimate } from './stats.js';

/** A shock that hit (part of) the evaluation window. */
export interface ShockWindow {
  /** `lockdown`, `supplier-disruption`, `quality-incident`, `demand-surge`, … */
  readonly kind: string;
  /** Short label for the chart, e.g. `lockdown north ×1.8`. */
  readonly label?: string;
  /** First and last day affected (ISO dates, inclusive). */
  readonly from: string;
  readonly to: string;
}

/** Refund rate observed k days after fulfilment vs the true rate once the window closed, with the nowcast (means over days and seeds). */
export interface RefundByLag {
  readonly lagDays: readonly number[];
  readonly observedRate: readonly number[];
  readonly trueRate: number;
  readonly nowcastRate?: readonly number[];
  /** Mean absolute error over lags 0–2 of the nowcast, and of the naive observed-so-far rate. */
  readonly nowcastMae3?: number;
  readonly naiveMae3?: number;
}

/** One level's mean units per evaluation day: what came in, what went out, what is left. */
export interface StageRow {
  readonly level: string;
  readonly opening: number;
  readonly received: number;
  readonly returnedIn: number;
  readonly sold: number;
  readonly shippedDown: number;
  readonly returnedUp: number;
  readonly spoiled: number;
  readonly onHand: number;
  readonly inTransit: number;
}

/** A supplier's performance over the run. */
export interface SupplierRow {
  readonly name: string;
  /** Units delivered per simulated day. */
  readonly volumePerDay: number;
  /** Delivered / ordered units. */
  readonly fillRate: number;
  /** On-time share of purchase orders. */
  readonly punctuality: number;
  /** 1 − defective lines / lines sold. */
  readonly quality: number;
}

/** Pre-sale (community group-buying) figures. */
export interface PickupRow {
  /** Units picked up / units ordered. */
  readonly pickupFulfilmentRate: number;
  /** Lines short at pick-up and refunded, per day, and their amount. */
  readonly shortfallRefundLines: number;
  readonly shortfallRefundAmount: number;
}

/** Share of SKUs stocked per popularity-rank bucket (rank 1 = most popular). */
export interface StockedByRank {
  readonly rankFrom: readonly number[];
  readonly rankTo: readonly number[];
  readonly share: readonly number[];
}

/** One front site's figures over the evaluation days, each an estimate over seeds. */
export interface SiteRow {
  readonly site: number;
  /** The site's grid id and region name (as in the scenario's layout). */
  readonly grid: number;
  readonly region: string;
  readonly orders: Estimate;
  readonly fullOrderRate: Estimate;
  /** Spoiled units per evaluation day at the site. */
  readonly wasteUnits: Estimate;
  /** Refunded lines per evaluation day of orders fulfilled from the site (true, window closed). */
  readonly refundLines: Estimate;
}

/** Distributions of a metric over stress draws, per strategy (one value per draw). */
export interface StressSection {
  readonly label?: string;
  /** Metric of the samples (default `fullOrderRate`). */
  readonly metric?: string;
  readonly samples: Readonly<Record<string, readonly number[]>>;
}

/** A rate with an optional interval, as the ablation table shows it. */
export interface RateEstimate {
  readonly mean: number;
  readonly ci95?: readonly [number | null, number | null];
}

/** One row of the ablation table. */
export interface AblationRow {
  readonly variant: string;
  readonly description?: string;
  readonly fullOrderRate: RateEstimate;
}

/** The ablation table: variants against a reference. */
export interface AblationSection {
  readonly reference: string;
  readonly referenceRate: RateEstimate;
  readonly rows: readonly AblationRow[];
}

/** What produced a run and the command that reproduces it (values the CLI knows; absent ones unknown). */
export interface Provenance {
  readonly freshsimCommit?: string;
  readonly node?: string;
  readonly os?: string;
  /** sha256 of the resolved scenario (see scenarioFingerprint in scenarios/). */
  readonly scenarioHash?: string;
  /** The file the scenario came from, when not a built-in. */
  readonly scenarioFile?: string;
  readonly command?: string;
}

/** One evaluation day of one strategy, averaged over replications. */
export interface DayRow {
  readonly day: string;
  readonly orders: number;
  readonly fullOrderRate: number;
  readonly splitOrderRate: number;
  readonly shortOrderRate: number;
  readonly lineFillRate: number;
  readonly wasteUnits: number;
  /** GMV served that day. */
  readonly gmv: number;
  readonly skusStocked: number;
  readonly unitsPlanned: number;
  /** Lowest and highest full-order rate over seeds that day (for the band on the per-day chart). */
  readonly fullOrderRateRange?: readonly [number, number];
  /** Labels of the shocks active on this day in any seed (only when the scenario has shocks). */
  readonly shocks?: readonly string[];
}

/** Table-5 plan shape, averaged over days, each with its estimate over replications. */
export interface PlanShapeSummary {
  readonly skus: Estimate;
  readonly units: Estimate;
  readonly min: Estimate;
  readonly max: Estimate;
  readonly mean: Estimate;
  readonly median: Estimate;
  readonly lowSellersStocked: Estimate;
}

/** Solver outcome of an optimising strategy's evaluation-day decisions. */
export interface SolverSummary {
  readonly decisions: number;
  readonly proven: number;
  readonly worstGap: number;
}

/** Everything measured for one strategy. */
export interface StrategySummary {
  readonly oracle: boolean;
  readonly params: Record<string, unknown>;
  readonly fullOrderRate: Estimate;
  readonly splitOrderRate: Estimate;
  readonly shortOrderRate: Estimate;
  readonly lineFillRate: Estimate;
  readonly unitsLost: Estimate;
  readonly extraDeliveries: Estimate;
  /** Spoiled units per evaluation day, all levels. */
  readonly wasteUnits: Estimate;
  readonly wasteValue: Estimate;
  readonly wasteUnitsByLevel: { readonly central: Estimate; readonly grid: Estimate; readonly front: Estimate };
  /** GMV served per evaluation day (what was delivered, so it differs per strategy). */
  readonly gmv: Estimate;
  readonly gmvFull: Estimate;
  /** Refunded lines / served lines, by fulfilment day (true, window closed). */
  readonly refundRate: Estimate;
  readonly replenishmentShortUnits: Estimate;
  readonly planShape: PlanShapeSummary;
  readonly perDay: readonly DayRow[];
  readonly stockedByRank?: StockedByRank;
  /** For an optimising strategy (`opt`): decisions proven optimal, else best known with the worst gap. */
  readonly solver?: SolverSummary;
  readonly refundByLag?: RefundByLag;
  readonly stages?: readonly StageRow[];
  readonly suppliers?: readonly SupplierRow[];
  readonly pickup?: PickupRow;
  readonly extraDeliveryLatenessHours?: number;
  readonly bySite?: readonly SiteRow[];
}

/** A paired comparison of one strategy against the baseline. */
export interface Comparison {
  readonly strategy: string;
  readonly baseline: string;
  readonly metric: 'fullOrderRate';
  readonly difference: Estimate;
}

/** The results document (written as results.json). */
export interface Results {
  readonly freshsim: string;
  readonly scenario: string;
  readonly scenarioSeed: number;
  readonly seeds: readonly number[];
  readonly days: readonly string[];
  readonly constraints: { readonly K: number; readonly C: number; readonly L: number };
  readonly strategies: Readonly<Record<string, StrategySummary>>;
  readonly comparisons: readonly Comparison[];
  readonly shocks?: readonly ShockWindow[];
  readonly stress?: StressSection;
  readonly ablation?: AblationSection;
  readonly provenance?: Provenance;
}

const num = z.number().refine(Number.isFinite, { message: 'expected a finite number' });
const rate = z.number().min(0).max(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');
const bounds = z.tuple([num.nullable(), num.nullable()]);
const estimate = z.looseObject({ mean: num, ci95: bounds, n: z.int().min(1), perSeed: z.array(num) })
  .refine((e) => e.perSeed.length === e.n, { message: 'expected perSeed to hold n values', path: ['perSeed'] });
const sameLength = (ctx: z.RefinementCtx, a: readonly unknown[], b: readonly unknown[] | undefined, path: string): void => {
  if (b !== undefined && b.length !== a.length) ctx.addIssue({ code: 'custom', path: [path], message: `expected one value per ${path === 'observedRate' ? 'lag' : 'bucket'}` });
};

/** The type of each optional section, by field name. */
export interface Sections {
  readonly shocks: readonly ShockWindow[];
  readonly refundByLag: RefundByLag;
  readonly stockedByRank: StockedByRank;
  readonly stages: readonly StageRow[];
  readonly suppliers: readonly SupplierRow[];
  readonly pickup: PickupRow;
  readonly extraDeliveryLatenessHours: number;
  readonly solver: SolverSummary;
  readonly bySite: readonly SiteRow[];
  readonly stress: StressSection;
  readonly ablation: AblationSection;
  readonly provenance: Provenance;
}

/** Schemas of the optional sections (readers that take an in-memory document validate with these). */
export const sectionSchemas: { readonly [K in keyof Sections]: z.ZodType<Sections[K]> } = {
  shocks: z.array(z.looseObject({ kind: z.string().min(1), label: z.string().optional(), from: isoDate, to: isoDate })
    .refine((s) => s.from <= s.to, { message: 'expected from ≤ to' })),
  refundByLag: z.looseObject({
    lagDays: z.array(z.number().min(0)).min(1),
    observedRate: z.array(rate),
    trueRate: rate,
    nowcastRate: z.array(rate).optional(),
    nowcastMae3: z.number().min(0).optional(),
    naiveMae3: z.number().min(0).optional(),
  }).superRefine((r, ctx) => {
    if (r.observedRate.length !== r.lagDays.length) ctx.addIssue({ code: 'custom', path: ['observedRate'], message: 'expected lagDays and observedRate of the same length' });
    if (r.nowcastRate && r.nowcastRate.length !== r.lagDays.length) ctx.addIssue({ code: 'custom', path: ['nowcastRate'], message: 'expected one value per lag' });
  }),
  stockedByRank: z.looseObject({ rankFrom: z.array(z.int().min(1)).min(1), rankTo: z.array(z.int().min(1)), share: z.array(rate) })
    .superRefine((r, ctx) => { sameLength(ctx, r.rankFrom, r.rankTo, 'rankTo'); sameLength(ctx, r.rankFrom, r.share, 'share'); }),
  stages: z.array(z.looseObject({
    level: z.string(), opening: num, received: num, returnedIn: num, sold: num, shippedDown: num, returnedUp: num, spoiled: num, onHand: num, inTransit: num,
  })),
  suppliers: z.array(z.looseObject({ name: z.string(), volumePerDay: num, fillRate: rate, punctuality: rate, quality: rate })),
  pickup: z.looseObject({ pickupFulfilmentRate: rate, shortfallRefundLines: num, shortfallRefundAmount: num }),
  extraDeliveryLatenessHours: num,
  solver: z.looseObject({ decisions: z.int().min(0), proven: z.int().min(0), worstGap: num }),
  bySite: z.array(z.looseObject({
    site: z.int(), grid: z.int(), region: z.string(), orders: estimate, fullOrderRate: estimate, wasteUnits: estimate, refundLines: estimate,
  })),
  stress: z.looseObject({ label: z.string().optional(), metric: z.string().optional(), samples: z.record(z.string(), z.array(num).min(1)) }),
  ablation: z.looseObject({
    reference: z.string(),
    referenceRate: z.looseObject({ mean: z.number(), ci95: bounds.optional() }),
    rows: z.array(z.looseObject({
      variant: z.string(), description: z.string().optional(), fullOrderRate: z.looseObject({ mean: z.number(), ci95: bounds.optional() }),
    })),
  }),
  provenance: z.looseObject({
    freshsimCommit: z.string().optional(), node: z.string().optional(), os: z.string().optional(), scenarioHash: z.string().optional(),
    scenarioFile: z.string().optional(), command: z.string().optional(),
  }),
};

const dayRow = z.looseObject({
  day: z.string(), orders: num, fullOrderRate: num, splitOrderRate: num, shortOrderRate: num, lineFillRate: num, wasteUnits: num, gmv: num,
  skusStocked: num, unitsPlanned: num, fullOrderRateRange: z.tuple([num, num]).optional(), shocks: z.array(z.string()).optional(),
});

const S = sectionSchemas;
const strategy = z.looseObject({
  oracle: z.boolean(),
  params: z.record(z.string(), z.unknown()),
  fullOrderRate: estimate, splitOrderRate: estimate, shortOrderRate: estimate, lineFillRate: estimate, unitsLost: estimate, extraDeliveries: estimate,
  wasteUnits: estimate, wasteValue: estimate, wasteUnitsByLevel: z.looseObject({ central: estimate, grid: estimate, front: estimate }),
  gmv: estimate, gmvFull: estimate, refundRate: estimate, replenishmentShortUnits: estimate,
  planShape: z.looseObject({ skus: estimate, units: estimate, min: estimate, max: estimate, mean: estimate, median: estimate, lowSellersStocked: estimate }),
  perDay: z.array(dayRow),
  stockedByRank: S.stockedByRank.optional(), solver: S.solver.optional(), refundByLag: S.refundByLag.optional(), stages: S.stages.optional(),
  suppliers: S.suppliers.optional(), pickup: S.pickup.optional(), extraDeliveryLatenessHours: num.optional(), bySite: S.bySite.optional(),
});

/** The zod schema of a results document. */
export const resultsSchema: z.ZodType<Results> = z.looseObject({
  freshsim: z.string(),
  scenario: z.string(),
  scenarioSeed: num,
  seeds: z.array(z.int()).min(1),
  days: z.array(z.string()).min(1),
  constraints: z.looseObject({ K: num, C: num, L: num }),
  strategies: z.record(z.string(), strategy),
  comparisons: z.array(z.looseObject({ strategy: z.string(), baseline: z.string(), metric: z.literal('fullOrderRate'), difference: estimate })),
  shocks: S.shocks.optional(), stress: S.stress.optional(), ablation: S.ablation.optional(), provenance: S.provenance.optional(),
}).superRefine((r, ctx) => {
  for (const [name, s] of Object.entries(r.strategies)) {
    if (s.perDay.length !== r.days.length) {
      ctx.addIssue({ code: 'custom', path: ['strategies', name, 'perDay'], message: `expected one row per day (${r.days.length}), got ${s.perDay.length}` });
    }
    if (s.fullOrderRate.n !== r.seeds.length) {
      ctx.addIssue({ code: 'custom', path: ['strategies', name, 'fullOrderRate', 'n'], message: `expected one value per seed (${r.seeds.length})` });
    }
  }
});

/** A results document that does not validate: names the source and the field. */
export class ResultsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResultsError';
  }
}

/** `strategies.pto-greedy.perDay[3].day` from a zod path. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((p, k) => (typeof p === 'number' ? `[${p}]` : `${k === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Validate a parsed results document; `source` names it in errors (up to five issues, each with its field). */
export function parseResults(doc: unknown, source: string): Results {
  const r = resultsSchema.safeParse(doc);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 5).map((i) => `${formatFieldPath(i.path)}: ${i.message}`);
    const more = r.error.issues.length > 5 ? ` (and ${r.error.issues.length - 5} more)` : '';
    throw new ResultsError(`results '${source}' is not a freshsim results document: ${issues.join('; ')}${more}`);
  }
  return r.data;
}
