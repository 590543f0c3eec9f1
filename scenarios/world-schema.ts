/**
 * Opt-in scenario blocks of the "world that tells the truth" generator:
 * basket structure (`demand.structure`: shopping missions, anchors,
 * complements, substitutes), demand that moves (`demand.dynamics`: SKU life
 * cycles, seasonal items, trends and regime changes correlated within a
 * region) and a heavier popularity head (`catalogue.popularity.head…`).
 * A scenario without these blocks generates exactly the orders it did before.
 */
import { z } from 'zod';

const probability = z.number().min(0).max(1);
const intRange = (min: number) =>
  z.tuple([z.number().int().min(min), z.number().int().min(min)]).refine(([lo, hi]) => lo <= hi, { message: 'expected [low, high] with low ≤ high' });

/** `demand.structure`: product-level co-purchase (every field has a documented default). */
export const basketStructureSchema = z.strictObject({
  missions: z.number().int().min(1).default(60)
    .describe('Number of shopping missions (latent basket themes, e.g. "breakfast", "hot pot"); each is a weighted set of SKUs from one category and its related categories. Default 60.'),
  missionSkus: intRange(1).default([6, 24])
    .describe('Range of the number of SKUs in one mission, drawn uniformly. Default [6, 24].'),
  missionShare: probability.default(0.7)
    .describe('Share of orders that follow a mission; the rest are drawn as without this block. Default 0.7.'),
  focus: probability.default(0.6)
    .describe('Probability that a further line of a mission order comes from the mission (else from related categories or the whole catalogue). Default 0.6.'),
  affinityShape: z.number().positive().default(0.6)
    .describe('Gamma shape of the SKU affinities within a mission (smaller: a few SKUs dominate the mission). Default 0.6.'),
  anchorProbability: probability.default(0.4)
    .describe("Probability that a mission order's first line is the mission's anchor item (its highest-affinity SKU). Default 0.4."),
  complementShare: probability.default(0.15)
    .describe('Share of SKUs that have a complement (a SKU of a related category bought with it). Default 0.15.'),
  complementProbability: probability.default(0.5)
    .describe("Probability that a SKU's complement joins the basket when the SKU does (if the basket has room). Default 0.5."),
  substituteShare: probability.default(0.3)
    .describe('Share of SKUs in substitute groups: SKUs of one category of which a basket holds at most one. Default 0.3.'),
  substituteGroupSize: intRange(2).default([2, 4])
    .describe('Range of the size of one substitute group. Default [2, 4].'),
}).describe('Basket structure: shopping missions with SKU affinities, anchor items, complements and substitutes (opt-in; absent = the plain category co-purchase).');

/** `demand.dynamics`: SKU life cycles, seasons, trends and regime changes (every field defaults to "off"). */
export const demandDynamicsSchema = z.strictObject({
  newSkuShare: probability.default(0)
    .describe('Share of SKUs introduced during the horizon (no demand before a launch day drawn uniformly over the days). Default 0.'),
  launchRampDays: z.number().int().min(1).default(7)
    .describe('Days over which a new SKU ramps up linearly to its full popularity. Default 7.'),
  launchBoost: z.number().positive().default(1)
    .describe("Multiplier on a new SKU's popularity (new items are promoted). Default 1."),
  retireShare: probability.default(0)
    .describe('Share of SKUs retired during the horizon (no demand from a day drawn uniformly). Default 0.'),
  seasonalShare: probability.default(0)
    .describe('Share of SKUs sold only within a season window. Default 0.'),
  seasonLengthDays: intRange(1).default([14, 42])
    .describe('Range of the length of a season window, days. Default [14, 42].'),
  skuTrendSigma: z.number().nonnegative().default(0)
    .describe("Daily standard deviation of each SKU's log-popularity random walk. Default 0."),
  categoryTrendSigma: z.number().nonnegative().default(0)
    .describe("Daily standard deviation of each category's log-popularity random walk. Default 0."),
  regimeChangeRate: probability.default(0)
    .describe('Per SKU and day, the probability of a regime change (a lasting jump of its popularity). Default 0.'),
  regimeSigma: z.number().nonnegative().default(0.7)
    .describe('Standard deviation of the log jump at a regime change. Default 0.7.'),
  regionCorrelation: probability.default(1)
    .describe('Correlation of trends and jumps between regions (1: every site moves together; sites within a region always share them). Default 1.'),
}).describe('Demand that moves: SKU introductions, retirements, seasonal items, trends and regime changes (opt-in; absent = stationary popularity).');

/** Optional fields of `catalogue.popularity` for a heavier head. */
export const headFields = {
  headSkus: z.number().int().min(1).optional()
    .describe('The most popular this many SKUs get `headBoost` × their Zipf weight (a heavier head). Default: none.'),
  headBoost: z.number().min(1).optional()
    .describe('Multiplier on the weight of the `headSkus` most popular SKUs. Default 1.'),
};

/** The validated `demand.structure` block. */
export type BasketStructure = z.output<typeof basketStructureSchema>;
/** The validated `demand.dynamics` block. */
export type DemandDynamics = z.output<typeof demandDynamicsSchema>;
