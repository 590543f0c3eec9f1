/** A planner making random valid plans (within K, C and L), different every day, for property tests. */
import { roundDownToUnit, type Planner, type Stream } from '../../sim/index.js';

/** Random plans within K, C and L drawn from `r`, so stock moves up and down the tree. */
export function randomPlanner(r: Stream): Planner {
  return {
    name: 'random',
    oracle: false,
    decide(ctx) {
      const { K, C, L } = ctx.constraints;
      const plan = new Float64Array(ctx.skus.length);
      let units = 0;
      const types = r.int(K + 1);
      for (let t = 0; t < types; t++) {
        const i = r.int(plan.length);
        if (plan[i] > 0) continue;
        const q = roundDownToUnit(ctx.skus[i], Math.max(L, L + 20 * r.uniform()));
        if (q <= 0 || q < L || units + q > C) continue;
        plan[i] = q;
        units += q;
      }
      return plan;
    },
  };
}
