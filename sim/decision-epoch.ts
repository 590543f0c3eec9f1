/**
 * The decision epoch (MODEL §2.1, §3): every open front site gets a plan for
 * `day` from the strategy, validated against K, C and L. A closed site gets
 * an empty plan without asking (its stock goes back to its grid).
 */
import type { DecisionContext, ObservableHistory, Planner } from './decision.js';
import { planShape } from './metrics.js';
import { validatePlan } from './plan.js';
import type { RunState } from './run-state.js';
import { worldDateOf, worldWeekdayOf } from './types.js';

const LOW_SELLER_WINDOW_DAYS = 28;

/** What a run records about its decisions. */
export interface DecisionLog {
  readonly ms: number[];
  readonly clock?: () => number;
}

function historyAt(s: RunState, planner: Planner, day: number): ObservableHistory {
  const guard = (what: string, d: number): void => {
    if (!(d < day)) {
      throw new Error(`strategy '${planner.name}' asked for ${what} of day ${d} when deciding day ${day}: not observable yet`);
    }
  };
  const nObserved = s.observed.length;
  return {
    firstDay: 0,
    endDay: day,
    source: s.demand,
    orders: (site, d) => { guard('orders', d); return s.siteOrders(site, d); },
    demand: (site, d) => { guard('demand', d); return s.demand.qty(site, d); },
    orderCount: (site, d) => { guard('order count', d); return s.demand.orderCount(site, d); },
    plan: (site, d) => { guard('plan', d); return s.plans.get(s.key(site, d)); },
    observedRefunds: () => s.observed.slice(0, nObserved),
  };
}

function onHandOf(s: RunState, site: number): Float64Array {
  const out = new Float64Array(s.nSku);
  for (let i = 0; i < s.nSku; i++) out[i] = s.p.stock.onHand(site, i);
  return out;
}

/** Ask `planner` for the plans of `day` at every front site. */
export function decideDay(s: RunState, planner: Planner, day: number, log: DecisionLog): void {
  const { world } = s;
  const history = historyAt(s, planner, day);
  const presale = world.presale;
  const knownShocks = (world.shocks ?? []).filter((x) => x.firstDay <= day);
  for (const site of s.topo.fronts) {
    const m = s.metricsOf(site.id, day);
    if (s.effects.isClosed(site.id, day)) {
      m.closed = true;
      s.plans.set(s.key(site.id, day), new Float64Array(s.nSku));
      continue;
    }
    const ctx: DecisionContext = {
      day,
      date: worldDateOf(world, day),
      weekday: worldWeekdayOf(world, day),
      site,
      constraints: world.constraints,
      skus: world.skus,
      dateOf: (d) => worldDateOf(world, d),
      weekdayOf: (d) => worldWeekdayOf(world, d),
      onHand: onHandOf(s, site.id),
      batches: (sku) => s.p.stock.batches(site.id, sku),
      parentOnHand: onHandOf(s, site.parent),
      promotions: world.promotions,
      history,
      ...(planner.oracle ? { realisedOrders: s.siteOrders(site.id, day) } : {}),
      ...(presale ? { presale, knownOrders: s.siteOrders(site.id, day).filter((o) => o.timeOfDay < presale.decisionTime) } : {}),
      ...(knownShocks.length ? { knownShocks } : {}),
    };
    const t0 = log.clock?.();
    const plan = planner.decide(ctx);
    if (log.clock) log.ms.push(log.clock() - t0!);
    validatePlan(plan, s.nSku, world.constraints, { strategy: planner.name, day: ctx.date, site: site.name }, (i) => world.skus[i].code);
    s.plans.set(s.key(site.id, day), plan);
    const low = s.demand.stats([site.id], day - LOW_SELLER_WINDOW_DAYS, day).mean;
    m.plan = planShape(plan, low, world.constraints.L);
  }
}
