/*
 * OTPTO end to end on the tiny scenario (small windows and few trees so it is
 * fast): plans pass the simulator's K/C/L check, it retrains at its cadence
 * and reports training and prediction times per decision, the same seed gives
 * the same plans, and no evaluation-day order reaches training: the history
 * it reads is recorded, and a world whose evaluation days carry a planted
 * marker (every line moved to a SKU never sold before) yields the very same
 * plan for the first evaluation day.
 */
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs } from '../../../cli/highs.js';
import { buildWorld, builtinScenario } from '../../../scenarios/index.js';
import { createStreams, indexDemand, simulate, type DecisionContext, type Order, type Planner, type World } from '../../../sim/index.js';
import { createPlanner, type Om1Cache, type Om1Result, type OtptoDecision } from '../../../strategies/index.js';

let highs: Highs;
beforeAll(async () => { highs = await loadHighs(); });

const small = { labelWindowDays: 10, maxTrees: 30, pm0Trees: 15, retrainEveryDays: 4 };
// One in-memory OM1 cache for the file: reruns take their labels from it, as they would from the disk cache.
const store = new Map<string, Om1Result>();
const om1Cache: Om1Cache = { get: (k) => store.get(k), set: (k, r) => { store.set(k, r); } };
const scenario = builtinScenario('tiny')!;

interface Recorded { plans: Map<number, Float64Array>; asked: { decided: number; day: number }[]; decisions: OtptoDecision[] }

function run(world: World, params: Record<string, unknown> = small): Recorded {
  const rec: Recorded = { plans: new Map(), asked: [], decisions: [] };
  let clockMs = 0;
  const inner = createPlanner('otpto', params, { highs, om1Cache, clock: () => (clockMs += 1), onDecision: (d) => rec.decisions.push(d as OtptoDecision) });
  const planner: Planner = {
    name: inner.name,
    oracle: inner.oracle,
    decide(ctx: DecisionContext) {
      const h = ctx.history;
      const note = (day: number) => { rec.asked.push({ decided: ctx.day, day }); };
      const history: DecisionContext['history'] = {
        firstDay: h.firstDay, endDay: h.endDay,
        orders: (s, d) => { note(d); return h.orders(s, d); },
        demand: (s, d) => { note(d); return h.demand(s, d); },
        orderCount: (s, d) => { note(d); return h.orderCount(s, d); },
        plan: (s, d) => { note(d); return h.plan(s, d); },
        observedRefunds: () => h.observedRefunds(),
      };
      const plan = inner.decide({ ...ctx, history, dateOf: ctx.dateOf, weekdayOf: ctx.weekdayOf, batches: ctx.batches });
      rec.plans.set(ctx.day, plan);
      return plan;
    },
  };
  simulate(world, planner, { streams: createStreams(scenario.seed, 1), demand: indexDemand(world) });
  return rec;
}

describe('otpto on tiny', () => {
  const world = buildWorld(scenario, 1);
  let first: Recorded;
  beforeAll(() => { first = run(world); });

  it('plans every decision day, retraining at its cadence, with times per decision', () => {
    const days = [...first.plans.keys()];
    expect(days.length).toBe(world.warmupDays + world.evaluationDays);
    expect(first.decisions.length).toBe(days.length);
    expect(first.decisions.filter((d) => d.retrained).map((d) => d.day)).toEqual(days.filter((_, k) => k % 4 === 0));
    for (const d of first.decisions) {
      expect(d.strategy).toBe('otpto');
      expect(d.predictSeconds).toBeGreaterThan(0);
      expect(d.trainSeconds).toBeGreaterThanOrEqual(0);
      if (d.retrained) expect(d.trainSeconds).toBeGreaterThan(0);
    }
    // It stocks something sensible: SKUs up to K.
    for (const p of first.plans.values()) {
      const n = p.filter((q) => q > 0).length;
      expect(n).toBeGreaterThan(world.constraints.K / 2);
      expect(n).toBeLessThanOrEqual(world.constraints.K);
    }
  });

  it('reads only days before the one it decides', () => {
    expect(first.asked.length).toBeGreaterThan(0);
    for (const a of first.asked) expect(a.day).toBeLessThan(a.decided);
  });

  it('gives the same plans for the same seed', () => {
    const solvedBefore = store.size;
    const again = run(world);
    expect(store.size).toBe(solvedBefore);
    expect(again.decisions.filter((d) => d.retrained).every((d) => d.cached)).toBe(true);
    expect([...again.plans.entries()]).toEqual([...first.plans.entries()]);
  });

  it('plans the first evaluation day identically when the evaluation days carry a planted marker', () => {
    const sold = new Set(world.ordersByDay.slice(0, world.historyDays).flatMap((os) => os.flatMap((o) => o.lines.map((l) => l.sku))));
    const marker = world.skus.findIndex((s) => !sold.has(s.id));
    expect(marker).toBeGreaterThanOrEqual(0);
    const planted = (os: readonly Order[]): Order[] => os.map((o) => ({ ...o, lines: o.lines.map((l) => ({ ...l, sku: marker })) }));
    const markedWorld: World = { ...world, ordersByDay: world.ordersByDay.map((os, d) => (d >= world.historyDays ? planted(os) : os)) };
    const marked = run(markedWorld);
    const day = world.historyDays;
    expect(marked.plans.get(day)).toEqual(first.plans.get(day));
    expect(first.plans.get(day)![marker]).toBe(0);
    // The next day's training (day + 1 is not a retraining day, but its features read day) does see the marker day.
    expect(marked.plans.get(day + 1)).not.toEqual(first.plans.get(day + 1));
  });
});
