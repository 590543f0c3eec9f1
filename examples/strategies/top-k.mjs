// top-k: stock the K SKUs that sold most at this site over the last `windowDays`
// days, each at its mean daily demand (rounded up, at least L), within C.
// The same policy as top_k.py, written against freshsim's module contract:
//   npx freshsim run --scenario tiny --strategies pto-greedy,./top-k.mjs
import { defineStrategy } from 'freshsim';

export default defineStrategy({
  name: 'top-k',
  description: 'Top-K SKUs by recent sales, stocked at their mean daily demand.',
  // Parameters by default value; `--strategies './top-k.mjs{k=20}'` overrides one.
  params: { k: 0, windowDays: 7 },
  create(params) {
    return (ctx) => {
      const { K, C, L } = ctx.constraints;
      const k = params.k > 0 ? Math.min(params.k, K) : K;
      const first = Math.max(ctx.history.firstDay, ctx.day - params.windowDays);
      // Units demanded per SKU over the window, summed in arrival order.
      const sold = new Float64Array(ctx.skus.length);
      for (let d = first; d < ctx.day; d++) {
        for (const order of ctx.history.orders(ctx.site.id, d)) {
          for (const line of order.lines) sold[line.sku] += line.qty;
        }
      }
      const days = Math.max(1, ctx.day - first);
      const ranked = [...sold.keys()].filter((i) => sold[i] > 0).sort((a, b) => sold[b] - sold[a] || a - b);
      const plan = new Float64Array(ctx.skus.length);
      let units = 0;
      for (const i of ranked.slice(0, k)) {
        let q = Math.max(L, Math.ceil(sold[i] / days));
        if (units + q > C) q = C - units;
        if (q < L || q <= 0) break;
        plan[i] = q;
        units += q;
      }
      return plan;
    };
  },
});
