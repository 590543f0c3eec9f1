/**
 * CSV records one physical line at a time (RFC 4180: quoted fields, doubled
 * quotes, quoted line breaks), so that a log of millions of lines is read in
 * bounded memory. Errors name the file, line and column.
 */

/**
 * A copy of `s` that shares no memory with the line it was cut from. Strings
 * sliced from a read chunk keep the whole chunk alive; anything kept for the
 * whole import (SKU codes, category names, examples) is detached so that
 * memory stays bounded by what is kept, not by the file.
 */
export function detach(s: string): string {
  return s.length === 0 ? '' : (JSON.parse(JSON.stringify(s)) as string);
}

/** A CSV problem at a place in a file. */
export class CsvError extends Error {
  constructor(readonly file: string, readonly line: number, readonly column: string | number, readonly problem: string) {
    super(`${file}:${line}: column ${typeof column === 'number' ? column : `'${column}'`}: ${problem}`);
    this.name = 'CsvError';
  }
}

/** A complete record and the line it started on. */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/** Incremental record splitter for one file. */
export interface CsvSplitter {
  /** Feed one physical line (without its line break); returns a record once it is complete. */
  push(text: string): CsvRecord | undefined;
  /** Call at end of file: throws if a quoted field is still open. */
  end(): void;
}

/** The delimiter of a header line: `,` unless the line has none and has `;` or a tab. */
export function detectDelimiter(header: string): string {
  if (header.includes(',')) return ',';
  if (header.includes('\t')) return '\t';
  if (header.includes(';')) return ';';
  return ',';
}

/** A splitter for `file` with `delimiter` (one character). */
export function csvSplitter(file: string, delimiter = ','): CsvSplitter {
  let lineNo = 0;
  let start = 0;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteLine = 0;
  let quoteColumn = 0;
  return {
    push(raw) {
      lineNo++;
      const text = lineNo === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (!inQuotes) { start = lineNo; fields = []; field = ''; } else field += '\n';
      let i = 0;
      let fieldStartsQuoted = inQuotes;
      const n = text.length;
      while (i <= n) {
        if (inQuotes) {
          const q = text.indexOf('"', i);
          if (q < 0) { field += text.slice(i); return undefined; }
          field += text.slice(i, q);
          if (text[q + 1] === '"') { field += '"'; i = q + 2; continue; }
          inQuotes = false;
          i = q + 1;
          if (i < n && text[i] !== delimiter) {
            throw new CsvError(file, lineNo, fields.length + 1, `unexpected '${text[i]}' after a closing quote; expected '${delimiter}' or the end of the line`);
          }
          continue;
        }
        if (i === n) { fields.push(fieldStartsQuoted ? field : field.trim()); break; }
        const c = text[i];
        if (c === delimiter) {
          fields.push(fieldStartsQuoted ? field : field.trim());
          field = '';
          fieldStartsQuoted = false;
          i++;
          continue;
        }
        if (c === '"' && field.trim() === '') {
          inQuotes = true; fieldStartsQuoted = true; field = ''; quoteLine = lineNo; quoteColumn = fields.length + 1; i++;
          continue;
        }
        let next = text.indexOf(delimiter, i);
        if (next < 0) next = n;
        const chunk = text.slice(i, next);
        if (chunk.includes('"')) {
          throw new CsvError(file, lineNo, fields.length + 1, `a quote inside an unquoted field; expected the whole field in quotes with inner quotes doubled ("")`);
        }
        field += chunk;
        i = next;
      }
      return { fields, line: start };
    },
    end() {
      if (inQuotes) throw new CsvError(file, quoteLine, quoteColumn, 'a quoted field is never closed; expected a closing quote (")');
    },
  };
}
