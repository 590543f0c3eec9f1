/**
 * Product-level co-purchase (`demand.structure`): shopping missions — weighted
 * SKU sets around one category and its related ones, each with an anchor
 * item — complements that come together and substitutes that exclude each
 * other. The structure is drawn once per scenario seed (stream `structure`);
 * baskets draw from the site's demand stream.
 */
import type { OrderLine, Stream } from '../sim/index.js';
import type { Catalogue } from './catalogue.js';
import { draw, sampler, totalWeight, type Sampler } from './sampler.js';
import type { BasketStructure } from './world-schema.js';

/** One shopping mission: its SKUs, their affinities and its anchor. */
export interface Mission {
  readonly skus: readonly number[];
  readonly affinity: Float64Array;
  readonly anchor: number;
}

/** The drawn structure of a catalogue. */
export interface BasketStructureModel {
  readonly spec: BasketStructure;
  readonly missions: readonly Mission[];
  /** Cumulative mission weights (which mission an order follows). */
  readonly missionPick: Sampler;
  /** Complement of each SKU, or -1. */
  readonly complementOf: Int32Array;
  /** Substitute group of each SKU, or -1. */
  readonly substituteGroup: Int32Array;
}

/** Up to `count` distinct ids of `pool`, drawn with weights √popularity. */
function drawDistinct(pool: readonly number[], popularity: Float64Array, count: number, rng: Stream): number[] {
  const s = sampler(pool, popularity, (k) => Math.sqrt(popularity[pool[k]]));
  const out = new Set<number>();
  for (let attempt = 0; out.size < Math.min(count, pool.length) && attempt < count * 20; attempt++) out.add(draw(s, rng));
  return [...out];
}

/** Draw missions, complements and substitute groups for `catalogue`; `related[c]` lists category c and its related ones. */
export function buildBasketStructure(spec: BasketStructure, catalogue: Catalogue, related: readonly (readonly number[])[], rng: Stream): BasketStructureModel {
  const n = catalogue.skus.length;
  const { popularity, byCategory, categoryOf } = catalogue;
  const missions: Mission[] = [];
  for (let m = 0; m < spec.missions; m++) {
    const home = categoryOf[rng.int(n)];
    const pool = related[home].flatMap((c) => byCategory[c]);
    const size = spec.missionSkus[0] + rng.int(spec.missionSkus[1] - spec.missionSkus[0] + 1);
    const skus = drawDistinct(pool, popularity, size, rng);
    const affinity = new Float64Array(skus.length);
    let anchor = skus[0], best = -1;
    skus.forEach((sku, k) => {
      affinity[k] = rng.gamma(spec.affinityShape) + 1e-9;
      const score = affinity[k] * Math.sqrt(popularity[sku]);
      if (score > best) { best = score; anchor = sku; }
    });
    missions.push({ skus, affinity, anchor });
  }
  const missionWeights = new Float64Array(missions.length);
  for (let m = 0; m < missions.length; m++) missionWeights[m] = rng.gamma(1) + 1e-9;
  const missionPick = sampler(missions.map((_, m) => m), missionWeights);

  const complementOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    const pool = related[categoryOf[i]].flatMap((c) => byCategory[c]).filter((j) => j !== i);
    const partner = pool.length ? pool[rng.int(pool.length)] : -1;
    if (u < spec.complementShare) complementOf[i] = partner;
  }

  const substituteGroup = new Int32Array(n).fill(-1);
  let group = 0;
  for (const ids of byCategory) {
    const shuffled = [...ids];
    for (let k = shuffled.length - 1; k > 0; k--) {
      const j = rng.int(k + 1);
      [shuffled[k], shuffled[j]] = [shuffled[j], shuffled[k]];
    }
    const take = Math.round(spec.substituteShare * shuffled.length);
    for (let k = 0; k < take;) {
      const size = spec.substituteGroupSize[0] + rng.int(spec.substituteGroupSize[1] - spec.substituteGroupSize[0] + 1);
      const members = shuffled.slice(k, Math.min(take, k + size));
      if (members.length >= 2) { for (const s of members) substituteGroup[s] = group; group++; }
      k += size;
    }
  }
  return { spec, missions, missionPick, complementOf, substituteGroup };
}

/** Per mission, the sampler of its SKUs with today's weights (affinity × √weight); undefined when all are 0. */
export function missionSamplers(model: BasketStructureModel, weight: Float64Array): (Sampler | undefined)[] {
  return model.missions.map((m) => {
    const s = sampler(m.skus, weight, (k) => m.affinity[k] * Math.sqrt(weight[m.skus[k]]));
    return totalWeight(s) > 0 ? s : undefined;
  });
}

/** How a basket draws SKUs outside a mission (the plain generator's choices). */
export interface PlainPicker {
  /** A SKU after `prev` (-1 for the first line). */
  readonly next: (prev: number) => number;
  /** The quantity of a line of `sku`. */
  readonly qty: (sku: number) => number;
}

/**
 * A basket of `size` lines with structure: an order follows a mission with
 * probability `missionShare` (first line its anchor with `anchorProbability`,
 * further lines from it with `focus`); a SKU's complement may join it; a SKU
 * whose substitute is already in the basket, or without demand today, is redrawn.
 */
export function structuredBasket(
  model: BasketStructureModel, perMission: readonly (Sampler | undefined)[], weight: Float64Array, size: number, plain: PlainPicker, rng: Stream,
): OrderLine[] {
  const { spec, complementOf, substituteGroup } = model;
  const m = rng.uniform() < spec.missionShare ? draw(model.missionPick, rng) : -1;
  const mission = m >= 0 ? perMission[m] : undefined;
  const chosen = new Set<number>();
  const groups = new Set<number>();
  const lines: OrderLine[] = [];
  const blocked = (sku: number) => sku < 0 || !(weight[sku] > 0) || chosen.has(sku) || (substituteGroup[sku] >= 0 && groups.has(substituteGroup[sku]));
  const add = (sku: number) => {
    chosen.add(sku);
    if (substituteGroup[sku] >= 0) groups.add(substituteGroup[sku]);
    lines.push({ sku, qty: plain.qty(sku) });
  };
  let prev = -1;
  while (lines.length < size) {
    let sku = -1;
    for (let attempt = 0; attempt < 8 && blocked(sku); attempt++) {
      if (mission && lines.length === 0 && rng.uniform() < spec.anchorProbability) sku = model.missions[m].anchor;
      else if (mission && rng.uniform() < (lines.length === 0 ? 1 : spec.focus)) sku = draw(mission, rng);
      else sku = plain.next(prev);
    }
    if (blocked(sku)) { size--; continue; }
    add(sku);
    prev = sku;
    const partner = complementOf[sku];
    if (partner >= 0 && lines.length < size && rng.uniform() < spec.complementProbability && !blocked(partner)) add(partner);
  }
  return lines;
}
