/**
 * One OTPTO training at a site (MODEL §7): OM1 labels of the window's days
 * (through the OM1 cache), label smoothing (A2), PM0 on the window, feature
 * rows of the training days, then PM1 (classifier on y) and PM2 (regressor on
 * x, only where x > 0 under sample strategy A1). Reads days before the
 * training day only.
 */
import { createStreams } from '../../sim/index.js';
import { pm1Params, pm2Params, predict, trainGbdt, type GbdtModel, type GbdtParams } from '../gbdt/index.js';
import type { DayData, DayLabel } from './day-data.js';
import { featureNames, featureRows, type FeatureGroup, type FeatureSource } from './features.js';
import { smoothCrossSection, smoothTimeSeries, type SmoothingOptions } from './labels.js';
import { fitSalesModel, type SalesCalendar, type SalesModel } from './sales-model.js';
import { errorRatios } from './sizing.js';

/** The ablation variants of the paper's Table 3: 'none' is full OTPTO. */
export type Ablation = 'none' | 'A1' | 'A2' | 'A3' | 'A4' | 'A5' | 'A6';

/** Feature groups used under an ablation. */
export function groupsOf(ablate: Ablation): ReadonlySet<FeatureGroup> {
  return new Set((['A3', 'A4', 'A5', 'A6'] as const).filter((g) => g !== ablate));
}

/** What a training needs. */
export interface TrainingSetup {
  readonly day: number;
  readonly firstDay: number;
  readonly labelWindowDays: number;
  readonly ablate: Ablation;
  readonly smoothing: SmoothingOptions;
  readonly maxTrees: number;
  readonly pm0Trees: number;
  readonly seed: number;
  readonly calendar: SalesCalendar;
  dayData(day: number): DayData;
  /** The raw OM1 label of a past day (solved or from the cache on first use). */
  label(day: number): DayLabel;
  readonly featureClusters: number;
  /** Overrides of PM1's and PM2's learner parameters (Table 4 regularisation). */
  readonly pm1Overrides?: Partial<GbdtParams>;
  readonly pm2Overrides?: Partial<GbdtParams>;
}

/** A trained OTPTO model for one site. */
export interface OtptoModel {
  readonly trainedAt: number;
  readonly pm0: SalesModel;
  /** Undefined when every training label was the same: then `constantScore`. */
  readonly pm1?: GbdtModel;
  readonly constantScore: number;
  readonly pm2?: GbdtModel;
  /** Sorted ratios (hindsight stock / PM2 estimate) on held-out days (training days without them). */
  readonly pm2Ratios: Float64Array;
  readonly trainingRows: number;
  readonly labelDays: number;
  /** Feature source of a day; `labelOf` (default: the training window's labels) gives later days' labels at prediction. */
  readonly source: (day: number, labelOf?: (d: number) => DayLabel | undefined) => FeatureSource;
}

/** Rows of `days` stacked. */
function stack(days: readonly number[], build: (d: number) => Float64Array): Float64Array {
  const parts = days.map(build);
  const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** Train PM0, PM1 and PM2 on the window before `s.day`. */
export function trainOtpto(s: TrainingSetup): OtptoModel {
  const n = s.calendar.skus.length;
  const labelStart = Math.max(s.firstDay, s.day - s.labelWindowDays);
  const labelDays = Array.from({ length: s.day - labelStart }, (_, k) => labelStart + k);
  const raw = new Map(labelDays.map((d) => [d, s.label(d)]));
  // Label strategy A2: smoothed y (x stays OM1's).
  let ys = labelDays.map((d) => raw.get(d)!.y);
  if (s.ablate !== 'A2') {
    ys = labelDays.map((d, k) => {
      const dem = s.dayData(d).demand;
      const prev = d > s.firstDay ? s.dayData(d - 1).demand : dem;
      const active: number[] = [];
      for (let i = 0; i < n; i++) if (dem[i] > 0 || ys[k][i] > 0) active.push(i);
      const points = active.map((i) => [Math.log1p(dem[i]), Math.log1p(prev[i])]);
      return smoothCrossSection(ys[k], active, points, { ...s.smoothing, seed: s.smoothing.seed + d });
    });
    ys = smoothTimeSeries(ys, labelDays.map((d) => s.dayData(d).demand), s.smoothing.timeThreshold);
  }
  const smoothY = new Map(labelDays.map((d, k) => [d, ys[k]]));

  const pm0From = Math.max(s.firstDay + 7, labelStart - 21);
  const pm0 = fitSalesModel(Math.min(pm0From, s.day - 1), s.day, s.firstDay, (d) => s.dayData(d).demand, s.calendar, { residualWindowDays: 28, seed: s.seed, trees: s.pm0Trees });
  const source = (day: number, labelOf?: (d: number) => DayLabel | undefined): FeatureSource => ({
    skuCount: n, categoryOf: s.calendar.categoryOf, price: Float64Array.from(s.calendar.skus, (k) => k.price),
    weekdayOf: s.calendar.weekdayOf, promoFactor: s.calendar.promoFactor,
    dayData: (d) => { if (d >= day) throw new Error(`OTPTO features of day ${day} asked for day ${d}`); return s.dayData(d); },
    label: (d) => (d >= day ? undefined : labelOf ? labelOf(d) : raw.get(d)),
    pm0: (d) => pm0.featuresOf(d),
    firstDay: s.firstDay, clusters: s.featureClusters, seed: s.seed,
  });

  const groups = groupsOf(s.ablate);
  const F = featureNames(groups).length;
  const skip = labelDays.length > 8 ? 7 : Math.min(1, labelDays.length - 1);
  const trainDays = labelDays.slice(Math.max(0, skip));
  const valDays = trainDays.length >= 10 ? trainDays.filter((_, k) => k % 5 === 4) : [];
  const fitDays = trainDays.filter((d) => !valDays.includes(d));
  const rowsOf = (days: number[]) => stack(days, (d) => featureRows(d, groups, source(d)));
  const yOf = (days: number[]) => stack(days, (d) => Float64Array.from(smoothY.get(d)!));
  const xOf = (days: number[]) => stack(days, (d) => raw.get(d)!.x);
  const X = rowsOf(fitDays), Y = yOf(fitDays), XS = xOf(fitDays);
  const VX = valDays.length ? rowsOf(valDays) : undefined, VY = valDays.length ? yOf(valDays) : undefined, VS = valDays.length ? xOf(valDays) : undefined;
  const rng = (name: string) => createStreams(s.seed, s.day).stream(`otpto/${name}`);
  const m = (v: Float64Array) => ({ numRows: v.length / F, numFeatures: F, values: v });

  let positives = 0;
  for (const y of Y) positives += y;
  const pm1 = positives > 0 && positives < Y.length ? trainGbdt({
    x: m(X), y: Y, params: { ...pm1Params, ...s.pm1Overrides, numTrees: Math.min(pm1Params.numTrees, s.maxTrees) }, rng: rng('pm1'),
    ...(VX && VY ? { validation: { x: m(VX), y: VY } } : {}),
  }).model : undefined;

  // Sample strategy A1: PM2 learns the stock only where OM1 stocked the SKU.
  const select = (x: Float64Array, s2: Float64Array): { x: Float64Array; y: Float64Array } => {
    if (s.ablate === 'A1') return { x, y: s2 };
    const rows: number[] = [];
    for (let r = 0; r < s2.length; r++) if (s2[r] > 0) rows.push(r);
    const xs = new Float64Array(rows.length * F);
    rows.forEach((r, k) => xs.set(x.subarray(r * F, (r + 1) * F), k * F));
    return { x: xs, y: Float64Array.from(rows, (r) => s2[r]) };
  };
  const tr2 = select(X, XS);
  const va2 = VX && VS ? select(VX, VS) : undefined;
  const pm2 = tr2.y.length > 0 ? trainGbdt({
    x: m(tr2.x), y: tr2.y, params: { ...pm2Params, ...s.pm2Overrides, numTrees: Math.min(pm2Params.numTrees, s.maxTrees) }, rng: rng('pm2'),
    ...(va2 && va2.y.length > 0 ? { validation: { x: m(va2.x), y: va2.y } } : {}),
  }).model : undefined;
  const held = va2 && va2.y.length > 0 ? va2 : tr2;
  const pm2Ratios = pm2 ? errorRatios(held.y, predict(pm2, m(held.x))) : new Float64Array(0);
  return {
    trainedAt: s.day, pm0, pm1, pm2, pm2Ratios, constantScore: Y.length ? positives / Y.length : 0,
    trainingRows: Y.length, labelDays: labelDays.length, source,
  };
}
