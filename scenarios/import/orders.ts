/**
 * One day of an imported log: clean lines grouped into orders, repeated
 * lines of the same order and SKU summed, orders in arrival order; and the
 * compact day file (tab-separated, one line per order line) that holds them.
 */
import type { CleanLine } from './clean.js';

/** One line of an imported order. */
export interface ImportedLine {
  readonly sku: string;
  readonly qty: number;
  /** Unit price (quantity-weighted over summed lines), or NaN when unknown. */
  readonly price: number;
}

/** An imported order of one day. */
export interface ImportedOrder {
  readonly id: string;
  /** Seconds after midnight of its first line, or -1 when the log has no time. */
  readonly seconds: number;
  readonly site: string;
  readonly customer: string;
  readonly lines: readonly ImportedLine[];
}

/** The fields of a clean line that a day needs. */
export type DayLine = Pick<CleanLine, 'order' | 'seconds' | 'sku' | 'qty' | 'price' | 'site' | 'customer'>;

/** Orders of a day and how many lines were summed into an earlier line of the same order and SKU. */
export interface DayOrders {
  readonly orders: ImportedOrder[];
  readonly linesSummed: number;
  /** Orders without a time (their file order is their arrival order). */
  readonly untimedOrders: number;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Group a day's lines (in file order) into orders. */
export function groupDay(lines: readonly DayLine[]): DayOrders {
  interface Acc { id: string; seconds: number; site: string; customer: string; qty: Map<string, number>; value: Map<string, number>; pricedQty: Map<string, number> }
  const byId = new Map<string, Acc>();
  let summed = 0;
  for (const l of lines) {
    // An order is its id at its site: two sites may number their orders alike.
    const key = `${l.site}\u0000${l.order}`;
    let o = byId.get(key);
    if (!o) {
      o = { id: l.order, seconds: l.seconds, site: l.site, customer: l.customer, qty: new Map(), value: new Map(), pricedQty: new Map() };
      byId.set(key, o);
    } else {
      if (l.seconds >= 0 && (o.seconds < 0 || l.seconds < o.seconds)) o.seconds = l.seconds;
      if (o.customer === '') o.customer = l.customer;
    }
    if (o.qty.has(l.sku)) summed++;
    o.qty.set(l.sku, (o.qty.get(l.sku) ?? 0) + l.qty);
    if (Number.isFinite(l.price)) {
      o.value.set(l.sku, (o.value.get(l.sku) ?? 0) + l.qty * l.price);
      o.pricedQty.set(l.sku, (o.pricedQty.get(l.sku) ?? 0) + l.qty);
    }
  }
  const orders: ImportedOrder[] = [...byId.values()].map((o) => ({
    id: o.id, seconds: o.seconds, site: o.site, customer: o.customer,
    lines: [...o.qty].map(([sku, qty]) => {
      const pq = o.pricedQty.get(sku) ?? 0;
      return { sku, qty: round6(qty), price: pq > 0 ? round6(o.value.get(sku)! / pq) : Number.NaN };
    }),
  }));
  const untimed = orders.filter((o) => o.seconds < 0).length;
  if (untimed === 0) orders.sort((a, b) => a.seconds - b.seconds);
  return { orders, linesSummed: summed, untimedOrders: untimed };
}

/** Header of a day file. */
export const dayFileHeader = 'order\ttime\tsite\tcustomer\tsku\tqty\tprice';

const clean = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');

/** A day's orders as a day file. */
export function formatDayFile(orders: readonly ImportedOrder[]): string {
  const out = [dayFileHeader];
  for (const o of orders) {
    const head = `${clean(o.id)}\t${o.seconds < 0 ? '' : o.seconds}\t${clean(o.site)}\t${clean(o.customer)}`;
    for (const l of o.lines) out.push(`${head}\t${clean(l.sku)}\t${l.qty}\t${Number.isFinite(l.price) ? l.price : ''}`);
  }
  return `${out.join('\n')}\n`;
}

/** Parse a day file (consecutive rows with the same order id form one order). */
export function parseDayFile(text: string, file: string): ImportedOrder[] {
  const rows = text.split('\n');
  if (rows[0] !== dayFileHeader) throw new Error(`${file}:1: expected the day-file header '${dayFileHeader.replace(/\t/g, '⇥')}'`);
  const orders: ImportedOrder[] = [];
  let cur: { id: string; seconds: number; site: string; customer: string; lines: ImportedLine[] } | undefined;
  for (let k = 1; k < rows.length; k++) {
    if (rows[k] === '') continue;
    const f = rows[k].split('\t');
    const qty = Number(f[5]);
    if (f.length !== 7 || !(qty > 0)) throw new Error(`${file}:${k + 1}: expected 7 tab-separated fields with a positive qty; got '${rows[k]}'`);
    if (!cur || cur.id !== f[0] || cur.site !== f[2]) {
      cur = { id: f[0], seconds: f[1] === '' ? -1 : Number(f[1]), site: f[2], customer: f[3], lines: [] };
      orders.push(cur);
    }
    cur.lines.push({ sku: f[4], qty, price: f[6] === '' ? Number.NaN : Number(f[6]) });
  }
  return orders;
}
