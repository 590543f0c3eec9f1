/**
 * `--strategies` entries → strategy specs. An entry is a built-in name or a
 * module path, optionally followed by parameters in braces:
 *
 *   pto-greedy,safety-stock{serviceLevel=0.9},./top-k.mjs{k=20,window=7}
 *
 * Values are numbers, `true`/`false`, or else strings. An entry with
 * parameters is labelled like an experiment file's grid variant,
 * `safety-stock[serviceLevel=0.9]`, so two variants of one strategy get
 * distinct names. Parameters are checked against the strategy's schema; the
 * error names the field and what it expected.
 */
import type { StrategySpec } from '../experiment/index.js';
import { resolvedParams, StrategyError } from '../strategies/index.js';
import { UsageError } from './errors.js';
import { execDefinition, execIdentity, execScript, isExecEntry } from './exec-strategy.js';
import { isModulePath, loadStrategyModule } from './strategy-modules.js';

/** Split `a,b{x=1,y=2},c` at the commas outside braces. */
export function splitStrategyList(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '{') depth++;
    else if (list[i] === '}') depth--;
    else if (list[i] === ',' && depth === 0) { out.push(list.slice(start, i).trim()); start = i + 1; }
  }
  out.push(list.slice(start).trim());
  return out;
}

/** A parameter value from the command line: a number, a boolean, else the text. */
function valueOf(text: string): number | boolean | string {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return Number(text);
  return text;
}

/** One entry → its strategy (name or path) and parameters. */
export function parseStrategyEntry(entry: string, flag = '--strategies'): { strategy: string; params?: Record<string, number | boolean | string> } {
  const m = /^([^{}]+?)(?:\{([^{}]*)\})?$/.exec(entry);
  if (!m) throw new UsageError(`${flag} '${entry}': expected NAME or NAME{param=value,...}, e.g. safety-stock{serviceLevel=0.9}`);
  if (m[2] === undefined) return { strategy: m[1] };
  const params: Record<string, number | boolean | string> = {};
  for (const pair of m[2].split(',')) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq).trim();
    if (eq < 0 || key === '') throw new UsageError(`${flag} '${entry}': '${pair}' is not param=value; expected NAME{param=value,...}`);
    if (Object.hasOwn(params, key)) throw new UsageError(`${flag} '${entry}': parameter '${key}' is given twice`);
    params[key] = valueOf(pair.slice(eq + 1).trim());
  }
  return { strategy: m[1], params };
}

/** The label of a strategy with command-line parameters: `name[k=v,...]` (the experiment files' grid form). */
function labelOf(name: string, params: Record<string, unknown> | undefined): string {
  if (!params || Object.keys(params).length === 0) return name;
  return `${name}[${Object.entries(params).map(([k, v]) => `${k}=${v}`).join(',')}]`;
}

/** Resolve `--strategies` (modules loaded, parameters checked); labels are unique. */
export async function strategySpecs(list: string, flag = '--strategies', base = process.cwd()): Promise<StrategySpec[]> {
  const entries = splitStrategyList(list);
  if (entries.some((n) => n === '')) throw new UsageError(`${flag} '${list}': expected comma-separated strategies, e.g. pto-greedy,newsvendor`);
  const specs: StrategySpec[] = [];
  for (const entry of entries) {
    const { strategy, params } = parseStrategyEntry(entry, flag);
    let spec: StrategySpec;
    if (isExecEntry(strategy)) {
      const command = strategy.slice('exec:'.length).trim();
      if (command === '') throw new UsageError(`${flag} '${entry}': expected exec:COMMAND, e.g. 'exec:python3 my_strategy.py'`);
      const { name, hash } = execIdentity(command, base);
      const definition = execDefinition(command, name, base);
      spec = { name, params, label: labelOf(name, params), exec: { ref: { command, hash, script: execScript(command, base) }, definition } };
    } else if (isModulePath(strategy)) {
      const module = await loadStrategyModule(strategy, base);
      spec = { name: module.definition.name, params, label: labelOf(module.definition.name, params), module };
    } else {
      spec = { name: strategy, params, label: labelOf(strategy, params) };
    }
    try {
      resolvedParams(spec.module?.definition ?? spec.exec?.definition ?? spec.name, params); // fail before any work, naming the field
    } catch (e) {
      if (e instanceof StrategyError) throw new StrategyError(`${flag} '${entry}': ${e.message}`);
      throw e;
    }
    if (specs.some((s) => s.label === spec.label)) throw new UsageError(`${flag} lists '${spec.label}' twice; expected each strategy (and parameter set) once`);
    specs.push(spec);
  }
  return specs;
}
