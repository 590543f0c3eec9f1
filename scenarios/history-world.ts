/**
 * A world whose orders are replayed from an imported directory instead of
 * drawn by the generator. Days are the days with orders, in date order
 * (days without orders are skipped, never faked; `World.dates` keeps the
 * real calendar for weekdays). SKUs are the imported catalogue; a price or
 * shelf life the log lacks comes from the scenario's category defaults.
 * Orders are the same in every replication; replications differ in supplier
 * reliability, defects and refunds only.
 */
import type { Order, Sku, World } from '../sim/index.js';
import { buildSites, buildSuppliers } from './catalogue.js';
import type { LoadedHistory } from './history-source.js';
import { ScenarioError } from './parse.js';
import type { Scenario } from './schema.js';

/** Category given to SKUs the log has no category for. */
export const uncategorised = 'uncategorised';

/** Which days of an imported history a scenario replays. */
export interface DaySelection {
  /** Index (in the days with orders) of the first training day. */
  readonly first: number;
  readonly history: number;
  readonly evaluation: number;
}

type HistoryBlock = NonNullable<Scenario['history']>;

/**
 * Choose training and evaluation days among `dates` (days with orders,
 * ascending) by date or by count; throws a ScenarioError naming the field.
 */
export function selectDays(dates: readonly string[], h: Omit<HistoryBlock, 'dir'>, days: { history?: number; evaluation?: number }, where: string): DaySelection {
  const fail = (path: string, msg: string): never => { throw new ScenarioError(where, [`${path}: ${msg}`]); };
  if (dates.length < 3) fail('history.dir', `the imported log has ${dates.length} day(s) with orders; expected at least 3 (2 training + 1 evaluation)`);
  const span = `the log has days with orders from ${dates[0]} to ${dates[dates.length - 1]}`;
  let evalStart: number;
  let evaluation: number;
  if (h.evaluationFrom !== undefined) {
    evalStart = dates.findIndex((d) => d >= h.evaluationFrom!);
    if (evalStart < 0) fail('history.evaluationFrom', `no day with orders on or after ${h.evaluationFrom}; ${span}`);
    const end = h.evaluationTo !== undefined ? dates.findIndex((d) => d > h.evaluationTo!) : dates.length;
    const available = (end < 0 ? dates.length : end) - evalStart;
    if (available < 1) fail('history.evaluationTo', `no day with orders from ${h.evaluationFrom} to ${h.evaluationTo}; ${span}`);
    evaluation = days.evaluation ?? available;
    if (evaluation > available) fail('days.evaluation', `${evaluation} evaluation days asked for, but only ${available} days with orders from ${dates[evalStart]}${h.evaluationTo ? ` to ${h.evaluationTo}` : ''}`);
  } else {
    let end = dates.length;
    if (h.evaluationTo !== undefined) {
      end = dates.findIndex((d) => d > h.evaluationTo!);
      if (end < 0) end = dates.length;
    }
    evaluation = days.evaluation ?? Math.min(7, Math.max(1, Math.floor(end / 5)));
    evalStart = end - evaluation;
    if (evalStart < 2) fail('days.evaluation', `${evaluation} evaluation days leave ${Math.max(0, evalStart)} days with orders for training; expected at least 2 (${span})`);
  }
  let history: number;
  if (h.trainingFrom !== undefined) {
    const from = dates.findIndex((d) => d >= h.trainingFrom!);
    const count = from < 0 || from > evalStart ? 0 : evalStart - from;
    history = days.history ?? count;
    if (days.history !== undefined && days.history !== count) {
      fail('days.history', `${days.history} training days asked for, but ${count} days with orders lie from ${h.trainingFrom} to before ${dates[evalStart]}; give one of the two`);
    }
  } else {
    history = days.history ?? evalStart;
  }
  if (history > evalStart) fail('days.history', `${history} training days asked for, but only ${evalStart} days with orders precede the first evaluation day ${dates[evalStart]}`);
  if (history < 2) fail('days.history', `${history} training day(s) before ${dates[evalStart]}; expected at least 2`);
  return { first: evalStart - history, history, evaluation };
}

/** Price, cost and shelf life defaults of a category of the scenario. */
function categoryDefaults(scenario: Scenario, where: string) {
  const byName = new Map(scenario.catalogue.categories.map((c) => [c.name, c]));
  const supplierOf = new Map<string, number>();
  scenario.suppliers.forEach((s, i) => s.categories.forEach((c) => supplierOf.set(c, i)));
  return (category: string) => {
    const c = byName.get(category);
    if (!c) throw new ScenarioError(where, [`catalogue.categories: no category '${category}', which the imported log uses; expected one entry per category of the log (${[...byName.keys()].join(', ')} given)`]);
    return {
      price: Math.round(Math.sqrt(c.price[0] * c.price[1]) * 100) / 100,
      costRatio: c.costRatio,
      shelfLifeDays: Math.round((c.shelfLifeDays[0] + c.shelfLifeDays[1]) / 2),
      supplier: supplierOf.get(category)!,
    };
  };
}

/** Arrival time of an order as a fraction of the day: its clock time scaled into the simulator's [0, 0.93). */
export function replayTimeOfDay(seconds: number, index: number, count: number): number {
  if (seconds >= 0) return (0.93 * seconds) / 86_400;
  return 0.29 + (0.64 * (index + 0.5)) / count;
}

/** The world of a history scenario (orders from `history`, the same in every replication). */
export function buildHistoryWorld(scenario: Scenario, history: LoadedHistory, where = scenario.name): World {
  const h = scenario.history!;
  const dates = history.days.map((d) => d.date);
  const sel = selectDays(dates, h, scenario.days, where);
  if (sel.history !== scenario.days.history || sel.evaluation !== scenario.days.evaluation) {
    throw new ScenarioError(where, [`days: the history selects ${sel.history} + ${sel.evaluation} days, the scenario says ${scenario.days.history} + ${scenario.days.evaluation}`]);
  }
  const defaults = categoryDefaults(scenario, where);
  const skus: Sku[] = history.catalogue.map((s, id) => {
    const category = s.category === '' ? uncategorised : s.category;
    const d = defaults(category);
    const price = s.price ?? d.price;
    return {
      id, code: s.code, category, unit: s.unit, price,
      cost: Math.round(price * d.costRatio * 100) / 100,
      shelfLifeDays: d.shelfLifeDays, supplier: d.supplier,
    };
  });
  const idOf = new Map(skus.map((s) => [s.code, s.id]));
  const sites = buildSites(scenario);
  const fronts = sites.filter((s) => s.level === 'front');
  const defaultFront = h.site === undefined ? fronts[0] : fronts.find((f) => f.name === h.site);
  if (!defaultFront) throw new ScenarioError(where, [`history.site: no front site '${h.site}'; expected one of ${fronts.map((f) => f.name).join(', ')}`]);
  const frontOf = new Map(fronts.map((f) => [f.name, f.id]));
  const selected = history.days.slice(sel.first, sel.first + sel.history + sel.evaluation);
  let nextId = 1;
  const ordersByDay: Order[][] = selected.map((day, d) => day.orders.map((o, j) => {
    const site = o.site === '' ? defaultFront.id : frontOf.get(o.site);
    if (site === undefined) {
      throw new ScenarioError(where, [`network.fronts: the log has orders at site '${o.site}' (${day.date}), which is no front site; expected one of ${fronts.map((f) => f.name).join(', ')}`]);
    }
    let gmv = 0;
    const lines = o.lines.map((l) => {
      const sku = idOf.get(l.sku);
      if (sku === undefined) throw new ScenarioError(where, [`history.dir: SKU '${l.sku}' of ${day.date} is not in catalogue.json; re-run 'freshsim import'`]);
      gmv += l.qty * (Number.isFinite(l.price) ? l.price : skus[sku].price);
      return { sku, qty: l.qty };
    });
    return { id: nextId++, day: d, timeOfDay: replayTimeOfDay(o.seconds, j, day.orders.length), site, lines, gmv: Math.round(gmv * 100) / 100 };
  }));
  return {
    skus,
    suppliers: buildSuppliers(scenario),
    sites,
    promotions: [],
    ordersByDay,
    startDate: selected[0].date,
    dates: selected.map((d) => d.date),
    historyDays: sel.history,
    evaluationDays: sel.evaluation,
    warmupDays: scenario.days.warmup,
    constraints: scenario.constraints,
    refunds: scenario.refunds,
    gridPolicy: scenario.upstream.grid,
    centralPolicy: scenario.upstream.central,
  };
}
