#!/usr/bin/env node
/**
 * The freshsim command line. Exit codes ({@link ExitCode}): 0 success,
 * 1 regression found (`check`), 2 bad input (flags, scenario files, strategy
 * parameters or plans), 3 internal failure, 4 baseline mismatch, 5 out of
 * resources, 130 interrupted; one line on stderr, the stack with `--debug`.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { stderrProgress } from './commands/outcome.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { checkNumericFlags } from './flag-checks.js';
import { checkFlagValues } from './flags.js';
import { cacheOptions, COMMANDS, formatOption, withExamples } from './help.js';
import { freshsimVersion } from './version.js';

// Command modules (and through them the engine, bullmq, ioredis, highs and
// playwright-core) load only when their command runs: `freshsim --version`
// and `--help` import none of them.
const cmd = {
  run: () => import('./commands/run.js'),
  merge: () => import('./commands/merge.js'),
  outcome: () => import('./commands/outcome.js'),
  sweep: () => import('./commands/sweep.js'),
  worker: () => import('./commands/worker.js'),
  baseline: () => import('./commands/baseline.js'),
  check: () => import('./commands/check.js'),
  report: () => import('./commands/report.js'),
  scenario: () => import('./commands/scenario.js'),
  strategy: () => import('./commands/strategy.js'),
  om1: () => import('./commands/om1.js'),
  stress: () => import('./commands/stress.js'),
  ablate: () => import('./commands/ablate.js'),
  import: () => import('./commands/import.js'),
  profile: () => import('./commands/profile.js'),
  services: () => import('./strategy-services.js'),
  errors: () => import('./errors.js'),
};

const processIo = {
  stdout: (s: string) => { process.stdout.write(s); },
  stderr: (s: string) => { process.stderr.write(s); },
};

/** Run the CLI on `argv` (without node and script), its output to `io`; resolves to the exit code. */
export async function main(argv: string[], io: { stdout(s: string): void; stderr(s: string): void } = processIo): Promise<number> {
  let code: number = ExitCode.ok;
  const debug = argv.includes('--debug') || process.env.FRESHSIM_DEBUG === '1';
  // What option builders read synchronously, loaded only when there is a command at all.
  const command = argv.find((x) => !x.startsWith('-'));
  const { strategies } = command ? await import('../strategies/index.js') : { strategies: {} as Record<string, unknown> };
  const { DEFAULT_TOLERANCE_PP } = command === 'check' ? await cmd.check() : { DEFAULT_TOLERANCE_PP: 0 };
  const reportError = async (e: unknown) => (await cmd.errors()).reportError(e, io.stderr, debug);
  const guard = async (f: () => number | Promise<number>) => { try { code = await f(); } catch (e) { code = await reportError(e); } };
  /** Commands on the experiment runner: Ctrl-C stops them cleanly; progress on stderr. */
  const runner = (f: (ctx: { signal: AbortSignal; progress: ReturnType<typeof stderrProgress> }) => Promise<number>) => guard(async () => {
    const { interruptSignal, stderrProgress } = await cmd.outcome();
    const { signal, dispose } = interruptSignal(io.stderr);
    try { return await f({ signal, progress: stderrProgress() }); } finally { dispose(); }
  });
  /** The OM1 cache flags, for the runner's worker threads. */
  const poolServices = (a: { [k: string]: unknown }) => ({ cacheDir: a.cacheDir as string | undefined, noCache: a.cache === false });
  const runnerOptions = <T>(y: import('yargs').Argv<T>) => y
    .option('workers', { type: 'number', describe: 'local worker threads (default: one per core; 0 = in this thread)' })
    .option('retries', { type: 'number', describe: 'extra attempts for a cell whose worker threw or died (default 1)' })
    .option('queue', { type: 'string', describe: 'redis://HOST:PORT: run cells on `freshsim worker`s via Redis instead' })
    .option('queue-timeout', { type: 'number', describe: 'seconds to wait for a lost Redis before stopping (default 300; finished cells are kept)' });
  const parser = yargs(argv)
    .scriptName('freshsim')
    .version(freshsimVersion())
    .strict()
    .recommendCommands()
    .demandCommand(1, `expected a command: ${COMMANDS.join(', ')}`)
    .command(
      'run',
      'simulate strategies on a scenario over seeds and write results',
      (y) => formatOption(cacheOptions(runnerOptions(withExamples(y, 'run'))))
        .option('scenario', { type: 'string', demandOption: true, describe: 'built-in scenario name or scenario file (YAML/JSON)' })
        .option('strategies', { type: 'string', default: 'pto-greedy,safety-stock,newsvendor', describe: `comma-separated: ${Object.keys(strategies).join(', ')}, or a strategy module (./my-strategy.mjs); NAME{param=value,...} sets parameters` })
        .option('seeds', { type: 'number', default: 1, describe: 'number of replications (1..N)' })
        .option('out', { type: 'string', describe: 'output directory (default runs/<scenario>/<timestamp>)' })
        .option('baseline', { type: 'string', describe: 'strategy the paired differences are against (default: the first)' })
        .option('json', { type: 'boolean', default: false, describe: 'print results.json to stdout instead of tables' })
        .option('overwrite', { type: 'boolean', default: false, describe: 'replace results already in --out' })
        .option('report', { type: 'boolean', default: true, describe: 'write report.html, the HTML comparison report (--no-report to skip)' }),
      (a) => runner(async (ctx) => (await cmd.run()).runCommand({ scenario: a.scenario, strategies: a.strategies, seeds: a.seeds, out: a.out, json: a.json, baseline: a.baseline, overwrite: a.overwrite, workers: a.workers, retries: a.retries, queue: a.queue, queueTimeout: a.queueTimeout, services: poolServices(a), report: a.report }, io, ctx)),
    )
    .command('sweep <file>', 'run an experiment file (scenarios × strategy grids × seeds), resumably', (y) => formatOption(cacheOptions(runnerOptions(withExamples(y, 'sweep')
      .positional('file', { type: 'string', demandOption: true, describe: 'experiment file (YAML/JSON)' })
      .option('out', { type: 'string', describe: 'run directory (default: the file\'s out, else runs/<name>)' })
      .option('shard', { type: 'string', describe: 'I/N: run only the I-th of N deterministic slices (into OUT/shard-I-of-N)' })
      .option('overwrite', { type: 'boolean', default: false, describe: 'replace the plan of another experiment already in the run directory' })))),
    (a) => runner(async (ctx) => (await cmd.sweep()).sweepCommand({ file: a.file as string, out: a.out, workers: a.workers, retries: a.retries, queue: a.queue, queueTimeout: a.queueTimeout, shard: a.shard, overwrite: a.overwrite, services: poolServices(a) }, io, ctx)))
    .command('worker', 'run cells from a Redis queue (for `sweep --queue`) until stopped', (y) => cacheOptions(withExamples(y, 'worker'))
      .option('queue', { type: 'string', demandOption: true, describe: 'redis://HOST:PORT' })
      .option('concurrency', { type: 'number', describe: 'cells at once, one thread each (default: one per core)' })
      .option('lock-seconds', { type: 'number', describe: 'job lock: how soon a dead worker\'s cells go to others (default 30)' })
      .option('queue-timeout', { type: 'number', describe: 'seconds to wait for a lost Redis before stopping with exit 3 (default 300)' }),
    (a) => guard(async () => (await cmd.worker()).workerCommand({ queue: a.queue, concurrency: a.concurrency, lockSeconds: a.lockSeconds, queueTimeout: a.queueTimeout, services: poolServices(a) }, io)))
    .command('merge <shards..>', 'join the run directories of sweep shards and write the summaries', (y) => withExamples(y, 'merge')
      .positional('shards', { type: 'string', array: true, demandOption: true, describe: 'shard run directories' })
      .option('out', { type: 'string', demandOption: true, describe: 'merged run directory' }),
    (a) => guard(async () => (await cmd.merge()).mergeCommand({ shards: a.shards as string[], out: a.out }, io)))
    .command('report <runs..>', 'write the self-contained HTML report of a run, or compare two or more runs', (y) => withExamples(y, 'report')
      .positional('runs', { type: 'string', array: true, demandOption: true, describe: 'run directory (holding results.json) or results file; two or more to compare' })
      .option('out', { type: 'string', describe: 'HTML file to write (default RUN/report.html)' })
      .option('baseline', { type: 'string', describe: 'strategy the paired differences are against' }),
    (a) => guard(async () => (await cmd.report()).reportCommand({ runs: a.runs as string[], out: a.out, baseline: a.baseline }, io)))
    .command('check <runs..>', 'regression gate: compare runs with a baseline (exit 1 on a significant fall)', (y) => withExamples(y, 'check')
      .positional('runs', { type: 'string', array: true, demandOption: true, describe: 'run directories (one per scenario)' })
      .option('baseline', { type: 'string', demandOption: true, describe: 'baseline file written by `freshsim baseline`' })
      .option('tolerance-pp', { type: 'number', default: DEFAULT_TOLERANCE_PP, describe: 'allowed fall of the full-order rate, percentage points' })
      .option('junit', { type: 'string', describe: 'write JUnit XML here (one test case per scenario and strategy)' })
      .option('allow-changed', { type: 'boolean', default: false, describe: 'compare even if the scenario or parameters differ from the baseline (exit 4 otherwise)' }),
    (a) => guard(async () => (await cmd.check()).checkCommand({
      runs: a.runs as string[], baseline: a.baseline, tolerancePp: a.tolerancePp, junit: a.junit, allowChanged: a.allowChanged,
      stepSummary: process.env.GITHUB_STEP_SUMMARY || undefined,
    }, io)))
    .command('baseline <runs..>', 'write a regression-gate baseline from runs', (y) => withExamples(y, 'baseline')
      .positional('runs', { type: 'string', array: true, demandOption: true, describe: 'run directories (one per scenario)' })
      .option('out', { type: 'string', demandOption: true, describe: 'baseline file to write' })
      .option('overwrite', { type: 'boolean', default: false, describe: 'replace an existing baseline file' }),
    (a) => guard(async () => (await cmd.baseline()).baselineCommand({ runs: a.runs as string[], out: a.out, overwrite: a.overwrite }, io)))
    .command('import <files..>', 'import transaction logs (CSV, one order line per line) into a directory a scenario can replay', (y) => withExamples(y, 'import')
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'CSV files or globs (read as one log)' })
      .option('out', { type: 'string', demandOption: true, describe: 'directory to write (day files, catalogue, profile, cleaning report)' })
      .option('map', { type: 'string', array: true, describe: 'field=column, e.g. sku=StockCode (fields: order, timestamp, date, time, sku, quantity, price, category, site, customer, description)' })
      .option('date-format', { type: 'string', describe: 'date format when the log\'s dates are ambiguous, e.g. DD/MM/YYYY' })
      .option('non-product', { type: 'string', array: true, describe: 'extra regular expression of SKU codes that are not products (postage, fees, …)' })
      .option('default-non-product', { type: 'boolean', default: true, describe: 'drop the built-in non-product codes (--no-default-non-product to keep them)' })
      .option('cancel-pattern', { type: 'string', describe: 'regular expression of order ids that are cancellations (default ^C followed by a digit)' })
      .option('overwrite', { type: 'boolean', default: false, describe: 'replace an existing --out directory' })
      .option('encoding', { type: 'string', default: 'utf8', describe: 'text encoding of the files: utf8 or latin1' }),
    async (a) => {
      try {
        code = await (await cmd.import()).importCommand({
          files: a.files as string[], out: a.out, map: a.map as string[] | undefined, dateFormat: a.dateFormat,
          nonProduct: a.nonProduct as string[] | undefined, defaultNonProduct: a.defaultNonProduct, cancelPattern: a.cancelPattern, overwrite: a.overwrite,
          encoding: a.encoding,
        }, io);
      } catch (e) { code = await reportError(e); }
    })
    .command('profile <sources..>', 'realism profile of an imported directory or a scenario (one or two, side by side)', (y) => withExamples(y, 'profile')
      .positional('sources', { type: 'string', array: true, demandOption: true, describe: 'imported directories or scenarios (built-in name or file)' })
      .option('seed', { type: 'number', default: 1, describe: 'replication of a generated scenario' })
      .option('K', { type: 'number', describe: 'K of the top-K order share (default: the scenario\'s K)' })
      .option('json', { type: 'boolean', default: false, describe: 'print the profiles as JSON' }),
    (a) => guard(async () => (await cmd.profile()).profileCommand({ sources: a.sources as string[], seed: a.seed, json: a.json, K: a.K }, io)))
    .command('export <scenario>', 'write a scenario\'s generated orders as an imported directory (the format `import` writes)', (y) => withExamples(y, 'export')
      .positional('scenario', { type: 'string', demandOption: true, describe: 'built-in scenario name or scenario file' })
      .option('out', { type: 'string', demandOption: true, describe: 'directory to write' })
      .option('seed', { type: 'number', default: 1, describe: 'replication' })
      .option('overwrite', { type: 'boolean', default: false, describe: 'replace an existing --out directory' }),
    (a) => guard(async () => (await cmd.profile()).exportCommand({ scenario: a.scenario as string, out: a.out, seed: a.seed, overwrite: a.overwrite }, io)))
    .command('calibrate <dir>', 'fit the generator to an imported log and write the scenario (YAML)', (y) => withExamples(y, 'calibrate')
      .positional('dir', { type: 'string', demandOption: true, describe: 'imported directory (freshsim import or export)' })
      .option('out', { type: 'string', demandOption: true, describe: 'scenario file to write' })
      .option('name', { type: 'string', describe: 'scenario name (default calibrated-<dir>)' })
      .option('overwrite', { type: 'boolean', default: false, describe: 'replace an existing --out file' }),
    (a) => guard(async () => (await cmd.profile()).calibrateCommand({ dir: a.dir as string, out: a.out, name: a.name, overwrite: a.overwrite }, io)))
    .command('om1', 'solve OM1 (the optimal plan on realised orders) for one day and site', (y) => cacheOptions(withExamples(y, 'om1'))
      .option('scenario', { type: 'string', demandOption: true, describe: 'built-in scenario name or scenario file (YAML/JSON)' })
      .option('day', { type: 'string', demandOption: true, describe: 'evaluation day 1..N, or a date YYYY-MM-DD' })
      .option('site', { type: 'string', describe: 'front site name (default: the first)' })
      .option('seed', { type: 'number', default: 1, describe: 'replication' })
      .option('time-limit', { type: 'number', describe: 'wall-clock safety net, seconds: past it the solve fails (default 300)' })
      .option('max-nodes', { type: 'number', describe: 'HiGHS branch-and-bound nodes, the work limit that decides where an unproven solve stops (default 2000)' })
      .option('gap', { type: 'number', describe: 'relative gap to stop at (default 1e-4)' })
      .option('tie-break', { type: 'boolean', default: false, describe: "the paper's GMV tie-break among equal order counts" })
      .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' }),
    async (a) => {
      try {
        const services = await (await cmd.services()).prepareStrategyServices({ cacheDir: a.cacheDir as string | undefined, noCache: a.cache === false });
        code = (await cmd.om1()).om1Command({ scenario: a.scenario, day: a.day, site: a.site, seed: a.seed, timeLimit: a.timeLimit, maxNodes: a.maxNodes, gap: a.gap, tieBreak: a.tieBreak, json: a.json }, services, io);
      } catch (e) { code = await reportError(e); }
    })
    .command('ablate', "ablation (the paper's Table 3): OTPTO, its six variants without A1..A6, PTO and OPT over seeds", (y) => formatOption(cacheOptions(runnerOptions(withExamples(y, 'ablate'))))
      .option('scenario', { type: 'string', demandOption: true, describe: 'built-in scenario name or scenario file (YAML/JSON)' })
      .option('seeds', { type: 'number', default: 1, describe: 'number of replications (1..N)' })
      .option('out', { type: 'string', describe: 'output directory (default runs/<scenario>/ablation)' })
      .option('overwrite', { type: 'boolean', default: false, describe: 'replace results already in --out' })
      .option('report', { type: 'boolean', default: true, describe: 'write report.html with the ablation section (--no-report to skip)' })
      .option('otpto-params', { type: 'string', describe: 'JSON object of OTPTO parameters for every variant, e.g. \'{"labelWindowDays":28}\'' }),
    (a) => runner(async (ctx) => (await cmd.ablate()).ablateCommand({ scenario: a.scenario, seeds: a.seeds, out: a.out, overwrite: a.overwrite, report: a.report, otptoParams: a.otptoParams, workers: a.workers, retries: a.retries, queue: a.queue, queueTimeout: a.queueTimeout, services: { cacheDir: a.cacheDir as string | undefined, noCache: a.cache === false } }, io, ctx)))
    .command('stress', 'stress test: distribution over seeds of full-order rate, waste, refunds and recovery time per strategy', (y) => formatOption(cacheOptions(runnerOptions(withExamples(y, 'stress'))))
      .option('scenario', { type: 'string', demandOption: true, describe: 'built-in stress scenario (lockdown-city, supplier-failure, quality-incident, presale-community, random-shocks) or file' })
      .option('strategies', { type: 'string', default: 'pto-greedy,safety-stock,newsvendor', describe: 'comma-separated strategy names' })
      .option('seeds', { type: 'number', default: 5, describe: 'number of replications (1..N)' })
      .option('tolerance-pp', { type: 'number', default: 2, describe: 'recovered when within this many pp of the pre-shock rate' })
      .option('out', { type: 'string', describe: 'run directory (default runs/<scenario>/stress): stress.json, results.json, report.html' })
      .option('overwrite', { type: 'boolean', default: false, describe: 'replace stress.json / results.json already in --out' })
      .option('report', { type: 'boolean', default: true, describe: 'write report.html with the stress section (--no-report to skip)' })
      .option('json', { type: 'boolean', default: false, describe: 'print stress.json to stdout instead of tables' }),
    (a) => runner(async (ctx) => (await cmd.stress()).stressCommand({
      scenario: a.scenario, strategies: a.strategies, seeds: a.seeds, out: a.out, json: a.json, tolerancePp: a.tolerancePp, overwrite: a.overwrite, report: a.report,
      workers: a.workers, retries: a.retries, queue: a.queue, queueTimeout: a.queueTimeout, services: poolServices(a),
    }, io, ctx)))
    .command('strategy', 'list the built-in strategies', (y) => withExamples(y, 'strategy')
      .command('list', 'every strategy: description, oracle flag, parameters with defaults', (yy) => withExamples(yy, 'strategy list').option('json', { type: 'boolean', default: false, describe: 'print a JSON array of {name, description, oracle, requires, params}' }),
        (a) => guard(async () => (await cmd.strategy()).strategyListCommand({ json: a.json as boolean }, io)))
      .demandCommand(1, 'expected a subcommand: list'), () => {})
    .command('scenario', 'validate, show, list scenarios; their JSON Schema and field reference', (y) => withExamples(y, 'scenario')
      .command('validate <file>', 'check a scenario file against the schema', (yy) => withExamples(yy, 'scenario validate').positional('file', { type: 'string', demandOption: true }),
        (a) => guard(async () => (await cmd.scenario()).validateCommand(a.file as string, io)))
      .command('show <name>', 'print a scenario (built-in name or file) as YAML with defaults', (yy) => withExamples(yy, 'scenario show').positional('name', { type: 'string', demandOption: true }),
        (a) => guard(async () => (await cmd.scenario()).showCommand(a.name as string, io)))
      .command('list', 'list the built-in scenarios', (yy) => withExamples(yy, 'scenario list'), () => guard(async () => (await cmd.scenario()).listCommand(io)))
      .command('schema', 'print the JSON Schema of scenario files (for editors)', (yy) => withExamples(yy, 'scenario schema'), () => guard(async () => (await cmd.scenario()).schemaCommand(io)))
      .command('reference', 'print the scenario field reference (docs/SCENARIO-REFERENCE.md)', (yy) => withExamples(yy, 'scenario reference'), () => guard(async () => (await cmd.scenario()).referenceCommand(io)))
      .demandCommand(1, 'expected a scenario subcommand: validate, show, list, schema, reference'))
    .option('debug', { type: 'boolean', default: false, global: true, describe: 'print the stack trace of an internal error' })
    .middleware((a) => {
      checkFlagValues(argv, a);
      const t = a.queueTimeout;
      if (t !== undefined && !(typeof t === 'number' && Number.isFinite(t) && t > 0)) throw new UsageError(`--queue-timeout ${String(t)}: expected a positive number of seconds`);
    })
    .middleware((a) => checkNumericFlags(argv, (name) => name in a))
    .fail((msg, err) => {
      // recommendCommands says only "Did you mean X?": name the unknown command too.
      throw err ?? new UsageError(/^Did you mean /.test(msg ?? '') ? `Unknown argument: ${argv.find((x) => !x.startsWith('-'))}. ${msg}` : msg);
    })
    .help();
  try {
    await parser.parseAsync();
  } catch (e) {
    return reportError(e);
  }
  return code;
}

/** Is this module the program being run (not imported, e.g. by the in-process tests)? */
function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) main(hideBin(process.argv)).then((code) => { process.exitCode = code; });
