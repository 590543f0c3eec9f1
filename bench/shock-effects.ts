/**
 * The visible effects of the built-in stress scenarios (docs/SCENARIOS.md),
 * measured on the simulation itself, seeds 1..N:
 * - lockdown-city: orders, lines per order, staple share, rerouted and lost
 *   orders, trip shortfalls and full-order rate of the locked fronts before /
 *   during / after the lockdown;
 * - supplier-failure: the failing supplier's record and the rate around it;
 * - quality-incident: true refund rate during the incident, south × meat vs
 *   south vs all;
 * - presale-community: pickup fulfilment, shortfall refunds and waste per strategy,
 *   with the known pre-sale orders used (the default) and ignored.
 *
 *   npm run build && node dist/bench/shock-effects.js [--seeds 3]
 */
import { buildWorld, builtinScenario, type Scenario } from '../scenarios/index.js';
import { createStreams, indexDemand, simulate, type Order, type SimulationResult, type World } from '../sim/index.js';
import { createPlanner } from '../strategies/index.js';

const seedsArg = process.argv.indexOf('--seeds');
const seeds = seedsArg > 0 ? Number(process.argv[seedsArg + 1]) : 3;
const reps = Array.from({ length: seeds }, (_, k) => k + 1);
const f1 = (x: number): string => x.toFixed(1);
const pct = (x: number): string => (100 * x).toFixed(1);
const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function runs(s: Scenario, strategy = 'pto-greedy', params: Record<string, unknown> = {}): { world: World; run: SimulationResult }[] {
  return reps.map((rep) => {
    const world = buildWorld(s, rep);
    const run = simulate(world, createPlanner(strategy, params), { streams: createStreams(s.seed, rep), demand: indexDemand(world) });
    process.stderr.write(`${s.name} ${strategy} seed ${rep}\n`);
    return { world, run };
  });
}

function lockdown(): string {
  const s = builtinScenario('lockdown-city')!;
  const H = s.days.history;
  const phases: [string, number, number][] = [['before (7 days)', H, H + 6], ['lockdown (21 days)', H + 7, H + 27], ['after (14 days)', H + 28, H + 41]];
  const out: string[][] = [];
  const rs = runs(s);
  const staples = new Set(['vegetables', 'eggs', 'dairy']);
  for (const [name, a, b] of phases) {
    const perSeed = rs.map(({ world, run }) => {
      const sh = world.shocks![0];
      if (sh.kind !== 'lockdown') throw new Error('expected a lockdown');
      const locked = new Set([...sh.fronts]);
      let orders = 0, lines = 0, stapleLines = 0, rerouted = 0, lost = 0;
      for (let d = a; d <= b; d++) {
        const mine = world.ordersByDay[d].filter((o: Order) => locked.has(o.originSite ?? o.site));
        orders += mine.length;
        for (const o of mine) for (const l of o.lines) { lines++; if (staples.has(world.skus[l.sku].category)) stapleLines++; }
        rerouted += mine.filter((o) => o.originSite !== undefined).length;
        lost += world.lostOrdersByDay?.[d]?.filter((o) => locked.has(o.site)).length ?? 0;
        orders += world.lostOrdersByDay?.[d]?.filter((o) => locked.has(o.site)).length ?? 0;
      }
      const days = b - a + 1;
      const rows = run.siteDays.filter((m) => m.day >= a && m.day <= b);
      const lockedRows = rows.filter((m) => locked.has(m.site));
      const otherRows = rows.filter((m) => !locked.has(m.site));
      const rate = (xs: typeof rows): number => xs.reduce((x, m) => x + m.fullOrders, 0) / Math.max(1, xs.reduce((x, m) => x + m.orders, 0));
      return {
        orders: orders / days, lpo: lines / Math.max(1, orders - lost), staple: stapleLines / Math.max(1, lines), rerouted: rerouted / days, lost: lost / days,
        tripShort: lockedRows.reduce((x, m) => x + m.replenishmentShortUnits, 0) / days, rateLocked: rate(lockedRows), rateOther: rate(otherRows), rateAll: rate(rows),
      };
    });
    const m = (f: (x: (typeof perSeed)[number]) => number): number => avg(perSeed.map(f));
    out.push([name, f1(m((x) => x.orders)), f1(m((x) => x.lpo)), pct(m((x) => x.staple)), f1(m((x) => x.rerouted)), f1(m((x) => x.lost)), f1(m((x) => x.tripShort)), pct(m((x) => x.rateLocked)), pct(m((x) => x.rateOther)), pct(m((x) => x.rateAll))]);
  }
  return table(['phase', 'orders/day (locked fronts)', 'lines/order', 'staple share of lines %', 'rerouted/day', 'lost/day', 'trip shortfall units/day', 'full-order % locked fronts', 'full-order % other fronts', 'full-order % all'], out);
}

function supplierFailure(): string {
  const out: string[][] = [];
  for (const name of ['city', 'supplier-failure']) {
    const base = builtinScenario(name)!;
    const s = name === 'city' ? { ...base, days: builtinScenario('supplier-failure')!.days } : base;
    const rs = runs(s);
    const H = s.days.history;
    const rec = rs.map(({ run }) => run.suppliers.find((x) => x.name === 'green-farms')!);
    const rate = (a: number, b: number): number => avg(rs.map(({ run }) => {
      const rows = run.siteDays.filter((m) => m.day >= a && m.day <= b);
      return rows.reduce((x, m) => x + m.fullOrders, 0) / rows.reduce((x, m) => x + m.orders, 0);
    }));
    out.push([name, pct(avg(rec.map((r) => r.unitsDelivered / r.unitsOrdered))), pct(avg(rec.map((r) => r.onTimeOrders / r.purchaseOrders))), pct(rate(H, H + 6)), pct(rate(H + 7, H + 20)), pct(rate(H + 21, H + 34))]);
  }
  return table(['scenario', 'green-farms fill (units) %', 'green-farms on time %', 'full-order % days 1–7', 'days 8–21 (failure)', 'days 22–35'], out);
}

function qualityIncident(): string {
  const out: string[][] = [];
  for (const name of ['city', 'quality-incident']) {
    const base = builtinScenario(name)!;
    const s = name === 'city' ? { ...base, days: builtinScenario('quality-incident')!.days } : base;
    const H = s.days.history;
    const rs = runs(s);
    const rate = (keep: (region: number, cat: string) => boolean): number => avg(rs.map(({ run }) => {
      const cells = run.refundCells.filter((c) => c.day >= H + 7 && c.day <= H + 16 && keep(c.region, c.category));
      return cells.reduce((x, c) => x + c.refundsByLag.reduce((a, b) => a + b, 0), 0) / cells.reduce((x, c) => x + c.lines, 0);
    }));
    out.push([name, pct(rate((r, c) => r === 1 && c === 'meat')), pct(rate((r) => r === 1)), pct(rate((r, c) => r === 0 && c === 'meat')), pct(rate(() => true))]);
  }
  return table(['scenario', 'refund % south × meat', 'south, all categories', 'north × meat', 'all regions and categories'], out);
}

function presale(): string {
  const s = builtinScenario('presale-community')!;
  const out: string[][] = [];
  for (const [strategy, useKnownOrders] of ['pto-greedy', 'safety-stock', 'newsvendor'].flatMap((n) => [[n, true], [n, false]] as const)) {
    const rs = runs(s, strategy, { useKnownOrders });
    const days = s.days.evaluation;
    const per = rs.map(({ run }) => {
      const m = run.siteDays;
      const sum = (f: (x: (typeof m)[number]) => number): number => m.reduce((a, x) => a + f(x), 0);
      return {
        full: sum((x) => x.fullOrders) / sum((x) => x.orders), pickup: sum((x) => x.unitsFromSite) / sum((x) => x.unitsDemanded),
        shortLines: sum((x) => x.shortfallRefundLines) / days, shortAmount: sum((x) => x.shortfallRefundAmount) / days,
        wasteFront: run.waste.filter((w) => w.level === 'front').reduce((a, w) => a + w.units, 0) / days,
        wasteAll: run.waste.reduce((a, w) => a + w.units, 0) / days,
      };
    });
    const m = (f: (x: (typeof per)[number]) => number): number => avg(per.map(f));
    out.push([useKnownOrders ? strategy : `${strategy} (known orders ignored)`, pct(m((x) => x.full)), pct(m((x) => x.pickup)), f1(m((x) => x.shortLines)), f1(m((x) => x.shortAmount)), f1(m((x) => x.wasteFront)), f1(m((x) => x.wasteAll))]);
  }
  return table(['strategy', 'full-order (all lines picked up) %', 'pickup fulfilment (units) %', 'shortfall refund lines/day', 'shortfall refunds (GMV)/day', 'leftover written off at points, units/day', 'waste all levels, units/day'], out);
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const which = process.argv.find((a) => ['lockdown', 'supplier', 'quality', 'presale'].includes(a));
const parts: [string, () => string][] = [['lockdown', lockdown], ['supplier', supplierFailure], ['quality', qualityIncident], ['presale', presale]];
for (const [name, f] of parts) {
  if (which && which !== name) continue;
  process.stdout.write(`### ${name}\n\n${f()}\n\n`);
}
