/**
 * strategies/otpto — the paper's Optimize-then-Predict-then-Optimize
 * pipeline (MODEL §7): labels from OM1, PM0/PM1/PM2 on gradient-boosted
 * trees, features A3–A6, OM2, and the ablation variants of its Table 3.
 */
export { otpto, otptoParams, type OtptoDecision, type OtptoParams } from './otpto.js';
export { defaultOm2Options, om2Plan, type Om2Options } from './om2.js';
export { clusterSkus, featureNames, featureRows, type FeatureGroup, type FeatureSource } from './features.js';
export { dayDataOf, dayLabelOf, type DayData, type DayLabel } from './day-data.js';
export { smoothCrossSection, smoothTimeSeries, solveLabelDay, type LabelSolveOptions, type SmoothingOptions } from './labels.js';
export { fitSalesModel, pm0FeatureNames, pm0Features, pm0Params, promoFactorOf, type SalesModel } from './sales-model.js';
export { groupsOf, trainOtpto, type Ablation, type OtptoModel } from './train.js';
