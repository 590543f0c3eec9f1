/**
 * The pool worker (a piscina worker thread, loaded as compiled JS from
 * dist/): receives a plain JSON cell spec, returns a plain JSON outcome, or
 * the cell's error as plain data. Worlds are shared between the cells this
 * thread runs (see cell-run.ts).
 */
import type { CellSpec } from './cells.js';
import { createCellRunner, failureOf, type CellFailure, type CellOutcome } from './cell-run.js';
import { maybeInjectFault } from './fault-injection.js';

const runCell = createCellRunner(() => performance.now());

/** Run one cell. */
export default function runCellTask(cell: CellSpec): CellOutcome | CellFailure {
  try {
    const outcome = runCell(cell);
    maybeInjectFault(cell.key);
    return outcome;
  } catch (e) {
    return failureOf(cell.id, e);
  }
}
