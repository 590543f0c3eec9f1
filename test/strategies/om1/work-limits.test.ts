/*
 * OM1 stops on work limits, never on the clock: the same instance, cut short
 * by a small node limit, gives the identical plan alone and beside a CPU hog
 * (a busy-looping child process); the wall clock is only a safety net that
 * throws; the cache key holds the work limits and not the safety net.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Highs } from 'highs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadHighs } from '../../../cli/highs.js';
import { createStreams, type Order, type PlanConstraints } from '../../../sim/index.js';
import { defaultOm1Options, om1CacheKey, Om1SafetyNetError, resultToJson, solveOm1 } from '../../../strategies/index.js';

let highs: Highs;
beforeAll(async () => { highs = await loadHighs(); });

/** A mid-size instance (25 SKUs, 80 orders, popular SKUs skewed) that one MIP node does not close. */
function midInstance(): { orders: Order[]; constraints: PlanConstraints; skuCount: number } {
  const rng = createStreams(3, 1).stream('om1-mid');
  const nSku = 25, nOrders = 80;
  const orders: Order[] = [];
  for (let j = 0; j < nOrders; j++) {
    const nLines = 1 + rng.int(4);
    const skus = new Set<number>();
    while (skus.size < nLines) skus.add(Math.min(nSku - 1, Math.floor(nSku * rng.uniform() ** 2)));
    orders.push({ id: j + 1, day: 0, timeOfDay: j / nOrders, site: 0, gmv: 10, lines: [...skus].map((sku) => ({ sku, qty: 1 + rng.int(3) })) });
  }
  return { orders, constraints: { K: 8, C: nOrders, L: 2 }, skuCount: nSku };
}

/** Small work limits, so the solve stops on them rather than on a proof. */
const small = { mipMaxNodes: 1, maxFlows: 3, localSearchTrials: 10 };

/** Everything of a result but its wall time. */
function comparable(r: ReturnType<typeof solveOm1>): unknown {
  const { seconds: _s, mip, ...rest } = resultToJson(r);
  const m = mip as Record<string, unknown> | null;
  return { ...rest, mip: m ? { ...m, seconds: undefined } : null };
}

let hog: ChildProcess | undefined;
afterEach(() => { hog?.kill('SIGKILL'); hog = undefined; });

describe('OM1 work limits', () => {
  it('give the identical plan alone and beside a CPU hog', async () => {
    const inst = midInstance();
    const clock = () => performance.now();
    const alone = solveOm1(inst.orders, inst.constraints, inst.skuCount, small, { highs, clock });
    // The instance really is cut short by the node limit (else the test would prove nothing).
    expect(alone.status).toBe('work-limit');
    expect(alone.mip).not.toBeNull();
    expect(alone.bound).toBeGreaterThan(alone.fulfilledOrders);
    hog = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 200)); // let the hog start spinning
    const loaded = solveOm1(inst.orders, inst.constraints, inst.skuCount, small, { highs, clock });
    expect(hog.exitCode).toBeNull(); // it was still running
    expect(comparable(loaded)).toEqual(comparable(alone));
    // A larger node limit proves more: the limit, not luck, decided where the first solve stopped.
    const more = solveOm1(inst.orders, inst.constraints, inst.skuCount, { ...small, mipMaxNodes: 5 }, { highs });
    expect(more.status).toBe('optimal');
    expect(more.fulfilledOrders).toBeGreaterThanOrEqual(alone.fulfilledOrders);
    expect(more.bound).toBeLessThan(alone.bound);
  }, 300_000);

  it('fail with a clear error past the wall-clock safety net instead of returning a plan', () => {
    const inst = midInstance();
    let t = 0;
    const slowClock = () => (t += 1000); // every reading is one second later
    expect(() => solveOm1(inst.orders, inst.constraints, inst.skuCount, { ...small, timeLimitSeconds: 2 }, { highs, clock: slowClock }))
      .toThrow(Om1SafetyNetError);
    expect(() => solveOm1(inst.orders, inst.constraints, inst.skuCount, { ...small, timeLimitSeconds: 2 }, { highs, clock: slowClock }))
      .toThrow(/ran past its 2 s wall-clock safety net before its work limit \(mipMaxNodes 1\)/);
  });

  it('are in the cache key; the safety net is not', () => {
    const inst = midInstance();
    const key = (o: Partial<typeof defaultOm1Options>) => om1CacheKey(inst.orders, inst.constraints, inst.skuCount, { ...defaultOm1Options, ...o }, 'v');
    expect(key({ mipMaxNodes: 10 })).not.toBe(key({ mipMaxNodes: 11 }));
    expect(key({ maxFlows: 10 })).not.toBe(key({ maxFlows: 11 }));
    expect(key({ timeLimitSeconds: 10 })).toBe(key({ timeLimitSeconds: 600 }));
  });
});
