/**
 * The pool worker (a piscina worker thread, loaded as compiled JS from
 * dist/): receives a plain JSON cell spec, returns a plain JSON outcome, or
 * the cell's error as plain data. Worlds are shared between the cells this
 * thread runs (see experiment/cell-run.ts). Strategies that need HiGHS get it loaded
 * once per thread, with the OM1 cache options the pool was given.
 */
import { threadId, workerData } from 'node:worker_threads';
import { strategyDefinition } from '../strategies/index.js';
import { createCellRunner, failureOf, type CellFailure, type CellOutcome, type CellSpec } from '../experiment/index.js';
import { maybeInjectFault } from './fault-injection.js';
import type { PoolOptions } from './pool.js';
import { collectedDecisions, prepareStrategyServices } from './strategy-services.js';

const runCell = createCellRunner(() => performance.now());
const options = (workerData ?? {}) as PoolOptions;
let services: Promise<unknown> | undefined;

/** Run one cell. */
export default async function runCellTask(cell: CellSpec): Promise<CellOutcome | CellFailure> {
  try {
    if (strategyDefinition(cell.strategy.name).requires?.includes('highs')) {
      services ??= prepareStrategyServices({ cacheDir: options.cacheDir, noCache: options.noCache });
      await services;
    }
    const before = collectedDecisions().length;
    const outcome = runCell(cell);
    const decisions = collectedDecisions().slice(before);
    maybeInjectFault(cell.key);
    const ranBy = `${process.pid}/${threadId}`;
    return decisions.length > 0 ? { ...outcome, ranBy, decisions } : { ...outcome, ranBy };
  } catch (e) {
    return failureOf(cell.id, e);
  }
}
