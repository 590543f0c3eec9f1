/**
 * Runs `bench/mm1_simpy.py` under a Python that can `import simpy`, and reads
 * back the JSON it prints.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A Python interpreter that can import SimPy 3 or later. */
export interface SimpyPython {
  /** The command it was found as (`python3`, `/usr/bin/python3`, …). */
  command: string;
  /** `sys.executable` of that interpreter. */
  executable: string;
  pythonVersion: string;
  simpyVersion: string;
}

/** What one run of the SimPy model reported. */
export interface SimpyResult {
  customers: number;
  served: number;
  /** Events SimPy scheduled (= processed); see the docstring of mm1_simpy.py. */
  events: number;
  meanWait: number;
  simTime: number;
  wallSeconds: number;
}

/** Options of one SimPy run. */
export interface SimpyRunOptions {
  customers: number;
  lambda: number;
  mu: number;
  seed: number;
  /** Also count env.step() calls and fail if they differ from the event count. */
  verifyEvents?: boolean;
  /** 'event': two Timeout callbacks per customer (like freshsim's model); 'process' (default): Resource and a process per customer. */
  style?: 'event' | 'process';
  /** Kill the run after this long (default 120 s). */
  timeoutMs?: number;
}

/**
 * The model script in the source tree. This module runs from
 * `dist/bench/`, so the script is two folders up, in `bench/`.
 */
export function simpyScriptPath(): string {
  const path = fileURLToPath(new URL('../../bench/mm1_simpy.py', import.meta.url));
  if (!existsSync(path)) {
    throw new Error(`SimPy model not found at ${path}: expected bench/mm1_simpy.py beside dist/`);
  }
  return path;
}

// A source checkout on PYTHONPATH has no simpy.__version__: fall back to the package metadata, else
// FRESHSIM_SIMPY_VERSION (for a checkout without metadata), else 'unknown'.
const PROBE = [
  'import simpy, sys',
  'v = getattr(simpy, "__version__", None)',
  'if not v:',
  '    try:',
  '        from importlib.metadata import version; v = version("simpy")',
  '    except Exception:',
  '        v = None',
  'print(v or "unknown"); print(sys.version.split()[0]); print(sys.executable)',
].join('\n');

/** Ask `command` for its SimPy and Python versions; undefined when it cannot import simpy. */
function probe(command: string): SimpyPython | undefined {
  const out = spawnSync(command, ['-c', PROBE], { encoding: 'utf8', timeout: 30_000 });
  if (out.status !== 0) return undefined;
  const [probed, pythonVersion, executable] = out.stdout.trim().split('\n');
  const simpyVersion = probed === 'unknown' && process.env.FRESHSIM_SIMPY_VERSION ? process.env.FRESHSIM_SIMPY_VERSION : probed;
  return { command, executable, pythonVersion, simpyVersion };
}

/**
 * Find a Python with SimPy: `$FRESHSIM_PYTHON` if set (with `PYTHONPATH` for a
 * SimPy source checkout), else the first of
 * `python3`, `/usr/bin/python3`, `python` that can `import simpy` (Debian's
 * python3-simpy3 installs into /usr/bin/python3 only, not into pyenv's).
 */
export function findSimpyPython(): SimpyPython {
  const forced = process.env.FRESHSIM_PYTHON;
  const candidates = forced ? [forced] : ['python3', '/usr/bin/python3', 'python'];
  for (const command of candidates) {
    const found = probe(command);
    if (found) return found;
  }
  throw new Error(
    `no Python that can "import simpy" among ${candidates.join(', ')}: ` +
      'install SimPy 3+ (Debian: apt-get install python3-simpy3; note python3-simpy is SimPy 2, ' +
      'module "SimPy", which mm1_simpy.py does not use) or set FRESHSIM_PYTHON',
  );
}

/** Read a finite number field of the script's JSON, naming it when it is missing. */
function numberField(json: Record<string, unknown>, field: string): number {
  const value = json[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`mm1_simpy.py output: field "${field}" is ${JSON.stringify(value)}, expected a finite number`);
  }
  return value;
}

/** Run the SimPy model once in a fresh interpreter. */
export function runSimpy(python: SimpyPython, o: SimpyRunOptions): SimpyResult {
  const args = [simpyScriptPath(), '--customers', String(o.customers), '--lambda', String(o.lambda),
    '--mu', String(o.mu), '--seed', String(o.seed)];
  if (o.verifyEvents) args.push('--verify-events');
  if (o.style) args.push('--style', o.style);
  const out = spawnSync(python.command, args, { encoding: 'utf8', timeout: o.timeoutMs ?? 120_000 });
  if (out.error) throw new Error(`mm1_simpy.py (${python.command}) failed to run: ${out.error.message}`);
  if (out.status !== 0) {
    throw new Error(`mm1_simpy.py exited with ${out.status ?? out.signal}: ${out.stderr.trim()}`);
  }
  const json = JSON.parse(out.stdout) as Record<string, unknown>;
  return {
    customers: numberField(json, 'customers'),
    served: numberField(json, 'served'),
    events: numberField(json, 'events'),
    meanWait: numberField(json, 'mean_wait'),
    simTime: numberField(json, 'sim_time'),
    wallSeconds: numberField(json, 'wall_seconds'),
  };
}
