/**
 * Reading run outputs back (results.json, timing.json, baselines) for the
 * `report`, `check` and `baseline` commands, and writing the HTML report.
 * Every failure is a UsageError naming the file and, for a malformed
 * document, the field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseBaseline, parseResults, type Baseline, type Results } from '../analysis/index.js';
import { renderHtmlReport } from '../reports/index.js';
import { UsageError } from './errors.js';
import { writeFileDurable } from './files.js';

/** Run the parser and turn its domain error into a UsageError (exit 2). */
function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && ['ResultsError', 'BaselineError', 'ReportInputError'].includes(e.name)) throw new UsageError(e.message);
    throw e;
  }
}

function readJson(file: string, what: string): unknown {
  if (!existsSync(file)) throw new UsageError(`${what} '${file}' does not exist`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} '${file}': ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} '${file}' is not valid JSON: ${(e as Error).message}`);
  }
}

/** results.json of a run directory (or the path of a results file itself). */
export function resultsFileOf(dirOrFile: string): string {
  if (!existsSync(dirOrFile)) throw new UsageError(`run '${dirOrFile}' does not exist; expected a run directory holding results.json`);
  return statSync(dirOrFile).isDirectory() ? join(dirOrFile, 'results.json') : dirOrFile;
}

/**
 * The run directories behind `args`: a directory without results.json whose
 * subdirectories hold one each (a multi-scenario `sweep`) stands for those
 * subdirectories, in name order.
 */
export function expandRuns(args: readonly string[]): string[] {
  return args.flatMap((a) => {
    if (!existsSync(a) || !statSync(a).isDirectory() || existsSync(join(a, 'results.json'))) return [a];
    const subs = readdirSync(a, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(a, d.name, 'results.json')))
      .map((d) => join(a, d.name))
      .sort();
    if (subs.length === 0) throw new UsageError(`run '${a}' holds no results.json, nor do its subdirectories; expected a run directory`);
    return subs;
  });
}

/** Read and validate a run's results. */
export function readResults(dirOrFile: string): { results: Results; file: string } {
  const file = resultsFileOf(dirOrFile);
  const doc = readJson(file, 'results file');
  return { results: asUsage(() => parseResults(doc, file)), file };
}

/** What the report takes from timing.json, if the run directory has one. */
export function readTiming(dir: string): { wallSeconds?: number; decisionMs?: Record<string, number> } {
  const file = join(dir, 'timing.json');
  if (!existsSync(file)) return {};
  const doc = readJson(file, 'timing file') as { wallSeconds?: unknown; strategies?: Record<string, { meanMs?: unknown }> };
  const decisionMs: Record<string, number> = {};
  for (const [name, t] of Object.entries(doc.strategies ?? {})) if (typeof t?.meanMs === 'number') decisionMs[name] = t.meanMs;
  return { wallSeconds: typeof doc.wallSeconds === 'number' ? doc.wallSeconds : undefined, decisionMs };
}

/** Read and validate a baseline file. */
export function readBaseline(file: string): Baseline {
  const doc = readJson(file, 'baseline');
  return asUsage(() => parseBaseline(doc, file));
}

/** The d3 UMD bundle shipped in node_modules, to inline into reports. */
export function d3Bundle(): string {
  const entry = createRequire(import.meta.url).resolve('d3');
  const file = join(dirname(entry), 'd3.min.js');
  if (!existsSync(file)) throw new Error(`d3 bundle not found at ${file}; reinstall with npm ci`);
  return readFileSync(file, 'utf8');
}

/**
 * `results` with the `stress` section of RUN_DIR/stress.json (what `freshsim
 * stress --out RUN_DIR` writes) when the results carry none, so one report
 * shows a run and its stress test.
 */
export function withStressOf(results: Results, runDir: string): Results {
  const file = join(runDir, 'stress.json');
  if (results.stress !== undefined || !existsSync(file)) return results;
  const doc = readJson(file, 'stress file') as { scenario?: unknown; stress?: unknown };
  if (doc.stress === undefined) return results;
  if (doc.scenario !== results.scenario) {
    throw new UsageError(`stress file '${file}' is of scenario '${String(doc.scenario)}', but the results are of '${results.scenario}'; expected the same scenario`);
  }
  return asUsage(() => parseResults({ ...results, stress: doc.stress }, file));
}

/** Render the HTML report of `results` and write it to `out`; returns `out`. */
export function writeHtmlReport(results: Results, out: string, opts: { runDir?: string; source?: string; baseline?: string }): string {
  const timing = opts.runDir === undefined ? {} : readTiming(opts.runDir);
  if (opts.runDir !== undefined) results = withStressOf(results, opts.runDir);
  const html = asUsage(() => renderHtmlReport(results, {
    d3Source: d3Bundle(),
    baseline: opts.baseline,
    generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    wallSeconds: timing.wallSeconds,
    decisionMs: timing.decisionMs,
    source: opts.source,
  }));
  writeFileDurable(out, html);
  return out;
}
