/**
 * The on-disk OM1 result cache: one JSON file per entry under
 * `<dir>/om1/<sha256 of the key text>.json`, holding the key's hash, the
 * result and a sha256 checksum of the result's text. An entry that does not
 * parse, whose key or checksum does not match, or whose result is malformed is
 * ignored (and rewritten by the next solve), never trusted.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resultFromJson, resultToJson, type Om1Cache, type Om1Result } from '../strategies/index.js';
import { writeFileDurable } from './files.js';

/** Default cache directory (relative to the working directory). */
export const DEFAULT_CACHE_DIR = join('.cache', 'freshsim');

/** The cache directory: the flag, else FRESHSIM_CACHE_DIR, else the default. */
export function cacheDirOf(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? (env.FRESHSIM_CACHE_DIR || DEFAULT_CACHE_DIR);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What the cache did, for tests and messages. */
export interface CacheStats { hits: number; misses: number; corrupt: number; writes: number }

/** A file cache under `dir` (created on first write). */
export function fileOm1Cache(dir: string): Om1Cache & { readonly stats: CacheStats; pathOf(key: string): string } {
  const stats: CacheStats = { hits: 0, misses: 0, corrupt: 0, writes: 0 };
  const pathOf = (key: string) => join(dir, 'om1', `${sha256(key)}.json`);
  return {
    stats,
    pathOf,
    get(key) {
      const file = pathOf(key);
      if (!existsSync(file)) { stats.misses++; return undefined; }
      try {
        const entry = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; checksum?: unknown; result?: unknown };
        const text = JSON.stringify(entry.result);
        if (entry.key !== sha256(key) || entry.checksum !== sha256(text)) throw new Error('key or checksum mismatch');
        const r = resultFromJson(entry.result);
        stats.hits++;
        return r;
      } catch {
        stats.corrupt++;
        return undefined;
      }
    },
    set(key, result: Om1Result) {
      const payload = resultToJson(result);
      const text = JSON.stringify(payload);
      writeFileDurable(pathOf(key), `${JSON.stringify({ key: sha256(key), checksum: sha256(text), result: payload })}\n`);
      stats.writes++;
    },
  };
}
