/**
 * A network generated from counts (MODEL §1): per region a central, `grids`
 * grid warehouses on a circle of `gridKm` around it and `frontsPerGrid` front
 * sites on a circle of `frontKm` around each grid, with trip capacities and
 * lead times. A scenario file may give `network.layout` instead of listing
 * `central`, `grids` and `fronts`; it is expanded before validation.
 */
import { z } from 'zod';

/** One region of a generated layout. */
export const regionLayoutSchema = z.strictObject({
  /** Name of the region's central (and of the region). */
  central: z.string().min(1),
  x: z.number().default(0),
  y: z.number().default(0),
  grids: z.number().int().min(1),
  frontsPerGrid: z.number().int().min(1),
  gridKm: z.number().nonnegative(),
  frontKm: z.number().nonnegative(),
  gridTripCapacityUnits: z.number().positive(),
  frontTripCapacityUnits: z.number().positive(),
  gridTripLeadTimeDays: z.number().int().min(0).default(0),
  frontDemandShare: z.number().positive().default(1),
});

/** A region of a layout, as written. */
export type RegionLayout = z.input<typeof regionLayoutSchema>;

interface ExplicitNetwork {
  central: { name: string; x: number; y: number };
  centrals?: { name: string; x: number; y: number }[];
  grids: { name: string; central: string; tripCapacityUnits: number; x: number; y: number; tripLeadTimeDays?: number }[];
  fronts: { name: string; grid: string; tripCapacityUnits: number; demandShare: number; x: number; y: number }[];
}

/** The explicit sites of a layout: grids `<central>-g<k>`, fronts `<grid>-f<k>`. */
export function expandLayout(layout: readonly RegionLayout[]): ExplicitNetwork {
  const round = (x: number): number => Math.round(x * 100) / 100;
  const regions = layout.map((r) => regionLayoutSchema.parse(r));
  const grids: ExplicitNetwork['grids'] = [];
  const fronts: ExplicitNetwork['fronts'] = [];
  for (const r of regions) {
    for (let g = 0; g < r.grids; g++) {
      const a = (2 * Math.PI * g) / r.grids;
      const gx = r.x + r.gridKm * Math.cos(a);
      const gy = r.y + r.gridKm * Math.sin(a);
      const grid = `${r.central}-g${g + 1}`;
      grids.push({ name: grid, central: r.central, tripCapacityUnits: r.gridTripCapacityUnits, x: round(gx), y: round(gy), ...(r.gridTripLeadTimeDays ? { tripLeadTimeDays: r.gridTripLeadTimeDays } : {}) });
      for (let f = 0; f < r.frontsPerGrid; f++) {
        const b = a + (2 * Math.PI * f) / r.frontsPerGrid + 0.5;
        fronts.push({
          name: `${grid}-f${f + 1}`, grid, tripCapacityUnits: r.frontTripCapacityUnits, demandShare: r.frontDemandShare,
          x: round(gx + r.frontKm * Math.cos(b)), y: round(gy + r.frontKm * Math.sin(b)),
        });
      }
    }
  }
  const [first, ...rest] = regions;
  return {
    central: { name: first.central, x: first.x, y: first.y },
    ...(rest.length ? { centrals: rest.map((r) => ({ name: r.central, x: r.x, y: r.y })) } : {}),
    grids,
    fronts,
  };
}

/**
 * Scenario data with `network.layout` expanded into explicit sites, or the
 * problems (field path: message) that stop it. Data without a layout is returned as is.
 */
export function expandNetworkLayout(data: unknown): { data: unknown; problems: string[] } {
  if (data === null || typeof data !== 'object') return { data, problems: [] };
  const network = (data as Record<string, unknown>).network;
  if (network === null || typeof network !== 'object' || !('layout' in network)) return { data, problems: [] };
  const { layout, ...rest } = network as Record<string, unknown>;
  const clash = ['central', 'centrals', 'grids', 'fronts'].filter((k) => k in rest);
  if (clash.length) return { data, problems: [`network.layout: expected either a layout or explicit sites, but ${clash.join(', ')} given too`] };
  const r = z.array(regionLayoutSchema).min(1).safeParse(layout);
  if (!r.success) {
    return { data, problems: r.error.issues.map((i) => `network.layout${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${i.message}`) };
  }
  return { data: { ...(data as Record<string, unknown>), network: { ...rest, ...expandLayout(layout as RegionLayout[]) } }, problems: [] };
}
