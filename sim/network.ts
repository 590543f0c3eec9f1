/**
 * The warehouse tree of a world as lookup tables: regions (one per central),
 * children, the fronts under each grid and region, positions and distances.
 */
import type { Site } from './types.js';

/** Lookup tables over the sites of a world, built once per run. */
export interface Topology {
  readonly sites: readonly Site[];
  /** Central sites, one per region, in id order. */
  readonly centrals: readonly Site[];
  readonly grids: readonly Site[];
  readonly fronts: readonly Site[];
  /** Region index (position in `centrals`) of every site. */
  readonly regionOf: Int32Array;
  /** Region names, in region order. */
  readonly regionNames: readonly string[];
  /** Child site ids of every site. */
  readonly children: readonly (readonly number[])[];
  /** Front site ids under each grid (indexed by site id; empty for others). */
  readonly frontsUnder: readonly (readonly number[])[];
  /** Front site ids of each region. */
  readonly frontsOfRegion: readonly (readonly number[])[];
  /** Distance between two sites in km (straight line between positions). */
  distanceKm(a: number, b: number): number;
}

/** Build the topology of a world's sites; throws when a site's parent chain does not end at a central. */
export function buildTopology(sites: readonly Site[]): Topology {
  const centrals = sites.filter((s) => s.level === 'central');
  if (centrals.length === 0) throw new Error('world has no central warehouse');
  const regionIndex = new Map(centrals.map((c, k) => [c.id, k]));
  const regionOf = new Int32Array(sites.length);
  const xs = new Float64Array(sites.length);
  const ys = new Float64Array(sites.length);
  const children: number[][] = sites.map(() => []);
  for (const s of sites) {
    let at: Site = s;
    for (let hops = 0; at.level !== 'central'; hops++) {
      if (at.parent < 0 || at.parent >= sites.length || hops > sites.length) {
        throw new Error(`site '${s.name}' has no path to a central warehouse (parent ${at.parent})`);
      }
      at = sites[at.parent];
    }
    regionOf[s.id] = regionIndex.get(at.id)!;
    if (s.parent >= 0) children[s.parent].push(s.id);
  }
  // Positions: given, else the parent's (sites are listed parents first).
  for (const s of sites) {
    xs[s.id] = s.x ?? (s.parent >= 0 ? xs[s.parent] : 0);
    ys[s.id] = s.y ?? (s.parent >= 0 ? ys[s.parent] : 0);
  }
  const fronts = sites.filter((s) => s.level === 'front');
  return {
    sites,
    centrals,
    grids: sites.filter((s) => s.level === 'grid'),
    fronts,
    regionOf,
    regionNames: centrals.map((c) => c.region ?? c.name),
    children,
    frontsUnder: sites.map((s) => (s.level === 'grid' ? children[s.id].filter((c) => sites[c].level === 'front') : [])),
    frontsOfRegion: centrals.map((_c, k) => fronts.filter((f) => regionOf[f.id] === k).map((f) => f.id)),
    distanceKm: (a, b) => Math.hypot(xs[a] - xs[b], ys[a] - ys[b]),
  };
}

/**
 * The open front site nearest to `from` within `maxKm` (ties: lowest id),
 * or -1. `isOpen` says which fronts are open.
 */
export function nearestOpenFront(topo: Topology, from: number, maxKm: number, isOpen: (site: number) => boolean): number {
  let best = -1;
  let bestKm = Infinity;
  for (const f of topo.fronts) {
    if (f.id === from || !isOpen(f.id)) continue;
    const km = topo.distanceKm(from, f.id);
    if (km <= maxKm && km < bestKm) { best = f.id; bestKm = km; }
  }
  return best;
}
