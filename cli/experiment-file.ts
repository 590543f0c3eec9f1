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
 *   - module: ./top-k.mjs    # a strategy module (relative to this file), with params/grid alike
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
import { loadStrategyModule } from './strategy-modules.js';

const paramValue = z.union([z.number(), z.string(), z.boolean()]);

const strategyEntry = z.union([
  z.string().min(1),
  z.strictObject({
    /** A built-in strategy's name (or `module`). */
    name: z.string().min(1).optional(),
    /** A strategy module (path relative to the experiment file), instead of a built-in name. */
    module: z.string().min(1).optional(),
    /** Label in results (default: the name, with the grid values in brackets). */
    label: z.string().min(1).optional(),
    /** Fixed parameters. */
    params: z.record(z.string(), z.unknown()).default({}),
    /** Parameter → values: one variant per combination. */
    grid: z.record(z.string(), z.array(paramValue).min(1, 'expected at least one value')).default({}),
  }).refine((e) => (e.name === undefined) !== (e.module === undefined), 'expected either name (a built-in strategy) or module (a strategy file), not both'),
]);

/** The experiment file schema. */
export const experimentSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, 'expected letters, digits, . _ or - (it names the output directory)'),
  description: z.string().optional(),
  scenarios: z.array(z.string().min(1)).min(1, 'expected at least one scenario'),
  strategies: z.array(strategyEntry).min(1, 'expected at least one strategy'),
  seeds: z.union([
    // Bounded so a typo (1e9) is an error here, not an array too large to build (issue 17).
    z.number().int().min(1).max(100_000, 'expected at most 100000 replications'),
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

async function variantsOf(entries: ExperimentFile['strategies'], file: string): Promise<StrategyVariant[]> {
  const out: StrategyVariant[] = [];
  for (const [i, entry] of entries.entries()) {
    try {
      const e = typeof entry === 'string' ? { name: entry, params: {}, grid: {}, label: undefined } : entry;
      const loaded = e.module !== undefined ? await loadStrategyModule(e.module, dirname(file)) : undefined;
      const name = loaded ? loaded.definition.name : e.name!;
      for (const combo of combinations(e.grid)) {
        const gridText = Object.entries(combo).map(([k, v]) => `${k}=${v}`).join(',');
        const label = e.label !== undefined ? (gridText ? `${e.label}[${gridText}]` : e.label) : gridText ? `${name}[${gridText}]` : name;
        const params = resolvedParams(loaded?.definition ?? name, { ...e.params, ...combo });
        out.push(loaded ? { label, name, params, module: loaded.ref } : { label, name, params });
      }
    } catch (err) {
      if (err instanceof StrategyError) throw new ExperimentError(file, [`strategies[${i}]: ${err.message}`]);
      throw err;
    }
  }
  return out;
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

/** Read and validate an experiment file (loading its strategy modules) and expand it into a plan. */
export async function loadExperiment(file: string, freshsim: string): Promise<{ plan: ExperimentPlan; file: ExperimentFile }> {
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
  const variants = await variantsOf(x.strategies, file);
  const seeds = typeof x.seeds === 'number' ? Array.from({ length: x.seeds }, (_, k) => k + 1) : x.seeds;
  try {
    return { plan: buildPlan({ name: x.name, freshsim, scenarios, variants, seeds, baseline: x.baseline }), file: x };
  } catch (e) {
    if (e instanceof ExperimentSpecError || (e instanceof UsageError && !(e instanceof ExperimentError))) throw new ExperimentError(file, [e.message]);
    throw e;
  }
}
