/**
 * Dates and times of a transaction log. ISO dates (YYYY-MM-DD) are read as
 * they are; day-month-year and month-day-year dates (`-`, `/` or `.`) are
 * told apart by evidence from the whole log (a first part above 12 means day
 * first, a second part above 12 means month first). A log whose dates fit
 * both readings is an error that asks for `--date-format`.
 */
import { CsvError } from './csv.js';

/** Formats accepted by `--date-format`. */
export const dateFormats = ['YYYY-MM-DD', 'YYYY/MM/DD', 'DD-MM-YYYY', 'MM-DD-YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'MM.DD.YYYY'] as const;
/** A format of `--date-format`. */
export type DateFormat = (typeof dateFormats)[number];

/** Where a value was read: for error messages. */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: string;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** ISO date of (y, m, d) if it is a real calendar date, else undefined. */
export function isoDate(y: number, m: number, d: number): string | undefined {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1000 && y <= 9999)) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Split `2010-12-01 08:26`, `12/1/2010 8:26` or `2010-12-01T08:26:00Z` into date and time text. */
export function splitTimestamp(text: string): { date: string; time: string } {
  const s = text.trim();
  const k = s.search(/[T\s]/);
  if (k < 0) return { date: s, time: '' };
  return { date: s.slice(0, k), time: s.slice(k + 1).trim() };
}

/** Seconds after midnight of `8:26`, `08:26:00`, `8:26 PM`, `08:26:00.5Z`; undefined if not a time. */
export function parseTimeOfDay(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] ? Number(m[3]) : 0;
  if (m[4]) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  }
  if (h > 23 || min > 59 || sec > 59) return undefined;
  return h * 3600 + min * 60 + sec;
}

/** Parse a date in an explicit format; undefined if it does not fit. */
export function parseDateAs(text: string, format: DateFormat): string | undefined {
  const sep = format[4] === '-' || format[4] === '/' ? format[4] : format[2];
  const parts = text.trim().split(sep);
  if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p))) return undefined;
  const order = format.split(sep);
  const get = (tok: string) => Number(parts[order.indexOf(tok)]);
  if (parts[order.indexOf('YYYY')].length !== 4) return undefined;
  return isoDate(get('YYYY'), get('MM'), get('DD'));
}

/**
 * Reads the dates of one log. `key` turns a date text into a bucket key (or
 * undefined when it is no date); `resolve` maps a key to its ISO date once
 * the whole log has been seen.
 */
export interface DateReader {
  key(text: string, at: Place): string | undefined;
  resolve(key: string): string;
  /** The reading chosen per separator, e.g. `{ '/': 'MM/DD/YYYY' }`. */
  chosen(): Record<string, string>;
}

interface Evidence { dayFirst?: { text: string; at: Place }; monthFirst?: { text: string; at: Place }; first?: { text: string; at: Place } }

/** A date reader: with `format` every date must fit it; without, formats are inferred. */
export function dateReader(format?: DateFormat): DateReader {
  if (format) {
    return {
      key: (text) => parseDateAs(text, format),
      resolve: (k) => k,
      chosen: () => ({ given: format }),
    };
  }
  const evidence = new Map<string, Evidence>();
  const fmt = (sep: string, dayFirst: boolean) => (dayFirst ? `DD${sep}MM${sep}YYYY` : `MM${sep}DD${sep}YYYY`);
  return {
    key(text, at) {
      const s = text.trim();
      const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
      if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
      const m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(s);
      if (!m) return undefined;
      const a = Number(m[1]), b = Number(m[3]), y = Number(m[4]), sep = m[2];
      const asDmy = isoDate(y, b, a) !== undefined;
      const asMdy = isoDate(y, a, b) !== undefined;
      if (!asDmy && !asMdy) return undefined;
      let ev = evidence.get(sep);
      if (!ev) { ev = {}; evidence.set(sep, ev); }
      ev.first ??= { text: s, at };
      if (asDmy && !asMdy) ev.dayFirst ??= { text: s, at };
      if (asMdy && !asDmy) ev.monthFirst ??= { text: s, at };
      if (ev.dayFirst && ev.monthFirst) {
        const d = ev.dayFirst, mf = ev.monthFirst;
        throw new CsvError(at.file, at.line, at.column,
          `dates written with '${sep}' disagree: '${d.text}' (${d.at.file}:${d.at.line}) can only be ${fmt(sep, true)} but '${mf.text}' (${mf.at.file}:${mf.at.line}) can only be ${fmt(sep, false)}; fix the log or pass --date-format`);
      }
      return `${sep}${a}${sep}${b}${sep}${y}`;
    },
    resolve(k) {
      if (/^\d{4}-/.test(k)) return k;
      const sep = k[0];
      const [a, b, y] = k.slice(1).split(sep).map(Number);
      const ev = evidence.get(sep)!;
      if (!ev.dayFirst && !ev.monthFirst) {
        const f = ev.first!;
        throw new CsvError(f.at.file, f.at.line, f.at.column,
          `dates such as '${f.text}' fit both ${fmt(sep, true)} and ${fmt(sep, false)}, and no date in the log tells them apart; pass --date-format ${fmt(sep, false)} or --date-format ${fmt(sep, true)}`);
      }
      return ev.dayFirst ? isoDate(y, b, a)! : isoDate(y, a, b)!;
    },
    chosen() {
      const out: Record<string, string> = {};
      for (const [sep, ev] of evidence) if (ev.dayFirst || ev.monthFirst) out[sep] = fmt(sep, !!ev.dayFirst);
      return out;
    },
  };
}
