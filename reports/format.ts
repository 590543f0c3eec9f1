/**
 * Number formatting shared by the HTML, Markdown and JUnit renderers: rates
 * as percentages, differences in percentage points, 95% intervals.
 */

/** Minimal estimate shape the formatters read. */
export interface Interval {
  readonly mean: number;
  readonly ci95?: readonly [number | null, number | null];
}

/** 0.6157 → `61.57%`. */
export function pct(x: number, digits = 2): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(digits)}%` : '—';
}

/** 0.0434 → `+4.34 pp`. */
export function pp(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '—';
  const v = (100 * x).toFixed(digits);
  return `${x >= 0 && !v.startsWith('-') ? '+' : ''}${v} pp`;
}

/** `[60.10, 63.04]` in the unit of `f` without its suffix, or `—` without an interval. */
export function ciText(e: Interval, scale = 100, digits = 2): string {
  const [lo, hi] = e.ci95 ?? [null, null];
  if (lo === null || hi === null) return '—';
  return `[${(scale * lo).toFixed(digits)}, ${(scale * hi).toFixed(digits)}]`;
}

/** A plain number with thousands separators: 1234.5 → `1,234.5`. */
export function num(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return '—';
  const [int, frac] = Math.abs(x).toFixed(digits).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${x < 0 && Number(x.toFixed(digits)) !== 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}
