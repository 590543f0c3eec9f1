/**
 * Per-front-site figures of one run and their summary over seeds: orders,
 * full-order rate, spoiled units and refunded lines per evaluation day, with
 * the site's grid and region, so a report can break results down by region,
 * grid and site (a lockdown of one region shows in that region's rows).
 */
import type { SimulationResult } from '../sim/index.js';
import type { SiteRow } from './results-document.js';
import { estimate } from './stats.js';

/** One front site of one run, over the evaluation days. */
export interface SiteFigures {
  readonly site: string;
  readonly grid: string;
  readonly region: string;
  /** Orders per evaluation day. */
  readonly orders: number;
  /** Full orders / orders (0 without orders). */
  readonly fullOrderRate: number;
  /** Units spoiled at the site per evaluation day. */
  readonly wasteUnits: number;
  /** Defective (refunded) lines per evaluation day, by fulfilment day. */
  readonly refundLines: number;
}

/** The per-site figures of `run` (undefined when the run does not name its fronts). */
export function siteFigures(run: SimulationResult, evaluationDays: number): SiteFigures[] | undefined {
  if (!run.fronts) return undefined;
  const acc = new Map(run.fronts.map((f) => [f.id, { orders: 0, full: 0, waste: 0, refunds: 0 }]));
  for (const x of run.siteDays) {
    const a = acc.get(x.site);
    if (!a) continue;
    a.orders += x.orders;
    a.full += x.fullOrders;
    a.waste += x.spoiledUnits ?? 0;
    a.refunds += x.defectiveLines;
  }
  return run.fronts.map((f) => {
    const a = acc.get(f.id)!;
    return {
      site: f.name, grid: f.grid, region: f.region, orders: a.orders / evaluationDays, fullOrderRate: a.orders > 0 ? a.full / a.orders : 0,
      wasteUnits: a.waste / evaluationDays, refundLines: a.refunds / evaluationDays,
    };
  });
}

/** One row per site with estimates over seeds (`perSeed[k]` lists the sites of seed k in the same order). */
export function siteSummary(perSeed: readonly (readonly SiteFigures[])[]): SiteRow[] {
  const first = perSeed[0] ?? [];
  const same = perSeed.every((s) => s.length === first.length && s.every((x, i) => x.site === first[i].site));
  if (!same) throw new RangeError('per-site figures list different sites across seeds; expected the same fronts in every replication');
  return first.map((s, i) => {
    const e = (f: (x: SiteFigures) => number) => estimate(perSeed.map((xs) => f(xs[i])));
    return {
      site: s.site, grid: s.grid, region: s.region,
      orders: e((x) => x.orders), fullOrderRate: e((x) => x.fullOrderRate), wasteUnits: e((x) => x.wasteUnits), refundLines: e((x) => x.refundLines),
    };
  });
}
