/**
 * `exec:COMMAND` strategies: a child process per cell (one scenario and
 * replication) speaking freshsim's JSON-lines protocol (docs/PROTOCOL.md)
 * on stdin/stdout. A helper thread owns the child (exec-bridge.ts); the
 * cell's thread waits for each answer with a per-decision timeout (wall
 * clock: a timeout fails the cell, it never changes a number). A crash, a
 * hang, malformed JSON or a malformed plan is an {@link ExecStrategyError}
 * naming the strategy, day, site and what was expected.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { DecisionContext, Planner, StockPlan } from '../sim/index.js';
import type { StrategyDefinition } from '../strategies/index.js';
import type { StrategyExecRef } from '../experiment/index.js';
import { StrategyModuleMismatch } from './strategy-modules.js';

/** The protocol version this freshsim speaks. */
export const PROTOCOL_VERSION = 1;

/** Seconds a child may take per decision (FRESHSIM_EXEC_TIMEOUT overrides; default 60); starting up and the handshake get at least 60. */
export function execTimeoutMs(): number {
  const s = Number(process.env.FRESHSIM_EXEC_TIMEOUT ?? 60);
  return (Number.isFinite(s) && s > 0 ? s : 60) * 1000;
}

const START_TIMEOUT_MS = 60_000;

/** An out-of-process strategy that crashed, hung or answered out of protocol. */
export class ExecStrategyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExecStrategyError';
  }
}

/** Is a `--strategies` entry an exec strategy? */
export function isExecEntry(entry: string): boolean {
  return entry.startsWith('exec:');
}

/**
 * The name and identity of `exec:COMMAND`: named after its last word that is
 * a file (`exec:python3 top_k.py` → `top_k`); the hash covers the command and
 * the content of every word that is a file, so an edited script is new cells.
 */
export function execIdentity(command: string, base = process.cwd()): { name: string; hash: string } {
  const words = command.trim().split(/\s+/);
  const files = words.filter((w) => existsSync(resolve(base, w)) && !w.startsWith('-')).map((w) => resolve(base, w));
  const h = createHash('sha256').update(command);
  for (const f of files) { try { h.update(readFileSync(f)); } catch { /* a directory: its name is in the command */ } }
  const last = files.length > 0 ? files[files.length - 1] : words[0];
  return { name: basename(last, extname(last)).replace(/[^A-Za-z0-9._-]/g, '_') || 'exec', hash: h.digest('hex').slice(0, 32) };
}

/** SHA-256 (32 hex digits) of a file's content. */
function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 32);
}

function isFile(path: string): boolean {
  try { return statSync(path).isFile(); } catch { return false; }
}

/**
 * The script an `exec:COMMAND` runs: its first argument that is an existing
 * file (resolved against `base`, as the command itself is), else the program
 * word when that is a file; with its content hash. Undefined when the command
 * names no file (e.g. `exec:my-installed-tool`).
 */
export function execScript(command: string, base = process.cwd()): { arg: string; hash: string } | undefined {
  const words = command.trim().split(/\s+/);
  const arg = [...words.slice(1), words[0]].find((w) => !w.startsWith('-') && isFile(resolve(base, w)));
  return arg === undefined ? undefined : { arg, hash: fileHash(resolve(base, arg)) };
}

/**
 * Check, before running its cells, that this machine holds the script an exec
 * strategy was planned with: a {@link StrategyModuleMismatch} when it lacks
 * the file or holds another version (the job goes back, as for a module).
 */
export function checkExecScript(ref: StrategyExecRef, base = process.cwd()): void {
  if (!ref.script) return;
  const path = resolve(base, ref.script.arg);
  if (!isFile(path)) {
    throw new StrategyModuleMismatch(`exec strategy script ${path} (exec:${ref.command}) is not on this machine; expected the same file (hash ${ref.script.hash}) wherever cells run`);
  }
  const hash = fileHash(path);
  if (hash !== ref.script.hash) {
    throw new StrategyModuleMismatch(`exec strategy script ${path} (exec:${ref.command}) here has hash ${hash}, the cell was planned with ${ref.script.hash}; expected the same version wherever cells run`);
  }
}

function bridgeScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = [join(here, 'exec-bridge.js'), resolve(here, '../dist/cli/exec-bridge.js')].find((f) => existsSync(f));
  if (!found) throw new Error('compiled exec bridge not found; run `npm run build` first');
  return found;
}

/** A synchronous line channel to a child process (through the bridge thread). */
class ChildChannel {
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  exited?: { exit: number | null; signal?: string; error?: string; stderr: string };

  constructor(command: string, cwd: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(bridgeScript(), { workerData: { command, port: port2, flag: this.flag }, transferList: [port2], env: process.env });
    this.worker.unref();
    void cwd;
  }

  send(message: unknown): void {
    this.port.postMessage({ line: JSON.stringify(message) });
  }

  /** The next line from the child, or undefined when it exited; throws 'timeout' after `ms`. */
  receive(ms: number): string | undefined {
    const until = performance.now() + ms;
    for (;;) {
      Atomics.store(this.flag, 0, 0);
      const m = receiveMessageOnPort(this.port)?.message as { line?: string; exit?: number | null; signal?: string; error?: string; stderr?: string } | undefined;
      if (m?.line !== undefined) return m.line;
      if (m) { this.exited = { exit: m.exit ?? null, signal: m.signal, error: m.error, stderr: m.stderr ?? '' }; return undefined; }
      const left = until - performance.now();
      if (left <= 0 || Atomics.wait(this.flag, 0, 0, left) === 'timed-out') {
        if (!receiveMessageOnPort(this.port)) throw new Error('timeout');
      }
    }
  }

  close(): void {
    this.port.postMessage({ close: true });
    this.port.close();
  }
}

/** A sparse plan as [sku, qty] pairs. */
function sparse(xs: ArrayLike<number>): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < xs.length; i++) if (xs[i] !== 0) out.push([i, xs[i]]);
  return out;
}

/** The definition of `exec:COMMAND` (parameters: any JSON object, handed over in the handshake). */
export function execDefinition(command: string, name: string, base = process.cwd()): StrategyDefinition<Record<string, unknown>> {
  return {
    name,
    description: `out-of-process strategy: ${command}`,
    oracle: false,
    params: { safeParse: (p: unknown) => ({ success: true, data: (p ?? {}) as Record<string, unknown> }) } as never,
    create(params): Planner {
      let channel: ChildChannel | undefined;
      const ordersSent = new Map<number, number>(); // site → first day not yet sent
      let refundsSent = 0;
      const timeout = execTimeoutMs();
      const where = (ctx: DecisionContext) => `strategy '${name}' (exec: ${command}), day ${ctx.day} (${ctx.date}), site '${ctx.site.name}'`;
      const ask = (ctx: DecisionContext, message: unknown, expected: string, ms = timeout): Record<string, unknown> => {
        channel!.send(message);
        let line: string | undefined;
        try {
          line = channel!.receive(ms);
        } catch {
          throw new ExecStrategyError(`${where(ctx)}: no answer within ${ms / 1000} s${ms === timeout ? ' (FRESHSIM_EXEC_TIMEOUT)' : ''}; expected ${expected}`);
        }
        if (line === undefined) {
          const x = channel!.exited!;
          const how = x.error ? `could not start (${x.error})` : x.signal ? `was killed by ${x.signal}` : `exited with code ${x.exit}`;
          const tail = x.stderr.trim().split('\n').slice(-3).join(' | ');
          throw new ExecStrategyError(`${where(ctx)}: the process ${how}${tail ? `; its stderr ends: ${tail}` : ''}; expected ${expected}`);
        }
        let data: unknown;
        try {
          data = JSON.parse(line);
        } catch {
          throw new ExecStrategyError(`${where(ctx)}: answered ${JSON.stringify(line.slice(0, 80))}, not JSON; expected ${expected} on one line`);
        }
        if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ExecStrategyError(`${where(ctx)}: answered ${line.slice(0, 80)}; expected ${expected}`);
        const d = data as Record<string, unknown>;
        if (d.type === 'error') throw new ExecStrategyError(`${where(ctx)}: the strategy reported: ${String(d.message)}`);
        return d;
      };
      const start = (ctx: DecisionContext) => {
        channel = new ChildChannel(command, base);
        const hello = {
          type: 'hello', protocol: PROTOCOL_VERSION, strategy: name, params,
          constraints: ctx.constraints,
          catalogue: ctx.skus.map((s) => ({ id: s.id, code: s.code, category: s.category, unit: s.unit, price: s.price, cost: s.cost, shelfLifeDays: s.shelfLifeDays, supplier: s.supplier })),
          firstDay: ctx.history.firstDay,
        };
        const r = ask(ctx, hello, `{"type":"ready","protocol":${PROTOCOL_VERSION}}`, Math.max(timeout, START_TIMEOUT_MS));
        if (r.type !== 'ready' || r.protocol !== PROTOCOL_VERSION) {
          throw new ExecStrategyError(`${where(ctx)}: answered the handshake with ${JSON.stringify(r).slice(0, 80)}; expected {"type":"ready","protocol":${PROTOCOL_VERSION}}`);
        }
      };
      return {
        name,
        oracle: false,
        close: () => channel?.close(),
        decide(ctx): StockPlan {
          if (!channel) start(ctx);
          const site = ctx.site.id;
          const days: { day: number; orders: { id: number; timeOfDay: number; lines: [number, number][] }[]; plan: [number, number][] | null }[] = [];
          for (let d = ordersSent.get(site) ?? ctx.history.firstDay; d < ctx.day; d++) {
            const plan = ctx.history.plan(site, d);
            days.push({ day: d, orders: ctx.history.orders(site, d).map((o) => ({ id: o.id, timeOfDay: o.timeOfDay, lines: o.lines.map((l) => [l.sku, l.qty]) })), plan: plan ? sparse(plan) : null });
          }
          ordersSent.set(site, ctx.day);
          const refunds = ctx.history.observedRefunds();
          const newRefunds = refunds.slice(refundsSent);
          refundsSent = refunds.length;
          const expected = '{"type":"plan","plan":[[sku, qty], ...]}';
          const r = ask(ctx, {
            type: 'decide', day: ctx.day, date: ctx.date, weekday: ctx.weekday, site, siteName: ctx.site.name, days, refunds: newRefunds,
            onHand: sparse(ctx.onHand),
            ...(ctx.knownOrders ? { knownOrders: ctx.knownOrders.map((o) => ({ id: o.id, timeOfDay: o.timeOfDay, lines: o.lines.map((l) => [l.sku, l.qty]) })) } : {}),
          }, expected);
          if (r.type !== 'plan' || !Array.isArray(r.plan)) throw new ExecStrategyError(`${where(ctx)}: answered ${JSON.stringify(r).slice(0, 80)}; expected ${expected}`);
          const plan = new Float64Array(ctx.skus.length);
          for (const [k, e] of (r.plan as unknown[]).entries()) {
            const ok = Array.isArray(e) && e.length === 2 && Number.isInteger(e[0]) && e[0] >= 0 && e[0] < plan.length && typeof e[1] === 'number' && Number.isFinite(e[1]) && e[1] >= 0;
            if (!ok) throw new ExecStrategyError(`${where(ctx)}: plan entry ${k} is ${JSON.stringify(e)}; expected [sku, qty] with sku a whole number 0..${plan.length - 1} and qty a number ≥ 0`);
            plan[e[0] as number] += e[1] as number;
          }
          return plan;
        },
      } as Planner;
    },
  };
}
