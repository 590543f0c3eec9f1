/*
 * The on-disk OM1 cache: a hit returns the identical result without solving,
 * and a corrupt or tampered entry is detected, ignored and rewritten.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs } from '../../cli/highs.js';
import { fileOm1Cache } from '../../cli/om1-cache.js';
import { defaultOm1Options, om1CacheKey, resultToJson, solveOm1Cached } from '../../strategies/index.js';
import { tinyInstance } from '../strategies/om1/random-instances.js';

let highs: Highs;
beforeAll(async () => { highs = await loadHighs(); });

function setup(k: number) {
  const dir = mkdtempSync(join(tmpdir(), 'freshsim-om1-cache-'));
  const cache = fileOm1Cache(dir);
  const inst = tinyInstance(k);
  const version = `${highs.version.string}/${highs.version.gitHash}`;
  const key = om1CacheKey(inst.orders, inst.constraints, inst.skuCount, defaultOm1Options, version);
  const solve = () => solveOm1Cached(inst.orders, inst.constraints, inst.skuCount, {}, { highs, om1Cache: cache });
  return { cache, key, solve, inst };
}

describe('OM1 file cache', () => {
  it('returns the identical result on a second solve, from the cache', () => {
    const { cache, solve } = setup(3);
    const first = solve();
    expect(first.cached).toBe(false);
    expect(cache.stats.writes).toBe(1);
    const second = solve();
    expect(second.cached).toBe(true);
    expect(cache.stats.hits).toBe(1);
    expect(resultToJson(second.result)).toEqual(resultToJson(first.result));
  });

  it('keys on the options: another time limit or the tie-break is another entry', () => {
    const { inst, key } = setup(4);
    const v = `${highs.version.string}/${highs.version.gitHash}`;
    expect(om1CacheKey(inst.orders, inst.constraints, inst.skuCount, { ...defaultOm1Options, gmvTieBreak: true }, v)).not.toBe(key);
    expect(om1CacheKey(inst.orders, { ...inst.constraints, C: inst.constraints.C + 1 }, inst.skuCount, defaultOm1Options, v)).not.toBe(key);
    expect(om1CacheKey(inst.orders, inst.constraints, inst.skuCount, defaultOm1Options, 'other solver')).not.toBe(key);
  });

  it('detects a truncated entry, solves again and rewrites it', () => {
    const { cache, key, solve } = setup(5);
    const first = solve();
    const file = cache.pathOf(key);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));
    const again = solve();
    expect(again.cached).toBe(false);
    expect(cache.stats.corrupt).toBe(1);
    // A fresh solve: the same solution (timings differ).
    const { seconds: _a, mip: _ma, ...fresh } = resultToJson(again.result);
    const { seconds: _b, mip: _mb, ...orig } = resultToJson(first.result);
    expect(fresh).toEqual(orig);
    expect(solve().cached).toBe(true);
  });

  it('detects a tampered result (checksum) and one whose plan does not match its orders', () => {
    const { cache, key, solve } = setup(6);
    solve();
    const file = cache.pathOf(key);
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    entry.result.fulfilledOrders += 1;
    writeFileSync(file, JSON.stringify(entry));
    expect(solve().cached).toBe(false);
    expect(cache.stats.corrupt).toBe(1);
    // A well-formed entry with a valid checksum but a plan that does not fulfil what it claims.
    const good = JSON.parse(readFileSync(file, 'utf8'));
    good.result.plan = good.result.plan.map(() => 0);
    const text = JSON.stringify(good.result);
    good.checksum = createHash('sha256').update(text).digest('hex');
    writeFileSync(file, JSON.stringify(good));
    expect(good.result.fulfilledOrders).toBeGreaterThan(0);
    expect(solve().cached).toBe(false);
    expect(cache.stats.hits).toBe(1); // read and parsed, then rejected as inconsistent
  });
});
