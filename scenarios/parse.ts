/**
 * Parsing scenario text (YAML or JSON) into a validated {@link Scenario},
 * with errors that name the file, the field path and what was expected.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { expandNetworkLayout } from './layout.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { completeHistoryScenario } from './history-scenario.js';
import type { HistoryReader } from './history-source.js';
import { resolveExtends, type ScenarioLoader } from './extends.js';

/** A scenario that could not be read or failed validation. */
export class ScenarioError extends Error {
  constructor(readonly file: string, readonly problems: readonly string[]) {
    super(`${file}: invalid scenario:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ScenarioError';
  }
}

/** `a.b[2].c` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** One line per zod issue: field path, then what was wrong and expected. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

/** Validate an already-parsed object as a scenario from `file`. */
export function validateScenario(data: unknown, file: string): Scenario {
  // A network given as a layout (counts, distances, capacities) becomes explicit sites first.
  const expanded = expandNetworkLayout(data);
  if (expanded.problems.length) throw new ScenarioError(file, expanded.problems);
  const r = scenarioSchema.safeParse(expanded.data);
  if (!r.success) throw new ScenarioError(file, formatIssues(r.error.issues));
  return r.data;
}

/**
 * Parse YAML or JSON text (JSON is YAML) as a scenario from `file`; a history
 * scenario needs `readHistory` (its imported directory); `load` reads a file
 * named by `extends`.
 */
export function parseScenario(text: string, file: string, readHistory?: HistoryReader, load?: ScenarioLoader): Scenario {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (e) {
    throw new ScenarioError(file, [`not valid YAML or JSON: ${(e as Error).message.split('\n')[0].replace(/:\s*$/, '')}`]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ScenarioError(file, ['(top level): expected a mapping of scenario fields']);
  }
  if ('extends' in data) data = resolveExtends(data as Record<string, unknown>, file, (f, m) => new ScenarioError(f, [m]), load);
  // A history scenario is completed from its imported directory before validation.
  if ('history' in (data as object)) return validateScenario(completeHistoryScenario(data as Record<string, unknown>, file, readHistory).input, file);
  return validateScenario(data, file);
}
