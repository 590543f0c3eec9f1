/**
 * What `--help` shows beyond the options: examples for every command, the
 * command list of a bare `freshsim`, and the option groups that only some
 * commands take (the OM1 cache where OM1 is solved, the table format where
 * tables are printed).
 */
import type { Argv } from 'yargs';
import { TABLE_FORMATS, tableOutput, type TableFormat } from './tables.js';

/** Every command, as a bare `freshsim` lists it. */
export const COMMANDS = [
  'run', 'sweep', 'worker', 'merge', 'report', 'check', 'baseline', 'import', 'profile', 'export', 'calibrate', 'om1', 'ablate', 'stress', 'strategy', 'scenario',
] as const;

/** Examples per command (as `freshsim COMMAND` shows them with --help). */
export const EXAMPLES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  run: [
    ['$0 run --scenario tiny --seeds 3', 'the three built-in heuristics on the small scenario, 3 seeds'],
    ['$0 run --scenario paper-7fresh --strategies pto-greedy,newsvendor,opt --seeds 5 --out runs/paper', 'with the OM1 oracle as an upper bound'],
    ['$0 run --scenario my-scenario.yaml --format md', 'a scenario file; tables as Markdown'],
  ],
  sweep: [['$0 sweep experiment.yaml --workers 2', 'scenarios × strategy grids × seeds; run again to resume'], ['$0 sweep experiment.yaml --shard 1/4', 'one of four slices (join them with `merge`)']],
  worker: [['$0 worker --queue redis://localhost:6379', 'take cells from the queue of `sweep --queue` until stopped']],
  merge: [['$0 merge runs/exp/shard-1-of-2 runs/exp/shard-2-of-2 --out runs/exp/all', 'join shards and write the summaries']],
  report: [
    ['$0 report runs/tiny/20260101-120000', 'write report.html in the run directory'],
    ['$0 report runs/before runs/after --out cmp.html', 'compare runs side by side (paired where the seeds match)'],
  ],
  check: [
    ['$0 check runs/gate --baseline ci/baseline.json --junit junit.xml', 'exit 1 on a significant fall, 4 if the scenario or parameters changed'],
    ['$0 check runs/gate --baseline ci/baseline.json --allow-changed', 'compare a deliberately changed scenario anyway'],
  ],
  baseline: [['$0 baseline runs/gate --out ci/baseline.json', 'record the gate baseline (then commit it)']],
  import: [['$0 import orders.csv --out data/shop --map sku=StockCode --map order=InvoiceNo', 'turn a transaction log into a replayable directory']],
  profile: [['$0 profile data/shop paper-7fresh', 'realism profile of a real log beside a generated scenario']],
  export: [['$0 export tiny --out data/tiny-orders', "write a scenario's generated orders in the import format"]],
  calibrate: [['$0 calibrate data/shop --out my-shop.yaml', 'fit the generator to an imported log; the scenario makes synthetic worlds like it']],
  om1: [['$0 om1 --scenario tiny --day 1', "the optimal plan of the first evaluation day's realised orders"]],
  ablate: [['$0 ablate --scenario paper-7fresh --seeds 3', "OTPTO without each of A1..A6 (the paper's Table 3)"]],
  stress: [['$0 stress --scenario lockdown-city --seeds 10', 'distributions under a regional lockdown']],
  strategy: [['$0 strategy list', 'every built-in strategy with its parameters']],
  'strategy list': [['$0 strategy list --json', 'as JSON']],
  scenario: [['$0 scenario show paper-7fresh > my.yaml', 'start a scenario from a built-in'], ['$0 scenario schema > scenario.schema.json', 'JSON Schema for editors']],
  'scenario validate': [['$0 scenario validate my.yaml', 'check a file, naming any bad field']],
  'scenario show': [['$0 scenario show tiny', 'a built-in with every default filled in']],
  'scenario list': [['$0 scenario list', 'the built-in scenarios']],
  'scenario schema': [['$0 scenario schema > scenario.schema.json', 'then `# yaml-language-server: $schema=./scenario.schema.json` in a YAML file']],
  'scenario reference': [['$0 scenario reference > docs/SCENARIO-REFERENCE.md', 'regenerate the field reference']],
};

/** `y` with the examples of `command`. */
export function withExamples<T>(y: Argv<T>, command: string): Argv<T> {
  for (const [cmd, desc] of EXAMPLES[command] ?? []) y = y.example(cmd, desc);
  return y;
}

/** The OM1 cache options, on the commands that may solve OM1 (the `opt` oracle). */
export function cacheOptions<T>(y: Argv<T>) {
  return y
    .option('cache-dir', { type: 'string', describe: 'OM1 result cache directory (default $FRESHSIM_CACHE_DIR or .cache/freshsim)' })
    .option('cache', { type: 'boolean', default: true, describe: 'use the OM1 result cache (--no-cache to solve afresh)' });
}

/** `--format`, on the commands that print tables; sets {@link tableOutput} for this process. */
export function formatOption<T>(y: Argv<T>) {
  return y
    .option('format', { choices: TABLE_FORMATS, default: 'text' as TableFormat, describe: 'tables as aligned text (fits 120 columns), csv, md or json' })
    .middleware((a) => { tableOutput.format = (a.format as TableFormat | undefined) ?? 'text'; });
}
