/*
 * History-driven worlds: days without orders are skipped (not faked) while strategies still see
 * real dates and weekdays; training and evaluation days are chosen by date; K/C/L, prices, shelf
 * lives and sites default from the data, and every default is stated.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readHistoryDir } from '../../../cli/history-files.js';
import { importCommand } from '../../../cli/commands/import.js';
import {
  buildWorld, checkNetwork, builtinScenarios, completeHistoryScenario, historyDirScenario, ScenarioError, validateScenario,
} from '../../../scenarios/index.js';
import { createStreams, simulate, type Planner } from '../../../sim/index.js';

const silent = { stdout: () => {}, stderr: () => {} };
let root: string;

/** Import `csv` (one file) into a fresh directory and return it. */
async function imported(name: string, csv: string[]): Promise<string> {
  const src = join(root, `${name}.csv`);
  writeFileSync(src, `${csv.join('\n')}\n`);
  const out = join(root, name);
  expect(await importCommand({ files: [src], out }, silent)).toBe(0);
  return out;
}

/** Days with orders: Mon 7 – Tue 8, Thu 10, Fri 11 March 2011, then Mon 14 – Thu 17 (Wed 9 and the weekend missing). */
const dates = ['2011-03-07', '2011-03-08', '2011-03-10', '2011-03-11', '2011-03-14', '2011-03-15', '2011-03-16', '2011-03-17'];

/** Two orders a day: APPLE×2 (kg, 0.5) at 09:00 and BREAD×1 + MILK×3 at 18:00; no price column. */
function gappyLog(): string[] {
  const lines = ['order_id,timestamp,sku,quantity,category'];
  dates.forEach((d, k) => {
    lines.push(`${k}a,${d} 18:00,BREAD,1,bakery`, `${k}a,${d} 18:00,MILK,3,dairy`, `${k}b,${d} 12:00,APPLE,0.5,fruit`);
  });
  return lines;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'freshsim-history-'));
  mkdirSync(root, { recursive: true });
});

describe('history worlds', () => {
  it('skips days without orders and gives strategies the real dates and weekdays', async () => {
    const dir = await imported('gappy', gappyLog());
    const { scenario } = historyDirScenario(dir, readHistoryDir);
    const world = buildWorld(scenario, 1, undefined, readHistoryDir);
    expect(world.dates).toEqual(dates);
    expect(world.ordersByDay.map((d) => d.length)).toEqual(dates.map(() => 2));
    // Orders in arrival order: 12:00 before 18:00, mapped into the simulator's [0, 0.93) day.
    expect(world.ordersByDay[0].map((o) => o.timeOfDay)).toEqual([0.93 * 0.5, 0.93 * 0.75]);
    const seen: [string, number, number][] = [];
    const planner: Planner = {
      name: 'spy', oracle: false,
      decide(ctx) { seen.push([ctx.date, ctx.weekday, ctx.weekdayOf(ctx.day - 1)]); return new Float64Array(ctx.skus.length); },
    };
    simulate(world, planner, { streams: createStreams(1, 1) });
    const evalFirst = world.historyDays;
    const decided = seen.filter(([d]) => d >= dates[evalFirst]);
    expect(decided.map(([d]) => d)).toEqual(dates.slice(evalFirst));
    const weekday = (iso: string) => (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
    for (const [d, w] of seen) expect(w).toBe(weekday(d));
    // The day before Monday the 14th, as the strategy sees it, is Friday the 11th (index − 1), a Friday.
    const monday = seen.find(([d]) => d === '2011-03-14');
    expect(monday).toEqual(['2011-03-14', 0, 4]);
  });

  it('fills prices, shelf lives, K/C/L and the network from the data and states each default', async () => {
    const dir = await imported('defaults', gappyLog());
    const { scenario, stated } = historyDirScenario(dir, readHistoryDir);
    // 8 days with orders: min(7, floor(8/5)) = 1 evaluation day, 7 training days, warm-up 6.
    expect(scenario.days).toEqual({ history: 7, evaluation: 1, warmup: 6 });
    expect(scenario.history).toMatchObject({ trainingFrom: '2011-03-07', evaluationFrom: '2011-03-17', evaluationTo: '2011-03-17' });
    // 3 distinct SKUs sold every training day: K = round(0.85 × 3) = 3; 4.5 units a day: C = round(4.5) = 5 (4.5 rounds to 5); L = round(0.4 × 5 / 3) = 1.
    expect(scenario.constraints).toEqual({ K: 3, C: 5, L: 1 });
    expect(stated).toEqual(expect.arrayContaining([
      'K = 3: 0.85 × the mean 3.0 distinct SKUs sold a day in the last 7 training days',
      'C = 5: 1 × the mean 4.5 units a day of the last 7 training days',
      'L = 1: 0.4 × C / K, at least 1',
      '3 of 3 SKUs have no price in the log: their category\'s default price is used',
    ]));
    const tinyCat = (name: string) => builtinScenarios.tiny.catalogue.categories.find((c) => c.name === name)!;
    const bakery = tinyCat('bakery');
    expect(stated).toContain(`category 'bakery': defaults of the built-in 'tiny' category of that name: prices ${bakery.price.join('–')} (geometric mean used when the log has none), cost ratio ${bakery.costRatio}, shelf life ${bakery.shelfLifeDays.join('–')} days (midpoint used)`);
    const fruitSupplier = builtinScenarios.tiny.suppliers.find((x) => x.categories.includes('fruit'))!;
    expect(stated).toContain(`supplier '${fruitSupplier.name}' for fruit: lead time ${fruitSupplier.leadTimeDays} d, on time ${fruitSupplier.onTimeProbability}, fill rate ${fruitSupplier.fillRate}, defect rate ${fruitSupplier.defectRate} (from the built-in 'tiny')`);
    expect(scenario.description).toContain('K = 3');
    // Trips scaled to C = 5 (1.5 × C, rounded up), the grid's to its one front; ample upstream cover.
    expect(scenario.network.fronts.map((f) => f.tripCapacityUnits)).toEqual([8]);
    expect(scenario.network.grids.map((g) => g.tripCapacityUnits)).toEqual([8]);
    expect(scenario.upstream.grid.coverDays).toBeGreaterThan(builtinScenarios.tiny.upstream.grid.coverDays);
    expect(checkNetwork(scenario)).toEqual({ warnings: [], errors: [] });
    const world = buildWorld(scenario, 1, undefined, readHistoryDir);
    const apple = world.skus.find((s) => s.code === 'APPLE')!;
    // The log has no prices or shelf lives: 'tiny''s fruit defaults, geometric-mean price and midpoint shelf life.
    const fruit = tinyCat('fruit');
    expect(apple).toMatchObject({
      unit: 'kg', category: 'fruit',
      price: Math.round(Math.sqrt(fruit.price[0] * fruit.price[1]) * 100) / 100,
      shelfLifeDays: Math.round((fruit.shelfLifeDays[0] + fruit.shelfLifeDays[1]) / 2),
    });
    expect(world.suppliers[apple.supplier].name).toBe(fruitSupplier.name);
    expect(world.skus.map((s) => s.code)).toEqual(['APPLE', 'BREAD', 'MILK']);
    expect(world.sites.filter((s) => s.level === 'front').map((s) => s.name)).toEqual(['front-1']);
  });

  it('takes category defaults, constraints and dates from a scenario file and keeps the orders the same in every replication', async () => {
    const dir = await imported('chosen', gappyLog());
    const file = join(root, 'chosen.yaml');
    const { input, stated } = completeHistoryScenario({
      name: 'chosen',
      history: { dir: 'chosen', trainingFrom: '2011-03-08', evaluationFrom: '2011-03-14', evaluationTo: '2011-03-15' },
      constraints: { K: 3, C: 50, L: 2 },
      catalogue: {
        skus: 3, popularity: { zipfExponent: 1 },
        categories: [{ name: 'bakery', share: 1, price: [2, 2], costRatio: 0.5, shelfLifeDays: [1, 1] }],
      },
    }, file, readHistoryDir);
    expect(stated.some((s) => s.startsWith('K ='))).toBe(false);
    const scenario = validateScenario(input, file);
    expect(scenario.history!.dir).toBe(dir);
    expect(scenario.days).toMatchObject({ history: 3, evaluation: 2 });
    const w1 = buildWorld(scenario, 1, undefined, readHistoryDir);
    const w2 = buildWorld(scenario, 2, undefined, readHistoryDir);
    expect(w1.dates).toEqual(['2011-03-08', '2011-03-10', '2011-03-11', '2011-03-14', '2011-03-15']);
    expect(w1.constraints).toEqual({ K: 3, C: 50, L: 2 });
    expect(w1.skus.find((s) => s.code === 'BREAD')).toMatchObject({ price: 2, cost: 1, shelfLifeDays: 1 });
    expect(w2.ordersByDay).toEqual(w1.ordersByDay);
  });

  it('rejects dates outside the log and impossible day counts, naming the field', async () => {
    const dir = await imported('bounds', gappyLog());
    const complete = (history: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      () => completeHistoryScenario({ history: { dir, ...history }, ...extra }, join(root, 's.yaml'), readHistoryDir);
    expect(complete({ evaluationFrom: '2011-04-01' })).toThrow(ScenarioError);
    expect(complete({ evaluationFrom: '2011-04-01' })).toThrow(/history\.evaluationFrom: no day with orders on or after 2011-04-01; the log has days with orders from 2011-03-07 to 2011-03-17/);
    expect(complete({}, { days: { history: 9, evaluation: 1 } })).toThrow(/days\.history: 9 training days asked for, but only 7 days with orders precede the first evaluation day 2011-03-17/);
    expect(complete({}, { startDate: '2011-01-01' })).toThrow(/startDate: a history scenario starts on its first training day \(2011-03-07\)/);
    expect(() => completeHistoryScenario({ history: { dir: join(root, 'nowhere') } }, 's.yaml', readHistoryDir)).toThrow(/cannot read .*manifest\.json/);
    // scenarios/ never reads the disk: without a reader a history scenario is a clear error.
    expect(() => completeHistoryScenario({ history: { dir: join(root, 'nowhere') } }, 's.yaml')).toThrow(/no history reader was handed in/);
    expect(complete({}, { shocks: { timeline: [] } })).toThrow(/shocks: not available with history/);
  });

  it('maps a site column to front sites and rejects orders at an unknown site', async () => {
    const lines = ['order_id,date,sku,store'];
    dates.forEach((d, k) => lines.push(`${k}n,${d},BREAD,north`, `${k}s,${d},MILK,south`, `${k}s,${d},BREAD,south`));
    const dir = await imported('sites', lines);
    const { scenario } = historyDirScenario(dir, readHistoryDir);
    expect(scenario.network.fronts.map((f) => f.name)).toEqual(['north', 'south']);
    const world = buildWorld(scenario, 1, undefined, readHistoryDir);
    const name = (id: number) => world.sites[id].name;
    expect(world.ordersByDay[0].map((o) => [name(o.site), o.lines.length])).toEqual([['north', 1], ['south', 2]]);
    // Without a time, orders are spread over opening hours in file order.
    expect(world.ordersByDay[0].map((o) => o.timeOfDay)).toEqual([0.29 + 0.64 * 0.25, 0.29 + 0.64 * 0.75]);
    const wrong = { ...scenario, network: { ...scenario.network, fronts: [{ ...scenario.network.fronts[0], name: 'east' }] } };
    expect(() => buildWorld(wrong, 1, undefined, readHistoryDir)).toThrow(/the log has orders at site 'north' \(2011-03-07\), which is no front site; expected one of east/);
  });
});
