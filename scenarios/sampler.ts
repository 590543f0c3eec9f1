/** Weighted sampling over a subset of SKUs, by cumulative weights and binary search. */
import type { Stream } from '../sim/index.js';

/** A weighted sampler over `ids` (cumulative weights). */
export interface Sampler {
  readonly ids: readonly number[];
  readonly cum: Float64Array;
}

/** The sampler of `ids` with weights `weight[id]` (or `weightOf(k)` for the k-th id when given). */
export function sampler(ids: readonly number[], weight: Float64Array, weightOf?: (k: number) => number): Sampler {
  const cum = new Float64Array(ids.length);
  let acc = 0;
  for (let k = 0; k < ids.length; k++) cum[k] = acc += weightOf ? weightOf(k) : weight[ids[k]];
  return { ids, cum };
}

/** One id drawn in proportion to its weight. */
export function draw(s: Sampler, rng: Stream): number {
  const x = rng.uniform() * s.cum[s.cum.length - 1];
  let lo = 0, hi = s.cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.cum[mid] > x) hi = mid; else lo = mid + 1;
  }
  return s.ids[lo];
}

/** The total weight of a sampler (0 when every weight is 0). */
export function totalWeight(s: Sampler): number {
  return s.cum.length ? s.cum[s.cum.length - 1] : 0;
}
