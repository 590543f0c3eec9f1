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

/** A 95% interval for a rate in [0, 1], and whether it had to be clipped to [0, 1]. */
export interface RateInterval {
  readonly lo: number;
  readonly hi: number;
  readonly clipped: boolean;
}

const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228];

/**
 * A bounded 95% interval for the mean of per-seed rates: the Student-t
 * interval on the logit scale, mapped back, so it stays inside (0, 1). When a
 * seed's rate is exactly 0 or 1 (no logit), the plain t interval clipped to
 * [0, 1], with `clipped` set where it reached past a bound. Undefined with
 * fewer than two seeds.
 */
export function rateInterval(perSeed: readonly number[]): RateInterval | undefined {
  const n = perSeed.length;
  if (n < 2) return undefined;
  const t = n - 1 <= T975.length ? T975[n - 2] : 1.96 + 2.4 / (n - 1);
  const ci = (xs: readonly number[]): [number, number] => {
    const m = xs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
    return [m - (t * sd) / Math.sqrt(n), m + (t * sd) / Math.sqrt(n)];
  };
  if (perSeed.every((x) => x > 0 && x < 1)) {
    const [a, b] = ci(perSeed.map((x) => Math.log(x / (1 - x))));
    const inv = (z: number): number => 1 / (1 + Math.exp(-z));
    return { lo: inv(a), hi: inv(b), clipped: false };
  }
  const [a, b] = ci(perSeed);
  return { lo: Math.max(0, a), hi: Math.min(1, b), clipped: a < 0 || b > 1 };
}

/** `[60.10, 63.04]` of a bounded rate interval (with † when clipped), or `—`. */
export function rateCiText(perSeed: readonly number[]): string {
  const r = rateInterval(perSeed);
  return r === undefined ? '—' : `[${(100 * r.lo).toFixed(2)}, ${(100 * r.hi).toFixed(2)}]${r.clipped ? '†' : ''}`;
}
