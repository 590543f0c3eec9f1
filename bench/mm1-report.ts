/**
 * Pure summaries and rendering for the freshsim-vs-SimPy M/M/1 comparison:
 * the console rows and the text of docs/BENCHMARKS.md. No I/O here.
 */

/** Repeated timed runs of one engine on the same model and customer count. */
export interface EngineRuns {
  /** Display name, e.g. "freshsim" or "SimPy 3.0.11". */
  engine: string;
  customers: number;
  /** Events handled per run, as that engine counts them. */
  eventsPerRun: number;
  /** Wall seconds of each timed run. */
  wallSeconds: number[];
  /** Mean wait of each timed run. */
  meanWaits: number[];
}

/** The machine and tool versions the numbers were taken on. */
export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  os: string;
  node: string;
  python: string;
  pythonExecutable: string;
  simpy: string;
}

/** Everything the report shows. */
export interface Mm1Comparison {
  /** ISO date of the run. */
  date: string;
  machine: MachineInfo;
  lambda: number;
  mu: number;
  /** M/M/1 mean wait in queue, λ/(μ(μ−λ)). */
  theoryMeanWait: number;
  /** Standard error of one run's mean wait (see mm1MeanWaitStdError). */
  stdErrorPerRun: number;
  ours: EngineRuns;
  /** SimPy in the event style (Timeout callbacks, two events per customer): like for like with `ours`. */
  simpy: EngineRuns;
  /** SimPy in the usual process style (Resource, a process per customer, ~6 events per customer). */
  simpyProcess: EngineRuns;
  /** The command that reproduces the numbers. */
  command: string;
}

/** Headline numbers of one engine's runs. */
export interface EngineSummary {
  engine: string;
  runs: number;
  medianWallSeconds: number;
  minWallSeconds: number;
  maxWallSeconds: number;
  customersPerSecond: number;
  eventsPerSecond: number;
  eventsPerCustomer: number;
  /** Mean of the runs' mean waits (independent seeds). */
  meanWait: number;
  /** (meanWait − theory) / its standard error over all runs. */
  z: number;
}

/** |z| above this fails the theory check (4 standard errors). */
export const MAX_ABS_Z = 4;

/** Median of a non-empty list (the input is not modified). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('median of an empty list');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Summarise one engine's runs against the theory value. */
export function summarise(runs: EngineRuns, theory: number, stdErrorPerRun: number): EngineSummary {
  const wall = median(runs.wallSeconds);
  const meanWait = runs.meanWaits.reduce((a, b) => a + b, 0) / runs.meanWaits.length;
  return {
    engine: runs.engine,
    runs: runs.wallSeconds.length,
    medianWallSeconds: wall,
    minWallSeconds: Math.min(...runs.wallSeconds),
    maxWallSeconds: Math.max(...runs.wallSeconds),
    customersPerSecond: runs.customers / wall,
    eventsPerSecond: runs.eventsPerRun / wall,
    eventsPerCustomer: runs.eventsPerRun / runs.customers,
    meanWait,
    z: (meanWait - theory) / (stdErrorPerRun / Math.sqrt(runs.meanWaits.length)),
  };
}

/** Rows for console.table, one per engine. */
export function consoleRows(c: Mm1Comparison): Record<string, string | number>[] {
  return [c.ours, c.simpy, c.simpyProcess].map((r) => {
    const s = summarise(r, c.theoryMeanWait, c.stdErrorPerRun);
    return {
      engine: s.engine,
      runs: s.runs,
      'median s': round(s.medianWallSeconds, 4),
      'customers/s': Math.round(s.customersPerSecond),
      'events/customer': round(s.eventsPerCustomer, 3),
      'events/s': Math.round(s.eventsPerSecond),
      'mean wait': round(s.meanWait, 3),
      z: round(s.z, 2),
    };
  });
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A number with thousands separators. */
function fmt(x: number, digits = 0): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** One Markdown table row of an engine summary. */
function markdownRow(s: EngineSummary): string {
  return `| ${s.engine} | ${s.runs} | ${fmt(s.medianWallSeconds, 3)} (${fmt(s.minWallSeconds, 3)}–${fmt(s.maxWallSeconds, 3)}) ` +
    `| ${fmt(s.customersPerSecond)} | ${fmt(s.eventsPerCustomer, 2)} | ${fmt(s.eventsPerSecond)} ` +
    `| ${fmt(s.meanWait, 3)} | ${fmt(s.z, 2)} |`;
}

/** The speed ratios freshsim / SimPy: like for like (event style) and against SimPy's process style. */
export function ratios(c: Mm1Comparison): { customers: number; events: number; customersVsProcess: number } {
  const ours = summarise(c.ours, c.theoryMeanWait, c.stdErrorPerRun);
  const simpy = summarise(c.simpy, c.theoryMeanWait, c.stdErrorPerRun);
  const process = summarise(c.simpyProcess, c.theoryMeanWait, c.stdErrorPerRun);
  return {
    customers: ours.customersPerSecond / simpy.customersPerSecond,
    events: ours.eventsPerSecond / simpy.eventsPerSecond,
    customersVsProcess: ours.customersPerSecond / process.customersPerSecond,
  };
}

/** Heading line of the M/M/1 section of docs/BENCHMARKS.md. */
export const MM1_HEADING = "## freshsim's event engine vs SimPy on an M/M/1 queue";

/** The M/M/1 section of docs/BENCHMARKS.md (other sections belong to other benchmarks). */
export function renderMm1Section(c: Mm1Comparison): string {
  const ours = summarise(c.ours, c.theoryMeanWait, c.stdErrorPerRun);
  const simpy = summarise(c.simpy, c.theoryMeanWait, c.stdErrorPerRun);
  const simpyProcess = summarise(c.simpyProcess, c.theoryMeanWait, c.stdErrorPerRun);
  const r = ratios(c);
  const m = c.machine;
  return `${MM1_HEADING}

<!-- Generated by bench/mm1-compare.ts; rerun the command below rather than editing by hand. -->

Reproduce with:

\`\`\`sh
${c.command}
\`\`\`

Measured ${c.date}.

| machine | |
|---|---|
| cores (nproc) | ${m.nproc} |
| CPU | ${m.cpuModel} |
| OS | ${m.os} |
| Node.js | ${m.node} |
| Python | ${m.python} (${m.pythonExecutable}) |
| SimPy | ${m.simpy} |

Model: Poisson arrivals λ = ${c.lambda}, one exponential server μ = ${c.mu}, FIFO, starting empty,
${fmt(c.ours.customers)} customers per run. Theory mean wait in queue λ/(μ(μ−λ)) = ${fmt(c.theoryMeanWait, 3)};
one run's mean wait has a standard error of ${fmt(c.stdErrorPerRun, 3)} (waits are strongly
autocorrelated at ρ = ${fmt(c.lambda / c.mu, 2)}), and z is the runs' average against theory in
standard errors of that average (|z| < ${MAX_ABS_Z} passes).

| engine | runs | median wall s (min–max) | customers/s | events/customer | events/s | mean wait | z |
|---|---:|---:|---:|---:|---:|---:|---:|
${markdownRow(ours)}
${markdownRow(simpy)}
${markdownRow(simpyProcess)}

**freshsim / SimPy, the same event-style model on both sides: ${fmt(r.customers, 1)}× customers per second**
(${fmt(r.events, 1)}× events per second: both handle two events per customer). Against SimPy's usual
process style, which does more work per customer, the ratio is ${fmt(r.customersVsProcess, 1)}×: that row is
not like for like and is kept only as what it is.

How it is measured:

- Both engines simulate the same number of customers per run with independent seeds; the
  speed is the median run. freshsim runs in one Node process after one untimed warm-up run
  (so the JIT has compiled the model), repeated until both the run count and one second of
  timing are reached; each SimPy run is a fresh \`python3 bench/mm1_simpy.py\` process timed
  from inside (interpreter start-up and imports excluded).
- The event-style rows are like for like: freshsim's model (\`bench/mm1-model.ts\`) and
  \`mm1_simpy.py --style event\` each handle two events per customer, an arrival and a
  departure, whose handlers (SimPy: Timeout callbacks) do the work, waiting customers kept as
  arrival times in a ring buffer (freshsim) or a deque (SimPy). SimPy's process-based model
  (\`bench/mm1_simpy.py\`: a Resource, one process per customer, \`env.timeout\`) puts about six
  events per customer on its heap (interarrival timeout, process start, request, service
  timeout, release, process end), all counted from SimPy's own event-id counter and checked
  against the number of \`env.step()\` calls at the start of each comparison. So customers per
  second compares the same work, and events per second compares each engine's own events.
- Both include their random number generation: freshsim's named streams (seedrandom's Alea)
  and Python's \`random.expovariate\` (Mersenne Twister).
- SimPy runs on CPython, which has no JIT; PyPy or another SimPy version would change SimPy's
  numbers.
`;
}
