/** The built-in scenarios, by name (an explicit map). */
import type { ScenarioInput } from '../schema.js';
import { city } from './city.js';
import { paper7fresh } from './paper-7fresh.js';
import { paper7freshLegacy } from './paper-7fresh-legacy.js';
import { lockdownCity, presaleCommunity, qualityIncident, randomShocks, supplierFailure } from './stress.js';
import { tiny } from './tiny.js';

/** Built-in scenario files, keyed by name. */
export const builtinScenarios: Readonly<Record<string, ScenarioInput>> = {
  'paper-7fresh': paper7fresh,
  'paper-7fresh-legacy': paper7freshLegacy,
  city,
  'lockdown-city': lockdownCity,
  'supplier-failure': supplierFailure,
  'quality-incident': qualityIncident,
  'presale-community': presaleCommunity,
  'random-shocks': randomShocks,
  tiny,
};
