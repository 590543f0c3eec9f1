/**
 * Optional sections of results.json that the report shows when present and
 * skips cleanly when absent. Writers of results (the shock, refund, stress,
 * ablation and runner work) fill these fields; this module is their contract.
 *
 * Where each field lives in results.json:
 *
 * | field | where | chart / table |
 * |---|---|---|
 * | {@link ShockWindow}[] | `shocks` (top level) | shaded bands on the per-day chart, listed under the scenario |
 * | {@link RefundByLag} | `strategies[name].refundByLag` | refund rate observed vs true by reporting lag, with the nowcast |
 * | {@link StockedByRank} | `strategies[name].stockedByRank` | stocked SKUs by popularity rank (the paper's Figure 8 idea) |
 * | {@link StressSection} | `stress` (top level) | stress distributions per strategy |
 * | {@link AblationSection} | `ablation` (top level) | the ablation table (the paper's Table 3) |
 * | {@link StageRow}[] | `strategies[name].stages` | loss accounting per stage (units in vs out per level) |
 * | {@link SupplierRow}[] | `strategies[name].suppliers` | supplier fill rate, punctuality, quality |
 * | {@link PickupRow} | `strategies[name].pickup` | pre-sale pick-up fulfilment and shortfall refunds |
 * | number | `strategies[name].extraDeliveryLatenessHours` | lateness of the second deliveries of split orders |
 *
 * Rates are fractions in [0, 1] (the report prints percentages). Dates are
 * ISO `YYYY-MM-DD`, as in `results.days`. Strategy names are keys of
 * `results.strategies`. A present but malformed section is an error that
 * names the field, never silently dropped.
 */
import { z } from 'zod';
import { formatFieldPath, type Results } from '../analysis/index.js';

const rate = z.number().min(0).max(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');

/** A shock that hit (part of) the evaluation window: one entry per event. */
export interface ShockWindow {
  /** `lockdown`, `supplier-disruption`, `quality-incident`, `demand-surge`, … */
  readonly kind: string;
  /** Short label for the chart, e.g. `lockdown north ×1.8`. */
  readonly label?: string;
  /** First day affected (ISO date, inclusive). */
  readonly from: string;
  /** Last day affected (ISO date, inclusive). */
  readonly to: string;
}

/**
 * A strategy's refund rate as it is observed some days after fulfilment
 * versus the true rate (once the refund window has closed), and the nowcast
 * of the true rate made from what was observed at each lag. Means over the
 * evaluation days and seeds.
 */
export interface RefundByLag {
  /** Reporting lags in days after fulfilment, increasing, ≥ 0. */
  readonly lagDays: readonly number[];
  /** Observed refund rate at each lag (refunded lines filed so far / served lines). */
  readonly observedRate: readonly number[];
  /** The true refund rate, after the window closed. */
  readonly trueRate: number;
  /** The nowcast of the true rate made at each lag (optional). */
  readonly nowcastRate?: readonly number[];
  /** Mean absolute error of the nowcast over the last few open days (optional)… */
  readonly nowcastMae3?: number;
  /** …and of the naive observed-so-far rate, for comparison (optional). */
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
  /** Units delivered per day. */
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
  /** Lines short at pick-up and refunded, per day. */
  readonly shortfallRefundLines: number;
  readonly shortfallRefundAmount: number;
}

/** Which SKUs a strategy stocks, by popularity rank (1 = most popular), in buckets. */
export interface StockedByRank {
  /** First rank of each bucket (1-based), increasing. */
  readonly rankFrom: readonly number[];
  /** Last rank of each bucket (inclusive). */
  readonly rankTo: readonly number[];
  /** Share of the bucket's SKUs stocked, mean over sites, days and seeds. */
  readonly share: readonly number[];
}

/** Distributions of a metric over stress draws (random shocks), per strategy. */
export interface StressSection {
  /** What was drawn, e.g. `random lockdowns, 40 draws`. */
  readonly label?: string;
  /** Metric of the samples; the report plots full-order rates (default `fullOrderRate`). */
  readonly metric?: string;
  /** Per strategy, one value per stress draw. */
  readonly samples: Readonly<Record<string, readonly number[]>>;
}

/** One row of the ablation table. */
export interface AblationRow {
  /** Variant name, e.g. `otpto w/o A4`. */
  readonly variant: string;
  /** What was removed or changed, e.g. `sales-prediction features (A4)`. */
  readonly description?: string;
  readonly fullOrderRate: { readonly mean: number; readonly ci95?: readonly [number | null, number | null] };
}

/** The ablation table (the paper's Table 3): variants against a reference. */
export interface AblationSection {
  /** The full method the variants are compared to, e.g. `otpto`. */
  readonly reference: string;
  readonly referenceRate: { readonly mean: number; readonly ci95?: readonly [number | null, number | null] };
  readonly rows: readonly AblationRow[];
}

/** Every optional section found in a results document. */
export interface Extensions {
  readonly shocks?: readonly ShockWindow[];
  readonly refundByLag: Readonly<Record<string, RefundByLag>>;
  readonly stockedByRank: Readonly<Record<string, StockedByRank>>;
  readonly stages: Readonly<Record<string, readonly StageRow[]>>;
  readonly suppliers: Readonly<Record<string, readonly SupplierRow[]>>;
  readonly pickup: Readonly<Record<string, PickupRow>>;
  readonly extraDeliveryLatenessHours: Readonly<Record<string, number>>;
  readonly stress?: StressSection;
  readonly ablation?: AblationSection;
}

const rateEstimate = z.looseObject({ mean: z.number(), ci95: z.tuple([z.number().nullable(), z.number().nullable()]).optional() });
const sameLength = (a: string, b: string) => (x: Record<string, unknown>) => (x[a] as unknown[]).length === (x[b] as unknown[]).length || `expected ${a} and ${b} of the same length`;

const shockSchema = z.looseObject({ kind: z.string().min(1), label: z.string().optional(), from: isoDate, to: isoDate })
  .refine((s) => s.from <= s.to, { message: 'expected from ≤ to' });
const refundSchema = z.looseObject({
  lagDays: z.array(z.number().min(0)).min(1),
  observedRate: z.array(rate),
  trueRate: rate,
  nowcastRate: z.array(rate).optional(),
  nowcastMae3: z.number().min(0).optional(),
  naiveMae3: z.number().min(0).optional(),
}).superRefine((r, ctx) => {
  const m = sameLength('lagDays', 'observedRate')(r);
  if (m !== true) ctx.addIssue({ code: 'custom', path: ['observedRate'], message: m });
  if (r.nowcastRate && r.nowcastRate.length !== r.lagDays.length) ctx.addIssue({ code: 'custom', path: ['nowcastRate'], message: 'expected one value per lag' });
});
const rankSchema = z.looseObject({ rankFrom: z.array(z.int().min(1)).min(1), rankTo: z.array(z.int().min(1)), share: z.array(rate) })
  .superRefine((r, ctx) => {
    if (r.rankTo.length !== r.rankFrom.length) ctx.addIssue({ code: 'custom', path: ['rankTo'], message: 'expected one value per bucket' });
    if (r.share.length !== r.rankFrom.length) ctx.addIssue({ code: 'custom', path: ['share'], message: 'expected one value per bucket' });
  });
const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const stageSchema = z.array(z.looseObject({
  level: z.string(), opening: finite, received: finite, returnedIn: finite, sold: finite, shippedDown: finite, returnedUp: finite,
  spoiled: finite, onHand: finite, inTransit: finite,
}));
const supplierSchema = z.array(z.looseObject({ name: z.string(), volumePerDay: finite, fillRate: rate, punctuality: rate, quality: rate }));
const pickupSchema = z.looseObject({ pickupFulfilmentRate: rate, shortfallRefundLines: finite, shortfallRefundAmount: finite });
const stressSchema = z.looseObject({
  label: z.string().optional(),
  metric: z.string().optional(),
  samples: z.record(z.string(), z.array(z.number().refine(Number.isFinite, 'expected finite numbers')).min(1)),
});
const ablationSchema = z.looseObject({
  reference: z.string(),
  referenceRate: rateEstimate,
  rows: z.array(z.looseObject({ variant: z.string(), description: z.string().optional(), fullOrderRate: rateEstimate })),
});

/** A present but malformed optional section. */
export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0];
    const sub = i.path.length ? (typeof i.path[0] === 'number' ? '' : '.') + formatFieldPath(i.path) : '';
    throw new ReportInputError(`results field ${path}${sub}: ${i.message}`);
  }
  return r.data;
}

/** The optional sections of `results`, validated. */
export function readExtensions(results: Results): Extensions {
  const doc = results as unknown as Record<string, unknown>;
  const refundByLag: Record<string, RefundByLag> = {};
  const stockedByRank: Record<string, StockedByRank> = {};
  const stages: Record<string, readonly StageRow[]> = {};
  const suppliers: Record<string, readonly SupplierRow[]> = {};
  const pickup: Record<string, PickupRow> = {};
  const lateness: Record<string, number> = {};
  for (const [name, s] of Object.entries(results.strategies)) {
    const x = s as unknown as Record<string, unknown>;
    if (x.refundByLag !== undefined) refundByLag[name] = check(refundSchema, x.refundByLag, `strategies.${name}.refundByLag`);
    if (x.stockedByRank !== undefined) stockedByRank[name] = check(rankSchema, x.stockedByRank, `strategies.${name}.stockedByRank`);
    if (x.stages !== undefined) stages[name] = check(stageSchema, x.stages, `strategies.${name}.stages`);
    if (x.suppliers !== undefined) suppliers[name] = check(supplierSchema, x.suppliers, `strategies.${name}.suppliers`);
    if (x.pickup !== undefined) pickup[name] = check(pickupSchema, x.pickup, `strategies.${name}.pickup`);
    if (x.extraDeliveryLatenessHours !== undefined) lateness[name] = check(finite, x.extraDeliveryLatenessHours, `strategies.${name}.extraDeliveryLatenessHours`);
  }
  return {
    stages,
    suppliers,
    pickup,
    extraDeliveryLatenessHours: lateness,
    shocks: doc.shocks === undefined ? undefined : check(z.array(shockSchema), doc.shocks, 'shocks'),
    refundByLag,
    stockedByRank,
    stress: doc.stress === undefined ? undefined : check(stressSchema, doc.stress, 'stress') as StressSection,
    ablation: doc.ablation === undefined ? undefined : check(ablationSchema, doc.ablation, 'ablation') as AblationSection,
  };
}
