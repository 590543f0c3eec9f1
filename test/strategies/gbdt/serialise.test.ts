import { describe, expect, it } from 'vitest';
import { createStreams } from '../../../sim/index.js';
import {
  GbdtError, gbdtParams, modelFromJson, modelToJson, pm1Params, predictProba, predictRaw, trainGbdt, type FeatureMatrix,
} from '../../../strategies/gbdt/index.js';
import { dataStream, labelRows, uniformMatrix } from '../../helpers/gbdt-data.js';

function trained() {
  const rng = dataStream('ser');
  const base = uniformMatrix(dataStream('ser-x'), 1500, 4);
  const x: FeatureMatrix = { ...base, values: base.values.map((v) => (rng.uniform() < 0.1 ? NaN : v)) };
  const y = labelRows(x, (r) => ((r[0] || 0) + (r[1] || 0) * (r[2] || 0) > 0 ? 1 : 0));
  const params = gbdtParams({ numTrees: 40 }, pm1Params);
  return { x, model: trainGbdt({ x, y, params, rng: createStreams(1, 0).stream('gbdt') }).model };
}

describe('gbdt model serialisation', () => {
  const { x, model } = trained();
  const json = modelToJson(model);

  it('round-trips to identical predictions and identical JSON', () => {
    const loaded = modelFromJson(json);
    expect(predictRaw(loaded, x)).toEqual(predictRaw(model, x));
    expect(predictProba(loaded, x)).toEqual(predictProba(model, x));
    expect(modelToJson(loaded)).toBe(json);
    expect(loaded.params).toEqual(model.params);
  });

  const tamper = (edit: (o: any) => void): string => {
    const o = JSON.parse(json);
    edit(o);
    return JSON.stringify(o);
  };
  const cases: [string, string, RegExp][] = [
    ['not JSON', json.slice(0, 100), /not valid JSON/],
    ['another format', tamper((o) => { o.format = 'xgboost'; }), /format is "xgboost"; expected "freshsim-gbdt"/],
    ['a feature out of range', tamper((o) => { o.trees[0].feature[0] = 9; }), /trees\[0\]\.feature\[0\] is 9; expected a feature index in \[0, 4\)/],
    ['a cycle', tamper((o) => { o.trees[1].left[1] = 0; }), /trees\[1\]\.left\[1\] is 0; expected a node after 1 or a leaf/],
    ['a leaf used twice', tamper((o) => { o.trees[0].right[0] = o.trees[0].left[0]; }), /not referenced by another node/],
    ['a missing leaf value', tamper((o) => { o.trees[2].leafValue.pop(); }), /trees\[2\]\.leafValue is an array; expected an array of \d+ numbers/],
    ['a null threshold', tamper((o) => { o.trees[0].threshold[0] = null; }), /threshold\[0\] is null; expected a finite number/],
    ['a bad parameter', tamper((o) => { o.params.numLeaves = 1; }), /numLeaves = 1; expected an integer ≥ 2/],
    ['a missing parameter', tamper((o) => { delete o.params.lambdaL2; }), /lambdaL2 = undefined/],
  ];
  for (const [what, text, message] of cases) {
    it(`rejects ${what}`, () => {
      expect(() => modelFromJson(text)).toThrow(GbdtError);
      expect(() => modelFromJson(text)).toThrow(message);
    });
  }
});
