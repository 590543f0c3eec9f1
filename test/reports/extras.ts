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
