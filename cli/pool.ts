/**
 * The local worker pool: piscina worker threads running compiled
 * `dist/cli/cell-worker.js`. Cells go in as plain JSON and outcomes come back
 * as plain JSON; a thread that throws or dies fails only the cell it was
 * running (piscina replaces the thread).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { CellFailure, CellOutcome, CellSpec } from '../experiment/index.js';

/** Runs cells somewhere; `run` resolves to the outcome or the cell's error, and rejects if its worker died. */
export interface CellExecutor {
  run(cell: CellSpec, signal?: AbortSignal): Promise<CellOutcome | CellFailure>;
  close(): Promise<void>;
}

/** Default pool size: one worker per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * The compiled worker script. From dist/cli it is a sibling; from the
 * TypeScript sources (tests) it is the build output under dist/.
 */
export function workerScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'cell-worker.js'), resolve(here, '../dist/cli/cell-worker.js')];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`compiled pool worker not found (looked for ${candidates.join(', ')}); run \`npm run build\` first`);
  return found;
}

/** What every pool thread is told (plain data): the OM1 cache options for strategies that solve OM1. */
export interface PoolOptions {
  readonly cacheDir?: string;
  readonly noCache?: boolean;
}

/** A pool of `workers` threads. */
export function createPool(workers: number, options: PoolOptions = {}): CellExecutor {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`pool size ${workers}: expected a whole number ≥ 1`);
  const pool = new Piscina<CellSpec, CellOutcome | CellFailure>({
    filename: pathToFileURL(workerScript()).href,
    minThreads: workers,
    maxThreads: workers,
    // Threads live as long as the pool: they keep their world cache.
    idleTimeout: 2 ** 31 - 1,
    workerData: options,
  });
  return {
    run: (cell, signal) => pool.run(cell, { signal }),
    close: () => pool.destroy(),
  };
}
