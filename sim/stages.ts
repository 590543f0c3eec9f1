/**
 * Loss accounting per stage (MODEL §6): per level and day, units in
 * (opening, received, returned in), out (sold, shipped down, returned up),
 * spoiled and on hand, read from the ledger before it rolls over, and checked
 * to balance at every level and across the trips between levels.
 */
import type { StageDay } from './metrics.js';
import { ConservationError, roundQty, type Ledger, type StockStore } from './stock.js';
import type { Level, Site } from './types.js';

const LEVELS: readonly Level[] = ['central', 'grid', 'front'];

/** Per-level sums of today's ledger; `inTransit(level)` gives the units on trips toward that level now. */
export function stageFlows(
  ledger: Ledger,
  stock: StockStore,
  sites: readonly Site[],
  day: number,
  inTransit: (level: Level) => number,
): StageDay[] {
  const n = stock.skuCount;
  return LEVELS.map((level) => {
    const t = { opening: 0, received: 0, returnedIn: 0, sold: 0, shippedDown: 0, returnedUp: 0, spoiled: 0, onHand: 0 };
    for (const s of sites) {
      if (s.level !== level) continue;
      for (let i = 0; i < n; i++) {
        const k = s.id * n + i;
        t.opening += ledger.opening[k];
        t.received += ledger.received[k];
        t.returnedIn += ledger.returnedIn[k];
        t.sold += ledger.sold[k];
        t.shippedDown += ledger.shippedDown[k];
        t.returnedUp += ledger.returnedUp[k];
        t.spoiled += ledger.spoiled[k];
        t.onHand += stock.onHand(s.id, i);
      }
    }
    return {
      day, level,
      opening: roundQty(t.opening), received: roundQty(t.received), returnedIn: roundQty(t.returnedIn), sold: roundQty(t.sold),
      shippedDown: roundQty(t.shippedDown), returnedUp: roundQty(t.returnedUp), spoiled: roundQty(t.spoiled), onHand: roundQty(t.onHand),
      inTransit: inTransit(level),
    };
  });
}

/**
 * Throw a {@link ConservationError} unless every level balances (opening +
 * received + returned in = sold + shipped down + returned up + spoiled + on
 * hand) and every level's inflow from above matches what the level above
 * shipped, net of the change in transit; returns are matched the same way.
 */
export function checkStages(today: readonly StageDay[], yesterday: readonly StageDay[] | undefined): void {
  const tol = (x: number): number => 1e-4 * Math.max(1, Math.abs(x));
  for (const s of today) {
    const diff = s.opening + s.received + s.returnedIn - (s.sold + s.shippedDown + s.returnedUp + s.spoiled + s.onHand);
    if (Math.abs(diff) > tol(s.opening + s.received)) {
      throw new ConservationError(`stage ${s.level} does not balance on day ${s.day}: difference ${diff} units`);
    }
  }
  for (let k = 1; k < today.length; k++) {
    const up = today[k - 1];
    const down = today[k];
    const transitBefore = yesterday?.[k].inTransit ?? 0;
    const shipped = up.shippedDown - (down.received + down.inTransit - transitBefore);
    if (Math.abs(shipped) > tol(up.shippedDown)) {
      throw new ConservationError(`day ${down.day}: ${up.level} shipped ${up.shippedDown} units down but ${down.level} received ${down.received} (in transit ${transitBefore} → ${down.inTransit})`);
    }
    if (Math.abs(down.returnedUp - up.returnedIn) > tol(down.returnedUp)) {
      throw new ConservationError(`day ${down.day}: ${down.level} returned ${down.returnedUp} units up but ${up.level} took back ${up.returnedIn}`);
    }
  }
}
