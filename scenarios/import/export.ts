/**
 * A world's orders as a transaction log (one CSV line per order line), so
 * that generated orders can be imported and replayed (the round trip) and
 * large logs can be made for the import benchmark.
 */
import { dateOf, type World } from '../../sim/index.js';

/** Header of {@link worldOrdersCsv}. */
export const exportHeader = 'order_id,timestamp,sku,quantity,price,category,site';

/** `hh:mm:ss` of a time of day in the simulator's [0, 0.93) scale (the inverse of the replay's mapping). */
function clock(timeOfDay: number): string {
  const s = Math.min(86_399, Math.round((timeOfDay / 0.93) * 86_400));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(Math.floor(s / 3600))}:${p(Math.floor((s % 3600) / 60))}:${p(s % 60)}`;
}

/** CSV lines (header first, no line breaks) of the orders of days [from, to) of `world`. */
export function* worldOrdersCsv(world: World, from = 0, to = world.ordersByDay.length): Generator<string> {
  yield exportHeader;
  for (let d = from; d < to; d++) {
    const date = world.dates?.[d] ?? dateOf(world.startDate, d);
    for (const o of world.ordersByDay[d]) {
      const site = world.sites[o.site].name;
      const gross = o.lines.reduce((a, l) => a + l.qty * world.skus[l.sku].price, 0);
      const factor = gross > 0 ? o.gmv / gross : 1;
      for (const l of o.lines) {
        const sku = world.skus[l.sku];
        yield `${o.id},${date} ${clock(o.timeOfDay)},${sku.code},${l.qty},${Math.round(sku.price * factor * 100) / 100},${sku.category},${site}`;
      }
    }
  }
}
