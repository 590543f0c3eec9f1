/**
 * Cleaning one CSV record into a sale, a return or a counted drop. Nothing
 * is dropped silently: every outcome carries its reason, and the report
 * counts them and keeps the first few places where each happened.
 */
import type { ColumnMap } from './columns.js';
import type { DateReader } from './dates.js';
import { parseTimeOfDay, splitTimestamp } from './dates.js';

/** Non-product codes dropped by default (anchored, case-insensitive): postage, fees, manual adjustments, placeholders. */
export const defaultNonProductPatterns: readonly string[] = [
  '^(POST|DOT|C2|CARRIAGE|POSTAGE|SHIPPING|DELIVERY)$',
  '^(M|MANUAL|ADJUST|ADJUSTMENT|B)$',
  '^(D|DISCOUNT|S|SAMPLES)$',
  '^(BANK CHARGES|AMAZONFEE|CRUK|PADS|FEE|FEES)$',
  '^gift_',
  '^(NONE|TEST)$',
];

/** Default mark of a cancelled order: its id starts with C followed by a digit (as in the UCI Online Retail log). */
export const defaultCancelPattern = '^C(?=\\d)';

/** Options of the cleaning rules. */
export interface CleanOptions {
  /** Regular expressions (case-insensitive) of SKU codes that are not products. */
  readonly nonProductPatterns: readonly string[];
  /** Regular expression of order ids that mark a cancellation. */
  readonly cancelPattern: string;
}

/** A clean order line (a sale, or a return with a positive quantity). */
export interface CleanLine {
  readonly order: string;
  /** Bucket key of its date (see {@link DateReader}). */
  readonly dateKey: string;
  /** Seconds after midnight, or -1 when the log has no time. */
  readonly seconds: number;
  readonly sku: string;
  readonly qty: number;
  /** Unit price, or NaN when the log has none. */
  readonly price: number;
  readonly category: string;
  readonly site: string;
  readonly customer: string;
  readonly description: string;
}

/** What became of one record. */
export type Outcome =
  | { readonly kind: 'sale'; readonly line: CleanLine }
  | { readonly kind: 'return'; readonly line: CleanLine; readonly reason: ReturnReason }
  | { readonly kind: 'drop'; readonly reason: DropReason; readonly column: string; readonly value: string };

/** Why a line is a return. */
export type ReturnReason = 'cancelled order id' | 'negative quantity';
/** Why a line was dropped. */
export type DropReason =
  | 'blank line' | 'wrong number of fields' | 'missing order id' | 'missing sku' | 'missing date' | 'unparsable date'
  | 'unparsable time' | 'missing quantity' | 'unparsable quantity' | 'zero quantity' | 'unparsable price'
  | 'negative price' | 'non-product code' | 'absurd quantity' | 'absurd price';

/**
 * Largest unit price and quantity of a line kept (as the scenario schema's
 * price bound): beyond them a sum of values overflows or loses precision.
 */
export const MAX_LINE_PRICE = 1e6;
export const MAX_LINE_QUANTITY = 1e6;

/** A number as written in a log (`12`, `-3`, `0.5`, `1,5` with a decimal comma); NaN otherwise. */
export function parseNumber(text: string): number {
  const s = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  if (/^[+-]?\d+,\d+$/.test(s)) return Number(s.replace(',', '.'));
  return Number.NaN;
}

/** A cleaner bound to a file's columns. */
export function recordCleaner(cols: ColumnMap, headerLength: number, dates: DateReader, opts: CleanOptions, file: string) {
  const nonProduct = opts.nonProductPatterns.map((p) => new RegExp(p, 'i'));
  const cancel = new RegExp(opts.cancelPattern);
  const ix = cols.index;
  const name = (f: keyof typeof ix) => cols.names[f] ?? f;
  const get = (fields: string[], k: number) => (k >= 0 ? (fields[k] ?? '') : '');
  const drop = (reason: DropReason, column: string, value: string): Outcome => ({ kind: 'drop', reason, column, value });
  return (fields: string[], lineNo: number): Outcome => {
    if (fields.length === 1 && fields[0] === '') return drop('blank line', '', '');
    if (fields.length !== headerLength) return drop('wrong number of fields', String(fields.length), `${fields.length} fields, header has ${headerLength}`);
    const order = get(fields, ix.order);
    if (order === '') return drop('missing order id', name('order'), '');
    const sku = get(fields, ix.sku);
    if (sku === '') return drop('missing sku', name('sku'), '');
    let dateText: string, timeText: string, dateCol: string, timeCol: string;
    if (ix.timestamp >= 0) {
      ({ date: dateText, time: timeText } = splitTimestamp(get(fields, ix.timestamp)));
      dateCol = timeCol = name('timestamp');
    } else {
      // A date column may carry a time too (`2011-03-01 00:00:00`); a time column, when there is one, wins.
      const split = splitTimestamp(get(fields, ix.date));
      dateText = split.date;
      dateCol = name('date');
      timeText = ix.time >= 0 ? get(fields, ix.time) : split.time;
      timeCol = ix.time >= 0 ? name('time') : dateCol;
    }
    if (dateText === '') return drop('missing date', dateCol, '');
    const dateKey = dates.key(dateText, { file, line: lineNo, column: dateCol });
    if (dateKey === undefined) return drop('unparsable date', dateCol, dateText);
    let seconds = -1;
    if (timeText !== '') {
      const t = parseTimeOfDay(timeText);
      if (t === undefined) return drop('unparsable time', timeCol, timeText);
      seconds = t;
    }
    let qty = 1;
    if (ix.quantity >= 0) {
      const q = get(fields, ix.quantity);
      if (q === '') return drop('missing quantity', name('quantity'), '');
      qty = parseNumber(q);
      if (!Number.isFinite(qty)) return drop('unparsable quantity', name('quantity'), q);
      if (qty === 0) return drop('zero quantity', name('quantity'), q);
      if (Math.abs(qty) > MAX_LINE_QUANTITY) return drop('absurd quantity', name('quantity'), q);
    }
    let price = Number.NaN;
    if (ix.price >= 0) {
      const p = get(fields, ix.price);
      if (p !== '') {
        price = parseNumber(p);
        if (!Number.isFinite(price)) return drop('unparsable price', name('price'), p);
        if (price < 0) return drop('negative price', name('price'), p);
        if (price > MAX_LINE_PRICE) return drop('absurd price', name('price'), p);
      }
    }
    if (nonProduct.some((re) => re.test(sku))) return drop('non-product code', name('sku'), sku);
    const line: CleanLine = {
      order, dateKey, seconds, sku, qty: Math.abs(qty), price,
      category: get(fields, ix.category), site: get(fields, ix.site),
      customer: get(fields, ix.customer), description: get(fields, ix.description),
    };
    if (cancel.test(order)) return { kind: 'return', line, reason: 'cancelled order id' };
    if (qty < 0) return { kind: 'return', line, reason: 'negative quantity' };
    return { kind: 'sale', line };
  };
}
