/**
 * `npm run bench:simpy`: times the same M/M/1 model on freshsim's engine and
 * on SimPy, checks both against queueing theory, prints a table and writes
 * docs/BENCHMARKS.md.
 *
 * Flags: --customers N (default 400000, ~3 s per SimPy run), --runs R
 * (default 5), --seed S (default 1), --no-write (print only).
 */
import { mkdirSync } from 'node:fs';
import { writeDocSection } from './doc-section.js';
import { availableParallelism, cpus, release, type } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mm1MeanWaitStdError, mm1TheoryMeanWait, runMm1 } from './mm1-model.js';
import {
  consoleRows, MAX_ABS_Z, ratios, MM1_HEADING, renderMm1Section, summarise,
  type EngineRuns, type Mm1Comparison,
} from './mm1-report.js';
import { findSimpyPython, runSimpy, type SimpyPython } from './simpy-runner.js';

const LAMBDA = 0.9;
const MU = 1.0;
/** freshsim keeps repeating runs until it has this much timing (and at least --runs runs). */
const MIN_OURS_SECONDS = 1;
const MAX_OURS_RUNS = 200;

/** Parsed command-line flags. */
interface Flags { customers: number; runs: number; seed: number; write: boolean }

/** Parse and validate the flags, naming a bad one. */
function parseFlags(argv: string[]): Flags {
  const { values } = parseArgs({
    args: argv,
    options: {
      customers: { type: 'string', default: '400000' },
      runs: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const int = (name: string, text: string, min: number): number => {
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} ${text}: expected an integer ≥ ${min}`);
    return n;
  };
  return {
    customers: int('customers', values.customers, 1000),
    runs: int('runs', values.runs, 1),
    seed: int('seed', values.seed, 0),
    write: !values['no-write'],
  };
}

/** Time freshsim's model: one warm-up, then runs until `runs` and MIN_OURS_SECONDS are reached. */
function timeOurs(f: Flags): EngineRuns {
  runMm1({ customers: f.customers, lambda: LAMBDA, mu: MU, seed: f.seed + 10_000 });
  const runs: EngineRuns = { engine: 'freshsim', customers: f.customers, eventsPerRun: 0, wallSeconds: [], meanWaits: [] };
  let total = 0;
  for (let i = 0; i < MAX_OURS_RUNS && (i < f.runs || total < MIN_OURS_SECONDS); i++) {
    const t0 = performance.now();
    const r = runMm1({ customers: f.customers, lambda: LAMBDA, mu: MU, seed: f.seed + i });
    const seconds = (performance.now() - t0) / 1000;
    if (r.served !== f.customers) throw new Error(`freshsim served ${r.served} of ${f.customers} customers`);
    total += seconds;
    runs.eventsPerRun = r.events;
    runs.wallSeconds.push(seconds);
    runs.meanWaits.push(r.meanWait);
  }
  return runs;
}

/** Time the SimPy model, one fresh interpreter per run, after checking its event count once. */
function timeSimpy(python: SimpyPython, f: Flags, style: 'event' | 'process'): EngineRuns {
  runSimpy(python, { customers: 10_000, lambda: LAMBDA, mu: MU, seed: f.seed, verifyEvents: true, style });
  const runs: EngineRuns = {
    engine: `SimPy ${python.simpyVersion}, ${style} style`, customers: f.customers, eventsPerRun: 0, wallSeconds: [], meanWaits: [],
  };
  for (let i = 0; i < f.runs; i++) {
    const r = runSimpy(python, { customers: f.customers, lambda: LAMBDA, mu: MU, seed: f.seed + i, style });
    if (r.served !== f.customers) throw new Error(`SimPy served ${r.served} of ${f.customers} customers`);
    runs.eventsPerRun = r.events;
    runs.wallSeconds.push(r.wallSeconds);
    runs.meanWaits.push(r.meanWait);
    process.stdout.write(`  SimPy ${style} run ${i + 1}/${f.runs}: ${r.wallSeconds.toFixed(3)} s\n`);
  }
  return runs;
}

/** Names of the engines whose mean wait is more than MAX_ABS_Z standard errors from theory. */
function failedChecks(c: Mm1Comparison): string[] {
  return [c.ours, c.simpy, c.simpyProcess]
    .map((r) => summarise(r, c.theoryMeanWait, c.stdErrorPerRun))
    .filter((s) => !(Math.abs(s.z) < MAX_ABS_Z))
    .map((s) => `${s.engine}: mean wait ${s.meanWait.toFixed(3)} vs theory ${c.theoryMeanWait.toFixed(3)} (z = ${s.z.toFixed(2)})`);
}

/** The command line that reproduces this run, with any flags it was given. */
function reproduceCommand(argv: string[]): string {
  const base = 'npm run build && npm run bench:simpy';
  return argv.length > 0 ? `${base} -- ${argv.join(' ')}` : base;
}

/** Run the comparison; returns the process exit code. */
function main(): number {
  const flags = parseFlags(process.argv.slice(2));
  const python = findSimpyPython();
  console.log(`M/M/1 λ=${LAMBDA} μ=${MU}, ${flags.customers} customers per run; SimPy ${python.simpyVersion} on ${python.executable}`);
  const ours = timeOurs(flags);
  console.log(`  freshsim: ${ours.wallSeconds.length} runs`);
  const simpy = timeSimpy(python, flags, 'event');
  const simpyProcess = timeSimpy(python, flags, 'process');
  const cpu = cpus()[0];
  const comparison: Mm1Comparison = {
    date: new Date().toISOString().slice(0, 10),
    machine: {
      nproc: availableParallelism(), cpuModel: cpu ? cpu.model : 'unknown', os: `${type()} ${release()}`,
      node: process.version, python: python.pythonVersion, pythonExecutable: python.executable, simpy: python.simpyVersion,
    },
    lambda: LAMBDA,
    mu: MU,
    theoryMeanWait: mm1TheoryMeanWait(LAMBDA, MU),
    stdErrorPerRun: mm1MeanWaitStdError(LAMBDA, MU, flags.customers),
    ours,
    simpy,
    simpyProcess,
    command: reproduceCommand(process.argv.slice(2)),
  };
  console.table(consoleRows(comparison));
  const r = ratios(comparison);
  console.log(`freshsim / SimPy, both event style: ${r.customers.toFixed(1)}x customers/s; against SimPy's process style: ${r.customersVsProcess.toFixed(1)}x`);
  const failed = failedChecks(comparison);
  if (failed.length > 0) {
    console.error(`theory check failed, docs/BENCHMARKS.md not written:\n  ${failed.join('\n  ')}`);
    return 1;
  }
  if (flags.write) {
    const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
    mkdirSync(docs, { recursive: true });
    writeDocSection(`${docs}BENCHMARKS.md`, MM1_HEADING, renderMm1Section(comparison));
    console.log(`wrote the M/M/1 section of ${docs}BENCHMARKS.md`);
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`bench:simpy: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
