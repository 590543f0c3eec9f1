/** The `--shard I/N` flag (the slicing itself is experiment/'s `shardCells`). */
import type { Shard } from '../experiment/index.js';
import { UsageError } from './errors.js';

/** Parse `--shard I/N`. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard '${text}': expected I/N with 1 ≤ I ≤ N, e.g. 2/8`);
  }
  return { index, count };
}
