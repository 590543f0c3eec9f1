import { describe, expect, it } from 'vitest';
import { createStreams } from '../../../sim/index.js';
import {
  featureImportance, gbdtParams, modelToJson, pm1Params, pm2Params, predictRaw, trainGbdt,
  type FeatureMatrix, type GbdtModel, type GbdtParams,
} from '../../../strategies/gbdt/index.js';
import { binMatrix, binRows } from '../../../strategies/gbdt/binning.js';
import { growContext, growTree } from '../../../strategies/gbdt/grow.js';
import { addBinnedTreeValues, addTreeValues, leafDepths, leafIndex } from '../../../strategies/gbdt/tree.js';
import { dataStream, labelRows, uniformMatrix } from '../../helpers/gbdt-data.js';

const stream = (seed: number) => createStreams(seed, 0).stream('gbdt');
const signal = (r: Float64Array): number => 2 * r[0] + (r[1] > 0 ? 1 : -1) * r[2] + Math.sin(4 * r[3]);

describe('gbdt early stopping', () => {
  it('stops when the validation loss stops improving and keeps the best round', () => {
    // Labels are pure noise: the validation loss can only get worse after a few rounds.
    const noise = dataStream('es-noise');
    const x = uniformMatrix(dataStream('es-x'), 1500, 5);
    const y = labelRows(x, () => noise.normal());
    const vx = uniformMatrix(dataStream('es-vx'), 500, 5);
    const vy = labelRows(vx, () => noise.normal());
    const params = gbdtParams({ numTrees: 500, earlyStoppingRounds: 10, learningRate: 0.3 }, pm2Params);
    const res = trainGbdt({ x, y, params, rng: stream(1), validation: { x: vx, y: vy } });
    expect(res.stoppedEarly).toBe(true);
    expect(res.roundsRun).toBeLessThan(100);
    const loss = res.validationLoss;
    expect(loss).toHaveLength(res.roundsRun);
    const bestRound = loss.indexOf(Math.min(...loss));
    expect(res.model.trees).toHaveLength(bestRound + 1);
    expect(res.roundsRun).toBe(bestRound + 1 + 10);
  });

  it('runs every round when the validation loss keeps improving', () => {
    const x = uniformMatrix(dataStream('es2-x'), 1500, 5);
    const vx = uniformMatrix(dataStream('es2-vx'), 500, 5);
    const params = gbdtParams({ numTrees: 40, earlyStoppingRounds: 5, learningRate: 0.05 }, pm2Params);
    const res = trainGbdt({ x, y: labelRows(x, signal), params, rng: stream(1), validation: { x: vx, y: labelRows(vx, signal) } });
    expect(res.stoppedEarly).toBe(false);
    expect(res.roundsRun).toBe(40);
    expect(res.model.trees).toHaveLength(40);
  });
});

describe('gbdt randomness comes only from the injected stream', () => {
  const x = uniformMatrix(dataStream('seed-x'), 1000, 6);
  const y = labelRows(x, signal);
  const train = (seed: number, over: Partial<GbdtParams>): string =>
    modelToJson(trainGbdt({ x, y, params: gbdtParams({ numTrees: 20, ...over }, pm2Params), rng: stream(seed) }).model);

  it('the same seed gives a byte-identical model', () => {
    expect(train(3, {})).toBe(train(3, {}));
  });

  it('different seeds with row or column subsampling give different models', () => {
    expect(train(3, {})).not.toBe(train(4, {}));
    expect(train(3, { colsample: 1 })).not.toBe(train(4, { colsample: 1 }));
    expect(train(3, { subsample: 1 })).not.toBe(train(4, { subsample: 1 }));
  });

  it('without subsampling the seed does not matter', () => {
    expect(train(3, { subsample: 1, colsample: 1 })).toBe(train(4, { subsample: 1, colsample: 1 }));
  });
});

/** Training rows reaching each leaf of each tree. */
function leafCounts(model: GbdtModel, x: FeatureMatrix): number[][] {
  return model.trees.map((t) => {
    const counts = new Array<number>(t.numLeaves).fill(0);
    for (let r = 0; r < x.numRows; r++) counts[leafIndex(t, x.values, r * x.numFeatures)]++;
    return counts;
  });
}

describe('gbdt tree shape', () => {
  const x = uniformMatrix(dataStream('shape-x'), 3000, 6);
  const y = labelRows(x, signal);

  it('respects num_leaves, max_depth and min_child_samples', () => {
    const params = gbdtParams({ numTrees: 30, subsample: 1, colsample: 1, minChildSamples: 40 }, pm2Params);
    const { model } = trainGbdt({ x, y, params, rng: stream(1) });
    expect(params.numLeaves).toBe(31);
    expect(params.maxDepth).toBe(5);
    for (const t of model.trees) {
      expect(t.numLeaves).toBeLessThanOrEqual(31);
      expect(Math.max(...leafDepths(t))).toBeLessThanOrEqual(5);
    }
    // Leaf-wise growth with a depth cap still fills trees to many leaves on this data.
    expect(Math.max(...model.trees.map((t) => t.numLeaves))).toBeGreaterThan(16);
    for (const counts of leafCounts(model, x)) expect(Math.min(...counts)).toBeGreaterThanOrEqual(40);
  });

  it('unlimited depth grows deeper than 5 when leaves allow', () => {
    const params = gbdtParams({ numTrees: 5, numLeaves: 63, maxDepth: 0, minChildSamples: 5, subsample: 1, colsample: 1 }, pm2Params);
    const { model } = trainGbdt({ x, y, params, rng: stream(1) });
    expect(Math.max(...model.trees.map((t) => Math.max(...leafDepths(t))))).toBeGreaterThan(5);
  });

  it('a large L1 penalty zeroes every leaf; a large L2 penalty shrinks them', () => {
    const base = { numTrees: 3, subsample: 1, colsample: 1 };
    const plain = trainGbdt({ x, y, params: gbdtParams({ ...base, lambdaL2: 0 }, pm2Params), rng: stream(1) }).model;
    const l1 = trainGbdt({ x, y, params: gbdtParams({ ...base, lambdaL1: 1e9 }, pm2Params), rng: stream(1) }).model;
    const l2 = trainGbdt({ x, y, params: gbdtParams({ ...base, lambdaL2: 1e4 }, pm2Params), rng: stream(1) }).model;
    expect(l1.trees.every((t) => t.numLeaves === 1 && t.leafValue[0] === 0)).toBe(true);
    const size = (m: GbdtModel): number => Math.max(...Array.from(m.trees[0].leafValue, Math.abs));
    expect(size(l2)).toBeLessThan(size(plain) / 2);
  });

  it('credits the informative features in split count and gain', () => {
    const params = gbdtParams({ numTrees: 40 }, pm2Params);
    const { model } = trainGbdt({ x, y, params, rng: stream(1) });
    const gain = featureImportance(model, 'gain');
    const splits = featureImportance(model, 'split');
    const total = splits.reduce((s, v) => s + v, 0);
    expect(total).toBe(model.trees.reduce((s, t) => s + t.numLeaves - 1, 0));
    // Features 0..3 carry the signal; 4 and 5 are noise.
    for (const noise of [4, 5]) for (const f of [0, 1, 2, 3]) expect(gain[f]).toBeGreaterThan(gain[noise]);
  });
});

describe('gbdt missing values', () => {
  it('learns where missing values go', () => {
    const rng = dataStream('nan');
    const base = uniformMatrix(dataStream('nan-x'), 2000, 3, 0, 1);
    const values = base.values.map((v, i) => (i % 3 === 0 && rng.uniform() < 0.3 ? NaN : v));
    const x: FeatureMatrix = { ...base, values };
    // Missing feature 0 behaves like a large value.
    const y = labelRows(x, (r) => (Number.isNaN(r[0]) ? 1 : r[0] > 0.5 ? 1 : 0));
    const params = gbdtParams({ numTrees: 50, learningRate: 0.3, subsample: 1, colsample: 1 }, pm1Params);
    const { model } = trainGbdt({ x, y, params, rng: stream(1) });
    const probe: FeatureMatrix = { numRows: 3, numFeatures: 3, values: Float64Array.from([NaN, 0.5, 0.5, 0.1, 0.5, 0.5, 0.9, 0.5, 0.5]) };
    const raw = predictRaw(model, probe);
    expect(raw[0]).toBeGreaterThan(3);
    expect(raw[1]).toBeLessThan(-3);
    expect(raw[2]).toBeGreaterThan(3);
  });
});

describe('gbdt binned and raw traversal agree', () => {
  it('a grown tree sends every row, training or new, to the same leaf through bins as through raw values', () => {
    const rng = dataStream('traverse');
    const base = uniformMatrix(dataStream('traverse-x'), 2000, 4);
    const x: FeatureMatrix = { ...base, values: base.values.map((v) => (rng.uniform() < 0.15 ? NaN : v)) };
    const params = gbdtParams({ minChildSamples: 5 }, pm2Params);
    const data = binMatrix(x, params.maxBins);
    const grad = Float64Array.from({ length: 2000 }, (_, i) => (Number.isNaN(x.values[i * 4]) ? 2 : Math.sin(9 * (x.values[i * 4 + 1] || 0))));
    const rows = Uint32Array.from({ length: 2000 }, (_, i) => i);
    const grown = growTree(growContext(data, params), rows, 2000, Int32Array.from([0, 1, 2, 3]), grad, new Float64Array(2000).fill(1));
    expect(grown.tree.numLeaves).toBeGreaterThan(10);
    const fresh = uniformMatrix(dataStream('traverse-new'), 1000, 4, -1.2, 1.2);
    const other: FeatureMatrix = { ...fresh, values: fresh.values.map((v) => (rng.uniform() < 0.15 ? NaN : v)) };
    for (const m of [x, other]) {
      const viaRaw = new Float64Array(m.numRows);
      const viaBins = new Float64Array(m.numRows);
      addTreeValues(grown.tree, m.values, 4, viaRaw);
      addBinnedTreeValues(grown.tree, grown.thresholdBin, binRows(m, data.upper), 4, viaBins);
      expect(viaBins).toEqual(viaRaw);
    }
    // And the leaf segments of the grown tree are the rows that traversal sends there.
    for (let k = 0; k < grown.tree.numLeaves; k++) {
      for (let i = grown.leafStart[k]; i < grown.leafEnd[k]; i++) expect(leafIndex(grown.tree, x.values, rows[i] * 4)).toBe(k);
    }
  });
});
