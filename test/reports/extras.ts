/*
 * Optional results sections (shocks, refunds by lag, stocked by rank, stress, ablation) for the
 * report tests, with hand-picked values.
 */
export const shocks = [{ kind: 'lockdown', label: 'lockdown <b>north</b>', from: '2020-07-02', to: '2020-07-03' }];

export const refundByLag = {
  lagDays: [0, 1, 2, 3, 5, 7],
  observedRate: [0, 0.01, 0.018, 0.024, 0.03, 0.033],
  trueRate: 0.0337,
  nowcastRate: [0.02, 0.028, 0.031, 0.033, 0.0335, 0.0337],
};

export const stockedByRank = { rankFrom: [1, 51, 101], rankTo: [50, 100, 150], share: [1, 0.8, 0.25] };

export const stress = { label: 'random lockdowns, 4 draws', metric: 'fullOrderRate', samples: { 'pto-greedy': [0.52, 0.55, 0.58, 0.6], newsvendor: [0.55, 0.6, 0.62, 0.63] } };

export const ablation = {
  reference: 'otpto',
  referenceRate: { mean: 0.6591, ci95: [0.65, 0.668] },
  rows: [
    { variant: 'otpto w/o A4', description: 'sales-prediction features (A4)', fullOrderRate: { mean: 0.5751, ci95: [0.57, 0.58] } },
    { variant: 'otpto w/o A5', description: 'clustering features (A5)', fullOrderRate: { mean: 0.6567 } },
  ],
};

export const stages = [
  { level: 'central', opening: 7627, received: 13767, returnedIn: 0, sold: 71, shippedDown: 13501, returnedUp: 0, spoiled: 3, onHand: 7818, inTransit: 0 },
  { level: 'front', opening: 1181, received: 7370, returnedIn: 0, sold: 6668, shippedDown: 0, returnedUp: 69, spoiled: 635.24, onHand: 1179, inTransit: 0 },
];

export const suppliers = [{ name: '<b>green</b>-farms', volumePerDay: 3284.6, fillRate: 0.9929, punctuality: 0.9727, quality: 0.9729 }];

export const pickup = { pickupFulfilmentRate: 0.9512, shortfallRefundLines: 12.34, shortfallRefundAmount: 456.78 };
