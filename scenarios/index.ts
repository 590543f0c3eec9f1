/**
 * scenarios/ — the scenario schema and its validation, the built-in
 * scenarios, and the generators that turn a scenario into a world.
 */
export { scenarioSchema, type Scenario, type ScenarioInput } from './schema.js';
export { formatIssues, formatPath, parseScenario, ScenarioError, validateScenario } from './parse.js';
export { builtinScenarios } from './builtin/index.js';
export { buildCatalogue, buildSites, buildSuppliers, type Catalogue } from './catalogue.js';
export { drawPromotions, generateSiteOrders, type PromotionDraw } from './demand.js';
export { buildWorld } from './build-world.js';
export * from './import/index.js';
export {
  historyReaderFor, parseHistory, parseManifest, type HistoryFileText, type HistoryReader, type LoadedHistory,
} from './history-source.js';
export { buildHistoryWorld, replayTimeOfDay, selectDays, uncategorised, type DaySelection } from './history-world.js';
export { completeHistoryScenario, historyDirScenario } from './history-scenario.js';
export { scenarioDateOf } from './scenario-dates.js';
export { checkNetwork, type NetworkFindings } from './network-check.js';
export { basketStructureSchema, demandDynamicsSchema, type BasketStructure, type DemandDynamics } from './world-schema.js';

import { builtinScenarios } from './builtin/index.js';
import { validateScenario } from './parse.js';
import type { Scenario } from './schema.js';

/** The validated built-in scenario `name`, or undefined if there is none. */
export function builtinScenario(name: string): Scenario | undefined {
  const input = builtinScenarios[name];
  return input ? validateScenario(input, `built-in scenario '${name}'`) : undefined;
}
export { fieldDoc, scenarioJsonSchema, scenarioReference } from './json-schema.js';
export { mergeScenarioData, resolveExtends, type ScenarioLoader } from './extends.js';
export { scenarioWarnings } from './warnings.js';
export { calibrate, fitZipf, type Calibration, type CalibrationLog } from './calibrate.js';
