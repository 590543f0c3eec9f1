/*
 * Summaries from stored cell figures: the figures of each run, written to JSON and read back
 * (as the result store does), give a byte-identical results document to summarising the whole
 * simulation results.
 */
import { describe, expect, it } from 'vitest';
import { cellFigures, summarise, summariseFigures, type SummaryMeta } from '../../analysis/index.js';
import { buildWorld, builtinScenario } from '../../scenarios/index.js';
import { createStreams, dateOf, indexDemand, simulate, type SimulationResult } from '../../sim/index.js';
import { createPlanner } from '../../strategies/index.js';

describe('cell figures', () => {
  it('summarise from JSON round-tripped figures equals summarise from the runs', () => {
    const scenario = builtinScenario('tiny')!;
    const names = ['pto-greedy', 'newsvendor'];
    const seeds = [1, 2];
    const runs = new Map<string, SimulationResult[]>(names.map((n) => [n, []]));
    for (const rep of seeds) {
      const world = buildWorld(scenario, rep);
      const demand = indexDemand(world);
      for (const n of names) runs.get(n)!.push(simulate(world, createPlanner(n), { streams: createStreams(scenario.seed, rep), demand }));
    }
    const first = scenario.days.history;
    const meta: SummaryMeta = {
      freshsim: 'test', scenario: scenario.name, scenarioSeed: scenario.seed, seeds,
      days: Array.from({ length: scenario.days.evaluation }, (_, k) => dateOf(scenario.startDate, first + k)),
      evaluationStart: first, constraints: scenario.constraints,
    };
    const direct = summarise(names.map((n) => ({ name: n, params: {}, runs: runs.get(n)! })), meta);
    const stored = names.map((n) => ({
      name: n,
      params: {},
      cells: runs.get(n)!.map((r) => JSON.parse(JSON.stringify(cellFigures(r, first, scenario.days.evaluation)))),
    }));
    expect(JSON.stringify(summariseFigures(stored, meta), null, 2)).toBe(JSON.stringify(direct, null, 2));
  });
});
