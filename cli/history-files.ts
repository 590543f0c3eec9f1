/**
 * Imported directories on the disk: the CLI's {@link HistoryReader}, handed
 * to scenario parsing, world building and summaries (scenarios/ never reads
 * the disk). Read synchronously and cached per directory while its manifest
 * is unchanged, so every replication and worker sees the same data.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHistory, parseManifest, type HistoryReader, type LoadedHistory } from '../scenarios/index.js';

/** Is `path` a directory written by `freshsim import`? */
export function isHistoryDir(path: string): boolean {
  try {
    return statSync(path).isDirectory() && existsSync(join(path, 'manifest.json'));
  } catch {
    return false;
  }
}

const cache = new Map<string, { manifestText: string; history: LoadedHistory }>();

/** Load the imported directory `dir` from the disk (`where` names the scenario for errors). */
export const readHistoryDir: HistoryReader = (dir, where) => {
  const abs = resolve(dir);
  const text = (name: string) => readFileSync(join(abs, name), 'utf8');
  const manifest = parseManifest(abs, text, where);
  const manifestText = JSON.stringify(manifest);
  const hit = cache.get(abs);
  if (hit && hit.manifestText === manifestText) return hit.history;
  const history = parseHistory(abs, manifest, text, where);
  cache.set(abs, { manifestText, history });
  return history;
};
