/**
 * Summarising a plan's records into results documents: one per scenario, in
 * plan order, from the stored figures alone, so completion order, pool size
 * and where a cell ran never change a number.
 */
import { summariseFigures, type CellFigures, type Results } from '../analysis/index.js';
import { scenarioDateOf } from '../scenarios/index.js';
import type { CellTiming } from './cell-run.js';
import { contentHash, type ExperimentPlan } from './cells.js';

/** What a summary needs of a finished cell (the result store's records carry more). */
export interface CellResult {
  readonly figures: CellFigures;
  readonly timing: CellTiming;
}

/** Decision timing per strategy label. */
export interface Timing {
  readonly strategies: Record<string, { decisions: number; meanMs: number; maxMs: number; totalMs: number }>;
}

/** The cells of `plan` that `records` lack. */
export function missingCells(plan: ExperimentPlan, records: ReadonlyMap<string, CellResult>): ExperimentPlan['cells'] {
  return plan.cells.filter((c) => !records.has(c.id));
}

/**
 * Summaries of every scenario of a complete plan, from the records alone (in
 * plan order: completion order never matters); each records its scenario's
 * fingerprint in `provenance.scenarioHash`.
 */
export function summarisePlan(plan: ExperimentPlan, records: ReadonlyMap<string, CellResult>): { scenario: string; results: Results; timing: Timing }[] {
  const missing = missingCells(plan, records);
  if (missing.length > 0) throw new Error(`cannot summarise: ${missing.length} cells have no record (first: ${missing[0].key})`);
  const idOf = new Map(plan.cells.map((c) => [`${c.scenario.name}\n${c.label}\n${c.replication}`, c.id]));
  return plan.scenarios.map((scenario) => {
    const cellsOf = (label: string) => plan.seeds.map((rep) => records.get(idOf.get(`${scenario.name}\n${label}\n${rep}`)!)!);
    const first = scenario.days.history;
    const summary = summariseFigures(
      plan.variants.map((v) => ({ name: v.label, params: v.params, cells: cellsOf(v.label).map((r) => r.figures) })),
      {
        freshsim: plan.freshsim,
        scenario: scenario.name,
        scenarioSeed: scenario.seed,
        seeds: plan.seeds,
        days: Array.from({ length: scenario.days.evaluation }, (_, k) => scenarioDateOf(scenario, first + k)),
        evaluationStart: first,
        constraints: scenario.constraints,
      },
      plan.baseline,
    );
    // The scenario's fingerprint (the content hash that also identifies its cells), which the gate compares.
    const results: Results = { ...summary, provenance: { ...summary.provenance, scenarioHash: contentHash(scenario) } };
    const timing: Timing = { strategies: {} };
    for (const v of plan.variants) {
      const ts = cellsOf(v.label).map((r) => r.timing);
      const decisions = ts.reduce((a, t) => a + t.decisions, 0);
      const totalMs = ts.reduce((a, t) => a + t.totalMs, 0);
      const maxMs = ts.reduce((a, t) => Math.max(a, t.maxMs), 0);
      timing.strategies[v.label] = { decisions, meanMs: decisions ? totalMs / decisions : 0, maxMs, totalMs };
    }
    return { scenario: scenario.name, results, timing };
  });
}
