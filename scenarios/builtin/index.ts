/** The built-in scenarios, by name (an explicit map). */
import type { ScenarioInput } from '../schema.js';
import { city } from './city.js';
import { paper7fresh } from './paper-7fresh.js';
import { tiny } from './tiny.js';

/** Built-in scenario files, keyed by name. */
export const builtinScenarios: Readonly<Record<string, ScenarioInput>> = {
  'paper-7fresh': paper7fresh,
  city,
  tiny,
};
