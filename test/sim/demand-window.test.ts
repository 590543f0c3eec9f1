/**
 * The demand index keeps window sums incrementally; its statistics must be
 * exactly those of re-summing the window from the daily quantities.
 */
import { describe, expect, it } from 'vitest';
import { buildWorld, builtinScenario } from '../../scenarios/index.js';
import { indexDemand, type DemandIndex, type World } from '../../sim/index.js';

/** Mean and std per SKU re-summed from `qty()`, the obvious way. */
function resummed(index: DemandIndex, sites: readonly number[], from: number, to: number): { mean: number[]; std: number[] } {
  const lo = Math.max(0, from);
  const n = Math.max(1, to - lo);
  const sum = new Array<number>(index.skuCount).fill(0);
  const sq = new Array<number>(index.skuCount).fill(0);
  for (let d = lo; d < to; d++) {
    const total = new Array<number>(index.skuCount).fill(0);
    for (const s of sites) index.qty(s, d).forEach((q, i) => { total[i] += q; });
    total.forEach((t, i) => { sum[i] += t; sq[i] += t * t; });
  }
  const mean = sum.map((v) => v / n);
  return { mean, std: sq.map((v, i) => Math.sqrt(Math.max(0, v / n - mean[i] * mean[i]))) };
}

function windows(days: number): [number, number][] {
  const out: [number, number][] = [];
  for (let d = 0; d <= days + 2; d++) out.push([d - 28, d]); // the nightly slide, starting before day 0
  out.push([5, 12], [3, 40], [10, 10], [12, 5], [days - 3, days + 4], [0, days], [1, 29], [0, 28]);
  return out;
}

function check(world: World): void {
  const index = indexDemand(world);
  const fronts = world.sites.filter((s) => s.level === 'front').map((s) => s.id);
  const siteSets = [fronts, fronts.slice(0, 1), fronts.slice(-1)];
  const days = world.ordersByDay.length;
  let nonZero = 0;
  for (const [from, to] of windows(days)) {
    for (const sites of siteSets) {
      const got = index.stats(sites, from, to);
      const want = resummed(index, sites, from, to);
      expect(Array.from(got.mean)).toEqual(want.mean);
      expect(Array.from(got.std)).toEqual(want.std);
      if (got.std.some((v) => v > 0)) nonZero++;
    }
  }
  expect(nonZero).toBeGreaterThan(10);
}

describe('demand index window statistics', () => {
  it('equal the re-summed window exactly with whole quantities (kept incrementally) as it slides, jumps and changes sites', () => {
    const world = buildWorld(builtinScenario('tiny')!, 1);
    const ordersByDay = world.ordersByDay.map((os) => os.map((o) => ({ ...o, lines: o.lines.map((l) => ({ ...l, qty: Math.ceil(l.qty) })) })));
    check({ ...world, ordersByDay } as World);
  });

  it('equal the re-summed window with fractional quantities (re-summed from cached daily totals)', () => {
    const world = buildWorld(builtinScenario('tiny')!, 2);
    expect(world.ordersByDay.some((os) => os.some((o) => o.lines.some((l) => !Number.isInteger(l.qty))))).toBe(true);
    check(world);
  });
});
