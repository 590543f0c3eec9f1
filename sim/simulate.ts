/**
 * The day loop of MODEL §2 on the event engine: decision epoch → night
 * replenishment → orders through the day → end of day (spoilage, the
 * conservation check) → refunds filed after their latency.
 */
import { indexDemand, type DemandIndex } from './demand-index.js';
import type { DecisionContext, ObservableHistory, Planner, RefundRecord } from './decision.js';
import { createEngine, type Engine } from './event-queue.js';
import { emptySiteDay, planShape, type SiteDayMetrics, type WasteDay } from './metrics.js';
import { validatePlan, type StockPlan } from './plan.js';
import type { Stream, StreamFactory } from './rng.js';
import { checkAndRollLedger, createLedger, createStockStore, roundQty } from './stock.js';
import { returnUp, sell, spoilSite, type Physical } from './transfers.js';
import type { Order, Site, World } from './types.js';
import { dateOf, weekdayOf } from './types.js';
import {
  baseStockLevel, gridBaseStock, orderFromSuppliers, receiveDeliveries, shipRequests, type Delivery,
} from './upstream.js';

/** Options of one simulation run. */
export interface SimulationOptions {
  readonly streams: StreamFactory;
  /** Demand index of the world, shared between strategies when given. */
  readonly demand?: DemandIndex;
  /** Milliseconds clock for decision timing (injected; the core never reads the wall clock). */
  readonly clock?: () => number;
}

/** Everything one run measured; plain data. */
export interface SimulationResult {
  readonly strategy: string;
  readonly oracle: boolean;
  /** Metrics of every front site on every evaluation day. */
  readonly siteDays: SiteDayMetrics[];
  /** Spoilage per level on every evaluation day. */
  readonly waste: WasteDay[];
  /** All accepted refunds, of every simulated day. */
  readonly refunds: RefundRecord[];
  /** Wall time of each decision in ms (empty without a clock; not deterministic). */
  readonly decisionMs: number[];
  readonly eventsHandled: number;
}

const enum Kind { Decision, Night, Order, EndOfDay, Refund }
const ORDER_TIME_MAX = 0.94;
const REFUND_TIME = 0.95;
const END_OF_DAY_TIME = 0.96;
const DECISION_TIME = 0.98;
const LOW_SELLER_WINDOW_DAYS = 28;

/** Simulate `planner` on `world` over the warm-up and evaluation days. */
export function simulate(world: World, planner: Planner, opts: SimulationOptions): SimulationResult {
  const { skus, sites } = world;
  const nSku = skus.length;
  const demand = opts.demand ?? indexDemand(world);
  const central = sites.find((s) => s.level === 'central');
  if (!central) throw new Error('world has no central warehouse');
  const grids = sites.filter((s) => s.level === 'grid');
  const fronts = sites.filter((s) => s.level === 'front');
  const childrenOf = (id: number): Site[] => sites.filter((s) => s.parent === id);
  const frontsUnder = new Map(grids.map((g) => [g.id, childrenOf(g.id).map((f) => f.id)]));
  const allFronts = fronts.map((f) => f.id);

  const p: Physical = { stock: createStockStore(sites.length, nSku), ledger: createLedger(sites.length, nSku) };
  const simStart = world.historyDays - world.warmupDays;
  const evalStart = world.historyDays;
  const endDay = world.historyDays + world.evaluationDays;
  const pipeline = new Float64Array(nSku);
  const deliveries = new Map<number, Delivery[]>();
  const plans = new Map<number, StockPlan>();
  const planKey = (site: number, day: number): number => day * sites.length + site;
  const today = new Map<number, SiteDayMetrics>();
  const siteDays: SiteDayMetrics[] = [];
  const waste: WasteDay[] = [];
  const refunds: RefundRecord[] = [];
  const observed: RefundRecord[] = [];
  const decisionMs: number[] = [];
  const supplierRng = opts.streams.stream('suppliers');
  const defectRng = new Map<number, Stream>(fronts.map((f) => [f.id, opts.streams.stream(`defects/${f.name}`)]));
  const skuCode = (i: number): string => skus[i].code;
  const siteName = (i: number): string => sites[i].name;

  initialiseUpstream();

  /** Upstream levels open at their base-stock levels with fresh stock (received on the first simulated day). */
  function initialiseUpstream(): void {
    const regional = demand.stats(allFronts, simStart - world.centralPolicy.windowDays, simStart);
    for (const sku of skus) {
      const lt = world.suppliers[sku.supplier].leadTimeDays;
      const qty = baseStockLevel(world.centralPolicy, lt, regional.mean[sku.id], regional.std[sku.id]);
      p.stock.add(central!.id, sku.id, roundQty(qty), simStart + sku.shelfLifeDays - 1, simStart);
    }
    for (const g of grids) {
      const levels = gridBaseStock(demand, frontsUnder.get(g.id)!, world.gridPolicy, simStart);
      for (const sku of skus) {
        p.stock.add(g.id, sku.id, roundQty(levels[sku.id]), simStart + sku.shelfLifeDays - 1, simStart);
      }
    }
    for (const s of sites) for (let i = 0; i < nSku; i++) p.ledger.opening[s.id * nSku + i] = p.stock.onHand(s.id, i);
  }

  const ordersCache = new Map<number, readonly Order[]>();
  function siteOrders(site: number, day: number): readonly Order[] {
    const k = planKey(site, day);
    let list = ordersCache.get(k);
    if (!list) {
      list = (world.ordersByDay[day] ?? []).filter((o) => o.site === site);
      ordersCache.set(k, list);
    }
    return list;
  }

  function historyAt(day: number): ObservableHistory {
    const guard = (what: string, d: number): void => {
      if (!(d < day)) {
        throw new Error(`strategy '${planner.name}' asked for ${what} of day ${d} when deciding day ${day}: not observable yet`);
      }
    };
    const nObserved = observed.length;
    return {
      firstDay: 0,
      endDay: day,
      orders: (site, d) => { guard('orders', d); return siteOrders(site, d); },
      demand: (site, d) => { guard('demand', d); return demand.qty(site, d); },
      orderCount: (site, d) => { guard('order count', d); return demand.orderCount(site, d); },
      plan: (site, d) => { guard('plan', d); return plans.get(planKey(site, d)); },
      observedRefunds: () => observed.slice(0, nObserved),
    };
  }

  function onHandOf(site: number): Float64Array {
    const out = new Float64Array(nSku);
    for (let i = 0; i < nSku; i++) out[i] = p.stock.onHand(site, i);
    return out;
  }

  function decide(engine: Engine): void {
    const day = Math.round(engine.now - DECISION_TIME) + 1;
    const history = historyAt(day);
    for (const site of fronts) {
      const ctx: DecisionContext = {
        day,
        date: dateOf(world.startDate, day),
        weekday: weekdayOf(world.startDate, day),
        site,
        constraints: world.constraints,
        skus,
        dateOf: (d) => dateOf(world.startDate, d),
        weekdayOf: (d) => weekdayOf(world.startDate, d),
        onHand: onHandOf(site.id),
        batches: (sku) => p.stock.batches(site.id, sku),
        parentOnHand: onHandOf(site.parent),
        promotions: world.promotions,
        history,
        ...(planner.oracle ? { realisedOrders: siteOrders(site.id, day) } : {}),
      };
      const t0 = opts.clock?.();
      const plan = planner.decide(ctx);
      if (opts.clock) decisionMs.push(opts.clock() - t0!);
      validatePlan(plan, nSku, world.constraints, { strategy: planner.name, day: ctx.date, site: site.name }, skuCode);
      plans.set(planKey(site.id, day), plan);
      const low = demand.stats([site.id], day - LOW_SELLER_WINDOW_DAYS, day).mean;
      today.set(site.id, emptySiteDay(day, site.id, planShape(plan, low, world.constraints.L)));
    }
  }

  function night(engine: Engine): void {
    const day = Math.round(engine.now);
    receiveDeliveries(p, central!.id, deliveries.get(day) ?? [], skus, day);
    for (const d of deliveries.get(day) ?? []) pipeline[d.sku] = roundQty(pipeline[d.sku] - d.qty);
    deliveries.delete(day);
    // Fronts return what exceeds their plan; grids then pull from central; fronts pull from grids.
    for (const f of fronts) {
      const plan = plans.get(planKey(f.id, day))!;
      let returned = 0;
      for (let i = 0; i < nSku; i++) {
        const excess = roundQty(p.stock.onHand(f.id, i) - plan[i]);
        if (excess > 0) { returnUp(p, f.id, f.parent, i, excess); returned += excess; }
      }
      today.get(f.id)!.returnedUnits = roundQty(returned);
    }
    for (const g of grids) {
      const base = gridBaseStock(demand, frontsUnder.get(g.id)!, world.gridPolicy, day);
      const req = new Float64Array(nSku);
      for (let i = 0; i < nSku; i++) {
        let need = base[i] - p.stock.onHand(g.id, i);
        for (const f of frontsUnder.get(g.id)!) {
          need += Math.max(0, plans.get(planKey(f, day))![i] - p.stock.onHand(f, i));
        }
        req[i] = need > 0 ? Math.ceil(need - 1e-9) : 0;
      }
      shipRequests(p, g.parent, g.id, req, g.tripCapacityUnits, skus);
    }
    for (const f of fronts) {
      const plan = plans.get(planKey(f.id, day))!;
      const req = new Float64Array(nSku);
      for (let i = 0; i < nSku; i++) req[i] = Math.max(0, roundQty(plan[i] - p.stock.onHand(f.id, i)));
      today.get(f.id)!.replenishmentShortUnits = shipRequests(p, f.parent, f.id, req, f.tripCapacityUnits, skus);
    }
    const regional = demand.stats(allFronts, day - world.centralPolicy.windowDays, day);
    for (const d of orderFromSuppliers({
      p, central: central!.id, skus, suppliers: world.suppliers, policy: world.centralPolicy,
      stats: regional, pipeline, rng: supplierRng, day,
    })) {
      const due = deliveries.get(d.arrivalDay) ?? [];
      due.push(d);
      deliveries.set(d.arrivalDay, due);
    }
    const orders = world.ordersByDay[day];
    for (let j = 0; j < orders.length; j++) {
      const t = orders[j].timeOfDay;
      if (!(t >= 0 && t < ORDER_TIME_MAX)) throw new Error(`order ${orders[j].id} arrives at ${t}: expected a time of day in [0, ${ORDER_TIME_MAX})`);
      engine.schedule(day + t, Kind.Order, j);
    }
    engine.schedule(day + END_OF_DAY_TIME, Kind.EndOfDay, day);
  }

  function serveOrder(engine: Engine, j: number): void {
    const day = Math.floor(engine.now);
    const order = world.ordersByDay[day][j];
    const m = today.get(order.site);
    if (!m) throw new Error(`order ${order.id} on day ${day} is at site ${order.site}, which has no plan`);
    const parent = sites[order.site].parent;
    let fromSite = 0, fromParent = 0, lost = 0;
    for (const line of order.lines) {
      m.lines++;
      m.unitsDemanded += line.qty;
      let servedBy = -1;
      if (p.stock.onHand(order.site, line.sku) >= line.qty - 1e-9) {
        servedBy = order.site; fromSite++; m.unitsFromSite += line.qty;
      } else if (p.stock.onHand(parent, line.sku) >= line.qty - 1e-9) {
        servedBy = parent; fromParent++;
      } else {
        lost++; m.unitsLost += line.qty;
      }
      if (servedBy >= 0) {
        const received = sell(p, servedBy, line.sku, line.qty);
        drawDefect(engine, order, line.sku, line.qty, received, day, m);
      }
    }
    m.orders++;
    m.linesFromSite += fromSite;
    m.linesFromParent += fromParent;
    m.linesLost += lost;
    m.gmv += order.gmv;
    if (fromParent > 0) m.extraDeliveries++;
    if (lost > 0) m.shortOrders++;
    else if (fromParent > 0) m.splitOrders++;
    else { m.fullOrders++; m.gmvFull += order.gmv; }
  }

  function drawDefect(engine: Engine, order: Order, sku: number, qty: number, receivedDay: number, day: number, m: SiteDayMetrics): void {
    const rng = defectRng.get(order.site)!;
    const info = skus[sku];
    const age = Math.max(0, day - receivedDay);
    const perUnit = Math.min(1, world.suppliers[info.supplier].defectRate * (1 + world.refunds.ageDefectFactor * (age / info.shelfLifeDays)));
    const units = info.unit === 'kg' ? 1 : Math.max(1, Math.round(qty));
    if (!(rng.uniform() < 1 - Math.pow(1 - perUnit, units))) return;
    const latency = rng.geometric(1 / (1 + world.refunds.meanDiscoveryDays)) + rng.geometric(1 / (1 + world.refunds.meanFilingDays));
    if (latency > world.refunds.windowDays) return;
    const line = order.lines.find((l) => l.sku === sku)!;
    const amount = roundQty((order.gmv * line.qty * info.price) / Math.max(1e-9, orderValue(order)));
    refunds.push({ site: order.site, sku, orderId: order.id, fulfilmentDay: day, filedDay: day + latency, amount });
    m.defectiveLines++;
    m.refundAmount += amount;
    engine.schedule(Math.max(engine.now, day + latency + REFUND_TIME), Kind.Refund, refunds.length - 1);
  }

  function orderValue(order: Order): number {
    let v = 0;
    for (const l of order.lines) v += l.qty * skus[l.sku].price;
    return v;
  }

  function endOfDay(engine: Engine, day: number): void {
    for (const level of ['central', 'grid', 'front'] as const) {
      const w: WasteDay = { day, level, units: 0, value: 0 };
      for (const s of sites) {
        if (s.level !== level) continue;
        const spoiled = spoilSite(p, s.id, day, (i) => skus[i].cost);
        w.units = roundQty(w.units + spoiled.units);
        w.value += spoiled.value;
      }
      if (day >= evalStart) waste.push(w);
    }
    checkAndRollLedger(p.ledger, p.stock, day, siteName, skuCode);
    for (const f of fronts) {
      const m = today.get(f.id)!;
      if (day >= evalStart) siteDays.push(m);
    }
    today.clear();
    if (day + 1 < endDay) {
      engine.schedule(day + DECISION_TIME, Kind.Decision);
      engine.schedule(day + 1, Kind.Night);
    }
  }

  const engine = createEngine([
    (e) => decide(e),
    (e) => night(e),
    (e, j) => serveOrder(e, j),
    (e, day) => endOfDay(e, day),
    (_e, r) => { observed.push(refunds[r]); },
  ]);
  engine.schedule(simStart - 1 + DECISION_TIME, Kind.Decision);
  engine.schedule(simStart, Kind.Night);
  engine.run();
  return { strategy: planner.name, oracle: planner.oracle, siteDays, waste, refunds, decisionMs, eventsHandled: engine.handled };
}
