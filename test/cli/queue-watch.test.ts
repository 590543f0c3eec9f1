/*
 * Faults as messages on the queue path (issue 17): a Redis lost mid-run is told once with a
 * countdown, and the run stops after --queue-timeout keeping what finished (exit 3, no stack); a
 * queue no worker serves says so. The watch is tested on a hand clock; the outage on a real Redis.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startRedis } from '../../bench/redis-server.js';
import { main } from '../../cli/main.js';
import { FaultError } from '../../cli/errors.js';
import { NO_WORKER_MS, watchQueue } from '../../cli/queue-watch.js';

describe('queue watch', () => {
  it('tells an outage once, its end, and a queue without workers once per quiet spell', () => {
    let t = 0;
    const lines: string[] = [];
    const w = watchQueue('redis://h:1', 60, (l) => lines.push(l), () => t);
    w.onError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    w.onError(new Error('again'));
    expect(lines).toEqual(['queue: lost Redis at redis://h:1 (ECONNREFUSED); retrying for up to 60 s (--queue-timeout), finished cells are kept']);
    expect(w.shouldCheckWorkers()).toBe(false); // not during an outage
    t = 7000;
    w.onReady();
    expect(lines[1]).toBe('queue: Redis at redis://h:1 is back after 7 s');
    w.onReady();
    expect(lines).toHaveLength(2);
    t += NO_WORKER_MS - 1;
    expect(w.shouldCheckWorkers()).toBe(false);
    t += 1;
    expect(w.shouldCheckWorkers()).toBe(true);
    w.noWorkers();
    expect(lines[2]).toMatch(/^queue: no worker is attached to redis:\/\/h:1 and nothing finished for 20 s; start one with `freshsim worker --queue redis:\/\/h:1`$/);
    expect(w.shouldCheckWorkers()).toBe(false);
    w.onProgress();
    t += NO_WORKER_MS;
    expect(w.shouldCheckWorkers()).toBe(true);
    w.close();
  });

  it('rejects with a FaultError when Redis stays away past the timeout', async () => {
    const lines: string[] = [];
    const w = watchQueue('redis://h:1', 0.05, (l) => lines.push(l));
    w.onError(new Error('gone'));
    await expect(w.expired).rejects.toBeInstanceOf(FaultError);
    await expect(w.expired).rejects.toThrow(/unreachable for 0.05 s \(--queue-timeout\); stopped — every finished cell is stored/);
  });
});

describe('a coordinator whose Redis goes away', () => {
  it('says so once, stops after --queue-timeout with exit 3 and one line, no ioredis stacks', async () => {
    const redis = await startRedis();
    const dir = mkdtempSync(join(tmpdir(), 'freshsim-qwatch-'));
    const experiment = join(dir, 'exp.yaml');
    writeFileSync(experiment, 'name: outage\nscenarios: [tiny]\nstrategies: [pto-greedy]\nseeds: 2\nevaluationDays: 1\n');
    let stderr = '';
    const done = main(['sweep', experiment, '--out', join(dir, 'run'), '--queue', redis.url, '--queue-timeout', '2'],
      { stdout: () => {}, stderr: (s) => { stderr += s; } });
    // No worker: the cells wait on the queue; then Redis goes away.
    for (let k = 0; k < 200 && !stderr.includes('→'); k++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 500));
    await redis.stop();
    const code = await done;
    expect(code, stderr).toBe(3);
    expect(stderr.match(/queue: lost Redis at /g), stderr).toHaveLength(1);
    expect(stderr).toMatch(/freshsim: queue: Redis at redis:\/\/.* was unreachable for 2 s \(--queue-timeout\); stopped/);
    expect(stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
    expect(stderr).not.toContain('internal error');
  }, 60_000);
});

describe('a `freshsim worker` whose Redis goes away', () => {
  it('says so once, stops after --queue-timeout with exit 3 and one line, no ioredis stacks', async () => {
    const redis = await startRedis();
    const bin = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'worker', '--queue', redis.url, '--concurrency', '1', '--queue-timeout', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => { stderr += d; });
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let k = 0; k < 400 && !stderr.includes('taking cells'); k++) await new Promise((r) => setTimeout(r, 25));
      expect(stderr).toContain('taking cells');
      await redis.stop();
      const code = await exit;
      expect(code, stderr).toBe(3);
      expect(stderr.match(/queue: lost Redis at /g), stderr).toHaveLength(1);
      expect(stderr).toMatch(/retrying for up to 2 s \(--queue-timeout\)/);
      expect(stderr).toMatch(/freshsim: queue: Redis at redis:\/\/.* was unreachable for 2 s \(--queue-timeout\); stopped — the cells it finished are stored in their jobs/);
      expect(stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
      expect(stderr).not.toContain('[ioredis]');
      expect(stderr).not.toContain('internal error');
    } finally {
      child.kill('SIGKILL');
      await redis.stop().catch(() => {});
    }
  }, 60_000);
});
