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
  readonly historyDays: number;
  readonly evaluationDays: number;
  readonly constraints: PlanConstraints;
  readonly refunds: RefundModel;
  readonly gridPolicy: BaseStockPolicy;
  readonly centralPolicy: BaseStockPolicy;
  /** Simulated days before the first evaluation day (not measured). */
  readonly warmupDays: number;
}

/** ISO date (YYYY-MM-DD) of `day` days after `startDate`. */
export function dateOf(startDate: string, day: number): string {
  const t = Date.parse(`${startDate}T00:00:00Z`) + day * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Day of week of `day` (0 = Monday … 6 = Sunday). */
export function weekdayOf(startDate: string, day: number): number {
  const t = Date.parse(`${startDate}T00:00:00Z`) + day * 86_400_000;
  return (new Date(t).getUTCDay() + 6) % 7;
}
