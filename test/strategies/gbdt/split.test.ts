import { describe, expect, it } from 'vitest';
import { binMatrix } from '../../../strategies/gbdt/binning.js';
import { growContext, growTree } from '../../../strategies/gbdt/grow.js';
import { gbdtParams, pm1Params, type FeatureMatrix } from '../../../strategies/gbdt/index.js';
import { leafScore } from '../../../strategies/gbdt/split.js';
import { dataStream } from '../../helpers/gbdt-data.js';

/** The best root split found by trying every threshold and both sides for missing values on the raw data. */
function bruteForce(x: FeatureMatrix, grad: Float64Array, hess: Float64Array, l1: number, l2: number, minC: number) {
  const n = x.numRows;
  let G = 0;
  let H = 0;
  for (let r = 0; r < n; r++) { G += grad[r]; H += hess[r]; }
  const parent = leafScore(G, H, l1, l2);
  let best = { gain: -Infinity, feature: -1 };
  for (let f = 0; f < x.numFeatures; f++) {
    const present = new Set<number>();
    for (let r = 0; r < n; r++) if (!Number.isNaN(x.values[r * x.numFeatures + f])) present.add(x.values[r * x.numFeatures + f]);
    // Cuts after every present value, and "present vs missing".
    for (const t of [...present, Infinity]) {
      for (const missingLeft of [false, true]) {
        let gl = 0;
        let hl = 0;
        let cl = 0;
        for (let r = 0; r < n; r++) {
          const v = x.values[r * x.numFeatures + f];
          if (Number.isNaN(v) ? missingLeft : v <= t) { gl += grad[r]; hl += hess[r]; cl++; }
        }
        if (cl < minC || n - cl < minC) continue;
        const gain = leafScore(gl, hl, l1, l2) + leafScore(G - gl, H - hl, l1, l2) - parent;
        if (gain > best.gain + 1e-12) best = { gain, feature: f };
      }
    }
  }
  return best;
}

describe('gbdt split search', () => {
  for (const [l1, l2, minC] of [[0, 0, 1], [0.5, 2, 10], [0, 0.1, 40]] as const) {
    it(`finds the best root split that exhaustive search finds (L1 ${l1}, L2 ${l2}, min child ${minC})`, () => {
      const rng = dataStream(`split-${l1}-${l2}-${minC}`);
      for (let trial = 0; trial < 5; trial++) {
        const n = 300;
        const nf = 9;
        // Few distinct values per feature (one bin each), some missing.
        const values = Float64Array.from({ length: n * nf }, () => (rng.uniform() < 0.1 ? NaN : rng.int(12 + trial * 10)));
        const x: FeatureMatrix = { numRows: n, numFeatures: nf, values };
        const grad = Float64Array.from({ length: n }, () => rng.normal());
        const hess = Float64Array.from({ length: n }, () => 0.05 + rng.uniform());
        const params = gbdtParams({ lambdaL1: l1, lambdaL2: l2, minChildSamples: minC, numLeaves: 2 }, pm1Params);
        const rows = Uint32Array.from({ length: n }, (_, i) => i);
        const { tree } = growTree(growContext(binMatrix(x, 255), params), rows, n, Int32Array.from({ length: nf }, (_, f) => f), grad, hess);
        const expected = bruteForce(x, grad, hess, l1, l2, minC);
        expect(tree.numLeaves).toBe(2);
        expect(tree.feature[0]).toBe(expected.feature);
        expect(tree.gain[0]).toBeCloseTo(expected.gain, 9);
      }
    });
  }
});
