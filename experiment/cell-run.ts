/**
 * Running one cell: build (or reuse) the world of its (scenario,
 * replication), simulate the strategy on it, and reduce the run to the
 * compact figures a summary needs. The same function runs in the main
 * thread, in a pool worker and in a distributed worker, so a cell's numbers
 * never depend on where it ran.
 */
import { cellFigures, solverFigures, stockedByRankRecorder, type CellFigures, type SolverFigures } from '../analysis/index.js';
import { buildWorld, type HistoryReader } from '../scenarios/index.js';
import { createStreams, indexDemand, simulate, type DemandIndex, type Planner, type World } from '../sim/index.js';
import { createForecastMemo, createPlanner, type DecisionDiagnostic, type ForecastMemo, type StrategyDefinition, type StrategyServices } from '../strategies/index.js';
import type { CellSpec } from './cells.js';

/** Decision timing of one cell (wall clock; not deterministic, kept out of results.json). */
export interface CellTiming {
  readonly decisions: number;
  readonly totalMs: number;
  readonly maxMs: number;
}

/** What a worker sends back for a cell; plain JSON. */
export interface CellOutcome {
  readonly id: string;
  readonly figures: CellFigures;
  readonly timing: CellTiming;
  /** Which process and thread ran it (`pid/thread`), for diagnostics. */
  readonly ranBy?: string;
  /** Solver diagnostics of the cell's decisions (strategies that solve OM1), passed on to the coordinator. */
  readonly decisions?: readonly DecisionDiagnostic[];
}

/** A cell that threw: its error as plain data (an Error's class does not survive a thread or Redis). */
export interface CellFailure {
  readonly id: string;
  readonly error: { readonly name: string; readonly message: string };
}

/** Whether a worker's answer is a failure. */
export function isCellFailure(x: CellOutcome | CellFailure): x is CellFailure {
  return 'error' in x;
}

/** The error of a failed cell as plain data. */
export function failureOf(id: string, e: unknown): CellFailure {
  const err = e instanceof Error ? e : new Error(String(e));
  return { id, error: { name: err.name, message: err.message } };
}

/** How many worlds one worker keeps: cells arrive grouped by (scenario, replication), so a few suffice. */
const WORLD_CACHE_SIZE = 3;

/** Solver figures of an oracle that reports its decisions (the `opt` oracle), else undefined. */
function solverOf(planner: Planner, evaluationStart: number): SolverFigures | undefined {
  const decisions = (planner as { decisions?: readonly DecisionDiagnostic[] }).decisions;
  return planner.oracle && Array.isArray(decisions) ? solverFigures(decisions, evaluationStart) : undefined;
}

/**
 * A cell runner that shares generated worlds (orders and their demand index)
 * between the cells of one (scenario, replication), keeping the most recently
 * used few, each with its forecast memo. `clock` (ms) times decisions;
 * `readHistory` loads the imported directory of a history scenario (cli/
 * reads it from the disk). Each cell is handed the services its strategy may
 * use (HiGHS, the OM1 cache) and, for a strategy module, its loaded
 * definition; the strategy's per-decision diagnostics come back in the
 * outcome's `decisions`.
 */
export function createCellRunner(clock?: () => number, readHistory?: HistoryReader): (cell: CellSpec, services?: StrategyServices, definition?: StrategyDefinition<any>) => CellOutcome {
  const worlds = new Map<string, { world: World; demand: DemandIndex; forecasts: ForecastMemo }>();
  function worldOf(cell: CellSpec): { world: World; demand: DemandIndex; forecasts: ForecastMemo } {
    const key = `${cell.scenarioId}#${cell.replication}`;
    let entry = worlds.get(key);
    if (entry) {
      worlds.delete(key); // re-insert as most recently used
    } else {
      const world = buildWorld(cell.scenario, cell.replication, cell.scenario.seed, readHistory);
      entry = { world, demand: indexDemand(world), forecasts: createForecastMemo() };
      if (worlds.size >= WORLD_CACHE_SIZE) worlds.delete(worlds.keys().next().value!);
    }
    worlds.set(key, entry);
    return entry;
  }
  return (cell, services = {}, definition) => {
    const own = cell.strategy.module !== undefined || cell.strategy.exec !== undefined;
    if (own && definition?.name !== cell.strategy.name) {
      throw new Error(`cell ${cell.key}: strategy '${cell.strategy.name}' (a module or command) has no definition in this process`);
    }
    const { world, demand, forecasts } = worldOf(cell);
    // Records which SKUs each evaluation-day plan stocks, by sales rank (the report's Figure-8 chart).
    const stocked = stockedByRankRecorder(cell.scenario.days.history);
    const decisions: DecisionDiagnostic[] = [];
    const onDecision = (d: DecisionDiagnostic) => { decisions.push(d); services.onDecision?.(d); };
    // The world's forecast memo: its baselines share one PM0 forecast per site and day.
    const inner = createPlanner(own ? definition! : cell.strategy.name, cell.strategy.params, { ...services, onDecision, forecastMemo: forecasts });
    const planner = stocked.wrap(inner);
    const streams = createStreams(cell.scenario.seed, cell.replication);
    let run: ReturnType<typeof simulate>;
    try {
      run = simulate(world, planner, { streams, demand, clock });
    } finally {
      // A planner holding a resource (an out-of-process strategy's child) releases it.
      (inner as { close?: () => void }).close?.();
    }
    const ms = run.decisionMs;
    let totalMs = 0;
    let maxMs = 0;
    for (const x of ms) {
      totalMs += x;
      if (x > maxMs) maxMs = x;
    }
    return {
      id: cell.id,
      figures: cellFigures(run, cell.scenario.days.history, cell.scenario.days.evaluation, stocked.figures(), solverOf(inner, cell.scenario.days.history)),
      timing: { decisions: ms.length, totalMs, maxMs },
      ...(decisions.length > 0 ? { decisions } : {}),
    };
  };
}
