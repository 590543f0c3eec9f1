/**
 * `paper-7fresh-legacy`: the first `paper-7fresh` (before basket structure and
 * moving demand), kept byte-identical so that earlier results stay
 * reproducible: one 7Fresh-like front with near-independent baskets and
 * stationary popularity. See docs/CALIBRATION.md.
 */
import type { ScenarioInput } from '../schema.js';

/** The legacy paper-scale scenario (data), unchanged since the first slice. */
export const paper7freshLegacy: ScenarioInput = {
  name: 'paper-7fresh-legacy',
  description: 'Legacy (first-slice) paper-7fresh: one 7Fresh-like front-end warehouse at the paper\'s scale (K 350, C 9000, L 10; 90 + 7 days).',
  seed: 7,
  startDate: '2020-06-01',
  days: { history: 90, evaluation: 7, warmup: 7 },
  constraints: { K: 350, C: 9000, L: 10 },
  catalogue: {
    skus: 1050,
    popularity: { zipfExponent: 1.1, offset: 25, tailFromRank: 310, tailDecayRanks: 60 },
    categories: [
      { name: 'fruit', share: 0.18, kgShare: 0.4, price: [6, 45], costRatio: 0.65, shelfLifeDays: [5, 10], related: ['dairy', 'bakery'] },
      { name: 'vegetables', share: 0.24, kgShare: 0.5, price: [2, 15], costRatio: 0.6, shelfLifeDays: [3, 7], related: ['meat', 'eggs'] },
      { name: 'meat', share: 0.15, kgShare: 0.3, price: [18, 90], costRatio: 0.7, shelfLifeDays: [3, 6], related: ['vegetables'] },
      { name: 'seafood', share: 0.1, kgShare: 0.3, price: [25, 150], costRatio: 0.7, shelfLifeDays: [2, 4], related: ['vegetables'] },
      { name: 'dairy', share: 0.14, price: [4, 30], costRatio: 0.72, shelfLifeDays: [7, 15], related: ['bakery', 'fruit'] },
      { name: 'bakery', share: 0.11, price: [4, 25], costRatio: 0.55, shelfLifeDays: [2, 4], related: ['dairy'] },
      { name: 'eggs', share: 0.08, price: [8, 30], costRatio: 0.7, shelfLifeDays: [14, 25], related: ['vegetables', 'dairy'] },
    ],
  },
  suppliers: [
    { name: 'orchard-co', categories: ['fruit'], leadTimeDays: 2, onTimeProbability: 0.95, fillRate: 0.96, defectRate: 0.012 },
    { name: 'green-farms', categories: ['vegetables'], leadTimeDays: 1, onTimeProbability: 0.97, fillRate: 0.97, defectRate: 0.01 },
    { name: 'prime-meats', categories: ['meat'], leadTimeDays: 1, onTimeProbability: 0.96, fillRate: 0.97, defectRate: 0.008 },
    { name: 'coastal-catch', categories: ['seafood'], leadTimeDays: 1, onTimeProbability: 0.93, fillRate: 0.94, defectRate: 0.015 },
    { name: 'valley-dairy', categories: ['dairy', 'eggs'], leadTimeDays: 2, onTimeProbability: 0.98, fillRate: 0.98, defectRate: 0.005 },
    { name: 'city-bakery', categories: ['bakery'], leadTimeDays: 1, onTimeProbability: 0.98, fillRate: 0.98, defectRate: 0.006 },
  ],
  network: {
    central: { name: 'central' },
    grids: [{ name: 'grid-1', tripCapacityUnits: 60000 }],
    fronts: [{ name: 'front-1', grid: 'grid-1', tripCapacityUnits: 12000, demandShare: 1 }],
  },
  demand: {
    ordersPerDay: 1150,
    weekdayFactors: [0.95, 0.93, 0.94, 0.97, 1.04, 1.1, 1.07],
    trendPerDay: 0,
    dailyNoise: 0.06,
    basket: { meanLines: 4.0, dispersion: 1.5, maxLines: 25 },
    coPurchase: { relatedProbability: 0.35 },
    quantity: { pieceMeanExtra: 1.2, kgMedian: 0.8, kgSigma: 0.5 },
    intraday: { morningShare: 0.45, morningPeak: 0.45, eveningPeak: 0.76, spread: 0.07 },
    promotions: { startsPerDay: 4, lengthDays: [3, 7], uplift: [1.5, 3], priceFactor: [0.7, 0.9] },
  },
  upstream: {
    grid: { coverDays: 1.5, safetyZ: 2, windowDays: 28 },
    central: { coverDays: 0.5, safetyZ: 1.3, windowDays: 28 },
  },
  refunds: { ageDefectFactor: 2, meanDiscoveryDays: 1, meanFilingDays: 1.5, windowDays: 7 },
};
