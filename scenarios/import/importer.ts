/**
 * The import pipeline without I/O: physical lines of one or more files in,
 * sales handed to a sink by date (the CLI spools them to disk, tests keep
 * them in memory), then per day: orders grouped and summed, the profile,
 * the catalogue, returns and the cleaning report.
 */
import { catalogueBuilder, type ImportedSku } from './catalogue.js';
import { defaultCancelPattern, defaultNonProductPatterns, recordCleaner, type CleanLine } from './clean.js';
import { parseMapFlags, resolveColumns, type ColumnMap, type LineField } from './columns.js';
import { CsvError, csvSplitter, detach, detectDelimiter, type CsvSplitter } from './csv.js';
import { dateReader, type DateFormat } from './dates.js';
import { groupDay, type DayLine, type ImportedOrder } from './orders.js';
import { profileBuilder, type DaySummary, type Profile } from './profile.js';
import { countOutcome, emptyReport, note, type CleaningReport } from './report.js';

/** Options of an import. */
export interface ImportOptions {
  /** `field=column` pairs (as given to `--map`). */
  readonly map?: readonly string[];
  readonly dateFormat?: DateFormat;
  /** Extra non-product patterns (added to the defaults unless `noDefaultNonProduct`). */
  readonly nonProduct?: readonly string[];
  readonly noDefaultNonProduct?: boolean;
  readonly cancelPattern?: string;
}

/** A return (cancellation or negative quantity), summed per date and SKU. */
export interface ImportedReturn {
  readonly date: string;
  readonly sku: string;
  readonly qty: number;
  readonly value: number;
}

/** The manifest of an imported directory. */
export interface Manifest {
  readonly format: 'freshsim-history';
  readonly version: 1;
  readonly sources: string[];
  /** Column used per field in each source (null = absent). */
  readonly columns: Record<string, Partial<Record<LineField, string>>>;
  readonly dateFormats: Record<string, string>;
  readonly nonProductPatterns: readonly string[];
  readonly cancelPattern: string;
  /** Days with orders in date order, with their day file (relative to the directory). */
  readonly days: (DaySummary & { file: string })[];
}

/** Everything an import produces besides the day files. */
export interface ImportResult {
  readonly manifest: Manifest;
  readonly catalogue: ImportedSku[];
  readonly profile: Profile;
  readonly report: CleaningReport;
  readonly returns: ImportedReturn[];
}

/** Day file name of a date. */
export const dayFileName = (date: string): string => `days/${date}.tsv`;

/** Spool text of a sale (one line, tab-separated). */
export function spoolLine(l: DayLine): string {
  const c = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  return `${c(l.order)}\t${l.seconds}\t${c(l.sku)}\t${l.qty}\t${Number.isFinite(l.price) ? l.price : ''}\t${c(l.site)}\t${c(l.customer)}`;
}

/** A sale back from its spool text. */
export function parseSpoolLine(s: string): DayLine {
  const f = s.split('\t');
  return { order: f[0], seconds: Number(f[1]), sku: f[2], qty: Number(f[3]), price: f[4] === '' ? Number.NaN : Number(f[4]), site: f[5], customer: f[6] };
}

/**
 * A streaming importer. Feed files with `beginFile`, `line` per physical
 * line, `endFile`; sales go to `onSale` with their date key; `finish` turns
 * the spooled sales into days.
 */
export function createImporter(opts: ImportOptions, onSale: (dateKey: string, line: CleanLine) => void) {
  const overrides = parseMapFlags(opts.map ?? []);
  const dates = dateReader(opts.dateFormat);
  const nonProductPatterns = [...(opts.noDefaultNonProduct ? [] : defaultNonProductPatterns), ...(opts.nonProduct ?? [])];
  for (const p of nonProductPatterns) {
    try { new RegExp(p, 'i'); } catch (e) { throw new RangeError(`--non-product '${p}': not a regular expression (${(e as Error).message})`); }
  }
  const cancelPattern = opts.cancelPattern ?? defaultCancelPattern;
  try { new RegExp(cancelPattern); } catch (e) { throw new RangeError(`--cancel-pattern '${cancelPattern}': not a regular expression (${(e as Error).message})`); }
  const report = emptyReport();
  const catalogue = catalogueBuilder();
  const returns = new Map<string, { qty: number; value: number }>();
  const dateKeys = new Set<string>();
  const sources: string[] = [];
  const columns: Record<string, Partial<Record<LineField, string>>> = {};
  let file = '';
  let splitter: CsvSplitter | undefined;
  let clean: ReturnType<typeof recordCleaner> | undefined;
  let headerSeen = false;
  let noQuantity = false, noPrice = false;

  return {
    beginFile(name: string): void {
      file = name;
      sources.push(name);
      splitter = undefined;
      clean = undefined;
      headerSeen = false;
    },
    line(text: string): void {
      report.linesRead++;
      if (!headerSeen) {
        if (text.trim() === '') return;
        headerSeen = true;
        splitter = csvSplitter(file, detectDelimiter(text));
        const header = splitter.push(text)!.fields;
        const cols: ColumnMap = resolveColumns(header, overrides, file);
        columns[file] = cols.names;
        noQuantity = cols.index.quantity < 0;
        noPrice = cols.index.price < 0;
        clean = recordCleaner(cols, header.length, dates, { nonProductPatterns, cancelPattern }, file);
        return;
      }
      const rec = splitter!.push(text);
      if (!rec) return;
      const o = clean!(rec.fields, rec.line);
      countOutcome(report, o, file, rec.line);
      if (o.kind === 'drop') return;
      const l = o.line;
      if (noQuantity) note(report, 'no quantity column: line counted as one unit', { file, line: rec.line, column: 'quantity', value: '' });
      if (noPrice) note(report, 'no price column: category default price used', { file, line: rec.line, column: 'price', value: '' });
      if (o.kind === 'return') {
        const k = `${l.dateKey}\t${l.sku}`;
        let r = returns.get(k);
        if (!r) { r = { qty: 0, value: 0 }; returns.set(detach(k), r); }
        r.qty += l.qty;
        if (Number.isFinite(l.price)) r.value += l.qty * l.price;
        return;
      }
      dateKeys.add(l.dateKey);
      catalogue.add(l);
      onSale(l.dateKey, l);
    },
    endFile(): void {
      if (!headerSeen) throw new CsvError(file, 1, 'header', 'the file is empty; expected a header line and order lines');
      splitter!.end();
    },
    /**
     * Resolve dates, then per day (in date order) read its spooled sales with
     * `readDay(keys)`, group them into orders and hand them to `writeDay`.
     */
    finish(readDay: (keys: readonly string[]) => DayLine[], writeDay: (date: string, orders: ImportedOrder[]) => void): ImportResult {
      const keysByDate = new Map<string, string[]>();
      for (const k of dateKeys) {
        const iso = dates.resolve(k);
        const list = keysByDate.get(iso) ?? [];
        list.push(k);
        keysByDate.set(iso, list);
      }
      const profile = profileBuilder();
      const days: Manifest['days'] = [];
      for (const date of [...keysByDate.keys()].sort()) {
        const g = groupDay(readDay(keysByDate.get(date)!));
        if (g.linesSummed > 0) note(report, 'repeated order × SKU lines summed into one line', { file: dayFileName(date), line: 0, column: 'sku', value: '' }, g.linesSummed);
        if (g.untimedOrders > 0) note(report, 'orders without a time: file order taken as arrival order', { file: dayFileName(date), line: 0, column: 'time', value: '' }, g.untimedOrders);
        writeDay(date, g.orders);
        days.push({ ...profile.addDay(date, g.orders), file: dayFileName(date) });
      }
      const skus = catalogue.build();
      const returnList: ImportedReturn[] = [...returns].map(([k, r]) => {
        const [key, sku] = k.split('\t');
        return { date: dates.resolve(key), sku, qty: Math.round(r.qty * 1e6) / 1e6, value: Math.round(r.value * 100) / 100 };
      }).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
      return {
        manifest: { format: 'freshsim-history', version: 1, sources, columns, dateFormats: dates.chosen(), nonProductPatterns, cancelPattern, days },
        catalogue: skus,
        profile: profile.build(skus),
        report,
        returns: returnList,
      };
    },
  };
}

/** Import whole texts in memory (for tests and small logs): the result and the orders per day. */
export function importTexts(files: readonly { name: string; text: string }[], opts: ImportOptions = {}): ImportResult & { orders: Map<string, ImportedOrder[]> } {
  const spool = new Map<string, DayLine[]>();
  const imp = createImporter(opts, (k, l) => {
    const list = spool.get(k) ?? [];
    list.push(l);
    spool.set(k, list);
  });
  for (const f of files) {
    imp.beginFile(f.name);
    const lines = f.text.split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    for (const l of lines) imp.line(l);
    imp.endFile();
  }
  const orders = new Map<string, ImportedOrder[]>();
  const result = imp.finish((keys) => keys.flatMap((k) => spool.get(k) ?? []), (d, o) => orders.set(d, o));
  return { ...result, orders };
}
