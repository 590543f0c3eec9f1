/**
 * File reading and writing for the CLI: scenario sources, and durable,
 * atomic writes of results (write to a temporary file, check every byte
 * count, fsync, rename): a write is durable or absent — a failure leaves the
 * previous file untouched and no temporary file behind, and is told as a
 * {@link ResourceError} (disk full, exit 5) or a {@link UsageError} (an
 * unwritable place, exit 2).
 */
import { accessSync, closeSync, constants, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import {
  builtinScenario, builtinScenarios, historyDirScenario, parseScenario, ScenarioError, scenarioWarnings, type Scenario, type ScenarioLoader,
} from '../scenarios/index.js';
import { ResourceError, UsageError } from './errors.js';
import { writeFaultFor } from './fault-injection.js';
import { isHistoryDir, readHistoryDir } from './history-files.js';

/** A built-in scenario by name, or a scenario file by path. */
export function loadScenario(nameOrFile: string): Scenario {
  const builtin = builtinScenario(nameOrFile);
  if (builtin) return builtin;
  // A directory written by `freshsim import` replays its orders with every default (stated in the description).
  if (isHistoryDir(nameOrFile)) return historyDirScenario(nameOrFile, readHistoryDir).scenario;
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
  const scenario = parseScenario(text, nameOrFile, readHistoryDir, extendsLoader);
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

/**
 * Check that `out` can be a run directory before any work: an existing
 * writable directory, or a path whose nearest existing ancestor is one
 * (exit 2 otherwise — a file, a read-only directory).
 */
export function checkOutDir(out: string, flag = '--out'): void {
  let p = resolve(out);
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  if (!statSync(p).isDirectory()) {
    throw new UsageError(p === resolve(out) ? `${flag} '${out}' is a file; expected a directory` : `${flag} '${out}': '${p}' is a file, not a directory; expected a directory path`);
  }
  try {
    accessSync(p, constants.W_OK);
  } catch {
    throw new UsageError(`${flag} '${out}': the directory '${p}' is not writable; expected a writable directory`);
  }
}

/** Why a write failed, for a person: disk full is a resource fault (exit 5), an unwritable place is bad input (exit 2). */
export function writeFailure(file: string, e: unknown): Error {
  if (e instanceof UsageError || e instanceof ResourceError) return e;
  const code = String((e as NodeJS.ErrnoException)?.code ?? '');
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new ResourceError(`cannot write '${file}': ${code === 'ENOSPC' ? 'no space left on the device' : 'disk quota exceeded'} (${code}); nothing was replaced — free some space and rerun`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new UsageError(`cannot write '${file}': ${code === 'EROFS' ? 'read-only file system' : 'permission denied'} (${code}); expected a writable directory`);
  }
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR') {
    return new UsageError(`cannot write '${file}': a part of the path is a file, not a directory (${code}); expected a directory path`);
  }
  return e instanceof Error ? e : new Error(String(e));
}

/** Write every byte of `bytes` to `fd`, checking each count (and the injected write fault of the fault tests). */
function writeAll(fd: number, bytes: Uint8Array, file: string): void {
  const fault = writeFaultFor(file);
  const limit = fault ? Math.min(fault.afterBytes, bytes.length) : bytes.length;
  let written = 0;
  while (written < limit) {
    const n = writeSync(fd, bytes, written, limit - written);
    if (n <= 0) throw Object.assign(new Error(`short write: ${written} of ${bytes.length} bytes`), { code: 'EIO' });
    written += n;
  }
  if (fault) throw Object.assign(new Error(`${fault.code}: injected write failure after ${written} bytes`), { code: fault.code });
}

/** fsync a directory so a rename in it survives a crash (where the platform allows it). */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms and file systems cannot fsync a directory; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Write `text` to a fresh temporary file next to `file`, every byte checked and fsynced; returns its path. */
function writeAside(file: string, text: string | Uint8Array): string {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (e) {
    throw writeFailure(file, e);
  }
  const tmp = `${file}.tmp-${process.pid}`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    writeAll(fd, typeof text === 'string' ? Buffer.from(text, 'utf8') : text, file);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    return tmp;
  } catch (e) {
    if (fd !== undefined) {
      try { closeSync(fd); } catch { /* already failing: the write's error is the one to tell */ }
    }
    rmSync(tmp, { force: true });
    throw writeFailure(file, e);
  }
}

/** Write `text` to `file` atomically and durably: the whole new file, or the previous one untouched. */
export function writeFileDurable(file: string, text: string | Uint8Array): void {
  writeFilesDurable([{ file, text }]);
}

/**
 * Write several files as one step: every new file is written aside and
 * fsynced first, and only when all are complete are they renamed into place.
 * A failure before that removes the temporary files and leaves every
 * previous file untouched.
 */
export function writeFilesDurable(files: readonly { file: string; text: string | Uint8Array }[]): void {
  const done: { tmp: string; file: string }[] = [];
  try {
    for (const f of files) done.push({ tmp: writeAside(f.file, f.text), file: f.file });
  } catch (e) {
    for (const d of done) rmSync(d.tmp, { force: true });
    throw e;
  }
  for (const d of done) {
    try {
      renameSync(d.tmp, d.file);
    } catch (e) {
      for (const rest of done) rmSync(rest.tmp, { force: true });
      throw writeFailure(d.file, e);
    }
  }
  for (const dir of new Set(done.map((d) => dirname(d.file)))) syncDir(dir);
}

/** The package's version (defined in version.ts, which the CLI loads alone). */
export { freshsimVersion } from './version.js';
