/**
 * `otpto`, the paper's Optimize-then-Predict-then-Optimize pipeline (MODEL §7):
 * OM1 labels on the history window → PM0 (sales), PM1 (stocked?) and PM2
 * (how much) on gradient-boosted trees → OM2. Trains on the window before the
 * evaluation day, retrains every `retrainEveryDays`, reads only
 * `ctx.history`; training and prediction times go to `services.onDecision`.
 */
import { z } from 'zod';
import type { DecisionContext } from '../../sim/index.js';
import type { DecisionDiagnostic, StrategyDefinition } from '../contract.js';
import { categoryIndex, forecastInputOf } from '../contract.js';
import { forecastSales } from '../forecast.js';
import { predict, predictProba } from '../gbdt/index.js';
import { presaleDemand } from '../presale.js';
import { dayDataOf, dayLabelOf, type DayData, type DayLabel } from './day-data.js';
import { featureNames, featureRows } from './features.js';
import { defaultOm1Options } from '../om1/result.js';
import { solveLabelDay } from './labels.js';
import { pm0Params, promoFactorOf } from './sales-model.js';
import { sizedPlan, table4Regularisation } from './sizing.js';
import { groupsOf, trainOtpto, type OtptoModel } from './train.js';

/** OTPTO's parameters. */
export const otptoParams = z.strictObject({
  /** History days labelled by OM1 before each training (the paper: 90; the default keeps a cold run short). */
  labelWindowDays: z.number().int().min(2).default(56),
  /** Retrain when this many days have passed since the last training. */
  retrainEveryDays: z.number().int().min(1).default(7),
  /** Ablation of the paper's Table 3: 'none' is full OTPTO; 'A1'..'A6' removes that part. */
  ablate: z.enum(['none', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6']).default('none'),
  /** Let HiGHS refine labels (work-limited by OM1's node limit; `labelTimeLimitSeconds` is the per-day safety net). */
  labelUseMip: z.boolean().default(false),
  labelTimeLimitSeconds: z.number().positive().default(defaultOm1Options.timeLimitSeconds),
  /** A2 thresholds: cluster majority and share of stocked active days. */
  crossThreshold: z.number().min(0.5).max(1).default(0.8),
  timeThreshold: z.number().min(0.5).max(1).default(0.8),
  labelClusters: z.number().int().min(2).default(8),
  /** A5: K-means clusters of SKUs. */
  featureClusters: z.number().int().min(2).default(6),
  /** Upper bound on trees of PM1 and PM2 (Table 4: 600 with early stopping after 50). */
  maxTrees: z.number().int().min(1).default(600),
  /** Trees of each PM0 fit (three fits per training: two out-of-fold, one on all days). */
  pm0Trees: z.number().int().min(1).default(pm0Params.numTrees),
  /** OM2: SKUs scoring below this are trimmed first when the plan is over C. */
  minKeepScore: z.number().min(0).max(1).default(0.5),
  /**
   * Label the days since the last training as they pass (one OM1 solve per decision, which the next
   * training reuses), so that the decision features (A3, A5) of a prediction day rest on labels up to
   * the day before, as they do in training; false = only the training window's labels.
   */
  freshLabels: z.boolean().default(true),
  /**
   * 'improved' (default): the changes of issue 14 on — quantile sizing, capacity fill, known pre-sale
   * orders; 'paper': the paper's literal OM2 (PM2's estimate as is, only scaled down, no pre-sale knowledge).
   * The three switches below override the variant one by one (for the ablation).
   */
  variant: z.enum(['improved', 'paper']).default('improved'),
  /** Stock = PM2 estimate × this quantile of its held-out ratio (hindsight / estimate); default 0.65 when improved, none for 'paper'. */
  quantityQuantile: z.number().gt(0).lt(1).optional(),
  /** Raise that quantile for all kept SKUs until the plan fills C; default: on when improved. */
  fillCapacity: z.boolean().optional(),
  /** Pre-sale mode: rank SKUs already ordered first and stock their known quantity plus the unknown share; default: on when improved. */
  useKnownOrders: z.boolean().optional(),
  /** PM1/PM2 regularisation: the paper's Table 4 (PM1 none, PM2 L1 = 0.1) or 'legacy' (L2 = 0.1 on both, freshsim before issue 14). */
  table4: z.enum(['paper', 'legacy']).default('paper'),
  /** Seed of the learners' row/column sampling and K-means. */
  seed: z.number().int().min(0).default(1),
});

/** Resolved parameters. */
export type OtptoParams = z.output<typeof otptoParams>;

/** Extra per-decision figures of OTPTO. */
export interface OtptoDecision extends DecisionDiagnostic {
  readonly trainSeconds: number;
  readonly predictSeconds: number;
  readonly labelSeconds: number;
  readonly retrained: boolean;
}

interface SiteState {
  history?: DecisionContext['history'];
  readonly days: Map<number, DayData>;
  readonly labels: Map<number, { label: DayLabel; status: DecisionDiagnostic['status']; gap: number; cached: boolean; seconds: number }>;
  model?: OtptoModel;
}

/** The OTPTO strategy. */
export const otpto: StrategyDefinition<OtptoParams> = {
  name: 'otpto',
  description: "The paper's Optimize-then-Predict-then-Optimize: OM1 labels on history, PM0/PM1/PM2 gradient-boosted trees, OM2 post-processing.",
  oracle: false,
  params: otptoParams,
  requires: ['highs'],
  create(p, services) {
    const sites = new Map<number, SiteState>();
    const clock = services.clock ?? (() => 0);
    const decisions: OtptoDecision[] = [];
    return {
      name: 'otpto',
      oracle: false,
      decisions,
      decide(ctx: DecisionContext) {
        const st: SiteState = sites.get(ctx.site.id) ?? { days: new Map(), labels: new Map() };
        sites.set(ctx.site.id, st);
        st.history = ctx.history;
        const site = ctx.site.id;
        const dayData = (d: number): DayData => {
          let v = st.days.get(d);
          if (!v) { v = dayDataOf(st.history!.orders(site, d), st.history!.demand(site, d)); st.days.set(d, v); }
          return v;
        };
        let labelSeconds = 0, worstGap = 0, allCached = true, allOptimal = true, solved = 0;
        const label = (d: number): DayLabel => {
          let v = st.labels.get(d);
          if (!v) {
            const t = clock();
            const orders = st.history!.orders(site, d);
            const { result, cached } = solveLabelDay(orders, ctx.constraints, ctx.skus.length, {
              gmvTieBreak: p.ablate !== 'A2', useMip: p.labelUseMip, timeLimitSeconds: p.labelTimeLimitSeconds,
            }, services);
            v = { label: dayLabelOf(result, orders), status: result.status, gap: result.gap, cached, seconds: (clock() - t) / 1000 };
            st.labels.set(d, v);
            labelSeconds += v.seconds;
            solved++;
            worstGap = Math.max(worstGap, result.gap);
            allCached &&= cached;
            allOptimal &&= result.status === 'optimal';
          }
          return v.label;
        };
        const { categoryOf, categoryCount } = categoryIndex(ctx.skus);
        const calendar = { skus: ctx.skus, categoryOf, weekdayOf: ctx.weekdayOf, promoFactor: promoFactorOf(ctx.promotions) };
        const t0 = clock();
        const retrained = !st.model || ctx.day - st.model.trainedAt >= p.retrainEveryDays;
        if (retrained) {
          const reg = table4Regularisation(p.table4);
          st.model = trainOtpto({
            pm1Overrides: reg.pm1, pm2Overrides: reg.pm2,
            day: ctx.day, firstDay: ctx.history.firstDay, labelWindowDays: p.labelWindowDays, ablate: p.ablate,
            smoothing: { clusters: p.labelClusters, crossThreshold: p.crossThreshold, timeThreshold: p.timeThreshold, seed: p.seed },
            maxTrees: p.maxTrees, pm0Trees: p.pm0Trees, seed: p.seed, calendar, dayData, label, featureClusters: p.featureClusters,
          });
        }
        const model = st.model!;
        // Labels of the days since training (each solved once; the next training reuses them).
        const freshLabel = (d: number): DayLabel | undefined => (d >= model.trainedAt - p.labelWindowDays ? label(d) : undefined);
        if (p.freshLabels) for (let d = model.trainedAt; d < ctx.day; d++) label(d);
        const t1 = clock();
        const groups = groupsOf(p.ablate);
        const F = featureNames(groups).length;
        const x = { numRows: ctx.skus.length, numFeatures: F, values: featureRows(ctx.day, groups, model.source(ctx.day, p.freshLabels ? freshLabel : undefined)) };
        const scores = model.pm1 ? predictProba(model.pm1, x) : new Float64Array(ctx.skus.length).fill(model.constantScore);
        const qty = model.pm2 ? predict(model.pm2, x) : new Float64Array(ctx.skus.length).fill(ctx.constraints.L);
        const improved = p.variant === 'improved';
        const pre = (p.useKnownOrders ?? improved) && ctx.knownOrders
          ? presaleDemand(ctx, forecastSales(forecastInputOf(ctx, { categoryOf, categoryCount })))
          : undefined;
        const plan = sizedPlan(scores, qty, model.pm2Ratios, ctx.skus, ctx.constraints, {
          minKeepScore: p.minKeepScore, quantile: p.quantityQuantile ?? (improved ? 0.65 : undefined),
          fill: p.fillCapacity ?? improved, known: pre ? { qty: pre.known, share: pre.knownShare } : undefined,
        });
        const t2 = clock();
        const d: OtptoDecision = {
          strategy: 'otpto', day: ctx.day, date: ctx.date, site: ctx.site.name,
          status: allOptimal ? 'optimal' : 'work-limit', objective: 0, bound: 0, gap: worstGap,
          seconds: (t2 - t0) / 1000, cached: solved === 0 || allCached,
          trainSeconds: (t1 - t0) / 1000 - labelSeconds, predictSeconds: (t2 - t1) / 1000, labelSeconds, retrained,
        };
        decisions.push(d);
        services.onDecision?.(d);
        return plan;
      },
    } as import('../../sim/index.js').Planner;
  },
};
