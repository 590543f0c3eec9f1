/**
 * Demand that moves (`demand.dynamics`): per-SKU popularity factors for
 * every day — life cycles (launches with a ramp, retirements, seasonal
 * windows; the same everywhere), log random-walk trends of SKUs and
 * categories and lasting regime jumps, shared by the sites of a region and
 * correlated across regions. Drawn per replication from the streams
 * `lifecycle`, `dynamics` and `dynamics/<region>`; the orders never depend
 * on a strategy (common random numbers).
 */
import type { StreamFactory } from '../sim/index.js';
import type { Catalogue } from './catalogue.js';
import type { DemandDynamics } from './world-schema.js';

/** Per region, the per-SKU factors of each day. */
export type SkuFactorPaths = (region: string) => (day: number) => Float64Array;

/** The life-cycle factor of every SKU and day (0 before launch, after retirement, outside a season). */
export function lifecycleFactors(spec: DemandDynamics, n: number, days: number, rng: ReturnType<StreamFactory['stream']>): Float64Array[] {
  const out = Array.from({ length: days }, () => new Float64Array(n).fill(1));
  for (let i = 0; i < n; i++) {
    // Fixed draws per SKU, so one share never changes another's SKUs.
    const [uNew, uRetire, uSeason, uDay, uLen] = [rng.uniform(), rng.uniform(), rng.uniform(), rng.uniform(), rng.uniform()];
    if (uNew < spec.newSkuShare) {
      const launch = 1 + Math.floor(uDay * Math.max(1, days - 1));
      for (let d = 0; d < days; d++) {
        out[d][i] = d < launch ? 0 : spec.launchBoost * Math.min(1, (d - launch + 1) / spec.launchRampDays);
      }
    } else if (uRetire < spec.retireShare) {
      const retire = 1 + Math.floor(uDay * Math.max(1, days - 1));
      for (let d = retire; d < days; d++) out[d][i] = 0;
    } else if (uSeason < spec.seasonalShare) {
      const [lo, hi] = spec.seasonLengthDays;
      const len = lo + Math.floor(uLen * (hi - lo + 1));
      const start = Math.floor(uDay * (days + len)) - len;
      for (let d = 0; d < days; d++) if (d < start || d >= start + len) out[d][i] = 0;
    }
  }
  return out;
}

/**
 * Factor paths of `catalogue` over `days` days for `regions`: life cycle ×
 * exp(category walk + SKU walk + regime jumps). Innovations mix a global and
 * a regional normal with weights √ρ and √(1 − ρ).
 */
export function drawDemandDynamics(spec: DemandDynamics, catalogue: Catalogue, days: number, regions: readonly string[], streams: StreamFactory): SkuFactorPaths {
  const n = catalogue.skus.length;
  const cats = catalogue.byCategory.length;
  const life = lifecycleFactors(spec, n, days, streams.stream('lifecycle'));
  const moving = spec.skuTrendSigma > 0 || spec.categoryTrendSigma > 0 || spec.regimeChangeRate > 0;
  const byRegion = new Map<string, Float64Array[]>();
  const g = Math.sqrt(spec.regionCorrelation), r = Math.sqrt(1 - spec.regionCorrelation);
  for (const region of regions) {
    if (!moving) { byRegion.set(region, life); continue; }
    const global = streams.stream('dynamics');
    const local = streams.stream(`dynamics/${region}`);
    const mix = () => g * global.normal() + r * local.normal();
    const cat = new Float64Array(cats);
    const sku = new Float64Array(n);
    const out: Float64Array[] = [];
    for (let d = 0; d < days; d++) {
      if (d > 0) {
        if (spec.categoryTrendSigma > 0) for (let c = 0; c < cats; c++) cat[c] += spec.categoryTrendSigma * mix();
        for (let i = 0; i < n; i++) {
          if (spec.skuTrendSigma > 0) sku[i] += spec.skuTrendSigma * mix();
          if (spec.regimeChangeRate > 0 && global.uniform() < spec.regimeChangeRate) sku[i] += spec.regimeSigma * mix();
        }
      }
      const f = new Float64Array(n);
      for (let i = 0; i < n; i++) f[i] = life[d][i] * Math.exp(cat[catalogue.categoryOf[i]] + sku[i]);
      out.push(f);
    }
    byRegion.set(region, out);
  }
  return (region) => {
    const paths = byRegion.get(region) ?? life;
    return (day) => paths[day];
  };
}
