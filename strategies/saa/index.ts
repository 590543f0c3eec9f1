/** `saa`: the sample-average OM1 plan over plausible days for tomorrow. */
export { fillSpareCapacity, saa, saaParams, saaPlan, type SaaParams } from './saa.js';
export { promotionUplift, sampleScenarios, type ScenarioDay, type ScenarioInput, type ScenarioOptions } from './scenarios.js';
export { sampleAveragePlan, scenarioInstance, type SaaWork } from './solve.js';
