/*
 * `freshsim om1` as a user runs it (the compiled bin): the report, --json, the
 * cache on a second run, and exit code 2 with a clear message for bad flags.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli } from '../helpers/cli-process.js';

let dir: string;

function freshsim(...args: string[]) {
  return runCli(args);
}

beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 'freshsim-om1-'));
});

describe('freshsim om1', () => {
  it('prints model size, status, objective, bound, gap and time', () => {
    const r = freshsim('om1', '--scenario', 'tiny', '--day', '1', '--cache-dir', join(dir, 'c1'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const label of ['model', 'presolve', 'status', 'objective', 'bound', 'gap', 'time']) expect(r.stdout).toMatch(new RegExp(`^${label} `, 'm'));
    expect(r.stdout).toMatch(/orders fully fulfilled \(\d+\.\d\d%\)/);
  });

  it('--json gives the result; a second run comes from the cache with the same plan', () => {
    const cache = join(dir, 'c2');
    const a = freshsim('om1', '--scenario', 'tiny', '--day', '2', '--json', '--cache-dir', cache);
    expect(a.code).toBe(0);
    const ja = JSON.parse(a.stdout);
    expect(ja.cached).toBe(false);
    expect(['optimal', 'work-limit']).toContain(ja.status);
    expect(ja.bound).toBeGreaterThanOrEqual(ja.fulfilledOrders);
    expect(ja.fulfilled).toHaveLength(ja.fulfilledOrders);
    expect(readdirSync(join(cache, 'om1'))).toHaveLength(1);
    const b = freshsim('om1', '--scenario', 'tiny', '--day', '2', '--json', '--cache-dir', cache);
    const jb = JSON.parse(b.stdout);
    expect(jb.cached).toBe(true);
    expect(jb.plan).toEqual(ja.plan);
    expect(jb.fulfilledOrders).toBe(ja.fulfilledOrders);
    const c = freshsim('om1', '--scenario', 'tiny', '--day', '2', '--json', '--cache-dir', cache, '--no-cache');
    expect(JSON.parse(c.stdout).cached).toBe(false);
  });

  it('rejects a bad day, site or time limit with exit code 2', () => {
    const day = freshsim('om1', '--scenario', 'tiny', '--day', '99', '--no-cache');
    expect(day.code).toBe(2);
    expect(day.stderr).toMatch(/--day 99: expected an evaluation day 1\.\.\d+ or a date/);
    const site = freshsim('om1', '--scenario', 'tiny', '--day', '1', '--site', 'nowhere', '--no-cache');
    expect(site.code).toBe(2);
    expect(site.stderr).toMatch(/--site 'nowhere': expected a front site/);
    const tl = freshsim('om1', '--scenario', 'tiny', '--day', '1', '--time-limit', '0', '--no-cache');
    expect(tl.code).toBe(2);
    expect(tl.stderr).toMatch(/--time-limit: expected a positive number, got '0'/);
  });
});
