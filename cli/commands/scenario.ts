/**
 * `freshsim scenario validate FILE`, `scenario show NAME|FILE`,
 * `scenario list`, `scenario schema` (the JSON Schema of scenario files) and
 * `scenario reference` (docs/SCENARIO-REFERENCE.md).
 */
import { stringify } from 'yaml';
import { builtinScenarios, checkNetwork, scenarioJsonSchema, scenarioReference } from '../../scenarios/index.js';
import { loadScenario } from '../files.js';

type Io = { stdout: (s: string) => void; stderr?: (s: string) => void };

/** Validate a scenario file (throws a ScenarioError naming file and field). */
export function validateCommand(file: string, io: Io): number {
  const s = loadScenario(file);
  const fronts = s.network.fronts.length;
  io.stdout(
    `${file}: valid scenario '${s.name}' — ${s.catalogue.skus} SKUs in ${s.catalogue.categories.length} categories, ` +
      `${fronts} front site${fronts === 1 ? '' : 's'}, ${s.days.history} history + ${s.days.evaluation} evaluation days, ` +
      `K ${s.constraints.K}, C ${s.constraints.C}, L ${s.constraints.L}\n`,
  );
  for (const w of checkNetwork(s).warnings) (io.stderr ?? io.stdout)(`warning: ${w}\n`);
  return 0;
}

/**
 * Print a scenario (defaults filled in) as YAML, ready to copy into a file
 * and edit — only the blocks it uses: a scenario that replays an imported log
 * leaves out the generator's demand and popularity (filled in again when the
 * file is read).
 */
export function showCommand(name: string, io: Io): number {
  const s = loadScenario(name);
  if (!s.history) {
    io.stdout(stringify(s));
    return 0;
  }
  const { demand: _demand, ...rest } = s;
  const { popularity: _popularity, ...catalogue } = s.catalogue;
  io.stdout(`# Orders are replayed from history.dir: the generator's demand and popularity blocks are unused and left out.\n${stringify({ ...rest, catalogue })}`);
  return 0;
}

/** List the built-in scenarios. */
export function listCommand(io: Io): number {
  for (const [name, s] of Object.entries(builtinScenarios)) io.stdout(`${name.padEnd(16)} ${s.description ?? ''}\n`);
  return 0;
}

/** Print the JSON Schema of scenario files (for editors: complete and check YAML/JSON). */
export function schemaCommand(io: Io): number {
  io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}

/** Print the field reference (docs/SCENARIO-REFERENCE.md) generated from the schema. */
export function referenceCommand(io: Io): number {
  io.stdout(scenarioReference());
  return 0;
}
