/**
 * Merging the front sites' orders into one arrival-ordered list per day, and
 * routing the orders of a site closed by a lockdown to the nearest open site
 * within the lockdown's reroute distance, or marking them lost (MODEL §4).
 */
import { buildTopology, nearestOpenFront, shockEffects, type Order, type Shock, type Site } from '../sim/index.js';

const byArrival = (a: Order, b: Order): number => a.timeOfDay - b.timeOfDay || a.site - b.site;

/** Orders per day with ids (increasing with day, arrival, site), rerouted; and the orders lost to closures. */
export function mergeAndRoute(
  perSite: readonly (readonly Order[][])[],
  days: number,
  sites: readonly Site[],
  shocks: readonly Shock[],
): { ordersByDay: Order[][]; lostOrdersByDay?: Order[][] } {
  const closures = shocks.some((s) => s.kind === 'lockdown' && s.closedFronts.length > 0);
  const topo = closures ? buildTopology(sites) : undefined;
  const effects = topo ? shockEffects(shocks, topo) : undefined;
  const ordersByDay: Order[][] = [];
  const lostOrdersByDay: Order[][] = [];
  let nextId = 1;
  for (let d = 0; d < days; d++) {
    const merged = perSite.flatMap((s) => s[d]).sort(byArrival).map((o) => ({ ...o, id: nextId++ }));
    if (!effects || !topo) { ordersByDay.push(merged); continue; }
    const served: Order[] = [];
    const lost: Order[] = [];
    const target = new Map<number, number>();
    for (const o of merged) {
      if (!effects.isClosed(o.site, d)) { served.push(o); continue; }
      if (!target.has(o.site)) {
        const km = Math.max(0, ...shocks.map((s) => (s.kind === 'lockdown' && d >= s.firstDay && d <= s.lastDay && s.closedFronts.includes(o.site) ? s.rerouteKm : 0)));
        target.set(o.site, nearestOpenFront(topo, o.site, km, (f) => !effects.isClosed(f, d)));
      }
      const to = target.get(o.site)!;
      if (to >= 0) served.push({ ...o, site: to, originSite: o.site });
      else lost.push(o);
    }
    ordersByDay.push(served.sort(byArrival));
    lostOrdersByDay.push(lost);
  }
  return closures ? { ordersByDay, lostOrdersByDay } : { ordersByDay };
}
