/**
 * What a strategy sees at a decision epoch (MODEL §5) and what it returns.
 * The simulator calls a {@link Planner}; strategies/ builds planners.
 */
import type { Batch } from './stock.js';
import type { StockPlan } from './plan.js';
import type { Order, PlanConstraints, PresaleModel, Promotion, Shock, Site, Sku } from './types.js';

/** A refund as observed once filed (MODEL §2.6). */
export interface RefundRecord {
  readonly site: number;
  readonly sku: number;
  readonly orderId: number;
  /** The day the order line was fulfilled: the refund belongs to it. */
  readonly fulfilmentDay: number;
  /** The day the customer filed it: the day it becomes observable. */
  readonly filedDay: number;
  readonly amount: number;
}

/**
 * The observable past at a decision epoch: only days before `endDay`, the
 * day being decided. Asking for a later day throws.
 */
export interface ObservableHistory {
  /** First day with orders (0). */
  readonly firstDay: number;
  /** Exclusive end: the day being decided. */
  readonly endDay: number;
  /**
   * Identity of the exogenous data read through `orders`, `demand` and
   * `orderCount` (the run's demand index): histories with the same source give
   * the same answers, so memos (e.g. of forecasts) may be keyed on it.
   */
  readonly source?: object;
  /** Orders of `day` at `site`, in arrival order. */
  orders(site: number, day: number): readonly Order[];
  /** Demanded quantity per SKU at `site` on `day`. */
  demand(site: number, day: number): Float64Array;
  /** Number of orders at `site` on `day`. */
  orderCount(site: number, day: number): number;
  /** The plan this strategy made for `site` on `day`, if it was simulated. */
  plan(site: number, day: number): StockPlan | undefined;
  /** Refunds filed before the decision epoch (censored by latency). */
  observedRefunds(): readonly RefundRecord[];
}

/** Everything a strategy may read when planning one front site for one day. */
export interface DecisionContext {
  readonly day: number;
  readonly date: string;
  /** 0 = Monday … 6 = Sunday. */
  readonly weekday: number;
  readonly site: Site;
  readonly constraints: PlanConstraints;
  readonly skus: readonly Sku[];
  /** ISO date of any day, for calendars. */
  dateOf(day: number): string;
  /** 0 = Monday … 6 = Sunday, of any day. */
  weekdayOf(day: number): number;
  /** On-hand per SKU at the site at the decision epoch. */
  readonly onHand: Float64Array;
  /** The site's batches of one SKU (expiry visible). */
  batches(sku: number): readonly Batch[];
  /** On-hand per SKU at the site's parent. */
  readonly parentOnHand: Float64Array;
  /** The promotion calendar, known in advance (past and future). */
  readonly promotions: readonly Promotion[];
  readonly history: ObservableHistory;
  /** The day's realised orders at the site: given to oracles only. */
  readonly realisedOrders?: readonly Order[];
  /**
   * Pre-sale mode (MODEL §3): the pickup orders of `day` at the site placed
   * before this decision (placement time < `presale.decisionTime` of day − 1).
   */
  readonly knownOrders?: readonly Order[];
  /** Pre-sale timing, when the world is in pre-sale mode. */
  readonly presale?: PresaleModel;
  /** Shocks that have begun by `day` (announced when they start; random ones are not foreseen). */
  readonly knownShocks?: readonly Shock[];
}

/** The simulator's view of a strategy: a name, an oracle flag, a decision. */
export interface Planner {
  readonly name: string;
  /** Oracles may read realised orders; they are upper bounds, not competitors. */
  readonly oracle: boolean;
  /** Return the stock plan of `ctx.site` for `ctx.day`. */
  decide(ctx: DecisionContext): StockPlan;
}
