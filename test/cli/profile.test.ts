/*
 * `freshsim export` and `freshsim profile` as a user runs them (the compiled bin): a generated
 * scenario exported in the import format replays the same orders, and its profile equals the
 * scenario's own; two sources print side by side; bad input exits 2 with one line.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli } from '../helpers/cli-process.js';


function freshsim(cwd: string, ...args: string[]) {
  return runCli(args, { cwd });
}

let dir: string;
beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 'freshsim-profile-'));
});

describe('freshsim export and profile', () => {
  it('exports tiny as an imported directory whose profile is the scenario\'s', () => {
    const exp = freshsim(dir, 'export', 'tiny', '--out', 'tiny-log');
    expect(exp.code, exp.stderr).toBe(0);
    expect(readdirSync(join(dir, 'tiny-log'))).toEqual(expect.arrayContaining(['manifest.json', 'catalogue.json', 'profile.json', 'days']));
    const r = freshsim(dir, 'profile', 'tiny', 'tiny-log', '--json', '--K', '40');
    expect(r.code, r.stderr).toBe(0);
    const profiles = JSON.parse(r.stdout);
    // Same orders, same SKUs (numbered differently): every measure agrees.
    expect(profiles['tiny-log']).toEqual(profiles.tiny);
    expect(profiles.tiny.days).toBe(35);
    expect(profiles.tiny.topKOrderShare.K).toBe(40);
  });

  it('prints two sources side by side', () => {
    const r = freshsim(dir, 'profile', 'tiny', 'tiny-log'); // tiny-log: exported by the test above
    expect(r.code, r.stderr).toBe(0);
    const header = r.stdout.split('\n')[0];
    expect(header).toMatch(/tiny\s+tiny-log$/);
    expect(r.stdout).toMatch(/^pair lift: p50 \/ p90 \/ p99\s+\S+ \/ \S+ \/ \S+\s+\S+ \/ \S+ \/ \S+$/m);
  });

  it('calibrates a scenario to the exported log: valid, and its orders per day and basket size match', () => {
    const r = freshsim(dir, 'calibrate', 'tiny-log', '--out', 'fitted.yaml');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^popularity: Zipf exponent/m);
    expect(freshsim(dir, 'scenario', 'validate', 'fitted.yaml').code).toBe(0);
    const p = JSON.parse(freshsim(dir, 'profile', 'tiny-log', 'fitted.yaml', '--json').stdout);
    expect(Math.abs(p['fitted.yaml'].ordersPerDay.mean / p['tiny-log'].ordersPerDay.mean - 1)).toBeLessThan(0.05);
    expect(Math.abs(p['fitted.yaml'].linesPerOrder.mean - p['tiny-log'].linesPerOrder.mean)).toBeLessThan(0.2);
    const again = freshsim(dir, 'calibrate', 'tiny-log', '--out', 'fitted.yaml');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("'fitted.yaml' exists");
  });

  it('scenario validate warns when a trip cannot carry C', () => {
    const yaml = freshsim(dir, 'scenario', 'show', 'tiny').stdout.replace(/tripCapacityUnits: 2000$/m, 'tripCapacityUnits: 500');
    writeFileSync(join(dir, 'low-trip.yaml'), yaml);
    const r = freshsim(dir, 'scenario', 'validate', 'low-trip.yaml');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: network.fronts 'front-1': trip capacity 500 units is below C = 900");
  });

  it('bad input: one line, exit 2', () => {
    const r = freshsim(dir, 'profile', 'no-such-scenario');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const s = freshsim(dir, 'export', 'tiny', '--out', 'x', '--seed', '0');
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('expected a replication number ≥ 1');
  });
});
