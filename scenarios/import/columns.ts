/**
 * Which CSV column holds which field of an order line. Defaults try common
 * names case-insensitively (ignoring spaces, `_` and `-`); `--map
 * field=column` overrides them.
 */
import { CsvError } from './csv.js';

/** The fields of an order line that a log may carry. */
export const lineFields = ['order', 'timestamp', 'date', 'time', 'sku', 'quantity', 'price', 'category', 'site', 'customer', 'description'] as const;
/** One field of an order line. */
export type LineField = (typeof lineFields)[number];

/** Column names tried for each field, in order (compared after {@link normaliseName}). */
export const defaultColumnNames: Readonly<Record<LineField, readonly string[]>> = {
  order: ['order_id', 'orderid', 'order', 'InvoiceNo', 'Invoice', 'Transaction', 'transaction_id', 'basket_id'],
  timestamp: ['timestamp', 'InvoiceDate', 'datetime', 'order_time', 'created_at'],
  date: ['date', 'order_date', 'day'],
  time: ['time', 'time_of_day'],
  sku: ['sku', 'StockCode', 'Item', 'sku_id', 'product_id', 'product', 'item_id'],
  quantity: ['quantity', 'qty', 'units'],
  price: ['price', 'UnitPrice', 'unit_price'],
  category: ['category', 'product_category'],
  site: ['site', 'store', 'store_id', 'warehouse'],
  customer: ['customer', 'CustomerID', 'customer_id'],
  description: ['description', 'name', 'product_name'],
};

/** Lower case without spaces, `_` or `-`: `Customer ID` ~ `customer_id`. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Column index per field (-1 = absent) and the header names used. */
export interface ColumnMap {
  readonly index: Readonly<Record<LineField, number>>;
  readonly names: Readonly<Partial<Record<LineField, string>>>;
}

/** Parse `field=column` pairs of `--map` (errors name the pair and what was expected). */
export function parseMapFlags(pairs: readonly string[]): Partial<Record<LineField, string>> {
  const out: Partial<Record<LineField, string>> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const field = eq > 0 ? pair.slice(0, eq).trim() : '';
    const column = eq > 0 ? pair.slice(eq + 1).trim() : '';
    if (!field || !column) throw new RangeError(`--map '${pair}': expected field=column, e.g. --map sku=StockCode`);
    if (!(lineFields as readonly string[]).includes(field)) {
      throw new RangeError(`--map '${pair}': unknown field '${field}'; expected one of ${lineFields.join(', ')}`);
    }
    out[field as LineField] = column;
  }
  return out;
}

/**
 * Resolve the columns of a header line. A field named in `overrides` must
 * exist; otherwise the first default name found is used. A log needs an
 * order id, a SKU and a timestamp or a date.
 */
export function resolveColumns(header: readonly string[], overrides: Partial<Record<LineField, string>>, file: string): ColumnMap {
  const norm = header.map(normaliseName);
  const index = {} as Record<LineField, number>;
  const names: Partial<Record<LineField, string>> = {};
  const taken = new Set<number>();
  // Columns named with --map first, so that a default never claims a mapped column.
  for (const f of lineFields) {
    const wanted = overrides[f];
    if (wanted === undefined) continue;
    let k = header.indexOf(wanted);
    if (k < 0) k = norm.indexOf(normaliseName(wanted));
    if (k < 0) throw new CsvError(file, 1, wanted, `no such column for --map ${f}=${wanted}; the header has ${header.join(', ')}`);
    index[f] = k;
    names[f] = header[k];
    taken.add(k);
  }
  for (const f of lineFields) {
    if (overrides[f] !== undefined) continue;
    let k = -1;
    for (const cand of defaultColumnNames[f]) {
      const j = norm.indexOf(normaliseName(cand));
      if (j >= 0 && !taken.has(j)) { k = j; break; }
    }
    index[f] = k;
    if (k >= 0) { names[f] = header[k]; taken.add(k); }
  }
  const need = (f: LineField, alts: string) => {
    if (index[f] < 0) {
      throw new CsvError(file, 1, f, `no ${f} column; expected one of ${alts} (case-insensitive), or --map ${f}=COLUMN; the header has ${header.join(', ')}`);
    }
  };
  need('order', defaultColumnNames.order.join(', '));
  need('sku', defaultColumnNames.sku.join(', '));
  if (index.timestamp < 0 && index.date < 0) {
    throw new CsvError(file, 1, 'timestamp', `no timestamp or date column; expected one of ${[...defaultColumnNames.timestamp, ...defaultColumnNames.date].join(', ')}, or --map timestamp=COLUMN / --map date=COLUMN; the header has ${header.join(', ')}`);
  }
  return { index, names };
}
