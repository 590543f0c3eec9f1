/**
 * The evaluation days of a scenario as OM1 inputs: the realised orders of one
 * front site on one day, with K, C, L and the catalogue size.
 */
import { buildWorld, type Scenario } from '../scenarios/index.js';
import type { Order, PlanConstraints } from '../sim/index.js';

/** One OM1 input. */
export interface Om1Day {
  readonly day: number;
  readonly date: string;
  readonly site: string;
  readonly orders: readonly Order[];
  readonly constraints: PlanConstraints;
  readonly skuCount: number;
}

/** OM1 inputs of every evaluation day at the first front site (replication `rep`). */
export function evaluationDays(scenario: Scenario, rep = 1): Om1Day[] {
  const world = buildWorld(scenario, rep);
  const front = world.sites.find((s) => s.level === 'front')!;
  const out: Om1Day[] = [];
  for (let d = world.historyDays; d < world.historyDays + world.evaluationDays; d++) {
    const date = new Date(Date.parse(`${world.startDate}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
    out.push({
      day: d, date, site: front.name,
      orders: world.ordersByDay[d].filter((o) => o.site === front.id),
      constraints: world.constraints, skuCount: world.skus.length,
    });
  }
  return out;
}
