/**
 * Experiment files (YAML or JSON) for `freshsim sweep`: scenarios, strategies
 * with parameter grids, seeds, evaluation days, output directory. Validated
 * like scenarios: an error names the file, the field path and what was
 * expected; unknown keys are errors.
 *
 * ```yaml
 * name: service-levels
 * scenarios: [tiny, ./my-scenario.yaml]   # built-in names, or files relative to this file
 * strategies:
 *   - pto-greedy
 *   - name: safety-stock
 *     grid: { serviceLevel: [0.7, 0.8, 0.9] }   # one variant per combination
 * seeds: 20                  # replications 1..20, or a list such as [1, 2, 7]
 * evaluationDays: 7          # optional: overrides every scenario's days.evaluation
 * baseline: pto-greedy       # optional: the label comparisons are against
 * out: runs/service-levels   # optional (relative to the working directory, like --out)
 * retries: 1                 # optional: extra attempts for a cell whose worker threw or died
 * ```
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { buildPlan, ExperimentSpecError, type ExperimentPlan, type StrategyVariant } from '../experiment/index.js';
import { builtinScenario, formatIssues, ScenarioError, validateScenario, type Scenario } from '../scenarios/index.js';
import { resolvedParams, StrategyError } from '../strategies/index.js';
import { UsageError } from './errors.js';
import { loadScenario } from './files.js';

const paramValue = z.union([z.number(), z.string(), z.boolean()]);

const strategyEntry = z.union([
  z.string().min(1),
  z.strictObject({
    name: z.string().min(1),
    /** Label in results (default: the name, with the grid values in brackets). */
    label: z.string().min(1).optional(),
    /** Fixed parameters. */
    params: z.record(z.string(), z.unknown()).default({}),
    /** Parameter → values: one variant per combination. */
    grid: z.record(z.string(), z.array(paramValue).min(1, 'expected at least one value')).default({}),
  }),
]);

/** The experiment file schema. */
export const experimentSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, 'expected letters, digits, . _ or - (it names the output directory)'),
  description: z.string().optional(),
  scenarios: z.array(z.string().min(1)).min(1, 'expected at least one scenario'),
  strategies: z.array(strategyEntry).min(1, 'expected at least one strategy'),
  seeds: z.union([
    z.number().int().min(1),
    z.array(z.number().int().min(1)).min(1).refine((xs) => new Set(xs).size === xs.length, 'expected distinct replication numbers'),
  ]),
  evaluationDays: z.number().int().min(1).optional(),
  baseline: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  retries: z.number().int().min(0).default(1),
});

/** A parsed experiment file. */
export type ExperimentFile = z.infer<typeof experimentSchema>;

/** An experiment file that could not be read or failed validation. */
export class ExperimentError extends UsageError {
  constructor(file: string, problems: readonly string[]) {
    super(`${file}: invalid experiment:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Every combination of the grid's values, in the order the file gives them. */
function combinations(grid: Record<string, readonly (number | string | boolean)[]>): Record<string, number | string | boolean>[] {
  let out: Record<string, number | string | boolean>[] = [{}];
  for (const [k, values] of Object.entries(grid)) out = out.flatMap((o) => values.map((v) => ({ ...o, [k]: v })));
  return out;
}

function variantsOf(entries: ExperimentFile['strategies'], file: string): StrategyVariant[] {
  return entries.flatMap((entry, i) => {
    const e = typeof entry === 'string' ? { name: entry, params: {}, grid: {}, label: undefined } : entry;
    const combos = combinations(e.grid);
    return combos.map((combo) => {
      const gridText = Object.entries(combo).map(([k, v]) => `${k}=${v}`).join(',');
      const label = e.label !== undefined ? (gridText ? `${e.label}[${gridText}]` : e.label) : gridText ? `${e.name}[${gridText}]` : e.name;
      try {
        return { label, name: e.name, params: resolvedParams(e.name, { ...e.params, ...combo }) };
      } catch (err) {
        if (err instanceof StrategyError) throw new ExperimentError(file, [`strategies[${i}]: ${err.message}`]);
        throw err;
      }
    });
  });
}

function scenarioOf(ref: string, i: number, file: string, evaluationDays: number | undefined): Scenario {
  const builtin = builtinScenario(ref);
  const path = builtin ? ref : isAbsolute(ref) ? ref : join(dirname(file), ref);
  let s: Scenario;
  try {
    s = builtin ?? loadScenario(path);
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    throw new ExperimentError(file, [`scenarios[${i}]: ${(e as Error).message}`]);
  }
  if (evaluationDays === undefined) return s;
  // Validate again: the override must still make a valid scenario.
  return validateScenario({ ...s, days: { ...s.days, evaluation: evaluationDays } }, `${path} (with evaluationDays ${evaluationDays} from ${file})`);
}

/** Read and validate an experiment file and expand it into a plan. */
export function loadExperiment(file: string, freshsim: string): { plan: ExperimentPlan; file: ExperimentFile } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read experiment file '${file}': ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (e) {
    throw new ExperimentError(file, [`not valid YAML or JSON: ${(e as Error).message.split('\n')[0]}`]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ExperimentError(file, ['(top level): expected a mapping of experiment fields']);
  const r = experimentSchema.safeParse(data);
  if (!r.success) throw new ExperimentError(file, formatIssues(r.error.issues));
  const x = r.data;
  const scenarios = x.scenarios.map((ref, i) => scenarioOf(ref, i, file, x.evaluationDays));
  const variants = variantsOf(x.strategies, file);
  const seeds = typeof x.seeds === 'number' ? Array.from({ length: x.seeds }, (_, k) => k + 1) : x.seeds;
  try {
    return { plan: buildPlan({ name: x.name, freshsim, scenarios, variants, seeds, baseline: x.baseline }), file: x };
  } catch (e) {
    if (e instanceof ExperimentSpecError || (e instanceof UsageError && !(e instanceof ExperimentError))) throw new ExperimentError(file, [e.message]);
    throw e;
  }
}
