/**
 * A model as JSON and back. Loading checks every field, so a truncated or
 * edited file fails with the path of what is wrong instead of predicting
 * nonsense; numbers round-trip exactly, so a loaded model predicts the same.
 */
import type { GbdtModel } from './model.js';
import { baseGbdtParams, GbdtError, validateParams, type GbdtParams } from './params.js';
import type { Tree } from './tree.js';

const FORMAT = 'freshsim-gbdt';
const VERSION = 1;

/** The model as a JSON string (deterministic: same model, same bytes). */
export function modelToJson(model: GbdtModel): string {
  return JSON.stringify({
    format: FORMAT,
    version: VERSION,
    objective: model.objective,
    numFeatures: model.numFeatures,
    initScore: model.initScore,
    // Parameters in one fixed key order, so a loaded model writes the same bytes.
    params: Object.fromEntries(Object.keys(baseGbdtParams).map((k) => [k, model.params[k as keyof GbdtParams]])),
    trees: model.trees.map((t) => ({
      numLeaves: t.numLeaves,
      feature: Array.from(t.feature),
      threshold: Array.from(t.threshold),
      defaultLeft: Array.from(t.defaultLeft),
      left: Array.from(t.left),
      right: Array.from(t.right),
      gain: Array.from(t.gain),
      leafValue: Array.from(t.leafValue),
    })),
  });
}

type Json = Record<string, unknown>;

function fail(path: string, got: unknown, expected: string): never {
  const shown = typeof got === 'object' && got !== null ? (Array.isArray(got) ? 'an array' : 'an object') : JSON.stringify(got);
  throw new GbdtError(`gbdt model: ${path} is ${shown}; expected ${expected}`);
}

function objectAt(v: unknown, path: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, v, 'an object');
  return v as Json;
}

function numberAt(v: unknown, path: string, ok: (n: number) => boolean, expected: string): number {
  if (typeof v !== 'number' || !ok(v)) fail(path, v, expected);
  return v;
}

function numbersAt(v: unknown, path: string, length: number, ok: (n: number) => boolean, expected: string): number[] {
  if (!Array.isArray(v) || v.length !== length) fail(path, v, `an array of ${length} numbers`);
  v.forEach((x, i) => numberAt(x, `${path}[${i}]`, ok, expected));
  return v as number[];
}

const finite = (n: number): boolean => Number.isFinite(n);

function parseTree(v: unknown, path: string, numFeatures: number): Tree {
  const t = objectAt(v, path);
  const numLeaves = numberAt(t.numLeaves, `${path}.numLeaves`, (n) => Number.isInteger(n) && n >= 1, 'an integer ≥ 1');
  const m = numLeaves - 1;
  const feature = numbersAt(t.feature, `${path}.feature`, m, (n) => Number.isInteger(n) && n >= 0 && n < numFeatures, `a feature index in [0, ${numFeatures})`);
  const threshold = numbersAt(t.threshold, `${path}.threshold`, m, finite, 'a finite number');
  const defaultLeft = numbersAt(t.defaultLeft, `${path}.defaultLeft`, m, (n) => n === 0 || n === 1, '0 or 1');
  const gain = numbersAt(t.gain, `${path}.gain`, m, finite, 'a finite number');
  const leafValue = numbersAt(t.leafValue, `${path}.leafValue`, numLeaves, finite, 'a finite number');
  // Children: an internal node later than its parent (so no cycles) or a leaf; each referenced once.
  const childOk = (node: number) => (c: number): boolean => Number.isInteger(c) && (c >= 0 ? c > node && c < m : ~c < numLeaves);
  const left = numbersAt(t.left, `${path}.left`, m, (c) => Number.isInteger(c) && c >= -numLeaves && c < m, `a child index in [${-numLeaves}, ${m})`);
  const right = numbersAt(t.right, `${path}.right`, m, (c) => Number.isInteger(c) && c >= -numLeaves && c < m, `a child index in [${-numLeaves}, ${m})`);
  const seen = new Set<number>();
  for (let node = 0; node < m; node++) {
    for (const [side, c] of [['left', left[node]], ['right', right[node]]] as const) {
      if (!childOk(node)(c)) fail(`${path}.${side}[${node}]`, c, `a node after ${node} or a leaf`);
      if (seen.has(c)) fail(`${path}.${side}[${node}]`, c, 'a node or leaf not referenced by another node');
      seen.add(c);
    }
  }
  return {
    numLeaves,
    feature: Int32Array.from(feature), threshold: Float64Array.from(threshold), defaultLeft: Uint8Array.from(defaultLeft),
    left: Int32Array.from(left), right: Int32Array.from(right), gain: Float64Array.from(gain), leafValue: Float64Array.from(leafValue),
  };
}

/** Parse and validate a model written by {@link modelToJson}. */
export function modelFromJson(text: string): GbdtModel {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new GbdtError(`gbdt model: not valid JSON (${(e as Error).message})`);
  }
  const o = objectAt(raw, 'model');
  if (o.format !== FORMAT) fail('format', o.format, `"${FORMAT}"`);
  if (o.version !== VERSION) fail('version', o.version, String(VERSION));
  if (o.objective !== 'binary' && o.objective !== 'regression') fail('objective', o.objective, '"binary" or "regression"');
  const numFeatures = numberAt(o.numFeatures, 'numFeatures', (n) => Number.isInteger(n) && n >= 1, 'an integer ≥ 1');
  const initScore = numberAt(o.initScore, 'initScore', finite, 'a finite number');
  const given = objectAt(o.params, 'params');
  // Keep only the known parameters, each checked by validateParams.
  const params = Object.fromEntries(Object.keys(baseGbdtParams).map((k) => [k, given[k]])) as unknown as GbdtParams;
  validateParams(params);
  if (params.objective !== o.objective) fail('params.objective', params.objective, `"${o.objective}" like the model`);
  if (!Array.isArray(o.trees)) fail('trees', o.trees, 'an array');
  const trees = (o.trees as unknown[]).map((t, i) => parseTree(t, `trees[${i}]`, numFeatures));
  return { objective: o.objective, numFeatures, initScore, trees, params };
}
