/**
 * The day loop of MODEL §2–§3 on the event engine. Instant mode: decision
 * epoch (evening of d − 1) → night replenishment → orders through day d →
 * end of day → refunds filed after their latency. Pre-sale mode: the plan of
 * pickup day d is made on day d − 1 at the decision time, the night brings
 * the community point to the plan, and every pickup happens at the pickup
 * time of day d. The steps live in their own modules; this file wires them.
 */
import { indexDemand, type DemandIndex } from './demand-index.js';
import type { Planner, RefundRecord } from './decision.js';
import { decideDay } from './decision-epoch.js';
import { endOfDay } from './end-of-day.js';
import { createEngine, type Engine } from './event-queue.js';
import { loseOrder, serveOrder, servePickup } from './fulfil.js';
import type { SiteDayMetrics, StageDay, SupplierRecord, WasteDay } from './metrics.js';
import { initialiseUpstream, replenish } from './night.js';
import type { RefundCell } from './refunds.js';
import type { StreamFactory } from './rng.js';
import { createRunState, type RunState } from './run-state.js';
import type { Shock, World } from './types.js';

/** Options of one simulation run. */
export interface SimulationOptions {
  readonly streams: StreamFactory;
  /** Demand index of the world, shared between strategies when given. */
  readonly demand?: DemandIndex;
  /** Milliseconds clock for decision timing (injected; the core never reads the wall clock). */
  readonly clock?: () => number;
}

/** A front site as per-site figures name it. */
export interface FrontSiteInfo {
  readonly id: number;
  readonly name: string;
  readonly grid: string;
  readonly region: string;
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
  /** Loss accounting per level on every evaluation day. */
  readonly stages: StageDay[];
  /** Supplier performance over the simulated days. */
  readonly suppliers: SupplierRecord[];
  /** The refund reporting triangle of every simulated day (lines served, refunds by filing lag). */
  readonly refundCells: RefundCell[];
  readonly refundWindowDays: number;
  /** Region names (index = region of {@link RefundCell}). */
  readonly regions: readonly string[];
  /** The shocks of this replication. */
  readonly shocks: readonly Shock[];
  /** Every front site: id, name, its grid's name and its region's name (for per-site figures). */
  readonly fronts?: readonly FrontSiteInfo[];
  /** Instant delivery, or pre-sale pickup (MODEL §3). */
  readonly mode: 'instant' | 'presale';
  /** Days simulated (warm-up and evaluation). */
  readonly simulatedDays: number;
}

const enum Kind { Decision, Night, Order, EndOfDay, Refund, Pickup }
const ORDER_TIME_MAX = 0.94;
const REFUND_TIME = 0.95;
const END_OF_DAY_TIME = 0.96;
const DECISION_TIME = 0.98;

/** Simulate `planner` on `world` over the warm-up and evaluation days. */
export function simulate(world: World, planner: Planner, opts: SimulationOptions): SimulationResult {
  const s: RunState = createRunState(world, opts.demand ?? indexDemand(world), opts.streams);
  const log = { ms: [] as number[], clock: opts.clock };
  const presale = world.presale;
  const decisionAt = (day: number): number => day - 1 + (presale ? presale.decisionTime : DECISION_TIME);
  let lastStages: StageDay[] | undefined;
  initialiseUpstream(s);

  const scheduleRefunds = (engine: Engine, indices: readonly number[]): void => {
    for (const r of indices) engine.schedule(Math.max(engine.now, s.desk.records[r].filedDay + REFUND_TIME), Kind.Refund, r);
  };

  function night(engine: Engine, day: number): void {
    replenish(s, day);
    for (const o of world.lostOrdersByDay?.[day] ?? []) loseOrder(s, o);
    if (presale) {
      engine.schedule(day + presale.pickupTime, Kind.Pickup, day);
      if (day + 1 < s.endDay) engine.schedule(decisionAt(day + 1), Kind.Decision, day + 1);
    } else {
      const orders = world.ordersByDay[day];
      for (let j = 0; j < orders.length; j++) {
        const t = orders[j].timeOfDay;
        if (!(t >= 0 && t < ORDER_TIME_MAX)) throw new Error(`order ${orders[j].id} arrives at ${t}: expected a time of day in [0, ${ORDER_TIME_MAX})`);
        engine.schedule(day + t, Kind.Order, j);
      }
    }
    engine.schedule(day + END_OF_DAY_TIME, Kind.EndOfDay, day);
  }

  function pickups(engine: Engine, day: number): void {
    if (!presale) return;
    for (const o of world.ordersByDay[day]) {
      if (!(o.timeOfDay >= 0 && o.timeOfDay < presale.cutoffTime)) {
        throw new Error(`pre-sale order ${o.id} was placed at ${o.timeOfDay}: expected a time of day before the cut-off ${presale.cutoffTime}`);
      }
      scheduleRefunds(engine, servePickup(s, o));
    }
  }

  const engine = createEngine([
    (_e, day) => decideDay(s, planner, day, log),
    (e, day) => night(e, day),
    (e, j) => { const day = Math.floor(e.now); scheduleRefunds(e, serveOrder(s, world.ordersByDay[day][j])); },
    (e, day) => {
      lastStages = endOfDay(s, day, lastStages);
      if (day + 1 < s.endDay) {
        if (!presale) e.schedule(decisionAt(day + 1), Kind.Decision, day + 1);
        e.schedule(day + 1, Kind.Night, day + 1);
      }
    },
    (_e, r) => { s.observed.push(s.desk.records[r]); },
    (e, day) => pickups(e, day),
  ]);
  engine.schedule(decisionAt(s.simStart), Kind.Decision, s.simStart);
  engine.schedule(s.simStart, Kind.Night, s.simStart);
  engine.run();
  return {
    strategy: planner.name,
    oracle: planner.oracle,
    siteDays: s.siteDays,
    waste: s.waste,
    refunds: s.desk.records,
    decisionMs: log.ms,
    eventsHandled: engine.handled,
    stages: s.stages,
    suppliers: s.supplierRecords,
    refundCells: s.desk.cells(),
    refundWindowDays: world.refunds.windowDays,
    regions: s.topo.regionNames,
    shocks: world.shocks ?? [],
    fronts: s.topo.fronts.map((f) => ({ id: f.id, name: f.name, grid: world.sites[f.parent].name, region: s.topo.regionNames[s.topo.regionOf[f.id]] })),
    mode: presale ? 'presale' : 'instant',
    simulatedDays: s.endDay - s.simStart,
  };
}
