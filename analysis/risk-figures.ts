/**
 * Risk figures of one run (one cell) and their summary over seeds: shock
 * windows, the refund rate by reporting lag with its nowcast and error, loss
 * accounting per stage, supplier performance, pre-sale pickup figures and
 * split-delivery lateness. The field names follow reports/extensions.ts
 * (`shocks`, `strategies[name].refundByLag`) and docs/MODEL-CHOICES.md.
 */
import type { SimulationResult, StageDay } from '../sim/index.js';
import { nowcastOptions, nowcastRefundRates, refundCurves, type Nowcast } from './refund-nowcast.js';
import type { PickupRow, ShockWindow, SupplierRow } from './results-document.js';
import { mean } from './stats.js';

/** A shock of a run that overlaps the evaluation days (day numbers, inclusive). */
export interface ShockSpan {
  readonly kind: string;
  readonly label: string;
  readonly firstDay: number;
  readonly lastDay: number;
}

/** Refund rate by lag over the evaluation days (see reports' RefundByLag), with the nowcast's error. */
export interface RefundByLagFigures {
  readonly lagDays: readonly number[];
  readonly observedRate: readonly number[];
  readonly trueRate: number;
  /** The nowcast of the true rate made k days after fulfilment. */
  readonly nowcastRate: readonly number[];
  /** Mean absolute error over the last 3 fulfilment days (lags 0–2) of the nowcast and of the observed-so-far rate. */
  readonly nowcastMae3: number;
  readonly naiveMae3: number;
}

/** Mean units per evaluation day of one level's flows. */
export type StageFigures = Omit<StageDay, 'day'>;

/** A supplier's performance over the run (the results document's row). */
export type SupplierFigures = SupplierRow;

/** Pre-sale figures (MODEL §3; the results document's row). */
export type PickupFigures = PickupRow;

/** Everything risk-related one cell contributes. */
export interface CellRiskFigures {
  readonly shocks: readonly ShockSpan[];
  readonly refundByLag: RefundByLagFigures;
  readonly stages: readonly StageFigures[];
  readonly suppliers: readonly SupplierFigures[];
  readonly pickup?: PickupFigures;
  /** Mean hours late of a split order's second delivery (0 without any). */
  readonly extraDeliveryLatenessHours: number;
  /** The fronts under lockdowns that overlap the evaluation days, with their own daily full-order rate (absent without such lockdowns). */
  readonly lockedDown?: LockedDownFigures;
}

/** The front sites a lockdown covers (open or closed), all lockdowns of the window together. */
export interface LockedDownFigures {
  /** Front site ids, ascending. */
  readonly fronts: readonly number[];
  /** Full-order rate of those fronts together on each evaluation day (0 on a day without orders there). */
  readonly daily: readonly number[];
}

/** Daily full-order rate of `fronts` over the evaluation days, pooled over the fronts. */
export function lockedDownFigures(run: SimulationResult, evaluationStart: number, evaluationDays: number): LockedDownFigures | undefined {
  const end = evaluationStart + evaluationDays - 1;
  const fronts = new Set<number>();
  for (const s of run.shocks) if (s.kind === 'lockdown' && s.lastDay >= evaluationStart && s.firstDay <= end) for (const f of s.fronts) fronts.add(f);
  if (fronts.size === 0) return undefined;
  const orders = new Float64Array(evaluationDays);
  const full = new Float64Array(evaluationDays);
  for (const x of run.siteDays) {
    const k = x.day - evaluationStart;
    if (k < 0 || k >= evaluationDays || !fronts.has(x.site)) continue;
    orders[k] += x.orders;
    full[k] += x.fullOrders;
  }
  return { fronts: [...fronts].sort((a, b) => a - b), daily: Array.from(orders, (o, k) => (o > 0 ? full[k] / o : 0)) };
}

function refundByLag(run: SimulationResult, evalStart: number, evalDays: number): RefundByLagFigures {
  const W = run.refundWindowDays;
  const days = Array.from({ length: evalDays }, (_, k) => evalStart + k);
  const curves = refundCurves(run.refundCells, W, days).filter((c) => c.lines > 0);
  const opts = nowcastOptions(W);
  const byAsOf = new Map<number, Map<number, Nowcast>>();
  const nowcastOf = (day: number, asOf: number): Nowcast | undefined => {
    let m = byAsOf.get(asOf);
    if (!m) { m = new Map(nowcastRefundRates(run.refundCells, asOf, opts).map((x) => [x.day, x])); byAsOf.set(asOf, m); }
    return m.get(day);
  };
  const lagDays = Array.from({ length: W + 1 }, (_, k) => k);
  const nowcastRate = lagDays.map((k) => mean(curves.map((c) => (k >= W ? c.trueRate : nowcastOf(c.day, c.day + k)?.nowcastRate ?? c.observedByLag[k]))));
  const err = (f: (c: (typeof curves)[number], k: number) => number): number =>
    mean(curves.flatMap((c) => [0, 1, 2].filter((k) => k <= W).map((k) => Math.abs(f(c, k) - c.trueRate))));
  return {
    lagDays,
    observedRate: lagDays.map((k) => mean(curves.map((c) => c.observedByLag[k]))),
    trueRate: mean(curves.map((c) => c.trueRate)),
    nowcastRate,
    nowcastMae3: err((c, k) => (k >= W ? c.trueRate : nowcastOf(c.day, c.day + k)?.nowcastRate ?? c.observedByLag[k])),
    naiveMae3: err((c, k) => c.observedByLag[k]),
  };
}

function stages(run: SimulationResult, evalDays: number): StageFigures[] {
  return (['central', 'grid', 'front'] as const).map((level) => {
    const rows = run.stages.filter((s) => s.level === level);
    const avg = (f: (s: StageDay) => number): number => rows.reduce((a, s) => a + f(s), 0) / Math.max(1, evalDays);
    return {
      level, opening: avg((s) => s.opening), received: avg((s) => s.received), returnedIn: avg((s) => s.returnedIn), sold: avg((s) => s.sold),
      shippedDown: avg((s) => s.shippedDown), returnedUp: avg((s) => s.returnedUp), spoiled: avg((s) => s.spoiled), onHand: avg((s) => s.onHand),
      inTransit: avg((s) => s.inTransit),
    };
  });
}

/** The risk figures of one run over `evaluationDays` days from `evaluationStart`; `simulatedDays` scales supplier volume. */
export function cellRiskFigures(run: SimulationResult, evaluationStart: number, evaluationDays: number, simulatedDays: number): CellRiskFigures {
  const end = evaluationStart + evaluationDays - 1;
  const m = run.siteDays;
  const sum = (f: (x: (typeof m)[number]) => number): number => m.reduce((a, x) => a + f(x), 0);
  const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
  const presale = sum((x) => x.shortfallRefundLines) > 0 || run.mode === 'presale';
  const lockedDown = lockedDownFigures(run, evaluationStart, evaluationDays);
  return {
    shocks: run.shocks.filter((s) => s.lastDay >= evaluationStart && s.firstDay <= end)
      .map((s) => ({ kind: s.kind, label: s.label, firstDay: s.firstDay, lastDay: s.lastDay })),
    refundByLag: refundByLag(run, evaluationStart, evaluationDays),
    stages: stages(run, evaluationDays),
    suppliers: run.suppliers.map((s) => ({
      name: s.name,
      volumePerDay: s.unitsDelivered / Math.max(1, simulatedDays),
      fillRate: ratio(s.unitsDelivered, s.unitsOrdered),
      punctuality: ratio(s.onTimeOrders, s.purchaseOrders),
      quality: 1 - ratio(s.defectiveLines, s.linesSold),
    })),
    ...(presale ? {
      pickup: {
        pickupFulfilmentRate: ratio(sum((x) => x.unitsFromSite), sum((x) => x.unitsDemanded)),
        shortfallRefundLines: sum((x) => x.shortfallRefundLines) / evaluationDays,
        shortfallRefundAmount: sum((x) => x.shortfallRefundAmount) / evaluationDays,
      },
    } : {}),
    extraDeliveryLatenessHours: ratio(sum((x) => x.extraDeliveryLatenessHours), sum((x) => x.extraDeliveries)),
    ...(lockedDown ? { lockedDown } : {}),
  };
}


/** A shock window for reports: kind, label and ISO dates (the results document's ShockWindow, always labelled). */
export type ShockWindowRow = ShockWindow & { readonly label: string };

/** Risk fields of one strategy's summary: means over seeds. */
export interface RiskSummary {
  readonly refundByLag: RefundByLagFigures;
  readonly stages: readonly StageFigures[];
  readonly suppliers: readonly SupplierFigures[];
  readonly pickup?: PickupFigures;
  readonly extraDeliveryLatenessHours: number;
}

const meanOf = <T>(xs: readonly T[], f: (x: T) => number): number => mean(xs.map(f));
/**
 * Mean over the seeds whose value is known: a seed with no order lines in the
 * evaluation has no refund rate (NaN in memory, null once stored); 0 when none has.
 */
const knownMeanOf = <T>(xs: readonly T[], f: (x: T) => number | null): number => {
  const known = xs.map(f).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return known.length > 0 ? mean(known) : 0;
};

/** Average one strategy's cell risk figures over seeds. */
export function summariseRisk(cells: readonly CellRiskFigures[]): RiskSummary {
  const r0 = cells[0].refundByLag;
  const pick = cells.filter((c) => c.pickup).map((c) => c.pickup!);
  return {
    refundByLag: {
      lagDays: r0.lagDays,
      observedRate: r0.lagDays.map((_, k) => knownMeanOf(cells, (c) => c.refundByLag.observedRate[k])),
      trueRate: knownMeanOf(cells, (c) => c.refundByLag.trueRate),
      nowcastRate: r0.lagDays.map((_, k) => knownMeanOf(cells, (c) => c.refundByLag.nowcastRate[k])),
      nowcastMae3: knownMeanOf(cells, (c) => c.refundByLag.nowcastMae3),
      naiveMae3: knownMeanOf(cells, (c) => c.refundByLag.naiveMae3),
    },
    stages: cells[0].stages.map((s, k) => ({
      level: s.level,
      opening: meanOf(cells, (c) => c.stages[k].opening), received: meanOf(cells, (c) => c.stages[k].received),
      returnedIn: meanOf(cells, (c) => c.stages[k].returnedIn), sold: meanOf(cells, (c) => c.stages[k].sold),
      shippedDown: meanOf(cells, (c) => c.stages[k].shippedDown), returnedUp: meanOf(cells, (c) => c.stages[k].returnedUp),
      spoiled: meanOf(cells, (c) => c.stages[k].spoiled), onHand: meanOf(cells, (c) => c.stages[k].onHand),
      inTransit: meanOf(cells, (c) => c.stages[k].inTransit),
    })),
    suppliers: cells[0].suppliers.map((s, k) => ({
      name: s.name,
      volumePerDay: meanOf(cells, (c) => c.suppliers[k].volumePerDay),
      fillRate: meanOf(cells, (c) => c.suppliers[k].fillRate),
      punctuality: meanOf(cells, (c) => c.suppliers[k].punctuality),
      quality: meanOf(cells, (c) => c.suppliers[k].quality),
    })),
    ...(pick.length ? {
      pickup: {
        pickupFulfilmentRate: meanOf(pick, (p) => p.pickupFulfilmentRate),
        shortfallRefundLines: meanOf(pick, (p) => p.shortfallRefundLines),
        shortfallRefundAmount: meanOf(pick, (p) => p.shortfallRefundAmount),
      },
    } : {}),
    extraDeliveryLatenessHours: meanOf(cells, (c) => c.extraDeliveryLatenessHours),
  };
}

/**
 * The shock windows of all cells as ISO date ranges clipped to the
 * evaluation days (`days[k]` is evaluation day `evaluationStart + k`). When
 * seeds differ (random shocks), each window is labelled with its seed.
 */
export function shockWindows(perSeed: readonly (readonly ShockSpan[])[], seeds: readonly number[], days: readonly string[], evaluationStart: number): ShockWindowRow[] {
  const key = (s: readonly ShockSpan[]): string => JSON.stringify(s);
  const same = perSeed.every((s) => key(s) === key(perSeed[0]));
  const out: ShockWindowRow[] = [];
  const clip = (d: number): string => days[Math.min(days.length - 1, Math.max(0, d - evaluationStart))];
  perSeed.forEach((spans, k) => {
    if (same && k > 0) return;
    for (const s of spans) out.push({ kind: s.kind, label: same ? s.label : `${s.label} (seed ${seeds[k]})`, from: clip(s.firstDay), to: clip(s.lastDay) });
  });
  return out;
}

/** Labels of the shocks active on evaluation day `day` in any seed. */
export function shocksOn(perSeed: readonly (readonly ShockSpan[])[], day: number): string[] {
  const labels = new Set<string>();
  for (const spans of perSeed) for (const s of spans) if (day >= s.firstDay && day <= s.lastDay) labels.add(s.label);
  return [...labels];
}
