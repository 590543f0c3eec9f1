/* Pre-sale knowledge in the baselines: known orders plus the forecast's expected remainder. */
import { describe, expect, it } from 'vitest';
import { createStreams, indexDemand, simulate, type DecisionContext, type Order, type Planner } from '../../sim/index.js';
import { buildWorld } from '../../scenarios/index.js';
import { createPlanner, resolvedParams } from '../../strategies/index.js';
import { presaleDemand } from '../../strategies/presale.js';
import { smallCity } from '../helpers/small-city.js';

const order = (lines: [number, number][]): Order => ({ id: 0, day: 1, timeOfDay: 0.2, site: 0, gmv: 1, lines: lines.map(([sku, qty]) => ({ sku, qty })) });
const forecast = (mean: number[], std: number[]) => ({ mean: Float64Array.from(mean), residualMean: new Float64Array(mean.length), residualStd: Float64Array.from(std) });

describe('presaleDemand', () => {
  it('adds the forecast scaled to the share still to come; the error applies to that remainder', () => {
    // Known 4 of SKU 0 and 1 of SKU 2: 5 of 15 forecast units, so 2/3 of the day is still to come.
    const d = presaleDemand({ knownOrders: [order([[0, 3]]), order([[0, 1], [2, 1]])] }, forecast([10, 5, 0], [2, 1, 0]))!;
    expect(d.knownShare).toBeCloseTo(1 / 3, 12);
    expect(Array.from(d.known)).toEqual([4, 0, 1]);
    expect(Array.from(d.remainder)).toEqual([20 / 3, 10 / 3, 0].map((x) => expect.closeTo(x, 12)));
    expect(Array.from(d.mean)).toEqual([4 + 20 / 3, 10 / 3, 1].map((x) => expect.closeTo(x, 12)));
    expect(Array.from(d.std)).toEqual([2 * Math.sqrt(2 / 3), Math.sqrt(2 / 3), 0].map((x) => expect.closeTo(x, 12)));
  });

  it('is undefined outside pre-sale mode, and takes the known orders alone once they exceed the forecast', () => {
    expect(presaleDemand({}, forecast([1], [1]))).toBeUndefined();
    const d = presaleDemand({ knownOrders: [order([[0, 30]])] }, forecast([10, 5], [2, 1]))!;
    expect(d.knownShare).toBe(1);
    expect(Array.from(d.mean)).toEqual([30, 0]);
    expect(Array.from(d.std)).toEqual([0, 0]);
    const none = presaleDemand({ knownOrders: [] }, forecast([10, 5], [2, 1]))!;
    expect(none.knownShare).toBe(0);
    expect(Array.from(none.mean)).toEqual([10, 5]);
  });
});

describe('baselines in pre-sale mode', () => {
  const scenario = smallCity({ presale: { cutoffTime: 0.9, decisionTime: 0.6, pickupTime: 0.45 }, constraints: { K: 60, C: 5000, L: 1 } });

  /** Every decision of `name` with its context, on replication 1. */
  function decisions(name: string, params: Record<string, unknown>): { ctx: DecisionContext; plan: Float64Array }[] {
    const inner = createPlanner(name, params);
    const seen: { ctx: DecisionContext; plan: Float64Array }[] = [];
    const planner: Planner = { name, oracle: false, decide: (ctx) => { const plan = inner.decide(ctx); seen.push({ ctx, plan }); return plan; } };
    const world = buildWorld(scenario, 1);
    simulate(world, planner, { streams: createStreams(scenario.seed, 1), demand: indexDemand(world) });
    return seen;
  }

  it.each(['pto-greedy', 'safety-stock', 'newsvendor'])('%s stocks at least the known quantity of every SKU when K and C leave room, and not with the option off', (name) => {
    let coveredAlways = true;
    let coveredWithout = true;
    for (const [useKnownOrders, runs] of [[true, decisions(name, {})], [false, decisions(name, { useKnownOrders: false })]] as const) {
      expect(runs.length).toBeGreaterThan(0);
      for (const { ctx, plan } of runs) {
        expect(ctx.knownOrders).toBeDefined();
        const known = new Float64Array(plan.length);
        for (const o of ctx.knownOrders!) for (const l of o.lines) known[l.sku] += l.qty;
        const covered = known.every((k, i) => plan[i] >= k - 1e-9);
        if (useKnownOrders) coveredAlways &&= covered;
        else coveredWithout &&= covered;
      }
    }
    expect(coveredAlways).toBe(true);
    // Ignoring them, some known order is left short on some day: the option matters.
    expect(coveredWithout).toBe(false);
  });

  it.each(['pto-greedy', 'safety-stock', 'newsvendor'])('%s refuses a useKnownOrders that is not a boolean, naming the field', (name) => {
    for (const f of [() => resolvedParams(name, { useKnownOrders: 'yes' }), () => createPlanner(name, { useKnownOrders: 1 })]) {
      expect(f).toThrow(new RegExp(`invalid parameters for strategy '${name}': useKnownOrders: .*expected boolean`));
    }
  });
});
