/**
 * The mutable state of one simulation run, shared by the day-loop modules
 * (decision epoch, night replenishment, fulfilment, pre-sale pickup, end of
 * day). Built once per run by {@link createRunState}.
 */
import type { DemandIndex } from './demand-index.js';
import type { RefundRecord } from './decision.js';
import { emptySiteDay, type SiteDayMetrics, type StageDay, type SupplierRecord, type WasteDay } from './metrics.js';
import { buildTopology, type Topology } from './network.js';
import type { StockPlan } from './plan.js';
import { createRefundDesk, type RefundDesk } from './refunds.js';
import type { Stream, StreamFactory } from './rng.js';
import { shockEffects, type ShockEffects } from './shock-effects.js';
import { createLedger, createStockStore } from './stock.js';
import { createTransit, type Transit } from './transit.js';
import type { Physical } from './transfers.js';
import type { FulfilmentModel, Order, World } from './types.js';
import type { Delivery } from './upstream.js';

/** MODEL §2.4 by default: a line the front lacks comes from the parent grid or is lost. */
export const defaultFulfilment: FulfilmentModel = { splitSourcing: 'parent', speedKmPerHour: 30, dispatchHours: 1 };

/** Everything the day-loop modules read and update. */
export interface RunState {
  readonly world: World;
  readonly topo: Topology;
  readonly effects: ShockEffects;
  readonly fulfilment: FulfilmentModel;
  readonly demand: DemandIndex;
  readonly p: Physical;
  readonly transit: Transit;
  readonly nSku: number;
  readonly simStart: number;
  readonly evalStart: number;
  readonly endDay: number;
  /** Supplier orders in the pipeline per SKU, per region. */
  readonly pipeline: Float64Array[];
  /** Supplier deliveries by arrival day. */
  readonly deliveries: Map<number, Delivery[]>;
  readonly plans: Map<number, StockPlan>;
  /** Counters of (front, day), keyed by {@link RunState.key}. */
  readonly metrics: Map<number, SiteDayMetrics>;
  readonly desk: RefundDesk;
  /** Refunds filed so far (observable), in filing order. */
  readonly observed: RefundRecord[];
  readonly supplierRecords: SupplierRecord[];
  readonly supplierRng: Stream;
  readonly siteDays: SiteDayMetrics[];
  readonly waste: WasteDay[];
  readonly stages: StageDay[];
  /** Key of (site, day) in `plans` and `metrics`. */
  key(site: number, day: number): number;
  /** Orders of `site` on `day`, in arrival order (cached). */
  siteOrders(site: number, day: number): readonly Order[];
  /** The counters of (front, day), created with an empty plan shape if missing. */
  metricsOf(site: number, day: number): SiteDayMetrics;
}

/** Fresh state for simulating `world` with `streams`. */
export function createRunState(world: World, demand: DemandIndex, streams: StreamFactory): RunState {
  const { sites, skus } = world;
  const topo = buildTopology(sites);
  const nSku = skus.length;
  const p: Physical = { stock: createStockStore(sites.length, nSku), ledger: createLedger(sites.length, nSku) };
  const key = (site: number, day: number): number => day * sites.length + site;
  const ordersCache = new Map<number, readonly Order[]>();
  const metrics = new Map<number, SiteDayMetrics>();
  const noPlan = { skus: 0, units: 0, min: 0, max: 0, mean: 0, median: 0, lowSellersStocked: 0 };
  return {
    world,
    topo,
    effects: shockEffects(world.shocks ?? [], topo),
    fulfilment: world.fulfilment ?? defaultFulfilment,
    demand,
    p,
    transit: createTransit(p),
    nSku,
    simStart: world.historyDays - world.warmupDays,
    evalStart: world.historyDays,
    endDay: world.historyDays + world.evaluationDays,
    pipeline: topo.centrals.map(() => new Float64Array(nSku)),
    deliveries: new Map(),
    plans: new Map(),
    metrics,
    desk: createRefundDesk({ skus, suppliers: world.suppliers, model: world.refunds, fronts: topo.fronts, regionCount: topo.centrals.length, streams }),
    observed: [],
    supplierRecords: world.suppliers.map((s) => ({
      supplier: s.id, name: s.name, purchaseOrders: 0, unitsOrdered: 0, unitsDelivered: 0, onTimeOrders: 0, fullOrders: 0, linesSold: 0, defectiveLines: 0,
    })),
    supplierRng: streams.stream('suppliers'),
    siteDays: [],
    waste: [],
    stages: [],
    key,
    siteOrders(site, day) {
      const k = key(site, day);
      let list = ordersCache.get(k);
      if (!list) {
        list = (world.ordersByDay[day] ?? []).filter((o) => o.site === site);
        ordersCache.set(k, list);
      }
      return list;
    },
    metricsOf(site, day) {
      const k = key(site, day);
      let m = metrics.get(k);
      if (!m) { m = emptySiteDay(day, site, noPlan); metrics.set(k, m); }
      return m;
    },
  };
}
