/** Random tiny OM1 instances and a brute-force optimum, for the solver tests. */
import { createStreams, type Order, type PlanConstraints } from '../../../sim/index.js';

/** A tiny instance: ≤ 8 SKUs, ≤ 10 orders. */
export interface TinyInstance {
  readonly orders: Order[];
  readonly constraints: PlanConstraints;
  readonly skuCount: number;
}

/** The `k`-th random tiny instance (deterministic). */
export function tinyInstance(k: number): TinyInstance {
  const rng = createStreams(2024, k).stream('om1-tiny');
  const skuCount = 1 + rng.int(8);
  const nOrders = 1 + rng.int(10);
  const kg = Array.from({ length: skuCount }, () => rng.bernoulli(0.3));
  const orders: Order[] = [];
  let total = 0;
  for (let j = 0; j < nOrders; j++) {
    const nLines = 1 + rng.int(Math.min(3, skuCount));
    const skus = new Set<number>();
    while (skus.size < nLines) skus.add(rng.int(skuCount));
    const lines = [...skus].map((sku) => ({ sku, qty: kg[sku] ? (1 + rng.int(30)) / 10 : 1 + rng.int(4) }));
    total += lines.reduce((a, l) => a + l.qty, 0);
    orders.push({ id: j + 1, day: 0, timeOfDay: j / 20, site: 0, lines, gmv: Math.round(rng.uniform() * 1000) / 10 });
  }
  const L = 1 + rng.int(4);
  const K = 1 + rng.int(Math.min(5, skuCount));
  const C = Math.round((L + rng.uniform() * (total + L * skuCount)) * 10) / 10;
  return { orders, constraints: { K, C, L }, skuCount };
}

/**
 * The optimum by enumerating every subset of orders: the cheapest plan making
 * a subset whole stocks each SKU at max(L, its largest cumulative quantity
 * among the subset's orders); a subset is achievable iff that plan meets K
 * and C. Returns the largest achievable subset's size and, among those, the
 * largest GMV.
 */
export function bruteForce(inst: TinyInstance): { orders: number; gmv: number } {
  const { orders, constraints: { K, C, L } } = inst;
  const cum: Map<number, number>[] = [];
  const run = new Map<number, number>();
  for (const o of orders) {
    const m = new Map<number, number>();
    for (const l of o.lines) {
      const s = Math.round(((run.get(l.sku) ?? 0) + l.qty) * 1e6) / 1e6;
      run.set(l.sku, s);
      m.set(l.sku, s);
    }
    cum.push(m);
  }
  let best = { orders: 0, gmv: 0 };
  for (let mask = 0; mask < 1 << orders.length; mask++) {
    const x = new Map<number, number>();
    let n = 0, gmv = 0;
    for (let j = 0; j < orders.length; j++) {
      if (!(mask & (1 << j))) continue;
      n++; gmv += orders[j].gmv;
      for (const [sku, s] of cum[j]) x.set(sku, Math.max(x.get(sku) ?? 0, L, s));
    }
    let units = 0;
    for (const q of x.values()) units += q;
    if (x.size > K || units > C + 1e-6) continue;
    if (n > best.orders || (n === best.orders && gmv > best.gmv + 1e-9)) best = { orders: n, gmv };
  }
  return best;
}
