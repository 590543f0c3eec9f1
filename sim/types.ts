/**
 * The world of MODEL §1: catalogue, network, suppliers and orders.
 * Plain data, built by scenarios/ and read by the simulator and strategies.
 */

/** Unit of a SKU: pieces, or kilograms (fractional quantities). */
export type UnitKind = 'piece' | 'kg';

/** Level of a warehouse in the tree. */
export type Level = 'central' | 'grid' | 'front';

/** One stock-keeping unit of the catalogue; `id` is its index in the catalogue. */
export interface Sku {
  readonly id: number;
  readonly code: string;
  readonly category: string;
  readonly unit: UnitKind;
  /** Regular selling price per unit. */
  readonly price: number;
  /** Purchase cost per unit. */
  readonly cost: number;
  readonly shelfLifeDays: number;
  /** Index of the supplier that delivers this SKU to central. */
  readonly supplier: number;
}

/** A supplier feeding `central` (MODEL §1). */
export interface Supplier {
  readonly id: number;
  readonly name: string;
  readonly leadTimeDays: number;
  /** Probability that a delivery arrives on time (else one day late). */
  readonly onTimeProbability: number;
  /** Probability that an order is delivered in full (else partly). */
  readonly fillRate: number;
  /** Base probability that a sold unit from this supplier is defective. */
  readonly defectRate: number;
}

/** A warehouse; `id` is its index in the network's site list. */
export interface Site {
  readonly id: number;
  readonly name: string;
  readonly level: Level;
  /** Index of the parent site, or -1 for central. */
  readonly parent: number;
  /** Units one overnight trip from the parent can carry. */
  readonly tripCapacityUnits: number;
  /** Position in km (for delivery lateness and rerouting); absent = at its parent's position. */
  readonly x?: number;
  readonly y?: number;
  /** Nights a trip from the parent takes (0 = arrives the same night; grids only). */
  readonly tripLeadTimeDays?: number;
  /** Name of the region (the tree under one central) the site belongs to. */
  readonly region?: string;
}

/** One line of a customer order. */
export interface OrderLine {
  readonly sku: number;
  readonly qty: number;
}

/** A customer order (a basket) at a front site. */
export interface Order {
  readonly id: number;
  readonly day: number;
  /** Arrival time as a fraction of the day in [0, 1). */
  readonly timeOfDay: number;
  readonly site: number;
  readonly lines: readonly OrderLine[];
  readonly gmv: number;
  /** The site the customer ordered from, when it was closed and the order rerouted to `site`. */
  readonly originSite?: number;
}

/** A promotion from the calendar (known in advance). */
export interface Promotion {
  readonly sku: number;
  readonly firstDay: number;
  readonly lastDay: number;
  /** Price multiplier during the promotion (e.g. 0.8 = 20% off). */
  readonly priceFactor: number;
}

/** The paper's plan constraints at a front site. */
export interface PlanConstraints {
  /** At most K SKU types stocked. */
  readonly K: number;
  /** At most C units in total. */
  readonly C: number;
  /** Every stocked SKU at least L units. */
  readonly L: number;
}

/** Defect and refund behaviour (MODEL §2.5–2.6). */
export interface RefundModel {
  /** Extra defect probability per unit of (age at sale / shelf life). */
  readonly ageDefectFactor: number;
  /** Mean days until a customer notices a defect (geometric). */
  readonly meanDiscoveryDays: number;
  /** Mean days from noticing to filing (geometric). */
  readonly meanFilingDays: number;
  /** Refunds filed more than this many days after fulfilment are refused. */
  readonly windowDays: number;
  /** Discovery delay as probabilities of 0, 1, 2, … days (replaces the geometric mean when given). */
  readonly discoveryPmf?: readonly number[];
  /** Filing delay as probabilities of 0, 1, 2, … days (replaces the geometric mean when given). */
  readonly filingPmf?: readonly number[];
}

/** Where a line the front site cannot serve is sourced from, and how late its delivery is. */
export interface FulfilmentModel {
  /** `parent`: the parent grid or lost (MODEL §2.4); `parent-then-central`: then the region's central. */
  readonly splitSourcing: 'parent' | 'parent-then-central';
  /** Average speed of a second delivery, for its lateness. */
  readonly speedKmPerHour: number;
  /** Hours to pick and dispatch a second delivery, before the drive. */
  readonly dispatchHours: number;
}

/** Pre-sale (community group-buying) timing, MODEL §3; times are fractions of the order day. */
export interface PresaleModel {
  /** Orders for pickup on day d + 1 are placed on day d until this time. */
  readonly cutoffTime: number;
  /** The plan for day d + 1 is made at this time of day d, with the orders placed before it known. */
  readonly decisionTime: number;
  /** Time of day of the pickup on day d + 1. */
  readonly pickupTime: number;
}

/** Upstream base-stock policy parameters for one level. */
export interface BaseStockPolicy {
  /** Days of demand the order-up-to level covers beyond the lead time. */
  readonly coverDays: number;
  /** Safety factor on the standard deviation of daily demand. */
  readonly safetyZ: number;
  /** Days of history used to estimate daily demand. */
  readonly windowDays: number;
}

/** Everything exogenous about one replication: the world and its orders. */
export interface World {
  readonly skus: readonly Sku[];
  readonly suppliers: readonly Supplier[];
  readonly sites: readonly Site[];
  readonly promotions: readonly Promotion[];
  /** Orders per day (index = day), all front sites, in arrival order. */
  readonly ordersByDay: readonly (readonly Order[])[];
  /** ISO date of day 0. */
  readonly startDate: string;
  /**
   * ISO date of each day when days are not consecutive calendar days (an
   * imported history skips days without orders); absent = startDate + day.
   */
  readonly dates?: readonly string[];
  readonly historyDays: number;
  readonly evaluationDays: number;
  readonly constraints: PlanConstraints;
  readonly refunds: RefundModel;
  readonly gridPolicy: BaseStockPolicy;
  readonly centralPolicy: BaseStockPolicy;
  /** Simulated days before the first evaluation day (not measured). */
  readonly warmupDays: number;
  /** Split-line sourcing and lateness (default: parent only, no lateness model). */
  readonly fulfilment?: FulfilmentModel;
  /** Pre-sale mode when given: `ordersByDay[d]` are the pickups of day d, placed on day d − 1. */
  readonly presale?: PresaleModel;
  /** Shocks of this replication (timeline and random draws), resolved to ids. */
  readonly shocks?: readonly Shock[];
  /** Orders placed at a closed site with no open site near enough, per day (never served). */
  readonly lostOrdersByDay?: readonly (readonly Order[])[];
}

/** Fields every shock has: a label and an inclusive window of days. */
interface ShockBase {
  readonly label: string;
  readonly firstDay: number;
  readonly lastDay: number;
}

/**
 * A lockdown of (part of) a region (MODEL §4). Its demand effects are in the
 * orders already; the simulator applies trip capacity, lead times and closures.
 */
export interface LockdownShock extends ShockBase {
  readonly kind: 'lockdown';
  /** Central site id of the region. */
  readonly region: number;
  /** Front sites whose demand is affected. */
  readonly fronts: readonly number[];
  /** Front sites closed during the window. */
  readonly closedFronts: readonly number[];
  readonly demandFactor: number;
  readonly basketFactor: number;
  /** Demand multiplier of staple categories (a mix shift). */
  readonly stapleFactor: number;
  readonly tripCapacityFactor: number;
  readonly leadTimeExtraDays: number;
  /** Days over which demand relaxes back after `lastDay`. */
  readonly decayDays: number;
  /** Closed sites' orders go to the nearest open site within this distance, else they are lost. */
  readonly rerouteKm: number;
}

/** A supplier's fill rate and lead time change for a period. */
export interface SupplierDisruptionShock extends ShockBase {
  readonly kind: 'supplier-disruption';
  readonly supplier: number;
  /** Fill rate during the disruption. */
  readonly fillRate: number;
  readonly leadTimeExtraDays: number;
}

/** A supplier × category's defect rate is multiplied for a period, in one region or all (-1). */
export interface QualityIncidentShock extends ShockBase {
  readonly kind: 'quality-incident';
  readonly supplier: number;
  readonly category: string;
  readonly region: number;
  readonly defectFactor: number;
}

/** Demand of a category (or all, '') × factor in a region (or all, -1). */
export interface DemandSurgeShock extends ShockBase {
  readonly kind: 'demand-surge';
  readonly category: string;
  readonly region: number;
  readonly demandFactor: number;
}

/** A shock, keyed on `kind`. */
export type Shock = LockdownShock | SupplierDisruptionShock | QualityIncidentShock | DemandSurgeShock;

// Strategies ask for dates and weekdays per SKU and day; parsing the start date every time
// dominated the decision time of PTO (profiled on the `city` scenario), so both are memoised.
const startDays = new Map<string, number>();
const isoByEpochDay = new Map<number, string>();

function startEpochDay(startDate: string): number {
  let d = startDays.get(startDate);
  if (d === undefined) {
    const t = Date.parse(`${startDate}T00:00:00Z`);
    d = Math.round(t / 86_400_000);
    if (startDays.size < 10_000 && Number.isFinite(d)) startDays.set(startDate, d);
  }
  return d;
}

/** ISO date (YYYY-MM-DD) of `day` days after `startDate`. */
export function dateOf(startDate: string, day: number): string {
  const epochDay = startEpochDay(startDate) + day;
  let iso = isoByEpochDay.get(epochDay);
  if (iso === undefined) {
    iso = new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
    if (isoByEpochDay.size < 100_000) isoByEpochDay.set(epochDay, iso);
  }
  return iso;
}

/** ISO date of `day` in `world`: its `dates` when given (continued day by day past the last), else startDate + day. */
export function worldDateOf(world: Pick<World, 'startDate' | 'dates'>, day: number): string {
  const dates = world.dates;
  if (!dates || dates.length === 0) return dateOf(world.startDate, day);
  if (day >= 0 && day < dates.length) return dates[day];
  return day < 0 ? dateOf(dates[0], day) : dateOf(dates[dates.length - 1], day - dates.length + 1);
}

/** Day of week (0 = Monday … 6 = Sunday) of `day` in `world` (see {@link worldDateOf}). */
export function worldWeekdayOf(world: Pick<World, 'startDate' | 'dates'>, day: number): number {
  return weekdayOf(worldDateOf(world, day), 0);
}

/** Day of week of `day` (0 = Monday … 6 = Sunday). */
export function weekdayOf(startDate: string, day: number): number {
  // 1970-01-01 (epoch day 0) was a Thursday (3 when Monday = 0).
  return (((startEpochDay(startDate) + day + 3) % 7) + 7) % 7;
}
