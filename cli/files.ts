/**
 * File reading and writing for the CLI: scenario sources, and durable,
 * atomic writes of results (write to a temporary file, fsync, rename).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinScenario, builtinScenarios, historyDirScenario, isHistoryDir, parseScenario, type Scenario } from '../scenarios/index.js';
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
  return parseScenario(text, nameOrFile);
}

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

/** The package's version (defined in version.ts, which the CLI loads alone). */
export { freshsimVersion } from './version.js';
