/**
 * The pool worker (a piscina worker thread, loaded as compiled JS from
 * dist/): receives a plain JSON cell spec, returns a plain JSON outcome, or
 * the cell's error as plain data. Worlds are shared between the cells this
 * thread runs (see experiment/cell-run.ts). Strategies that need HiGHS get it loaded
 * once per thread, with the OM1 cache options the pool was given, and
 * passed to their cells.
 */
import { threadId, workerData } from 'node:worker_threads';
import { createCellRunner, failureOf, type CellFailure, type CellOutcome, type CellSpec } from '../experiment/index.js';
import { maybeInjectFault } from './fault-injection.js';
import type { PoolOptions } from './pool.js';
import { readHistoryDir } from './history-files.js';
import { cellEnv } from './strategy-services.js';

const runCell = createCellRunner(() => performance.now(), readHistoryDir);
const options = (workerData ?? {}) as PoolOptions;

/** Run one cell. */
export default async function runCellTask(cell: CellSpec): Promise<CellOutcome | CellFailure> {
  try {
    const { services, definition } = await cellEnv(cell.strategy, options);
    const outcome = runCell(cell, services, definition);
    maybeInjectFault(cell.key);
    return { ...outcome, ranBy: `${process.pid}/${threadId}` };
  } catch (e) {
    return failureOf(cell.id, e);
  }
}
