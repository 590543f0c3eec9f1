/**
 * provenance.json in a run directory: what produced the run (freshsim
 * commit when installed from a git checkout, Node, OS) and the exact command
 * that reproduces it. Kept out of results.json, which must be byte-identical
 * however and wherever the same cells were computed; the report reads both.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { arch, release, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sectionSchemas, type Provenance } from '../analysis/index.js';
import { UsageError } from './errors.js';
import { writeFileDurable } from './files.js';

/** The file name inside a run directory. */
export const PROVENANCE_FILE = 'provenance.json';

/** The git commit of the freshsim checkout this code runs from (undefined outside a git checkout or without git). */
export function freshsimCommit(): string | undefined {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  if (!existsSync(join(root, '.git'))) return undefined;
  try {
    return execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** This process's provenance for a run made by `command`. */
export function currentProvenance(command: string, scenarioFile?: string): Provenance {
  const commit = freshsimCommit();
  return {
    ...(commit ? { freshsimCommit: commit } : {}),
    node: process.version,
    os: `${type()} ${release()} ${arch()}`,
    ...(scenarioFile ? { scenarioFile } : {}),
    command,
  };
}

/** Write provenance.json into `dir`. */
export function writeProvenance(dir: string, p: Provenance): void {
  writeFileDurable(join(dir, PROVENANCE_FILE), `${JSON.stringify(p, null, 2)}\n`);
}

/** Read `dir`'s provenance.json (undefined when absent; a malformed one is bad input naming the file). */
export function readProvenance(dir: string): Provenance | undefined {
  const file = join(dir, PROVENANCE_FILE);
  if (!existsSync(file)) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`provenance file '${file}' is not valid JSON: ${(e as Error).message}`);
  }
  const r = sectionSchemas.provenance.safeParse(doc);
  if (!r.success) throw new UsageError(`provenance file '${file}' is malformed: ${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`);
  return r.data;
}
