/*
 * The round trip: orders drawn by the generator, exported as a CSV log, imported and replayed,
 * give the same full-order rates as the generated world for the same plans (PTO's plans on the
 * generated world, replayed by date and SKU code).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readHistoryDir } from '../../../cli/history-files.js';
import { importCommand } from '../../../cli/commands/import.js';
import {
  buildWorld, builtinScenarios, completeHistoryScenario, validateScenario, worldOrdersCsv, type ScenarioInput,
} from '../../../scenarios/index.js';
import { createStreams, simulate, type Planner, type SimulationResult, type World } from '../../../sim/index.js';
import { createPlanner, resolvedParams } from '../../../strategies/index.js';

const silent = { stdout: () => {}, stderr: () => {} };

/** `tiny`, shortened, with reliable suppliers so that every plan is met at the front site. */
const tiny = builtinScenarios.tiny;
const generated: ScenarioInput = {
  ...tiny,
  name: 'round-trip',
  days: { history: 24, evaluation: 4, warmup: 4 },
  suppliers: tiny.suppliers.map((s) => ({ ...s, fillRate: 1, onTimeProbability: 1 })),
  catalogue: { ...tiny.catalogue, categories: tiny.catalogue.categories.map((c) => ({ ...c, shelfLifeDays: [c.shelfLifeDays[0], c.shelfLifeDays[0]] as [number, number] })) },
};

/** A planner that records the plans of `inner` by date and SKU code. */
function recording(inner: Planner, log: Map<string, Map<string, number>>): Planner {
  return {
    name: inner.name, oracle: false,
    decide(ctx) {
      const plan = inner.decide(ctx);
      const byCode = new Map<string, number>();
      plan.forEach((q, i) => { if (q > 0) byCode.set(ctx.skus[i].code, q); });
      log.set(ctx.date, byCode);
      return plan;
    },
  };
}

/** A planner that replays recorded plans by date and SKU code. */
function replaying(log: Map<string, Map<string, number>>): Planner {
  return {
    name: 'replay', oracle: false,
    decide(ctx) {
      const byCode = log.get(ctx.date);
      if (!byCode) throw new Error(`no recorded plan for ${ctx.date}`);
      return Float64Array.from(ctx.skus, (s) => byCode.get(s.code) ?? 0);
    },
  };
}

const fullOrders = (r: SimulationResult) => r.siteDays.map((m) => [m.orders, m.fullOrders, m.replenishmentShortUnits]);

let spooledSame = false;
let genWorld: World;
let histWorld: World;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'freshsim-roundtrip-'));
  const scenario = validateScenario(generated, 'round-trip');
  genWorld = buildWorld(scenario, 1, undefined, readHistoryDir);
  writeFileSync(join(dir, 'log.csv'), `${[...worldOrdersCsv(genWorld)].join('\n')}\n`);
  expect(await importCommand({ files: [join(dir, 'log.csv')], out: join(dir, 'imported') }, silent)).toBe(0);
  // The same log spooled to disk in small chunks (as a log larger than memory is) gives the same directory.
  expect(await importCommand({ files: [join(dir, 'log.csv')], out: join(dir, 'spooled'), spoolLines: 500 }, silent)).toBe(0);
  spooledSame = readdirSync(join(dir, 'imported', 'days')).every((f) =>
    readFileSync(join(dir, 'imported', 'days', f), 'utf8') === readFileSync(join(dir, 'spooled', 'days', f), 'utf8'))
    && readFileSync(join(dir, 'imported', 'catalogue.json'), 'utf8') === readFileSync(join(dir, 'spooled', 'catalogue.json'), 'utf8');
  const { startDate: _unused, ...rest } = generated;
  const { input } = completeHistoryScenario({ ...rest, history: { dir: join(dir, 'imported') } }, join(dir, 'scenario.yaml'), readHistoryDir);
  histWorld = buildWorld(validateScenario(input, 'round-trip history'), 1, undefined, readHistoryDir);
});

describe('round trip: generate → export CSV → import → replay', () => {
  it('imports the same directory whether sales stay in memory or are spooled to disk', () => {
    expect(spooledSame).toBe(true);
  });

  it('replays the same days, orders and lines', () => {
    expect(histWorld.ordersByDay.map((d) => d.length)).toEqual(genWorld.ordersByDay.map((d) => d.length));
    const lines = (w: World, d: number) => w.ordersByDay[d].map((o) => o.lines.map((l) => `${w.skus[l.sku].code}×${l.qty}`).join(' '));
    for (let d = 0; d < genWorld.ordersByDay.length; d++) expect(lines(histWorld, d)).toEqual(lines(genWorld, d));
    expect(histWorld.dates?.[0]).toBe(genWorld.startDate);
    expect([histWorld.historyDays, histWorld.evaluationDays, histWorld.constraints]).toEqual([24, 4, genWorld.constraints]);
  });

  it('gives the same full-order rates for the same plans', () => {
    const log = new Map<string, Map<string, number>>();
    const pto = createPlanner('pto-greedy', resolvedParams('pto-greedy', undefined));
    const onGenerated = simulate(genWorld, recording(pto, log), { streams: createStreams(11, 1) });
    const onHistory = simulate(histWorld, replaying(log), { streams: createStreams(11, 1) });
    expect(onGenerated.siteDays).toHaveLength(4);
    expect(onGenerated.siteDays.every((m) => m.replenishmentShortUnits === 0)).toBe(true);
    expect(fullOrders(onHistory)).toEqual(fullOrders(onGenerated));
    const rate = (r: SimulationResult) => r.siteDays.reduce((a, m) => a + m.fullOrders, 0) / r.siteDays.reduce((a, m) => a + m.orders, 0);
    expect(rate(onGenerated)).toBeGreaterThan(0.2);
    expect(rate(onHistory)).toBe(rate(onGenerated));
  });
});
