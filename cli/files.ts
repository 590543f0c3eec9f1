/**
 * File reading and writing for the CLI: scenario sources, and durable,
 * atomic writes of results (write to a temporary file, fsync, rename).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fileURLToPath } from 'node:url';
import {
  builtinScenario, builtinScenarios, historyDirScenario, isHistoryDir, parseScenario, ScenarioError, scenarioWarnings, type Scenario, type ScenarioLoader,
} from '../scenarios/index.js';
import { UsageError } from './errors.js';

/** A built-in scenario by name, or a scenario file by path. */
export function loadScenario(nameOrFile: string): Scenario {
  const builtin = builtinScenario(nameOrFile);
  if (builtin) return builtin;
  // A directory written by `freshsim import` replays its orders with every default (stated in the description).
  if (isHistoryDir(nameOrFile)) return historyDirScenario(nameOrFile).scenario;
  if (!existsSync(nameOrFile)) {
    throw new UsageError(
      `scenario '${nameOrFile}' is neither a built-in scenario (${Object.keys(builtinScenarios).join(', ')}) nor an existing file`,
    );
  }
  let text: string;
  try {
    text = readFileSync(nameOrFile, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read scenario file '${nameOrFile}': ${(e as Error).message}`);
  }
  const scenario = parseScenario(text, nameOrFile, extendsLoader);
  for (const w of scenarioWarnings(scenario)) process.stderr.write(`freshsim: warning: ${nameOrFile}: ${w}\n`);
  return scenario;
}

/** Reads a scenario file named by `extends:` (relative to the file that names it). */
const extendsLoader: ScenarioLoader = (ref, from) => {
  const file = resolve(dirname(from), ref);
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ScenarioError(from, [`extends: cannot read '${ref}' (${file}): ${(e as Error).message.split('\n')[0]}`]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ScenarioError(file, ['(top level): expected a mapping of scenario fields']);
  return { data: data as Record<string, unknown>, file };
};

/** Write `text` to `file` atomically and durably (temp file, fsync, rename). */
export function writeFileDurable(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** The package's version, read from its package.json. */
export function freshsimVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['..', '../..']) {
    const p = join(here, up, 'package.json');
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'freshsim' && pkg.version) return pkg.version;
    }
  }
  return 'unknown';
}
