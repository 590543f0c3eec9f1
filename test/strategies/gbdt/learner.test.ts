import { describe, expect, it } from 'vitest';
import { createStreams } from '../../../sim/index.js';
import {
  gbdtParams, predict, predictProba, predictRaw, trainGbdt, type FeatureMatrix, type GbdtParams,
} from '../../../strategies/gbdt/index.js';
import { auc, dataStream, fitLinear, labelRows, rmse, uniformMatrix } from '../../helpers/gbdt-data.js';

const rng = (name: string) => createStreams(1, 0).stream(`gbdt/${name}`);

function fit(x: FeatureMatrix, y: Float64Array, params: Partial<GbdtParams>) {
  return trainGbdt({ x, y, params: gbdtParams({ minChildSamples: 5, ...params }), rng: rng('fit') }).model;
}

describe('gbdt learner recovers known functions', () => {
  it('a step function in one feature', () => {
    // Values on a grid of 100 points get one bin each, so the cuts can sit exactly between steps.
    const step = (v: number): number => (v < 0.3 ? 1 : v < 0.7 ? 3 : -2);
    const grid = (m: FeatureMatrix): FeatureMatrix => ({ ...m, values: m.values.map((v) => Math.floor(v * 100) / 100) });
    const x = grid(uniformMatrix(dataStream('step'), 2000, 2, 0, 1));
    const y = labelRows(x, (r) => step(r[0]));
    const model = fit(x, y, { objective: 'regression', numTrees: 60, learningRate: 0.3, numLeaves: 4 });
    const first = model.trees[0];
    expect(Array.from(first.threshold).sort()).toEqual([0.295, 0.695]);
    // Off-grid probes too: anything on the right side of a cut gets the step's value.
    const probe = uniformMatrix(dataStream('step-probe'), 500, 2, 0, 1);
    const pred = predictRaw(model, probe);
    for (let r = 0; r < probe.numRows; r++) {
      const v = probe.values[r * 2];
      if (Math.abs(v - 0.3) < 0.006 || Math.abs(v - 0.7) < 0.006) continue;
      expect(Math.abs(pred[r] - step(v))).toBeLessThan(1e-6);
    }
    // The feature that carries no signal is never split on.
    expect(model.trees.every((t) => t.feature.every((f) => f === 0))).toBe(true);
  });

  it('an additive model with stumps (max depth 1)', () => {
    const f = (r: Float64Array): number => Math.sin(3 * r[0]) + r[1] * r[1] + 0.5 * r[2];
    const x = uniformMatrix(dataStream('additive'), 4000, 4);
    const y = labelRows(x, f);
    const model = fit(x, y, { objective: 'regression', numTrees: 300, learningRate: 0.2, maxDepth: 1 });
    expect(model.trees.every((t) => t.numLeaves <= 2)).toBe(true);
    const test = uniformMatrix(dataStream('additive-test'), 1000, 4);
    const truth = labelRows(test, f);
    const mean = truth.reduce((s, v) => s + v, 0) / truth.length;
    const variance = truth.reduce((s, v) => s + (v - mean) ** 2, 0) / truth.length;
    const r2 = 1 - rmse(predictRaw(model, test), truth) ** 2 / variance;
    expect(r2).toBeGreaterThan(0.97);
  });

  it('XOR needs depth ≥ 2: depth 2 learns it, stumps cannot', () => {
    const xor = (r: Float64Array): number => ((r[0] > 0) !== (r[1] > 0) ? 1 : 0);
    const x = uniformMatrix(dataStream('xor'), 3000, 2);
    const y = labelRows(x, xor);
    const test = uniformMatrix(dataStream('xor-test'), 1000, 2);
    const truth = labelRows(test, xor);
    const accuracy = (m: ReturnType<typeof fit>): number => {
      const p = predict(m, test);
      return p.reduce((s, v, i) => s + (v === truth[i] ? 1 : 0), 0) / p.length;
    };
    const deep = fit(x, y, { objective: 'binary', numTrees: 50, learningRate: 0.3, numLeaves: 4, maxDepth: 2 });
    const stumps = fit(x, y, { objective: 'binary', numTrees: 50, learningRate: 0.3, maxDepth: 1 });
    expect(accuracy(deep)).toBeGreaterThan(0.97);
    expect(accuracy(stumps)).toBeLessThan(0.65);
  });
});

describe('gbdt beats a linear model on non-linear data', () => {
  // Interactions, thresholds and a missing-value pattern that a linear model cannot express.
  const latent = (r: Float64Array): number =>
    2 * Math.sign(r[0]) * r[1] + (r[2] > 0.4 ? 1.5 : -0.5) + Math.cos(3 * r[3]) + 0.3 * r[4];
  const x = uniformMatrix(dataStream('nonlinear'), 4000, 6);
  const test = uniformMatrix(dataStream('nonlinear-test'), 2000, 6);
  const noise = dataStream('nonlinear-noise');

  it('binary: higher held-out AUC than logistic regression', () => {
    const label = (r: Float64Array): number => (noise.uniform() < 1 / (1 + Math.exp(-2 * latent(r))) ? 1 : 0);
    const y = labelRows(x, label);
    const truth = labelRows(test, label);
    const model = fit(x, y, { objective: 'binary', numTrees: 200, learningRate: 0.1, maxDepth: 4, numLeaves: 15 });
    const linear = fitLinear(x, y, true);
    const linearScores = Array.from({ length: test.numRows }, (_, r) => linear(test, r));
    const gbdtAuc = auc(predictProba(model, test), truth);
    const linearAuc = auc(linearScores, truth);
    expect(gbdtAuc).toBeGreaterThan(linearAuc + 0.1);
  });

  it('regression: lower held-out RMSE than least squares', () => {
    const target = (r: Float64Array): number => 3 * latent(r) + noise.normal();
    const y = labelRows(x, target);
    const truth = labelRows(test, target);
    const model = fit(x, y, { objective: 'regression', numTrees: 200, learningRate: 0.1, maxDepth: 4, numLeaves: 15 });
    const linear = fitLinear(x, y, false);
    const linearPred = Array.from({ length: test.numRows }, (_, r) => linear(test, r));
    const gbdtRmse = rmse(predictRaw(model, test), truth);
    expect(gbdtRmse).toBeLessThan(0.5 * rmse(linearPred, truth));
  });
});
