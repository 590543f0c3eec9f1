/*
 * The distributed path on a real Redis (redis-server on a free loopback port, stopped by PID)
 * with real `freshsim worker` processes: the same results as the local pool; a worker SIGKILLed
 * mid-cell hands its cell to another worker with none lost or duplicated; a coordinator killed
 * mid-sweep and restarted collects what the workers finished meanwhile, once; a throwing cell
 * is retried by BullMQ; a worker of another freshsim version puts jobs back and stops; an
 * unreachable Redis is a clear error.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../bench/redis-server.js';
import { Redis } from 'ioredis';
import { QUEUE_NAME } from '../../cli/queue.js';
import { runQueueWorker } from '../../cli/queue-worker.js';

const bin = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const CELLS = 8; // 2 strategies × 4 seeds
let redis: TestRedis;
let dir: string;
let experiment: string;
let reference: string;
const children = new Set<ChildProcess>();

function background(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += d; });
  child.stdout!.resume();
  const exit = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => { children.delete(child); resolve({ code, signal, stderr }); }));
  return { child, exit, stderr: () => stderr };
}
const worker = (concurrency = 1, env: Record<string, string> = {}) =>
  background(['worker', '--queue', redis.url, '--concurrency', String(concurrency), '--lock-seconds', '1'], env);
const sweep = (out: string) => background(['sweep', experiment, '--out', out, '--queue', redis.url]);

async function stop(w: ReturnType<typeof background>) {
  w.child.kill('SIGTERM');
  return w.exit;
}
const lines = (out: string) => (existsSync(join(out, 'cells.jsonl')) ? readFileSync(join(out, 'cells.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
async function until(f: () => boolean, what: string, ms = 30_000, context?: () => string) {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${context ? `: ${context()}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
function expectComplete(out: string) {
  const records = lines(out);
  expect(records).toHaveLength(CELLS);
  expect(new Set(records.map((r) => r.id)).size).toBe(CELLS);
  expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(reference);
  return records;
}

beforeAll(async () => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` first`);
  redis = await startRedis();
  dir = mkdtempSync(join(tmpdir(), 'freshsim-queue-'));
  experiment = join(dir, 'exp.yaml');
  writeFileSync(experiment, ['name: queue-sweep', 'scenarios: [tiny]', 'strategies: [pto-greedy, newsvendor]', 'seeds: 4', 'evaluationDays: 2', ''].join('\n'));
  const r = spawnSync(process.execPath, [bin, 'sweep', experiment, '--out', join(dir, 'local'), '--workers', '2'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  reference = readFileSync(join(dir, 'local', 'results.json'), 'utf8');
});
afterEach(async () => {
  for (const c of children) c.kill('SIGKILL');
  await until(() => children.size === 0, 'test processes to end', 10_000);
});
afterAll(async () => {
  await redis?.stop();
});

describe('sweep --queue with freshsim workers', () => {
  it('gives the same results as the local pool, each cell stored once', async () => {
    const workers = [worker(1), worker(2)];
    const s = sweep(join(dir, 'queued'));
    const e = await s.exit;
    expect(e.stderr).not.toContain('internal error');
    expect(e.code).toBe(0);
    const records = expectComplete(join(dir, 'queued'));
    expect(records.every((r) => r.ranOn.startsWith('queue:'))).toBe(true);
    // Outcomes travel in the jobs' data, not through BullMQ's event stream: no event is as large as one record.
    const client = new Redis(redis.url);
    const events = await client.xrange(`bull:${QUEUE_NAME}:events`, '-', '+');
    await client.quit();
    expect(events.length).toBeGreaterThan(0);
    const smallest = Math.min(...readFileSync(join(dir, 'queued', 'cells.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => l.length));
    for (const [, fields] of events) expect(fields.join('').length).toBeLessThan(smallest);
    for (const w of workers) expect((await stop(w)).code).toBe(0); // SIGTERM: a clean stop
  });

  it('a worker SIGKILLed mid-cell: another worker takes the cell; none lost or duplicated', async () => {
    const marker = join(dir, 'hang.marker');
    const victim = 'tiny/newsvendor/rep 2';
    const a = worker(1, { FRESHSIM_FAULT: JSON.stringify({ cell: victim, kind: 'hang', marker }) });
    const out = join(dir, 'worker-killed');
    const s = sweep(out);
    // The marker is created (the fault's claim) before its "pid thread" line is written: wait for the line.
    await until(() => existsSync(marker) && readFileSync(marker, 'utf8').endsWith('\n'), 'the victim cell to start');
    const [pid] = readFileSync(marker, 'utf8').split(' ');
    expect(Number(pid)).toBe(a.child.pid);
    a.child.kill('SIGKILL');
    expect((await a.exit).signal).toBe('SIGKILL');
    const b = worker();
    const e = await s.exit;
    expect(e.code).toBe(0);
    const records = expectComplete(out);
    expect(records.find((r) => r.key === victim).ranOn).toContain(`:${b.child.pid}`);
    // The cell before it in the same job (same world) finished on the killed worker and was kept, not rerun.
    const sibling = records.find((r) => r.key === 'tiny/pto-greedy/rep 2');
    expect(sibling.ranOn).toContain(`:${a.child.pid}`);
    expect(sibling.attempts).toBe(1);
    await stop(b);
  });

  it('a coordinator killed mid-sweep and restarted collects what finished meanwhile, once', async () => {
    const out = join(dir, 'coordinator-killed');
    const w = worker();
    const s1 = sweep(out);
    await until(() => lines(out).length >= 1, 'a stored cell');
    s1.child.kill('SIGKILL');
    await s1.exit;
    const before = lines(out).length;
    expect(before).toBeLessThan(CELLS);
    await new Promise((r) => setTimeout(r, 1500)); // the worker goes on meanwhile
    const s2 = sweep(out);
    const e = await s2.exit;
    expect(e.code).toBe(0);
    expect(e.stderr).toContain(`resuming: ${before} of ${CELLS}`);
    expectComplete(out);
    await stop(w);
  });

  it('retries a throwing cell through BullMQ', async () => {
    const marker = join(dir, 'throw.marker');
    const victim = 'tiny/pto-greedy/rep 3';
    const w = worker(1, { FRESHSIM_FAULT: JSON.stringify({ cell: victim, kind: 'throw', marker }) });
    const out = join(dir, 'retried');
    const e = await sweep(out).exit;
    expect(existsSync(marker)).toBe(true);
    expect(e.code).toBe(0);
    const records = expectComplete(out);
    expect(records.find((r) => r.key === victim).attempts).toBe(2);
    // Its job's other cell ran once: a retry reruns only the cell that threw.
    expect(records.find((r) => r.key === 'tiny/newsvendor/rep 3').attempts).toBe(1);
    expect(w.stderr()).toContain(`${victim} failed: Error: injected fault`);
    await stop(w);
  });

  it('a worker thread that dies mid-cell: its job is retried for that cell only, on a fresh thread', async () => {
    const marker = join(dir, 'exit.marker');
    const victim = 'tiny/newsvendor/rep 1';
    const w = worker(1, { FRESHSIM_FAULT: JSON.stringify({ cell: victim, kind: 'exit', marker }) });
    const out = join(dir, 'thread-died');
    const e = await sweep(out).exit;
    expect(existsSync(marker)).toBe(true);
    expect(e.code).toBe(0);
    const records = expectComplete(out);
    expect(records.find((r) => r.key === victim).attempts).toBe(2);
    expect(records.find((r) => r.key === 'tiny/pto-greedy/rep 1').attempts).toBe(1);
    expect(w.stderr()).toContain(`${victim} failed: WorkerDied`);
    await stop(w);
  });

  it('SIGINT stops the coordinator cleanly (exit 130) and takes back the cells no worker started', async () => {
    const out = join(dir, 'interrupted');
    const s1 = sweep(out);
    await until(() => s1.stderr().includes('progress: 0/8'), 'the coordinator to start', 30_000, s1.stderr);
    await new Promise((r) => setTimeout(r, 1500)); // let it enqueue
    s1.child.kill('SIGINT');
    const e = await s1.exit;
    expect(e.code).toBe(130);
    expect(e.stderr).toContain('interrupted: 0 of 8 cells are stored');
    const w = worker();
    await until(() => w.stderr().includes('taking cells'), 'the worker to start');
    await new Promise((r) => setTimeout(r, 1500));
    expect(w.stderr()).not.toContain(' done in '); // nothing was left queued for it
    const s2 = sweep(out);
    expect((await s2.exit).code).toBe(0);
    expectComplete(out);
    await stop(w);
  });

  it('a worker of another freshsim version puts the jobs back unrun and stops; a matching worker runs them', async () => {
    const log: string[] = [];
    const stale = runQueueWorker({ url: redis.url, concurrency: 1, lockMs: 1000, log: (l) => log.push(l), stop: new Promise(() => {}), version: '0.0.0-stale' });
    await until(() => log.some((l) => l.includes('taking cells')), 'the stale worker to start');
    const out = join(dir, 'version');
    const s = sweep(out);
    const r = await stale;
    expect(r.reason).toBe('version');
    expect(r.reason === 'version' && r.message).toMatch(/enqueued by freshsim \S+, this worker runs freshsim 0\.0\.0-stale; expected the same version/);
    expect(lines(out)).toHaveLength(0); // nothing it touched was stored
    const w = worker();
    const e = await s.exit;
    expect(e.code).toBe(0);
    const records = expectComplete(out);
    expect(records.every((x) => x.attempts === 1)).toBe(true); // putting back used no attempt
    await stop(w);
  });

  it('a worker lacking an exec strategy\'s script, or holding another version, puts its job back unrun and stops', async () => {
    const place = (name: string, edit?: string) => {
      const d = join(dir, name);
      mkdirSync(d);
      for (const f of ['top_k.py', 'freshsim_protocol.py']) copyFileSync(join('examples', 'strategies', f), join(d, f));
      if (edit !== undefined) appendFileSync(join(d, 'top_k.py'), edit);
      return d;
    };
    const here = place('exec-here');
    const other = place('exec-other', '# another version\n');
    const empty = join(dir, 'exec-empty');
    mkdirSync(empty);
    const out = join(dir, 'exec-run');
    const run = background(['run', '--scenario', 'tiny', '--strategies', 'exec:python3 top_k.py', '--seeds', '2', '--out', out, '--queue', redis.url], {}, here);
    const at = (cwd: string) => background(['worker', '--queue', redis.url, '--concurrency', '1', '--lock-seconds', '1'], {}, cwd);
    const lacking = await at(empty).exit;
    expect(lacking.code, lacking.stderr).toBe(2);
    expect(lacking.stderr).toMatch(/exec strategy script \S+top_k\.py \(exec:python3 top_k\.py\) is not on this machine; expected the same file \(hash [0-9a-f]{32}\).*put back/);
    const stale = await at(other).exit;
    expect(stale.code, stale.stderr).toBe(2);
    expect(stale.stderr).toMatch(/exec strategy script \S+top_k\.py \(exec:python3 top_k\.py\) here has hash [0-9a-f]{32}, the cell was planned with [0-9a-f]{32}/);
    expect(lines(out)).toHaveLength(0); // nothing either touched was stored
    const w = at(here);
    const e = await run.exit;
    expect(e.code, e.stderr).toBe(0);
    const records = lines(out);
    expect(records).toHaveLength(2);
    expect(records.every((x) => x.attempts === 1)).toBe(true); // putting back used no attempt
    await stop(w);
  }, 60_000);

  it('an unreachable Redis is a clear error (exit 2)', () => {
    const url = `redis://127.0.0.1:${redis.port === 1 ? 2 : 1}`;
    const r = spawnSync(process.execPath, [bin, 'sweep', experiment, '--out', join(dir, 'unreachable'), '--queue', url], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--queue '${url}': cannot reach Redis`);
    const bad = spawnSync(process.execPath, [bin, 'worker', '--queue', 'http://x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--queue 'http://x': expected a redis:// or rediss:// URL");
  });
});
