/* mci (popular-first): the marginal choice index counts orders, not units; plans respect K, C and L. */
import { describe, expect, it } from 'vitest';
import { createStreams, indexDemand, simulate, type Order, type Planner } from '../../sim/index.js';
import { buildWorld } from '../../scenarios/index.js';
import { createPlanner } from '../../strategies/index.js';
import { marginalChoiceIndex } from '../../strategies/mci.js';
import { smallCity } from '../helpers/small-city.js';

const order = (day: number, lines: [number, number][]): Order => ({ id: 0, day, timeOfDay: 0.5, site: 0, gmv: 1, lines: lines.map(([sku, qty]) => ({ sku, qty })) });

describe('marginalChoiceIndex', () => {
  it('is the share of the window\'s orders containing each SKU, whatever the quantity', () => {
    const days: Record<number, Order[]> = {
      3: [order(3, [[0, 50]]), order(3, [[1, 1], [2, 1]])],
      4: [order(4, [[1, 1]]), order(4, [[1, 1], [1, 2]])],
      1: [order(1, [[0, 9]])], // outside a 2-day window
    };
    const history = { firstDay: 0, orders: (_s: number, d: number) => days[d] ?? [] } as never;
    const skus = [0, 1, 2, 3].map((id) => ({ id })) as never;
    const idx = marginalChoiceIndex({ day: 5, site: { id: 0 } as never, history, skus }, 2);
    expect(Array.from(idx)).toEqual([0.25, 0.75, 0.25, 0]);
  });
});

describe('mci on a generated world', () => {
  it('stocks the most frequently ordered SKUs within K, C and L', () => {
    const scenario = smallCity({ days: { history: 14, evaluation: 2, warmup: 2 } });
    const world = buildWorld(scenario, 1);
    const inner = createPlanner('mci', {});
    let checked = 0;
    const planner: Planner = { name: 'mci', oracle: false, decide: (ctx) => {
      const plan = inner.decide(ctx);
      const idx = marginalChoiceIndex(ctx, 28);
      let types = 0, total = 0, minIn = Infinity, maxOut = 0;
      plan.forEach((q, i) => {
        if (q > 0) { types++; total += q; minIn = Math.min(minIn, idx[i]); expect(q).toBeGreaterThanOrEqual(ctx.constraints.L); }
        else maxOut = Math.max(maxOut, idx[i]);
      });
      expect(types).toBeLessThanOrEqual(ctx.constraints.K);
      expect(total).toBeLessThanOrEqual(ctx.constraints.C + 1e-6);
      if (types === ctx.constraints.K) { expect(minIn).toBeGreaterThanOrEqual(maxOut); checked++; }
      return plan;
    } };
    simulate(world, planner, { streams: createStreams(scenario.seed, 1), demand: indexDemand(world) });
    expect(checked).toBeGreaterThan(0);
  });
});
