/**
 * The scenario file schema (zod). A scenario describes a world: catalogue,
 * suppliers, network, demand, upstream policies, refunds and plan
 * constraints. Unknown keys are errors, so a misspelt field never passes
 * silently.
 */
import { z } from 'zod';
import {
  centralSchema, checkRiskFields, fulfilmentSchema, pmfSchema, position, presaleSchema, shocksSchema,
} from './risk-schema.js';
import { basketStructureSchema, demandDynamicsSchema, headFields } from './world-schema.js';

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();
const probability = z.number().min(0).max(1);
/**
 * Upper bounds that rule out absurd values before they overflow a sum
 * (a price of 1e308 made GMV infinite) or lose float precision (1e15 pieces
 * per line broke stock conservation): far above any real shop, far below trouble.
 */
const MAX_PRICE = 1e6;
const MAX_DAYS = 3650;
const MAX_COUNT = 1e6;
const range = (inner: z.ZodNumber) =>
  z.tuple([inner, inner]).refine(([lo, hi]) => lo <= hi, { message: 'expected [low, high] with low ≤ high' });

const category = z.strictObject({
  name: z.string().min(1),
  /** Share of the catalogue's SKUs in this category. */
  share: positive,
  /** Share of this category's SKUs sold by weight (kg). */
  kgShare: probability.default(0),
  price: range(positive.max(MAX_PRICE)),
  costRatio: z.number().gt(0).lt(1),
  shelfLifeDays: range(z.number().int().min(1).max(MAX_DAYS)),
  /** Categories whose items are often bought with this one. */
  related: z.array(z.string()).default([]),
  /** Staples gain share in a lockdown (its `stapleFactor`). */
  staple: z.boolean().optional(),
});

const supplier = z.strictObject({
  name: z.string().min(1),
  categories: z.array(z.string()).min(1),
  leadTimeDays: z.number().int().min(1).max(365),
  onTimeProbability: probability,
  fillRate: probability,
  defectRate: probability,
});

const policy = z.strictObject({
  coverDays: nonNegative.max(365),
  safetyZ: nonNegative.max(10),
  windowDays: z.number().int().min(1).max(MAX_DAYS),
});

/** The schema of a scenario file (YAML or JSON). */
export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().default(''),
    seed: z.number().int(),
    startDate: z.iso.date(),
    days: z.strictObject({
      history: z.number().int().min(2).max(MAX_DAYS),
      evaluation: z.number().int().min(1).max(MAX_DAYS),
      warmup: z.number().int().min(1).default(7),
    }),
    constraints: z.strictObject({ K: z.number().int().min(1).max(MAX_COUNT), C: positive.max(1e12), L: nonNegative.max(1e12) }),
    catalogue: z.strictObject({
      skus: z.number().int().min(1).max(MAX_COUNT),
      popularity: z.strictObject({
        zipfExponent: nonNegative,
        offset: nonNegative.default(1),
        /** Beyond this rank the Zipf weight also decays exponentially (a niche tail). */
        tailFromRank: z.number().int().min(0).optional(),
        tailDecayRanks: positive.optional(),
        ...headFields,
      }),
      categories: z.array(category).min(1),
    }),
    suppliers: z.array(supplier).min(1),
    network: z.strictObject({
      central: centralSchema,
      /** Further centrals, each the root of its own region (named after it). */
      centrals: z.array(centralSchema).optional(),
      grids: z.array(z.strictObject({
        name: z.string().min(1),
        tripCapacityUnits: positive,
        /** Nights a trip from central takes (default 0: the same night). */
        tripLeadTimeDays: z.number().int().min(0).optional(),
        /** The central it hangs under (default: `network.central`). */
        central: z.string().min(1).optional(),
        ...position,
      })).min(1),
      fronts: z
        .array(
          z.strictObject({
            name: z.string().min(1),
            grid: z.string().min(1),
            tripCapacityUnits: positive.max(1e9),
            /** Multiplier on the scenario's orders per day for this site. */
            demandShare: positive.max(1e4).default(1),
            ...position,
          }),
        )
        .min(1),
      /** Split-order sourcing and lateness (default: parent grid only, MODEL §2.4). */
      fulfilment: fulfilmentSchema.optional(),
    }),
    demand: z.strictObject({
      ordersPerDay: positive.max(MAX_COUNT),
      /** Monday … Sunday multipliers. */
      weekdayFactors: z.array(positive.max(1e3)).length(7),
      trendPerDay: z.number().min(-1).max(1).default(0),
      /** Log-normal sigma of the day-level volume noise (weather-like). */
      dailyNoise: nonNegative.max(10).default(0),
      basket: z.strictObject({
        meanLines: z.number().min(1).max(1000),
        /** Gamma shape of the extra lines' Poisson mean (smaller = more dispersed). */
        dispersion: positive,
        maxLines: z.number().int().min(1).max(10_000),
      }),
      coPurchase: z.strictObject({
        /** Probability that a further line comes from a category related to the previous line's. */
        relatedProbability: probability,
      }),
      /** Product-level co-purchase: missions, anchors, complements, substitutes (opt-in). */
      structure: basketStructureSchema.optional(),
      /** SKU life cycles, seasons, trends and regime changes (opt-in). */
      dynamics: demandDynamicsSchema.optional(),
      quantity: z.strictObject({
        /** Mean extra pieces beyond the first (geometric). */
        pieceMeanExtra: nonNegative.max(1000),
        kgMedian: positive.max(1000),
        kgSigma: nonNegative.max(10),
      }),
      /** Two-peak intraday arrival profile: morning share and peak times as fractions of the day. */
      intraday: z.strictObject({
        morningShare: probability,
        morningPeak: z.number().min(0.3).max(0.9),
        eveningPeak: z.number().min(0.3).max(0.9),
        spread: positive,
      }),
      promotions: z.strictObject({
        /** Mean number of promotions starting per day (Poisson). */
        startsPerDay: nonNegative.max(1e4),
        lengthDays: range(z.number().int().min(1).max(MAX_DAYS)),
        uplift: range(z.number().min(1).max(1000)),
        priceFactor: range(z.number().gt(0).max(1)),
      }),
    }),
    upstream: z.strictObject({ grid: policy, central: policy }),
    refunds: z.strictObject({
      ageDefectFactor: nonNegative.max(1e6),
      meanDiscoveryDays: nonNegative.max(365),
      meanFilingDays: nonNegative.max(365),
      windowDays: z.number().int().min(0).max(MAX_DAYS),
      /** Discovery delay as probabilities of 0, 1, 2, … days (replaces the geometric mean). */
      discoveryPmf: pmfSchema.optional(),
      /** Filing delay as probabilities of 0, 1, 2, … days (replaces the geometric mean). */
      filingPmf: pmfSchema.optional(),
    }),
    /** Shocks: a timeline and random processes (MODEL §4). */
    shocks: shocksSchema.optional(),
    /** Pre-sale mode (MODEL §3): orders placed the day before pickup, until a cut-off. */
    presale: presaleSchema.optional(),
    /**
     * Orders replayed from an imported directory (`freshsim import --out DIR`)
     * instead of the generator; see scenarios/history-world.ts.
     */
    history: z
      .strictObject({
        dir: z.string().min(1),
        /** First training date (ISO); default: `days.history` days with orders before evaluation. */
        trainingFrom: z.iso.date().optional(),
        /** First evaluation date (ISO); default: the last `days.evaluation` days with orders. */
        evaluationFrom: z.iso.date().optional(),
        /** Last evaluation date (ISO), with `evaluationFrom`. */
        evaluationTo: z.iso.date().optional(),
        /** Front site that takes orders without a site (default: the first front). */
        site: z.string().min(1).optional(),
      })
      .optional(),
  })
  .superRefine((s, ctx) => {
    const names = new Set(s.catalogue.categories.map((c) => c.name));
    s.catalogue.categories.forEach((c, i) =>
      c.related.forEach((r, j) => {
        if (!names.has(r)) {
          ctx.addIssue({ code: 'custom', path: ['catalogue', 'categories', i, 'related', j], message: `unknown category '${r}'; expected one of ${[...names].join(', ')}` });
        }
      }),
    );
    const supplied = new Map<string, number>();
    s.suppliers.forEach((sup, i) =>
      sup.categories.forEach((c, j) => {
        if (!names.has(c)) {
          ctx.addIssue({ code: 'custom', path: ['suppliers', i, 'categories', j], message: `unknown category '${c}'; expected one of ${[...names].join(', ')}` });
        } else if (supplied.has(c)) {
          ctx.addIssue({ code: 'custom', path: ['suppliers', i, 'categories', j], message: `category '${c}' already has supplier #${supplied.get(c)}; expected one supplier per category` });
        } else supplied.set(c, i);
      }),
    );
    for (const c of names) {
      if (!supplied.has(c)) ctx.addIssue({ code: 'custom', path: ['suppliers'], message: `no supplier for category '${c}'; expected every category to have one` });
    }
    const grids = new Set(s.network.grids.map((g) => g.name));
    const siteNames = [s.network.central.name, ...(s.network.centrals ?? []).map((c) => c.name), ...grids, ...s.network.fronts.map((f) => f.name)];
    if (new Set(siteNames).size !== siteNames.length) {
      ctx.addIssue({ code: 'custom', path: ['network'], message: `site names must be unique; got ${siteNames.join(', ')}` });
    }
    s.network.fronts.forEach((f, i) => {
      if (!grids.has(f.grid)) {
        ctx.addIssue({ code: 'custom', path: ['network', 'fronts', i, 'grid'], message: `unknown grid '${f.grid}'; expected one of ${[...grids].join(', ')}` });
      }
    });
    if (s.days.warmup >= s.days.history) {
      ctx.addIssue({ code: 'custom', path: ['days', 'warmup'], message: `warm-up of ${s.days.warmup} days must be shorter than the ${s.days.history} history days` });
    }
    checkRiskFields(s, ctx);
    if (s.constraints.K > s.catalogue.skus) {
      ctx.addIssue({ code: 'custom', path: ['constraints', 'K'], message: `K = ${s.constraints.K} exceeds the catalogue's ${s.catalogue.skus} SKUs` });
    }
  });

/** A validated scenario (defaults filled in). */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written in a file (defaults optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
