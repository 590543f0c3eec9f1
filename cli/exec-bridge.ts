/**
 * The helper thread of an `exec:` strategy: it owns the child process and
 * its pipes (asynchronous in Node), and relays lines between the child and
 * the cell's thread, which waits for each answer synchronously (a planner's
 * decide is synchronous): every message it posts is followed by a store and
 * notify on the shared flag the cell's thread waits on.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { workerData, type MessagePort } from 'node:worker_threads';

const { command, port, flag } = workerData as { command: string; port: MessagePort; flag: Int32Array };

/** Post to the cell's thread and wake it. */
function tell(message: unknown): void {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

const child = spawn(command, { shell: true, stdio: ['pipe', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.setEncoding('utf8');
child.stderr.on('data', (s: string) => { stderr = (stderr + s).slice(-2000); });
createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => tell({ line }));
child.on('error', (e) => tell({ exit: null, error: e.message, stderr }));
child.on('close', (code, signal) => tell({ exit: code, signal, stderr }));
child.stdin.on('error', () => {}); // a child that died: its exit is told
port.on('message', (m: { line?: string; close?: boolean }) => {
  if (m.close) {
    child.stdin.end();
    setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    port.close();
    return;
  }
  child.stdin.write(`${m.line}\n`);
});
