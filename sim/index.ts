/**
 * sim/ — the simulation core: event engine, named random streams, the world,
 * stock and its conservation, plan validation, the day loop and its metrics.
 * Pure and synchronous: no I/O, no wall clock.
 */
export { createEngine, ScheduleError, type Engine, type EventHandler } from './event-queue.js';
export { createStreams, hashKey, streamFrom, type Stream, type StreamFactory } from './rng.js';
export * from './types.js';
export {
  checkAndRollLedger, ConservationError, createLedger, createStockStore, roundQty,
  type Batch, type Ledger, type StockStore,
} from './stock.js';
export { PlanError, validatePlan, type PlanOrigin, type PlanViolation, type StockPlan } from './plan.js';
export type { DecisionContext, ObservableHistory, Planner, RefundRecord } from './decision.js';
export { indexDemand, type DemandIndex } from './demand-index.js';
export { planShape, type PlanShape, type SiteDayMetrics, type StageDay, type SupplierRecord, type WasteDay } from './metrics.js';
export { buildTopology, nearestOpenFront, type Topology } from './network.js';
export { drawLatencyDays, type RefundCell } from './refunds.js';
export { demandModifiers, lockdownIntensity, shockEffects, type DemandModifiers, type ShockEffects } from './shock-effects.js';
export { roundDownToUnit, roundUpToUnit } from './upstream.js';
export { simulate, type FrontSiteInfo, type SimulationOptions, type SimulationResult } from './simulate.js';
