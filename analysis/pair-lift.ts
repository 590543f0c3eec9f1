/**
 * Pair lift of co-purchase, adjusted for basket sizes: SKU a is on n_a of
 * the L order lines (each SKU counted once per order), so if every line were
 * drawn independently an order of s lines would hold both a and b with
 * probability ≈ s(s − 1) · (n_a / L) · (n_b / L). The expected joint count is
 * E_ab = n_a · n_b · S / L² with S = Σ s(s − 1) over orders, and the lift is
 * n_ab / E_ab (1 = independent, above 1 = bought together, below 1 = exclude
 * each other). The adjustment matters: the plain n_ab · N / (n_a · n_b)
 * exceeds 1 for every pair when basket sizes vary, since big baskets hold
 * more of everything. Only pairs with E_ab ≥ `minExpected` count (so pairs
 * never bought together, lift 0, count too when enough were expected).
 */

/** The distribution of pair lifts of a log. */
export interface PairLiftProfile {
  /** Orders with lines and pairs counted (expected joint count ≥ minExpected). */
  readonly orders: number;
  readonly pairs: number;
  /** Nearest-rank percentiles of the lifts of the pairs counted. */
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  /** Shares of the pairs with lift ≥ 2 and ≤ 0.5. */
  readonly shareAtLeast2: number;
  readonly shareAtMostHalf: number;
  /** Median lift of the 100 pairs bought together most often (ties: lower SKU ids first). */
  readonly top100Median: number;
}

/** Nearest-rank p-quantile of ascending `sorted` (NaN when empty). */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** Pair lifts over `baskets` (each a list of distinct SKU ids; duplicates are counted once). */
export function pairLiftProfile(baskets: Iterable<readonly number[]>, minExpected = 5): PairLiftProfile {
  const sets: number[][] = [];
  const count = new Map<number, number>();
  for (const b of baskets) {
    const s = [...new Set(b)].sort((x, y) => x - y);
    if (s.length === 0) continue;
    sets.push(s);
    for (const k of s) count.set(k, (count.get(k) ?? 0) + 1);
  }
  const N = sets.length;
  let L = 0, S = 0;
  for (const s of sets) { L += s.length; S += s.length * (s.length - 1); }
  // E_ab = n_a n_b / scale; a pair counts when n_a n_b ≥ minExpected · scale.
  const scale = S > 0 ? (L * L) / S : Infinity;
  const bySales = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const threshold = minExpected * scale;
  const top = bySales.length ? bySales[0][1] : 0;
  const candidate = new Set(bySales.filter(([, n]) => n * top >= threshold).map(([k]) => k));
  const joint = new Map<string, number>();
  for (const s of sets) {
    const c = s.filter((k) => candidate.has(k));
    for (let i = 0; i < c.length; i++) {
      for (let j = i + 1; j < c.length; j++) {
        if (count.get(c[i])! * count.get(c[j])! < threshold) continue;
        const key = `${c[i]},${c[j]}`;
        joint.set(key, (joint.get(key) ?? 0) + 1);
      }
    }
  }
  const lifts: number[] = [];
  const together: { key: string; n: number; lift: number }[] = [];
  for (let i = 0; i < bySales.length; i++) {
    const [a, na] = bySales[i];
    if (na * top < threshold) break;
    for (let j = i + 1; j < bySales.length; j++) {
      const [b, nb] = bySales[j];
      if (na * nb < threshold) break;
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      const nab = joint.get(key) ?? 0;
      const lift = (nab * scale) / (na * nb);
      lifts.push(lift);
      if (nab > 0) together.push({ key, n: nab, lift });
    }
  }
  lifts.sort((x, y) => x - y);
  together.sort((x, y) => y.n - x.n || compareKeys(x.key, y.key));
  const top100 = together.slice(0, 100).map((t) => t.lift).sort((x, y) => x - y);
  const share = (f: (l: number) => boolean) => (lifts.length ? lifts.filter(f).length / lifts.length : NaN);
  return {
    orders: N,
    pairs: lifts.length,
    p50: nearestRank(lifts, 0.5),
    p90: nearestRank(lifts, 0.9),
    p99: nearestRank(lifts, 0.99),
    shareAtLeast2: share((l) => l >= 2),
    shareAtMostHalf: share((l) => l <= 0.5),
    top100Median: nearestRank(top100, 0.5),
  };
}

function compareKeys(x: string, y: string): number {
  const [a1, b1] = x.split(',').map(Number);
  const [a2, b2] = y.split(',').map(Number);
  return a1 - a2 || b1 - b2;
}
