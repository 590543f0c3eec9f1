/**
 * The cleaning report: every record counted as a sale, a return or a drop
 * by reason, with the first places each reason occurred, and notes on lines
 * that were kept but changed or completed.
 */
import type { Outcome } from './clean.js';
import { detach } from './csv.js';

/** A place in the log where something happened. */
export interface Example {
  readonly file: string;
  readonly line: number;
  readonly column: string;
  readonly value: string;
}

/** The report as written to cleaning-report.json. */
export interface CleaningReport {
  /** Physical lines read, headers included. */
  linesRead: number;
  /** Data records (a quoted line break joins two lines into one record). */
  records: number;
  /** Records kept as sales. */
  sales: number;
  returns: { lines: number; units: number; byReason: Record<string, number> };
  dropped: { total: number; byReason: Record<string, number> };
  /** Non-product codes dropped, with counts. */
  nonProductCodes: Record<string, number>;
  /** Kept lines that were changed or completed, with counts. */
  notes: Record<string, number>;
  /** Up to {@link maxExamples} places per drop reason or note. */
  examples: Record<string, Example[]>;
}

/** Places kept per reason. */
export const maxExamples = 5;

/** An empty report. */
export function emptyReport(): CleaningReport {
  return {
    linesRead: 0, records: 0, sales: 0,
    returns: { lines: 0, units: 0, byReason: {} },
    dropped: { total: 0, byReason: {} },
    nonProductCodes: {}, notes: {}, examples: {},
  };
}

function example(r: CleaningReport, key: string, ex: Example): void {
  const list = (r.examples[key] ??= []);
  if (list.length < maxExamples) list.push({ ...ex, column: detach(ex.column), value: detach(ex.value) });
}

/** Add a note (a kept line changed or completed) at a place. */
export function note(r: CleaningReport, what: string, ex: Example, count = 1): void {
  r.notes[what] = (r.notes[what] ?? 0) + count;
  example(r, what, ex);
}

/** Count one record's outcome. */
export function countOutcome(r: CleaningReport, o: Outcome, file: string, line: number): void {
  r.records++;
  if (o.kind === 'sale') {
    r.sales++;
  } else if (o.kind === 'return') {
    r.returns.lines++;
    r.returns.units += o.line.qty;
    r.returns.byReason[o.reason] = (r.returns.byReason[o.reason] ?? 0) + 1;
  } else {
    r.dropped.total++;
    r.dropped.byReason[o.reason] = (r.dropped.byReason[o.reason] ?? 0) + 1;
    if (o.reason === 'non-product code') {
      const n = r.nonProductCodes[o.value];
      if (n === undefined) r.nonProductCodes[detach(o.value)] = 1;
      else r.nonProductCodes[o.value] = n + 1;
    }
    example(r, o.reason, { file, line, column: o.column, value: o.value });
    return;
  }
  const l = o.line;
  if (l.customer === '') note(r, 'blank customer id (kept)', { file, line, column: 'customer', value: '' });
  if (!Number.isInteger(l.qty)) note(r, 'fractional quantity (kept; SKU sold by weight)', { file, line, column: 'quantity', value: String(l.qty) });
}

/** Human-readable lines of a report, for the terminal. */
export function formatReport(r: CleaningReport): string[] {
  const out = [`read ${r.linesRead} lines, ${r.records} records: ${r.sales} sales, ${r.returns.lines} returns, ${r.dropped.total} dropped`];
  for (const [k, n] of Object.entries(r.returns.byReason)) out.push(`  return: ${k}: ${n} lines`);
  for (const [k, n] of Object.entries(r.dropped.byReason)) {
    const ex = r.examples[k]?.[0];
    out.push(`  dropped: ${k}: ${n}${ex ? ` (first at ${ex.file}:${ex.line}${ex.column ? `, column '${ex.column}'` : ''}${ex.value ? `: '${ex.value}'` : ''})` : ''}`);
  }
  for (const [k, n] of Object.entries(r.notes)) out.push(`  note: ${k}: ${n}`);
  return out;
}
