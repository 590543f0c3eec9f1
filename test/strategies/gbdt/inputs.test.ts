import { describe, expect, it } from 'vitest';
import { createStreams, type Stream } from '../../../sim/index.js';
import {
  GbdtError, gbdtParams, matrixFromRows, pm1Params, pm2Params, predictProba, predictRaw, trainGbdt,
  type FeatureMatrix, type GbdtParams,
} from '../../../strategies/gbdt/index.js';

const rng = createStreams(1, 0).stream('gbdt');
const x = matrixFromRows([[1, 2], [3, 4], [5, 6], [7, 8]]);
const train = (over: { x?: FeatureMatrix; y?: number[]; params?: GbdtParams; rng?: Stream; validation?: { x: FeatureMatrix; y: number[] } }) =>
  trainGbdt({ x, y: [0, 1, 0, 1], params: gbdtParams({ numTrees: 2, minChildSamples: 1 }, pm1Params), rng, ...over });

describe('gbdt rejects bad input with a clear error', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['mismatched label count', () => train({ y: [0, 1, 0] }), /3 labels for 4 rows; expected one label per row/],
    ['a NaN label', () => train({ y: [0, NaN, 0, 1] }), /label 1 is NaN; expected a finite number/],
    ['a label outside {0,1} for log-loss', () => train({ y: [0, 2, 0, 1] }), /label 1 is 2; expected 0 or 1 for the binary log-loss objective/],
    ['empty data', () => train({ x: { numRows: 0, numFeatures: 2, values: new Float64Array(0) }, y: [] }), /numRows = 0; expected an integer ≥ 1/],
    ['no rows at all', () => matrixFromRows([]), /no rows/],
    ['ragged rows', () => matrixFromRows([[1, 2], [3]]), /row 1 has 1 values; expected 2/],
    ['values of the wrong length', () => train({ x: { numRows: 4, numFeatures: 2, values: new Float64Array(7) } }), /values has length 7; expected numRows × numFeatures = 8/],
    ['an infinite feature', () => train({ x: matrixFromRows([[1, 2], [3, Infinity], [5, 6], [7, 8]]) }), /row 1, feature 1 is Infinity/],
    ['validation with other features', () => train({ validation: { x: matrixFromRows([[1, 2, 3]]), y: [1] } }), /validation: features: 3 features; expected 2/],
    ['validation labels outside {0,1}', () => train({ validation: { x: matrixFromRows([[1, 2]]), y: [0.5] } }), /validation: labels: label 0 is 0.5/],
    ['a bad parameter', () => gbdtParams({ subsample: 0 }), /subsample = 0; expected a share in \(0, 1\]/],
    ['too many bins', () => gbdtParams({ maxBins: 256 }), /maxBins = 256; expected an integer in \[2, 255\]/],
    ['no random stream', () => train({ rng: undefined as unknown as Stream }), /rng is missing/],
  ];
  for (const [what, run, message] of cases) {
    it(`for ${what}`, () => {
      expect(run).toThrow(GbdtError);
      expect(run).toThrow(message);
    });
  }

  it('when predicting on the wrong number of features or asking a regressor for probabilities', () => {
    const { model } = train({});
    expect(() => predictRaw(model, matrixFromRows([[1, 2, 3]]))).toThrow(/predict: features: 3 features; expected 2/);
    const reg = trainGbdt({ x, y: [1, 2, 3, 4], params: gbdtParams({ numTrees: 2, minChildSamples: 1 }, pm2Params), rng }).model;
    expect(() => predictProba(reg, x)).toThrow(/objective is "regression"; expected "binary"/);
  });

  it('regression labels may be any finite number', () => {
    const reg = trainGbdt({ x, y: [-1.5, 2, 300, 4], params: gbdtParams({ numTrees: 2, minChildSamples: 1 }, pm2Params), rng }).model;
    expect(predictRaw(reg, x).every(Number.isFinite)).toBe(true);
  });
});
