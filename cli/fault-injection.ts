/**
 * Fault injection for the runner's fault tests: with FRESHSIM_FAULT set, a
 * worker misbehaves in a chosen cell, exactly once across all workers and
 * processes (a marker file claims the fault). Unset, this does nothing.
 *
 * FRESHSIM_FAULT = JSON `{ "cell": "<cell key>", "kind": "throw" | "exit" | "hang",
 * "marker": "<path>" }`:
 * - `throw`: the cell throws an Error;
 * - `exit`: the worker thread ends abruptly mid-cell (process.exit in the thread);
 * - `hang`: the cell blocks forever, so a test can SIGKILL its process mid-cell.
 * Once the marker file exists (it records the fault's pid), the fault is spent.
 * FRESHSIM_WRITE_FAULT makes durable writes of a named file fail ({@link writeFaultFor}).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

interface Fault {
  readonly cell: string;
  readonly kind: 'throw' | 'exit' | 'hang';
  readonly marker: string;
}

function configured(): Fault | undefined {
  const text = process.env.FRESHSIM_FAULT;
  if (!text) return undefined;
  const f = JSON.parse(text) as Fault;
  if (typeof f.cell !== 'string' || !['throw', 'exit', 'hang'].includes(f.kind) || typeof f.marker !== 'string') {
    throw new Error(`FRESHSIM_FAULT '${text}': expected {"cell": KEY, "kind": "throw"|"exit"|"hang", "marker": PATH}`);
  }
  return f;
}

/** Claim the fault atomically; false if another worker already had it. */
function claim(f: Fault): boolean {
  try {
    const fd = openSync(f.marker, 'wx');
    writeSync(fd, `${process.pid} ${threadId}\n`);
    closeSync(fd);
    return true;
  } catch {
    return false;
  }
}

/** Misbehave here if FRESHSIM_FAULT names this cell and the fault is not yet spent. */
export function maybeInjectFault(cellKey: string): void {
  const f = configured();
  if (!f || f.cell !== cellKey || !claim(f)) return;
  if (f.kind === 'throw') throw new Error(`injected fault in cell ${cellKey}`);
  if (f.kind === 'exit') process.exit(137);
  const forever = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(forever, 0, 0, 60_000);
}

/** An injected write failure: FRESHSIM_WRITE_FAULT = JSON `{ "file": "<file name>", "afterBytes": N, "code": "ENOSPC" }`. */
export interface WriteFault {
  /** File name (the last part of the path) whose durable writes fail. */
  readonly file: string;
  /** Bytes written before the failure (a disk filling up mid-file). */
  readonly afterBytes: number;
  /** The system error code to fail with (ENOSPC, EDQUOT, EIO, …). */
  readonly code: string;
}

/**
 * The write fault for `path`, if FRESHSIM_WRITE_FAULT names its file name:
 * the durable writer then writes `afterBytes` and fails with `code`, as a
 * full disk would. Unset, undefined.
 */
export function writeFaultFor(path: string): WriteFault | undefined {
  const text = process.env.FRESHSIM_WRITE_FAULT;
  if (!text) return undefined;
  const f = JSON.parse(text) as WriteFault;
  if (typeof f.file !== 'string' || !Number.isInteger(f.afterBytes) || f.afterBytes < 0 || typeof f.code !== 'string') {
    throw new Error(`FRESHSIM_WRITE_FAULT '${text}': expected {"file": NAME, "afterBytes": N, "code": "ENOSPC"}`);
  }
  const name = path.split(/[\\/]/).pop();
  return name === f.file ? f : undefined;
}
